import { createHash } from 'node:crypto';
import type { Node } from 'prosemirror-model';
import { readHeader } from '../../shared/document/header.js';
import { FormatError } from '../../shared/formats/types.js';
import { detectFormat } from '../files/detect.js';
import { documentsOf, notRead, readFiles, type InputFile, type Progress } from '../files/formats.js';
import { unzipBounded } from '../files/zip.js';
import type { Indexer, ReadSource } from './index-source.js';
import { messageText, msg, type Message } from '../../shared/i18n/message.js';

/** About how much document content (ProseMirror size, roughly characters) is written in one transaction. */
export const batchSize = 2_000_000;

/**
 * Options of adding: adopted texts or drafts (default: told by each symbol), progress, an
 * AbortSignal checked between sources, and the size of a transaction (`batchSize`, default
 * `batchSize` above; 0 writes every source in its own).
 */
export type AddOptions = { adopted?: boolean; onProgress?: (progress: Progress) => void; signal?: AbortSignal; batchSize?: number };

/**
 * What an add did: documents and paragraphs (re)indexed, sources skipped (unchanged or
 * unreadable), warnings in English (CLI) and the same as catalogue messages, index-aligned.
 */
export type AddResult = { documents: number; paragraphs: number; skipped: number; warnings: string[]; messages: Message[] };

/** Adds one warning to `result`, in English and as a message, so the two cannot diverge. */
export function warn(result: Pick<AddResult, 'warnings' | 'messages'>, text: Message): void {
  result.warnings.push(messageText(text));
  result.messages.push(text);
}

/**
 * Whether a document is a draft by its symbol: an L. or CRP. document (A/C.3/78/L.6/Rev.1,
 * E/CN.15/2023/L.6) is a draft; any other symbol, or none, is taken as adopted.
 */
export function isDraftSymbol(symbol: string): boolean {
  return /\/(L|CRP)\.\d/i.test(symbol);
}

/** One document to add, adopted as told or by its symbol. */
export function sourceDocument(doc: Node, adopted: boolean | undefined): { doc: Node; adopted: boolean } {
  return { doc, adopted: adopted ?? !isDraftSymbol(readHeader(doc).symbol) };
}

/**
 * Adds `files` (Akoma Ntoso .xml, .docx, .txt, or a zip of them, read through the formats
 * table) to the library. Each file, and each entry of a zip, is one source keyed by its name
 * ('session.zip/74_1.xml') with the SHA-256 of its bytes: unchanged ones are skipped without
 * being read, changed ones replace their paragraphs, each in its own transaction, so a cancel
 * (`signal`, checked between sources; rejects with its reason) leaves every source whole or
 * absent. A zip entry that cannot be read is skipped with a warning naming it; a file given
 * on its own that cannot be read rejects with FormatError.
 */
export async function addFiles(indexer: Indexer, files: readonly InputFile[], options: AddOptions = {}): Promise<AddResult> {
  const result: AddResult = { documents: 0, paragraphs: 0, skipped: 0, warnings: [], messages: [] };
  const units: { file: InputFile; inZip: boolean }[] = [];
  for (const file of files) {
    options.signal?.throwIfAborted();
    if (detectFormat(file.name, file.bytes).kind !== 'zip') {
      units.push({ file, inZip: false });
      continue;
    }
    const skipped: string[] = [];
    const entries = unzipBounded(file.bytes, file.name, (path) => {
      const ok = /\.(xml|docx|txt)$/i.test(path) && !path.startsWith('__MACOSX/') && !(path.split('/').pop() ?? '').startsWith('.');
      if (!ok && !path.endsWith('/')) skipped.push(path);
      return ok;
    });
    if (entries.length === 0) throw new FormatError(msg('backend:files.zipEmpty', { name: file.name }));
    if (skipped.length > 0) warn(result, notRead(file.name, skipped));
    for (const entry of entries) units.push({ file: { name: `${file.name}/${entry.name}`, bytes: entry.bytes }, inZip: true });
  }
  const adoptedTag = options.adopted === undefined ? 'auto' : options.adopted ? 'adopted' : 'draft';
  // Sources are written in batches of about `batchSize` characters, one transaction
  // each: a cancel drops the batch being read and keeps every batch written before.
  let batch: ReadSource[] = [];
  let batched = 0;
  const flush = () => {
    for (const indexed of indexer.indexAll(batch)) count(result, indexed);
    batch = [];
    batched = 0;
  };
  for (const [i, { file, inZip }] of units.entries()) {
    options.signal?.throwIfAborted();
    options.onProgress?.({ done: i, total: units.length, stage: file.name });
    const hash = `${createHash('sha256').update(file.bytes).digest('hex')}:${adoptedTag}`;
    if (indexer.isCurrent({ key: file.name, hash })) {
      result.skipped++;
      continue;
    }
    let source: ReadSource;
    try {
      const parts = await readFiles([file], { signal: options.signal });
      for (const part of parts) for (const m of part.messages) warn(result, m);
      source = { key: file.name, hash, documents: documentsOf(parts).map((doc) => sourceDocument(doc, options.adopted)) };
    } catch (err) {
      if (!(err instanceof FormatError) || !inZip) throw err;
      warn(result, msg('backend:library.skipped', { cause: err.text }));
      result.skipped++;
      continue;
    }
    options.signal?.throwIfAborted();
    batch.push(source);
    batched += source.documents.reduce((n, d) => n + d.doc.content.size, 0);
    if (batched >= (options.batchSize ?? batchSize)) flush();
  }
  options.signal?.throwIfAborted();
  if (batch.length > 0) flush();
  options.onProgress?.({ done: units.length, total: units.length, stage: 'done' });
  return result;
}

/** Adds the counts of one indexed source (null: skipped) to `result`. */
export function count(result: AddResult, indexed: ReturnType<Indexer['index']>): void {
  if (indexed === null) result.skipped++;
  else {
    result.documents += indexed.documents;
    result.paragraphs += indexed.paragraphs;
  }
}

/** The hash of a document's content for its source, from its ProseMirror JSON and whether it is adopted. */
export function documentHash(doc: Node, adopted: boolean | undefined): string {
  return `${createHash('sha256').update(JSON.stringify(doc.toJSON())).digest('hex')}:${adopted === undefined ? 'auto' : adopted ? 'adopted' : 'draft'}`;
}
