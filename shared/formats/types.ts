/**
 * The contract every file format of Penholder implements (Akoma Ntoso, Word, text, PDF
 * source): pure transformations between ProseMirror documents of the resolution schema and
 * strings or bytes. Reading files, folders and zips, and running a typesetter, live in
 * electron/files/, which holds the one table of formats the CLI, the backend and the
 * Import/Export dialogs share.
 */
import type { Node } from 'prosemirror-model';
import { messageText, type Message } from '../i18n/message.js';

/** The formats Penholder reads. */
export type ImportFormat = 'text' | 'akn' | 'docx';

/** The formats Penholder writes. */
export type ExportFormat = 'text' | 'akn' | 'docx' | 'pdf';

/**
 * What a reader found in one input: the documents in their order in the input, and every
 * warning (what it could not place, kept as text; what it had to guess), each naming what
 * and where ("akn: element <blockList> (eId para_4__list_1) kept as text"). `messages` are
 * the warnings as catalogue messages (namespace `formats`), for an interface in any language;
 * `warnings` the same in English, index-aligned (`warnings[i]` is `messageText(messages[i])`),
 * for the CLI and logs. Build one with `importResult` so the two cannot diverge.
 */
export type FormatImportResult = { documents: Node[]; warnings: string[]; messages: Message[] };

/** The result of a reader: `documents` and `messages`, with the English `warnings` made from them. */
export function importResult(documents: Node[], messages: readonly Message[]): FormatImportResult {
  return { documents, warnings: messages.map((m) => messageText(m)), messages: [...messages] };
}

/**
 * Tracked changes found in a Word document: `insertions` and `deletions` count the
 * `w:ins` / `w:del` elements of the body that hold text (not paragraph-mark revisions; a
 * move counts as one deletion and one insertion); `authors` in order of first appearance.
 */
export type TrackedChangeCounts = { insertions: number; deletions: number; authors: string[] };

/** What to do with a Word document's tracked changes on import. */
export type TrackedChangeMode = 'accept' | 'reject' | 'proposals';

/** The views a document is exported in (see shared/document/export-text.ts `TextView`). */
export type ExportView = 'compilation' | 'clean';

/**
 * Raised by a reader or writer for input it refuses: `text` names what and where as a
 * catalogue message (namespace `formats`), `message` is its English sentence.
 */
export class FormatError extends Error {
  override name = 'FormatError';
  /** What was refused and where, for an interface in any language. */
  readonly text: Message;

  /** A refusal saying `text`; `options.cause` keeps the error that revealed it. */
  constructor(text: Message, options?: ErrorOptions) {
    super(messageText(text), options);
    this.text = text;
  }
}

