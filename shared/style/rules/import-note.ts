/**
 * Import notes (see shared/import/import-notes.ts): what an import did that a reader must
 * check, stored in the header's `importNotes` and listed as problems of the paragraph
 * holding the node they name, for as long as that node exists. No fix: checking the text
 * against the source is for the author; the note goes when its node goes.
 */
import type { Node } from 'prosemirror-model';
import type { ParagraphText } from '../text.js';
import { isMessage, type Message } from '../../i18n/message.js';
import { hint, type HintKey } from '../hint-text.js';
import type { LocalProblem } from '../types.js';

/**
 * One import note: `id` of the node it is about (a footnote or a paragraph), `place` as the
 * source named it ("Footnote 9 of draft resolution II") and `text` what happened ("its text
 * was printed after draft resolution III began"), in English; `message`, when the importer
 * gave one, is `text` as a catalogue message, said in the interface language.
 */
export type ImportNote = { id: string; place: string; text: string; message?: Message };

/** The import notes of `doc` by node id; malformed entries (hostile or old files) are ignored. */
export function importNotesOf(doc: Node): ReadonlyMap<string, ImportNote> {
  const out = new Map<string, ImportNote>();
  const raw: unknown = doc.firstChild?.type.name === 'header' ? doc.firstChild.attrs.importNotes : undefined;
  if (!Array.isArray(raw)) return out;
  for (const entry of raw as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, place, text, message } = entry as Record<string, unknown>;
    if (typeof id === 'string' && id !== '' && typeof place === 'string' && typeof text === 'string' && !out.has(id)) {
      out.set(id, { id, place, text, ...(isMessage(message, 2) ? { message } : {}) });
    }
  }
  return out;
}

/**
 * The import-note problems of paragraph `id`: a note on one of its footnotes covers the
 * marker ("Footnote 9 of draft resolution II, OP 9: its text was printed after draft
 * resolution III began"), a note on the paragraph itself its whole text.
 */
export function importNoteProblems(id: string, paragraph: ParagraphText, notes: ReadonlyMap<string, ImportNote>): LocalProblem[] {
  if (notes.size === 0) return [];
  const problems: LocalProblem[] = [];
  const own = notes.get(id);
  if (own) problems.push(problem(id, own, 0, paragraph.text.length));
  for (const atom of paragraph.atoms) {
    const note = atom.kind === 'footnote' ? notes.get(atom.id) : undefined;
    if (note) problems.push(problem(id, note, atom.offset, atom.offset + 1));
  }
  return problems;
}

function problem(id: string, note: ImportNote, from: number, to: number): LocalProblem {
  return {
    rule: 'import-note', paragraphId: id, from, to, severity: 'warning',
    // The note's place and text are the importer's words about the source, kept as written.
    place: (pathOf) => `${note.place}, ${pathOf(id)}`,
    hint: hint('importNote', { text: note.message ? asHint(note.message) : note.text }),
  };
}

// A message as a hint value: its key as it is (it has a namespace), numbers as written.
function asHint(message: Message): HintKey {
  const values: Record<string, string | HintKey> = {};
  for (const [name, value] of Object.entries(message.values ?? {})) values[name] = typeof value === 'object' ? asHint(value) : String(value);
  return { key: message.key, values };
}
