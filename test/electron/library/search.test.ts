import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../electron/library/library.js';
import { librarySearchModes } from '../../../shared/api/library-contract.js';
import { containsPhrase, normalizeText, words } from '../../../shared/library/normalize.js';
import { fixtures, tempDir, variantOf129 } from './fixtures.js';

let lib: Library;
let remove: () => void;
type Row = { text: string; label: string; symbol: string; language: string };
let paragraphs: Row[] = [];

beforeAll(async () => {
  const tmp = tempDir();
  remove = tmp.remove;
  lib = openLibrary({ dataDir: tmp.dir });
  await lib.addFiles(['en', 'fr', 'es', 'zh', 'ar', 'ru'].flatMap(fixtures));
  // Every paragraph the library holds, found back through a search for its own symbol's text.
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(lib.file, { readonly: true });
  paragraphs = db.prepare<[], Row>('SELECT p.text, p.label, d.symbol, d.language FROM paragraphs p JOIN documents d ON d.id = p.document').all();
  db.close();
}, 60_000);
afterAll(() => {
  lib.close();
  remove();
});

// A drafter's rewording: one word in eight (at least one) dropped or replaced, the first kept.
function reword(text: string, seed: number): string {
  const w = text.split(/\s+/);
  const edits = Math.max(1, Math.floor(w.length / 8));
  for (let e = 0; e < edits; e++) {
    const at = 1 + ((seed * 7919 + e * 104729) % (w.length - 1));
    if ((seed + e) % 2 === 0) w.splice(at, 1);
    else w[at] = 'further';
  }
  return w.join(' ');
}

