import type Database from 'better-sqlite3';
import type { LibraryHit, LibrarySearchMode } from '../../shared/api/library-contract.js';
import { bandCount, bandKeys, shingles, signature, similarity } from '../../shared/library/minhash.js';
import { containsPhrase, normalizeText, textKey, words } from '../../shared/library/normalize.js';
import { fold, fragmentsQuery, partialFragments, phraseQuery, wordsQuery } from '../../shared/library/query.js';
import { bm25Quality, newestDay, rankScore } from '../../shared/library/ranking.js';

/** What to search for: the mode, at most `limit` hits (default 20), the body to prefer, the only language to keep. */
export type SearchOptions = { mode: LibrarySearchMode; limit?: number; body?: string; language?: string };

/** How many trigram matches a 'partial' search checks at most (in index order, before ranking). */
export const partialPool = 400;

/** The least similarity a 'similar' hit has (below it, paragraphs merely share a subject). */
export const minimumSimilarity = 0.25;

type Row = {
  id: number;
  label: string;
  text: string;
  norm: string;
  norm_key: number;
  symbol: string;
  title: string;
  date: string;
  day: string;
  body: string;
  language: string;
  adopted: number;
};

type Candidate = { row: Row; quality: number; similarity?: number };

const columns = 'p.id, p.label, p.text, p.norm, p.norm_key, d.symbol, d.title, d.date, d.day, d.body, d.language, d.adopted';

/** Searches an open library database; statements prepared once. */
export type Searcher = (query: string, options: SearchOptions) => LibraryHit[];

/** The searcher of an open library database (see shared/api/library-contract.ts 'library.search' for the contract). */
export function createSearcher(db: Database.Database): Searcher {
  const language = '(? IS NULL OR d.language = ?)';
  // The pool is ranked inside the FTS5 table alone and only then joined: joined first, every
  // match's paragraph and document rows were read and sorted (words p95 65 ms on six zips
  // for queries of common words matching thousands of paragraphs).
  const wordsSearch = db.prepare<[string, string | null, string | null, number], Row & { rank: number }>(
    `SELECT ${columns}, w.rank AS rank FROM (
       SELECT words.rowid AS id, words.rank AS rank FROM words
       WHERE words MATCH ? AND (? IS NULL OR ? = (SELECT d.language FROM paragraphs p JOIN documents d ON d.id = p.document WHERE p.id = words.rowid))
       ORDER BY words.rank LIMIT ?
     ) w JOIN paragraphs p ON p.id = w.id JOIN documents d ON d.id = p.document ORDER BY w.rank`,
  );
  const trigramSearch = db.prepare<[string, string | null, string | null, number], Row>(
    `SELECT ${columns} FROM trigrams JOIN paragraphs p ON p.id = trigrams.rowid JOIN documents d ON d.id = p.document
     WHERE trigrams MATCH ? AND ${language} LIMIT ?`,
  );
  const bandSearch = db.prepare<unknown[], { paragraph: number; shared: number }>(
    `SELECT paragraph, count(*) AS shared FROM bands WHERE key IN (${Array.from({ length: bandCount }, () => '?').join(', ')})
     GROUP BY paragraph ORDER BY shared DESC LIMIT ?`,
  );
  const byKey = db.prepare<[number, number], { id: number }>('SELECT id FROM paragraphs WHERE norm_key = ? LIMIT ?');
  const byId = db.prepare<[number], Row>(`SELECT ${columns} FROM paragraphs p JOIN documents d ON d.id = p.document WHERE p.id = ?`);
  const sharedBy = db.prepare<[number], number>('SELECT count(DISTINCT document) FROM paragraphs WHERE norm_key = ?').pluck();

  const fts = (statement: typeof wordsSearch, match: string, lang: string | null, max: number): Candidate[] => {
    const rows = statement.all(match, lang, lang, max);
    const best = rows[0]?.rank ?? 0;
    return rows.map((row) => ({ row, quality: bm25Quality(row.rank, best) }));
  };

  const similar = (query: string, lang: string | null, pool: number): Candidate[] => {
    const tokens = words(query);
    if (tokens.length === 0) return [];
    const keys = bandKeys(signature(shingles(tokens)));
    const ids = new Set<number>(byKey.all(textKey(tokens.join(' ')), pool).map((r) => r.id));
    if (keys.length === bandCount) for (const r of bandSearch.all(...keys, pool)) ids.add(r.paragraph);
    const out: Candidate[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (!row || (lang !== null && row.language !== lang)) continue;
      const sim = similarity(tokens, row.norm === '' ? [] : row.norm.split(' '));
      if (sim >= minimumSimilarity) out.push({ row, quality: sim, similarity: sim });
    }
    return out;
  };

  return (query, options) => {
    const limit = Math.max(1, Math.min(500, options.limit ?? 20));
    const lang = options.language ?? null;
    const pool = Math.max(200, limit * 5);
    let candidates: Candidate[];
    switch (options.mode) {
      case 'phrase': {
        const match = phraseQuery(query);
        const phrase = normalizeText(query);
        candidates = match === null ? [] : fts(wordsSearch, match, lang, pool).filter((c) => containsPhrase(c.row.norm, phrase));
        break;
      }
      case 'words': {
        const match = wordsQuery(query);
        candidates = match === null ? [] : fts(wordsSearch, match, lang, pool);
        break;
      }
      case 'partial': {
        const fragments = partialFragments(query);
        const match = fragmentsQuery(fragments);
        const folded = fragments.map(fold);
        // The trigram index keeps no positions: its matches are checked here, and ranked by
        // the rest of the score (every checked match holds every fragment).
        const rows = match === null ? [] : trigramSearch.all(match, lang, lang, partialPool);
        candidates = rows
          .filter((row) => {
            const text = fold(row.text);
            return folded.every((f) => text.includes(f));
          })
          .map((row) => ({ row, quality: 1 }));
        break;
      }
      case 'similar':
        candidates = similar(query, lang, Math.max(100, limit * 5));
        break;
    }
    const newest = newestDay(candidates.map((c) => c.row.day));
    const body = options.body ?? '';
    const hits = candidates.map(({ row, quality, similarity: sim }): LibraryHit => {
      const shared = sharedBy.get(row.norm_key) ?? 1;
      const adopted = row.adopted === 1;
      const score = rankScore({ quality, adopted, day: row.day, body: row.body, sharedBy: shared }, { body, newestDay: newest });
      return {
        id: String(row.id),
        symbol: row.symbol,
        label: row.label,
        title: row.title,
        date: row.date,
        body: row.body,
        language: row.language,
        adopted,
        text: row.text,
        score: Math.round(score * 10000) / 10000,
        ...(sim === undefined ? {} : { similarity: Math.round(sim * 10000) / 10000 }),
        sharedBy: shared,
      };
    });
    hits.sort((a, b) => b.score - a.score || (b.similarity ?? 0) - (a.similarity ?? 0) || Number(a.id) - Number(b.id));
    return hits.slice(0, limit);
  };
}
