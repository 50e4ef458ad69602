import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Node } from 'prosemirror-model';
import type { LibraryHit, ProvenanceParagraph } from '../../shared/api/library-contract.js';
import { readHeader } from '../../shared/document/header.js';
import { libraryParagraphs } from '../../shared/library/paragraphs.js';
import { agreedShare, classifyParagraph } from '../../shared/library/provenance.js';
import type { InputFile } from '../files/formats.js';
import { addFiles, count, documentHash, sourceDocument, type AddOptions, type AddResult } from './add-files.js';
import { LIBRARY_FILE_NAME, openLibraryDatabase, type LibraryLocation } from './database.js';
import { createIndexer } from './index-source.js';
import { createSearcher, type SearchOptions } from './search.js';

/** A document of the store to add: its source key ('store:document:ID', 'store:revision:ID') and its content. */
export type StoreText = { key: string; doc: Node };

/** The open library of adopted texts (see shared/api/library-contract.ts for what each part answers). */
export type Library = {
  /** The library's file. */
  readonly file: string;
  /** Adds files (AKN, zip, .docx, .txt): see add-files.ts `addFiles`. Rejects on a read-only library. */
  addFiles(files: readonly InputFile[], options?: AddOptions): Promise<AddResult>;
  /** Adds documents of the store, each one source keyed by `key` with the hash of its content (unchanged ones skipped). */
  addDocuments(texts: readonly StoreText[], options?: AddOptions): AddResult;
  /** Paragraphs for `query`, best first. */
  search(query: string, options: SearchOptions): LibraryHit[];
  /** Each paragraph of `doc` against the library (verbatim, near, new) and the share of agreed language, searched in the document's language. */
  provenance(doc: Node): { paragraphs: ProvenanceParagraph[]; share: number };
  /** Documents and paragraphs held, and the size in bytes of the file with its write-ahead log. */
  stats(): { documents: number; paragraphs: number; bytes: number };
  /** Closes the database (idempotent). */
  close(): void;
};

/**
 * Opens the library in `location.dataDir` (creating it unless read-only; see database.ts).
 * Throws LibraryError with a message for people.
 */
export function openLibrary(location: LibraryLocation): Library {
  const db = openLibraryDatabase(location);
  const file = db.name;
  const indexer = location.readonly ? null : createIndexer(db);
  const search = createSearcher(db);
  const writable = () => {
    // internal: only the CLI's read-only commands open it read-only, and they never add
    if (!indexer) throw new Error('The library was opened read-only; it cannot be added to.');
    return indexer;
  };
  return {
    file,
    addFiles: async (files, options) => {
      try {
        return await addFiles(writable(), files, options);
      } finally {
        settle(db);
      }
    },
    addDocuments: (texts, options = {}) => {
      const ix = writable();
      const result: AddResult = { documents: 0, paragraphs: 0, skipped: 0, warnings: [], messages: [] };
      for (const [i, { key, doc }] of texts.entries()) {
        options.signal?.throwIfAborted();
        options.onProgress?.({ done: i, total: texts.length, stage: key });
        count(result, ix.index({ key, hash: documentHash(doc, options.adopted), documents: [sourceDocument(doc, options.adopted)] }));
      }
      options.onProgress?.({ done: texts.length, total: texts.length, stage: 'done' });
      settle(db);
      return result;
    },
    search,
    provenance: (doc) => {
      const language = readHeader(doc).language;
      const paragraphs = libraryParagraphs(doc).map(({ label, text }): ProvenanceParagraph => {
        const { status, hit } = classifyParagraph(search(text, { mode: 'similar', limit: 5, language }));
        return { label, text, status, hit };
      });
      return { paragraphs, share: agreedShare(paragraphs) };
    },
    stats: () => ({
      documents: Number(db.prepare('SELECT count(*) FROM documents').pluck().get()),
      paragraphs: Number(db.prepare('SELECT count(*) FROM paragraphs').pluck().get()),
      bytes: fileBytes(file) + fileBytes(`${file}-wal`),
    }),
    close: () => {
      if (db.open) db.close();
    },
  };
}

// After an add, the write-ahead log goes back into the file and is truncated: an add of a
// session's zip leaves about half the database again in the log otherwise (English zip:
// 38 MB on disk for a 25 MB database), which the user pays in disk until the next
// automatic checkpoint. A reader still open (a CLI search at that moment) is waited for up to
// the busy timeout, after which the checkpoint is partial and the log stays for the next.
function settle(db: Database.Database): void {
  if (db.open) db.pragma('wal_checkpoint(TRUNCATE)');
}

/** A library opened on first use and closed with its owner (the backend holds one). */
export type LibraryHolder = {
  /** The open library, opening it now if needed (throws LibraryError when it cannot be opened). */
  get(): Library;
  /** Whether the library's file exists (so stats need not create it). */
  exists(): boolean;
  /** Closes the library if it was opened; `get` opens it again. */
  close(): void;
};

/** A holder of the library in `location`, opened lazily. */
export function holdLibrary(location: LibraryLocation): LibraryHolder {
  let library: Library | null = null;
  return {
    get: () => (library ??= openLibrary(location)),
    exists: () => library !== null || fs.existsSync(path.join(path.resolve(location.dataDir), LIBRARY_FILE_NAME)),
    close: () => {
      library?.close();
      library = null;
    },
  };
}

function fileBytes(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
