/**
 * `npm run bench -- library`: the library of adopted texts (electron/library/) on the
 * 74th-session corpus (../shared/corpus/akn). Adds the English zip (paragraphs/s end to end,
 * Akoma Ntoso reading included; and indexing alone) against bare FTS5 inserts of the same
 * paragraph texts in the same run; then the five other languages, and on that library of
 * six zips 1,000 searches of each kind (phrase, words, partial, similar: p50/p95 ms), the
 * database size against the raw text size, and the quality check of issue 15: sampled
 * paragraphs searched --similar verbatim and reworded (a few words dropped or changed),
 * the source paragraph (or a verbatim copy of it in another resolution) among the first
 * three hits; exact phrases of 6 to 10 words found with their paragraph among the hits
 * (limit 500; a phrase in more than 500 paragraphs may rank its own past the limit: counted
 * apart) and every hit holding the phrase. Last line: one JSON object of figures.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { documentsOf, readFiles } from '../electron/files/formats.js';
import { openLibraryDatabase } from '../electron/library/database.js';
import { createIndexer } from '../electron/library/index-source.js';
import { openLibrary } from '../electron/library/library.js';
import { containsPhrase, normalizeText, words } from '../shared/library/normalize.js';
import { libraryParagraphs } from '../shared/library/paragraphs.js';
import { quantile, round3 } from './_stats.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'akn');
const languages = ['English', 'Arabic', 'Chinese', 'French', 'Russian', 'Spanish'] as const;
const searches = 1000;

type Sample = { id: number; text: string; norm: string; language: string };

// A small deterministic generator (mulberry32), so every run samples the same paragraphs.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs the bench and prints its figures. `--langs English,French` adds only those zips after
 * the English one (a quicker library to measure on; the goal is on all six).
 */
