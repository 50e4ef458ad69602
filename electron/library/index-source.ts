import type Database from 'better-sqlite3';
import type { Node } from 'prosemirror-model';
import { bandKeys, shingles, signature } from '../../shared/library/minhash.js';
import { normalizeText, textKey, words } from '../../shared/library/normalize.js';
import { documentFacts, libraryParagraphs } from '../../shared/library/paragraphs.js';

/**
 * One source of library texts: a file (or a zip entry), or a document or revision of the
 * store. `key` names it for good (an absolute path, 'zip/entry', 'store:document:ID');
 * `hash` is its content's hash: the same key and hash again is skipped.
 */
export type LibrarySource = { key: string; hash: string };

/** A source's documents read, each adopted or a draft. */
export type ReadSource = LibrarySource & { documents: readonly { doc: Node; adopted: boolean }[] };

/** What indexing one source did: null when skipped (unchanged), else the documents and paragraphs (re)indexed. */
export type Indexed = { documents: number; paragraphs: number } | null;

/** Writes sources into the library: `isCurrent` tells whether a source is there unchanged, `index` (re)indexes one. */
export type Indexer = {
  isCurrent(source: LibrarySource): boolean;
  /** Replaces whatever the library held of `source.key` by `source`'s documents, in one transaction. */
  index(source: ReadSource): Indexed;
  /**
   * `index` for several sources in one transaction (FTS5 writes a segment per transaction,
   * so a session's 313 files in one go index several times faster than one by one).
   */
  indexAll(sources: readonly ReadSource[]): Indexed[];
  /** Removes the source `key` and everything read from it, in one transaction; false when it was not there. */
  remove(key: string): boolean;
};

/** The indexer of an open library database (statements prepared once). */
export function createIndexer(db: Database.Database, now: () => Date = () => new Date()): Indexer {
  const sourceByKey = db.prepare<[string], { id: number; hash: string }>('SELECT id, hash FROM sources WHERE key = ?');
  const paragraphsOfSource = db.prepare<[number], { id: number; norm: string }>(
    'SELECT p.id, p.norm FROM paragraphs p JOIN documents d ON d.id = p.document WHERE d.source = ?',
  );
  const deleteBand = db.prepare('DELETE FROM bands WHERE key = ? AND paragraph = ?');
  const deleteParagraphs = db.prepare('DELETE FROM paragraphs WHERE document IN (SELECT id FROM documents WHERE source = ?)');
  const deleteDocuments = db.prepare('DELETE FROM documents WHERE source = ?');
  const deleteSource = db.prepare('DELETE FROM sources WHERE id = ?');
  const insertSource = db.prepare('INSERT INTO sources (key, hash, adopted, added_at) VALUES (?, ?, ?, ?)');
  const insertDocument = db.prepare(
    'INSERT INTO documents (source, symbol, title, body, date, day, language, adopted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertParagraph = db.prepare('INSERT INTO paragraphs (document, label, text, norm, norm_key) VALUES (?, ?, ?, ?, ?)');
  const insertBand = db.prepare('INSERT OR IGNORE INTO bands (key, paragraph) VALUES (?, ?)');

  // The bands are recomputed from the stored normalized text (signatures are deterministic),
  // so no signature needs storing just to delete its bands.
  const dropSource = (id: number) => {
    for (const p of paragraphsOfSource.all(id)) {
      for (const key of bandKeys(signature(shingles(p.norm === '' ? [] : p.norm.split(' '))))) deleteBand.run(key, p.id);
    }
    deleteParagraphs.run(id);
    deleteDocuments.run(id);
    deleteSource.run(id);
  };

  const replace = (source: ReadSource): { documents: number; paragraphs: number } => {
    const old = sourceByKey.get(source.key);
    if (old) dropSource(old.id);
    const adoptedAll = source.documents.every((d) => d.adopted);
    const sourceId = Number(insertSource.run(source.key, source.hash, adoptedAll ? 1 : 0, now().toISOString()).lastInsertRowid);
    let paragraphs = 0;
    for (const { doc, adopted } of source.documents) {
      const f = documentFacts(doc);
      const docId = Number(insertDocument.run(sourceId, f.symbol, f.title, f.body, f.date, f.day, f.language, adopted ? 1 : 0).lastInsertRowid);
      for (const p of libraryParagraphs(doc)) {
        const tokens = words(p.text);
        const norm = normalizeText(p.text);
        const id = Number(insertParagraph.run(docId, p.label, p.text, norm, textKey(norm)).lastInsertRowid);
        for (const key of bandKeys(signature(shingles(tokens)))) pendingBands.push([key, id]);
        paragraphs++;
      }
    }
    return { documents: source.documents.length, paragraphs };
  };
  const indexOne = (source: ReadSource): Indexed => (sourceByKey.get(source.key)?.hash === source.hash ? null : replace(source));
  // Band rows are inserted in key order at the end of the transaction: the index takes them
  // in one sweep instead of at random places (about twice as fast on a session).
  let pendingBands: [number, number][] = [];
  const indexAll = db.transaction((sources: readonly ReadSource[]) => {
    pendingBands = [];
    const indexed = sources.map(indexOne);
    pendingBands.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [key, id] of pendingBands) insertBand.run(key, id);
    pendingBands = [];
    return indexed;
  });

  return {
    isCurrent: (source) => sourceByKey.get(source.key)?.hash === source.hash,
    index: (source) => indexAll.immediate([source])[0]!,
    indexAll: (sources) => indexAll.immediate(sources),
    remove: (key) =>
      db.transaction(() => {
        const old = sourceByKey.get(key);
        if (old) dropSource(old.id);
        return old !== undefined;
      }).immediate(),
  };
}
