import { describe, expect, it } from 'vitest';
import { diceSimilarity, listUnits, matchUnits, similarityThreshold, wordFeatures } from '../../../shared/compare/index.js';
import { buildDocument, type Paragraph } from '../../../shared/document/build.js';

function doc(preamble: Paragraph[], operative: Paragraph[], title = 'A title') {
  return buildDocument({ title, body: 'The General Assembly,', preamble, operative });
}

// Pairs as "old id -> new id" for the units matched, in new order.
function pairs(oldDoc: ReturnType<typeof doc>, newDoc: ReturnType<typeof doc>): string[] {
  const [olds, news] = [listUnits(oldDoc), listUnits(newDoc)];
  const m = matchUnits(olds, news);
  return news.flatMap((u) => {
    const old = olds[m.newToOld[u.index] ?? -1];
    return old && u.kind !== 'title' && u.kind !== 'body' ? [`${old.id}->${u.id}:${m.by[u.index]}`] : [];
  });
}

describe('wordFeatures and diceSimilarity', () => {
  it('uses lower-cased word bigrams, ignoring markup and punctuation, and a lone word for one-word texts', () => {
    expect([...wordFeatures('*Requests* the Secretary-General, again').entries()]).toEqual([
      ['requests the', 1],
      ['the secretary', 1],
      ['secretary general', 1],
      ['general again', 1],
    ]);
    expect([...wordFeatures('Welcomes').keys()]).toEqual(['welcomes']);
    expect(wordFeatures(' ;').size).toBe(0);
  });

  it('is 1 for equal word sequences, 0 for disjoint ones or empty text, and symmetric', () => {
    expect(diceSimilarity('Member States shall act', '*Member* States shall act;')).toBe(1);
    expect(diceSimilarity('Member States shall act', 'prison reform now')).toBe(0);
    expect(diceSimilarity('', '')).toBe(0);
    const [a, b] = ['to reduce reoffending through rehabilitation', 'to reduce reoffending through social reintegration'];
    expect(diceSimilarity(a, b)).toBeCloseTo(diceSimilarity(b, a));
    expect(diceSimilarity(a, b)).toBeCloseTo((2 * 3) / (4 + 5));
  });
});

describe('matchUnits', () => {
  it('matches by id first, even when the text changed completely', () => {
    const before = doc([], [{ id: 'x', text: 'Requests a report on prisons;' }]);
    const after = doc([], [{ id: 'x', text: 'Decides to close the session.' }]);
    expect(pairs(before, after)).toEqual(['x->x:id']);
  });

  it('matches equal texts without shared ids in document order, one to one', () => {
    const before = doc([], [{ id: 'a', text: 'Same text;' }, { id: 'b', text: 'Same text;' }, { id: 'c', text: 'Other text.' }]);
    const after = doc([], [{ id: 'p', text: 'Same text;' }, { id: 'q', text: 'Other text.' }]);
    expect(pairs(before, after)).toEqual(['a->p:text', 'c->q:text']);
  });

  it(`pairs similar texts at Dice >= ${similarityThreshold} and leaves dissimilar ones unmatched`, () => {
    const before = doc([], [
      { id: 'a', text: 'Requests the Office to support Member States in reducing reoffending;' },
      { id: 'b', text: 'Invites donors to provide extrabudgetary resources.' },
    ]);
    const after = doc([], [
      { id: 'p', text: 'Requests the Office to support Member States, upon request, in reducing reoffending;' },
      { id: 'q', text: 'Decides to remain seized of the matter.' },
    ]);
    expect(pairs(before, after)).toEqual(['a->p:text']);
  });

  it('prefers the same kind, then the nearer place, among equally similar candidates', () => {
    const text = 'Noting the work of the expert group on reducing reoffending,';
    const before = doc([{ id: 'pp', text }], [{ id: 'op', text: `${text.slice(0, -1)};` }, { id: 'op2', text: 'Ends here.' }]);
    const after = doc([{ id: 'PP', text: `${text.slice(0, -1)} again,` }], [{ id: 'OP', text: `${text.slice(0, -1)} again;` }, { id: 'OP2', text: 'Ends here.' }]);
    expect(pairs(before, after)).toEqual(['pp->PP:text', 'op->OP:text', 'op2->OP2:text']);
  });

  it('pairs a title only with a title', () => {
    const before = doc([], [{ id: 'a', text: 'Safer schools through crime prevention.' }], 'Unrelated heading words');
    const after = doc([], [{ id: 'b', text: 'Something else entirely.' }], 'Safer schools through crime prevention');
    const [olds, news] = [listUnits(before), listUnits(after)];
    const m = matchUnits(olds, news);
    expect(m.newToOld[0]).toBe(-1);
    expect(m.newToOld[news.findIndex((u) => u.id === 'b')]).toBe(-1);
    expect(m.oldToNew[olds.findIndex((u) => u.id === 'a')]).toBe(-1);
  });
});