describe('searching the library', () => {
  it('finds every paragraph by an exact phrase of it, and every hit holds the phrase', () => {
    let checked = 0;
    for (const [i, p] of paragraphs.entries()) {
      const w = words(p.text);
      if (w.length < 6) continue;
      const at = i % (w.length - 5);
      const phrase = w.slice(at, at + 6).join(' ');
      const hits = lib.search(phrase, { mode: 'phrase', limit: 500 });
      expect(hits.some((h) => h.text === p.text && h.label === p.label && h.symbol === p.symbol), `${p.symbol} ${p.label}: "${phrase}"`).toBe(true);
      for (const h of hits) expect(containsPhrase(normalizeText(h.text), normalizeText(phrase))).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('finds a Chinese phrase typed without spaces', () => {
    const p = paragraphs.find((x) => x.language === 'zh' && [...x.text].length > 30)!;
    const phrase = [...p.text].slice(5, 15).join('');
    expect(lib.search(phrase, { mode: 'phrase', limit: 50 }).some((h) => h.text === p.text)).toBe(true);
  });

  it('puts the source paragraph among the first three similar hits, verbatim and reworded', () => {
    const long = paragraphs.filter((p) => words(p.text).length >= 8);
    let verbatim = 0;
    let reworded = 0;
    for (const [i, p] of long.entries()) {
      const top3 = (q: string) => lib.search(q, { mode: 'similar', limit: 3 }).some((h) => normalizeText(h.text) === normalizeText(p.text));
      if (top3(p.text)) verbatim++;
      if (top3(reword(p.text, i))) reworded++;
    }
    expect(long.length).toBeGreaterThan(150);
    expect(verbatim).toBe(long.length);
    expect(reworded / long.length).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the predecessor of a reworded paragraph and tells how alike they are', async () => {
    const tmp = tempDir();
    const own = openLibrary({ dataDir: tmp.dir });
    try {
      await own.addFiles([variantOf129('/s/73_120.xml', 'A/RES/73/120', '7 December 2018'), ...fixtures('en').filter((f) => !f.name.endsWith('74_129.xml'))]);
      const successor = 'Decides to increase the membership of the Executive Committee of the Programme of the United Nations High Commissioner for Refugees from 106 States to 107 States;';
      const [best] = own.search(successor, { mode: 'similar', limit: 3 });
      expect(best).toMatchObject({ symbol: 'A/RES/73/120', label: 'OP 1', date: '7 December 2018' });
      expect(best!.similarity).toBeGreaterThan(0.5);
      expect(best!.similarity).toBeLessThan(1);
      expect(own.search(best!.text, { mode: 'similar', limit: 1 })[0]!.similarity).toBe(1);
    } finally {
      own.close();
      tmp.remove();
    }
  });

  it('finds parts of words through trigrams, accents aside, and all words in any order', () => {
    expect(lib.search('xecutiv Commiss', { mode: 'partial', language: 'en' }).map((h) => `${h.symbol} ${h.label}`)).toContain('A/RES/74/129 OP 1');
    const french = lib.search('Comite execu', { mode: 'partial' });
    expect(french.length).toBeGreaterThan(0);
    expect(french.every((h) => h.language === 'fr' && /comité exécu/i.test(h.text))).toBe(true);
    expect(lib.search('ab', { mode: 'partial' })).toEqual([]);
    const anyOrder = lib.search('refugees committee enlargement', { mode: 'words', language: 'en' });
    expect(anyOrder.length).toBeGreaterThan(0);
    expect(anyOrder.every((h) => ['refugees', 'committee', 'enlargement'].every((w) => words(h.text).includes(w)))).toBe(true);
  });

  it('keeps only the language asked for', () => {
    const hits = lib.search('"Executive Committee"', { mode: 'phrase', language: 'fr' });
    expect(hits).toEqual([]);
    expect(lib.search('"Comité exécutif"', { mode: 'phrase', language: 'fr' }).every((h) => h.language === 'fr')).toBe(true);
  });

  it('never lets a query reach FTS5 syntax, in any mode', () => {
    const hostile = ['"', '""', '"unbalanced', 'NEAR(', 'NEAR(a b', '*', 'exec*', '-x', 'a:b', 'text: Assembly', '^start', 'AND', 'OR NOT', '(', ')', "'", '\\', '{col}', 'a + b', '"a" OR "b', '\u0000', '٪', ''];
    for (const q of hostile) {
      for (const mode of librarySearchModes) expect(() => lib.search(q, { mode }), `${mode}: ${q}`).not.toThrow();
    }
    expect(lib.search('Committee: "Executive', { mode: 'words', language: 'en' }).length).toBeGreaterThan(0);
    expect(lib.search('NOT Executive OR Committee', { mode: 'words', language: 'en' }).every((h) => /\bnot\b/i.test(h.text) && /\bor\b/i.test(h.text))).toBe(true);
  });
});

describe('ranking', () => {
  it('prefers adopted over draft and recent over old for the same language, and counts how many texts share it', async () => {
    const tmp = tempDir();
    const own = openLibrary({ dataDir: tmp.dir });
    try {
      await own.addFiles([
        variantOf129('/r/draft.xml', 'A/C.3/75/L.9', '1 November 2021'),
        variantOf129('/r/old.xml', 'A/RES/60/100', '15 December 2005'),
        variantOf129('/r/new.xml', 'A/RES/75/100', '16 December 2020'),
      ]);
      const hits = own.search('"Executive Committee of the Programme of the United Nations High Commissioner for Refugees from 102"', { mode: 'phrase' });
      expect(hits.map((h) => h.symbol)).toEqual(['A/RES/75/100', 'A/RES/60/100', 'A/C.3/75/L.9']);
      expect(hits.map((h) => h.adopted)).toEqual([true, true, false]);
      expect(hits.every((h) => h.sharedBy === 3)).toBe(true);
      const similar = own.search(hits[0]!.text, { mode: 'similar' });
      expect(similar.map((h) => h.symbol).slice(0, 3)).toEqual(['A/RES/75/100', 'A/RES/60/100', 'A/C.3/75/L.9']);
    } finally {
      own.close();
      tmp.remove();
    }
  });
});