export async function run(args: string[] = []): Promise<void> {
  const at = args.indexOf('--langs');
  const wanted = at >= 0 ? (args[at + 1] ?? '').split(',').filter(Boolean) : [...languages];
  const unknown = wanted.filter((l) => !(languages as readonly string[]).includes(l));
  if (unknown.length > 0) throw new Error(`library bench: unknown language(s) ${unknown.join(', ')} (known: ${languages.join(', ')})`);
  const dir = mkdtempSync(join(os.tmpdir(), 'penholder-library-bench-'));
  try {
    const figures = await measure(dir, wanted);
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(dir: string, wanted: string[]): Promise<Record<string, unknown>> {
  const zipOf = (language: string) => ({ name: `ga-74session-${language}.zip`, bytes: readFileSync(join(corpus, `ga-74session-${language}.zip`)) });
  const english = zipOf('English');

  // Baselines on the English zip: reading alone, indexing alone, bare FTS5 inserts.
  let start = performance.now();
  const parts = await readFiles([english]);
  const readMs = performance.now() - start;
  const texts = documentsOf(parts).flatMap((doc) => libraryParagraphs(doc).map((p) => p.text));
  const bare = new Database(join(dir, 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = NORMAL');
  bare.exec("CREATE VIRTUAL TABLE words USING fts5(text, tokenize='unicode61 remove_diacritics 2')");
  const insert = bare.prepare('INSERT INTO words (text) VALUES (?)');
  start = performance.now();
  bare.transaction(() => texts.forEach((t) => insert.run(t)))();
  const bareMs = performance.now() - start;
  bare.close();
  const indexDb = openLibraryDatabase({ dataDir: join(dir, 'index-only') });
  start = performance.now();
  createIndexer(indexDb).indexAll(parts.map((p) => ({ key: p.source, hash: 'x', documents: p.documents.map((doc) => ({ doc, adopted: true })) })));
  const indexMs = performance.now() - start;
  indexDb.close();

  // The library itself: the English zip end to end, then the other five.
  const lib = openLibrary({ dataDir: join(dir, 'library') });
  start = performance.now();
  const added = await lib.addFiles([english]);
  const addMs = performance.now() - start;
  let allParagraphs = added.paragraphs;
  for (const language of wanted.filter((l) => l !== 'English')) {
    const more = await lib.addFiles([zipOf(language)]);
    allParagraphs += more.paragraphs;
    process.stderr.write(`library: added ${language}: ${more.documents} documents, ${more.paragraphs} paragraphs\n`);
  }
  lib.close();

  const db = new Database(join(dir, 'library', 'library.sqlite'));
  db.pragma('wal_checkpoint(TRUNCATE)');
  const rawBytes = Number(db.prepare('SELECT sum(length(CAST(text AS BLOB))) FROM paragraphs').pluck().get());
  // What takes the space, per table and index (the dbstat virtual table is compiled into
  // better-sqlite3's SQLite; MB, largest first).
  const sizes = Object.fromEntries(
    db
      .prepare<[], { name: string; bytes: number }>('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC')
      .all()
      .map((r) => [r.name, round3(r.bytes / 1e6)]),
  );
  const rows = db.prepare<[], Sample>("SELECT p.id, p.text, p.norm, d.language FROM paragraphs p JOIN documents d ON d.id = p.document WHERE p.norm LIKE '% % % % % % %'").all();
  db.close();
  const dbBytes = statSync(join(dir, 'library', 'library.sqlite')).size;

  const rand = random(74);
  const pick = () => rows[Math.floor(rand() * rows.length)]!;
  const samples = Array.from({ length: searches }, pick);
  const reader = openLibrary({ dataDir: join(dir, 'library'), readonly: true });
  const time = (fn: () => unknown): number => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };

  // Phrase: 6-10 consecutive words of the paragraph.
  const phrases = samples.map((s) => {
    const w = words(s.text);
    const n = Math.min(w.length, 6 + Math.floor(rand() * 5));
    const at = Math.floor(rand() * (w.length - n + 1));
    return { sample: s, phrase: w.slice(at, at + n).join(' ') };
  });
  const phraseMs = phrases.map(({ phrase }) => time(() => reader.search(phrase, { mode: 'phrase' })));
  let phraseFound = 0;
  let phraseSaturated = 0;
  let phraseHits = 0;
  let phraseHitsHolding = 0;
  for (const { sample, phrase } of phrases) {
    const hits = reader.search(phrase, { mode: 'phrase', limit: 500 });
    if (hits.some((h) => h.id === String(sample.id))) phraseFound++;
    else if (hits.length === 500) phraseSaturated++;
    phraseHits += hits.length;
    phraseHitsHolding += hits.filter((h) => containsPhrase(normalizeText(h.text), normalizeText(phrase))).length;
  }

  // Words: three words of the paragraph, anywhere in it.
  const wordQueries = samples.map((s) => {
    const w = words(s.text);
    return [0, 1, 2].map(() => w[Math.floor(rand() * w.length)]).join(' ');
  });
  const wordsMs = wordQueries.map((q) => time(() => reader.search(q, { mode: 'words' })));

  // Partial: two fragments of 4-6 characters cut from words of the paragraph.
  const partialQueries = samples.map((s) => {
    const w = words(s.text).filter((x) => [...x].length >= 4);
    const cut = () => {
      const x = [...(w[Math.floor(rand() * w.length)] ?? 'assembly')];
      const n = Math.min(x.length, 4 + Math.floor(rand() * 3));
      const at = Math.floor(rand() * (x.length - n + 1));
      return x.slice(at, at + n).join('');
    };
    return `${cut()} ${cut()}`;
  });
  const partialMs = partialQueries.map((q) => time(() => reader.search(q, { mode: 'partial' })));

  // Similar: half verbatim, half reworded; the source (or a verbatim copy) in the first three.
  const inTop3 = (sample: Sample, query: string) =>
    reader.search(query, { mode: 'similar', limit: 3 }).some((h) => h.id === String(sample.id) || normalizeText(h.text) === sample.norm);
  const similarMs: number[] = [];
  let verbatimOk = 0;
  let rewordedOk = 0;
  let reworded = 0;
  samples.forEach((s, i) => {
    const query = i % 2 === 0 ? s.text : reword(s.text, rand);
    let ok = false;
    similarMs.push(time(() => (ok = inTop3(s, query))));
    if (i % 2 === 0) verbatimOk += ok ? 1 : 0;
    else {
      reworded++;
      rewordedOk += ok ? 1 : 0;
    }
  });
  reader.close();

  const p = (samplesMs: number[]) => ({ p50: round3(quantile(samplesMs, 0.5)), p95: round3(quantile(samplesMs, 0.95)) });
  const [ph, wo, pa, si] = [p(phraseMs), p(wordsMs), p(partialMs), p(similarMs)];
  return {
    english_paragraphs: added.paragraphs,
    english_documents: added.documents,
    add_paragraphs_per_s: round3(added.paragraphs / (addMs / 1000)),
    read_ms: round3(readMs),
    index_paragraphs_per_s: round3(texts.length / (indexMs / 1000)),
    bare_fts_paragraphs_per_s: round3(texts.length / (bareMs / 1000)),
    library_paragraphs: allParagraphs,
    phrase_p50_ms: ph.p50,
    phrase_p95_ms: ph.p95,
    words_p50_ms: wo.p50,
    words_p95_ms: wo.p95,
    partial_p50_ms: pa.p50,
    partial_p95_ms: pa.p95,
    similar_p50_ms: si.p50,
    similar_p95_ms: si.p95,
    db_bytes: dbBytes,
    raw_text_bytes: rawBytes,
    db_to_text_ratio: round3(dbBytes / rawBytes),
    db_mb_by_table: sizes,
    similar_top3_verbatim: round3(verbatimOk / (searches - reworded)),
    similar_top3_reworded: round3(rewordedOk / reworded),
    phrase_found_rate: round3(phraseFound / searches),
    phrase_missed_beyond_500_hits: phraseSaturated,
    phrase_hits_holding_phrase: round3(phraseHits === 0 ? 1 : phraseHitsHolding / phraseHits),
  };
}

/**
 * `text` reworded as a drafter would: about one word in ten (at least one, at most four)
 * dropped or replaced by another word ('shall' -> 'should' style), never the first word.
 */
export function reword(text: string, rand: () => number): string {
  const w = text.split(/\s+/);
  const edits = Math.max(1, Math.min(4, Math.round(w.length / 10)));
  const swaps = ['further', 'also', 'should', 'relevant', 'all', 'including'];
  for (let e = 0; e < edits && w.length > 2; e++) {
    const at = 1 + Math.floor(rand() * (w.length - 1));
    if (rand() < 0.5) w.splice(at, 1);
    else w[at] = swaps[Math.floor(rand() * swaps.length)]!;
  }
  return w.join(' ');
}
