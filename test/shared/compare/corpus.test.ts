import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyComparison, compareDocuments, listUnits } from '../../../shared/compare/index.js';
import { importText } from '../../../shared/import/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const importAll = (name: string) => importText(fixture(name)).documents;

describe('compareDocuments on real texts', () => {
  for (const name of ['corpus/ccpcj32-draft-resolutions-I-III.txt', 'corpus/ccpcj32-draft-decision.txt']) {
    it(`finds two imports of ${name} all unchanged, though no id is shared`, () => {
      const first = importAll(name);
      const second = importAll(name);
      expect(first.length).toBeGreaterThan(0);
      first.forEach((doc, i) => {
        const other = second[i];
        if (!other) throw new Error(`second import lacks document ${i + 1}`);
        const { paragraphs, counts } = compareDocuments(doc, other);
        expect(paragraphs.every((p) => p.status === 'unchanged' && p.matchedBy === 'text')).toBe(true);
        expect(counts.unchanged).toBeGreaterThan(0);
        expect(counts).toEqual({ inserted: 0, deleted: 0, moved: 0, changed: 0, unchanged: counts.unchanged });
      });
    });
  }

  // v2 of draft resolution II, by hand from v1 (the corpus text): PP 3 inserted; PP 5 (now
  // PP 6), OP 2 and OP 12 reworded; OP 4 moved after OP 7 and OP 10 before OP 8; a new OP
  // between OP 6 and OP 7; OP 11 deleted; footnotes gathered at the end, OPs renumbered.
  const v1 = importAll('compare/draft-resolution-II-v1.txt')[0];
  const v2 = importAll('compare/draft-resolution-II-v2.txt')[0];

  it('gives the exact counts for a revised version of draft resolution II', () => {
    if (!v1 || !v2) throw new Error('fixtures did not import');
    const { counts } = compareDocuments(v1, v2);
    expect(counts).toEqual({ inserted: 2, deleted: 1, moved: 2, changed: 3, unchanged: 13 });
  });

  it('names each change of the revision with its old and new paths', () => {
    if (!v1 || !v2) throw new Error('fixtures did not import');
    const changes = compareDocuments(v1, v2)
      .paragraphs.filter((p) => p.status !== 'unchanged')
      .map((p) => `${p.status} ${p.oldPath ?? '-'} -> ${p.newPath ?? '-'}${p.status === 'moved' && p.changed ? ' (changed)' : ''}`);
    expect(changes).toEqual([
      'inserted - -> PP 3',
      'changed PP 5 -> PP 6',
      'changed OP 2 -> OP 2',
      'inserted - -> OP 6',
      'moved OP 4 -> OP 8',
      'moved OP 10 -> OP 9',
      'deleted OP 11 -> -',
      'changed OP 12 -> OP 12',
    ]);
  });

  it('rebuilds the revision from the first version and the word diffs', () => {
    if (!v1 || !v2) throw new Error('fixtures did not import');
    const rebuilt = applyComparison(v1, compareDocuments(v1, v2));
    expect(rebuilt).toEqual(listUnits(v2).map(({ kind, text }) => ({ kind, text })));
  });
});
