/**
 * The one table of file formats Penholder reads and writes, shared by the CLI
 * (`penholder import` / `export`) and the backend (files.* channels): what a file is (told by
 * content, detect.ts), which reader takes it, which writer makes each export format, with
 * its extension and MIME type. Readers and writers are loaded on first use, so the CLI's
 * text commands never load the Word, Akoma Ntoso or Typst modules.
 */
import type { Node } from 'prosemirror-model';
import { readHeader } from '../../shared/document/header.js';
import { summarize } from '../../shared/document/summary.js';
import { FormatError, importResult, type ExportFormat, type ExportView, type ImportFormat, type TrackedChangeCounts, type TrackedChangeMode } from '../../shared/formats/types.js';
import { ImportError, importText } from '../../shared/import/index.js';
import { detectFormat } from './detect.js';
import { naturalOrder, unzipBounded } from './zip.js';
import { causeValue, type Message, messageText, msg } from '../../shared/i18n/message.js';

/** One input file: its name (in messages; a path or a zip entry) and its bytes. */
export type InputFile = { name: string; bytes: Uint8Array };

/** Progress of a long job: `done` of `total` steps, now at `stage` (a file name, "writing"...). */
export type Progress = { done: number; total: number; stage: string };

/** Options of `readFiles`. `signal` aborts between files (the promise rejects with its reason). */
export type ReadOptions = {
  trackedChanges?: TrackedChangeMode;
  delegationOf?: (author: string) => string | null;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
};

/**
 * What one input file gave: its format, documents, warnings (each starting with the file's
 * name) in English and as catalogue `messages` (index-aligned, see `FormatImportResult`),
 * Word tracked changes (null otherwise).
 */
export type ReadPart = { source: string; format: ImportFormat; documents: Node[]; warnings: string[]; messages: Message[]; trackedChanges: TrackedChangeCounts | null };

/** The extension of each file kind read out of a zip or a folder. */
export const readableExtensions = ['.xml', '.docx', '.txt', '.zip'] as const;

/** Per export format: file extension, MIME type, and whether it is text (may go to standard output). */
export const exportFormatTable: Readonly<Record<ExportFormat, { extension: string; mime: string; text: boolean }>> = {
  text: { extension: '.txt', mime: 'text/plain; charset=utf-8', text: true },
  akn: { extension: '.xml', mime: 'application/akn+xml', text: true },
  docx: { extension: '.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', text: false },
  pdf: { extension: '.pdf', mime: 'application/pdf', text: false },
};

/**
 * Reads every file in order (a zip's .xml, .docx and .txt files in natural order of their
 * paths), one ReadPart per file read. Throws FormatError naming the file for what cannot be
 * read (see detectFormat, unzipBounded and the readers), and for text or a zip in which no
 * resolution or decision is found.
 */
export async function readFiles(files: readonly InputFile[], options: ReadOptions = {}): Promise<ReadPart[]> {
  const parts: ReadPart[] = [];
  for (const [i, file] of files.entries()) {
    await nextTurn();
    options.signal?.throwIfAborted();
    options.onProgress?.({ done: i, total: files.length, stage: file.name });
    parts.push(...(await readFile(file, options)));
  }
  options.onProgress?.({ done: files.length, total: files.length, stage: 'read' });
  return parts;
}

async function readFile(file: InputFile, options: ReadOptions): Promise<ReadPart[]> {
  const detected = detectFormat(file.name, file.bytes);
  // The file's name before each warning; an AKN reader's warnings name their source already.
  const named = (result: { documents: Node[]; messages: readonly Message[] }) =>
    importResult(result.documents, result.messages.map((warning) => msg('formats:inFile', { file: file.name, warning })));
  switch (detected.kind) {
    case 'docx': {
      const { readDocx } = await import('../../shared/formats/docx/read.js');
      const result = readDocx(file.bytes, { trackedChanges: options.trackedChanges, delegationOf: options.delegationOf });
      return [{ source: file.name, format: 'docx', ...named(result), trackedChanges: result.trackedChanges }];
    }
    case 'xml': {
      // readAkn refuses XML of another kind itself, naming its root, so the file is parsed
      // once (isAknXml would parse it a second time); it names the source in its warnings.
      const { readAkn } = await import('../../shared/formats/akn/read.js');
      const result = readAkn(detected.text, file.name);
      return [{ source: file.name, format: 'akn', documents: result.documents, warnings: result.warnings, messages: result.messages, trackedChanges: null }];
    }
    case 'text': {
      let result: { documents: Node[]; messages: Message[] };
      try {
        result = importText(detected.text);
      } catch (err) {
        if (err instanceof ImportError) throw new FormatError(msg('backend:files.cannotImport', { name: file.name, cause: causeValue(err) }));
        throw err;
      }
      if (result.documents.length === 0) throw new FormatError(msg('backend:files.noDocument', { name: file.name }));
      return [{ source: file.name, format: 'text', ...named(result), trackedChanges: null }];
    }
    case 'zip':
      return readZip(file, options);
  }
}

async function readZip(file: InputFile, options: ReadOptions): Promise<ReadPart[]> {
  const skipped: string[] = [];
  const wanted = (path: string) => {
    const base = path.split('/').pop() ?? '';
    const ok = !path.startsWith('__MACOSX/') && !base.startsWith('.') && readableExtensions.some((ext) => base.toLowerCase().endsWith(ext) && ext !== '.zip');
    if (!ok) skipped.push(path);
    return ok;
  };
  const entries = unzipBounded(file.bytes, file.name, wanted);
  if (entries.length === 0) throw new FormatError(msg('backend:files.zipEmpty', { name: file.name }));
  const parts: ReadPart[] = [];
  for (const [i, entry] of entries.entries()) {
    await nextTurn();
    options.signal?.throwIfAborted();
    options.onProgress?.({ done: i, total: entries.length, stage: `${file.name}/${entry.name}` });
    parts.push(...(await readFile({ name: `${file.name}/${entry.name}`, bytes: entry.bytes }, options)));
  }
  const dropped = [...new Set(skipped)].filter((p) => !p.endsWith('/')).sort(naturalOrder);
  if (dropped.length > 0 && parts[0]) {
    const text = notRead(file.name, dropped);
    parts[0].warnings.unshift(messageText(text));
    parts[0].messages.unshift(text);
  }
  return parts;
}

// Lets the event loop run between files, so a cancel call and progress events get through.
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Every document of `parts`, in order. */
export function documentsOf(parts: readonly ReadPart[]): Node[] {
  return parts.flatMap((p) => p.documents);
}

/** The tracked changes of every Word part added up (authors in order of first appearance), or null when no part is Word. */
export function trackedChangesOf(parts: readonly ReadPart[]): TrackedChangeCounts | null {
  const word = parts.filter((p) => p.trackedChanges !== null);
  if (word.length === 0) return null;
  const authors = [...new Set(word.flatMap((p) => p.trackedChanges!.authors))];
  return {
    insertions: word.reduce((n, p) => n + p.trackedChanges!.insertions, 0),
    deletions: word.reduce((n, p) => n + p.trackedChanges!.deletions, 0),
    authors,
  };
}

/** Options of `writeDocument`; each format uses those it knows (see api.md and the writers). */
export type WriteOptions = {
  view?: ExportView;
  tags?: boolean;
  brackets?: 'tags' | 'comments';
  changesFrom?: Node;
  paper?: 'a4' | 'letter';
  author?: string;
  date?: string;
  properties?: Record<string, string>;
};

/** `doc` written in `format` as bytes (UTF-8 for text and Akoma Ntoso). Rejects with the writer's error. */
export async function writeDocument(doc: Node, format: ExportFormat, options: WriteOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'text': {
      const { exportText } = await import('../../shared/document/export-text.js');
      const text = exportText(doc, { view: options.view, tags: options.tags });
      // An issued revision's silence procedure is stated under the text (Word and PDF carry it as a property).
      const silence = options.properties?.silenceProcedure;
      return new TextEncoder().encode(silence ? `${text.trimEnd()}\n\n${silence}.\n` : text);
    }
    case 'akn': {
      const { writeAkn } = await import('../../shared/formats/akn/write.js');
      return new TextEncoder().encode(writeAkn(doc, { view: options.view }));
    }
    case 'docx': {
      const { writeDocx } = await import('../../shared/formats/docx/write.js');
      return writeDocx(doc, options);
    }
    case 'pdf': {
      const { writePdf } = await import('./pdf.js');
      return writePdf(doc, { view: options.view, paper: options.paper, tags: options.tags, properties: options.properties });
    }
  }
}

/**
 * The file name of `doc` exported as `format`: its symbol with '/' as '_'
 * (A/C.3/78/L.6/Rev.1 -> A_C.3_78_L.6_Rev.1.docx), or its title when it has no symbol, with
 * characters no file system accepts replaced; 'document' when it has neither.
 */
export function exportFileName(doc: Node, format: ExportFormat): string {
  const symbol = readHeader(doc).symbol.trim();
  const base = (symbol || summarize(doc).title.trim() || 'document')
    .replace(/[/\\]/g, '_')
    .replace(/[<>:"|?*]/g, '')
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .slice(0, 150)
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return `${base || 'document'}${exportFormatTable[format].extension}`;
}

/** The warning that a zip's entries `paths` were not read (not .xml, .docx or .txt): the first ten, then how many more. */
export function notRead(name: string, paths: readonly string[]): Message {
  const listed = paths.slice(0, 10).join(', ');
  return paths.length > 10 ? msg('backend:files.notReadMore', { name, listed, more: paths.length - 10 }) : msg('backend:files.notRead', { name, listed });
}
