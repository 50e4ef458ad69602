import { describe, expect, it } from 'vitest';
import { applyComparison, compareDocuments, summaryLine, type ParagraphChange } from '../../../shared/compare/index.js';
import { buildDocument, type Paragraph, type ParagraphSpec } from '../../../shared/document/build.js';

const verbs = ['Requests', 'Encourages', 'Invites', 'Urges', 'Calls upon', 'Decides', 'Welcomes', 'Stresses', 'Notes', 'Affirms'];
const topics = ['victims of trafficking', 'prison reform', 'cybercrime', 'juvenile justice', 'firearms', 'corruption', 'legal aid'];

// OP i (1-based) of a plain resolution, with id "op<i>", its verb as opener, and a text that
// shares too few word pairs with any other OP's to be taken for it.
function op(i: number, extra: Partial<ParagraphSpec> = {}): ParagraphSpec {
  const verb = verbs[(i - 1) % verbs.length] ?? 'Requests';
  const topic = topics[(i - 1) % topics.length] ?? 'crime';
  const text = extra.text ?? `${verb} action ${i} on ${topic};`;
  const opener = typeof text === 'string' && text.startsWith(verb) ? verb : undefined;
  return { id: `op${i}`, text, opener, ...extra };
}

function resolution(operative: Paragraph[], preamble: Paragraph[] = []) {
  return buildDocument({ title: 'Test resolution', body: 'The General Assembly,', preamble, operative });
}

const statusById = (changes: ParagraphChange[]) => Object.fromEntries(changes.map((c) => [c.newId ?? c.oldId, c.status]));
const ops = (n: number) => Array.from({ length: n }, (_, i) => op(i + 1));

describe('compareDocuments: classification', () => {
  it('finds identical versions unchanged, and counts neither title nor body line', () => {
    const doc = resolution(ops(3), [{ id: 'pp1', text: 'Recalling its resolution 70/1,', opener: 'Recalling' }]);
    const { paragraphs, counts } = compareDocuments(doc, doc);
    expect(counts).toEqual({ inserted: 0, deleted: 0, moved: 0, changed: 0, unchanged: 4 });
    expect(paragraphs.map((p) => p.kind)).toEqual(['title', 'body', 'pp', 'op', 'op', 'op']);
    expect(paragraphs.every((p) => p.status === 'unchanged' && p.matchedBy === 'id')).toBe(true);
  });

  it('reports a reworded paragraph as changed, with a word diff', () => {
    const after = resolution([op(1), op(2, { text: 'Encourages urgent action 2 on prison reform;' }), op(3)]);
    const { paragraphs, counts } = compareDocuments(resolution(ops(3)), after);
    expect(counts).toMatchObject({ changed: 1, unchanged: 2 });
    const changed = paragraphs.find((p) => p.status === 'changed');
    expect(changed).toMatchObject({ oldPath: 'OP 2', newPath: 'OP 2', changed: true });
    expect(changed?.words).toEqual([
      { op: 'equal', text: '*Encourages* ' },
      { op: 'insert', text: 'urgent ' },
      { op: 'equal', text: 'action 2 on prison reform;' },
    ]);
  });

  it('counts an opener or a footnote text that differs as a change', () => {
    const base = resolution([op(1), op(2)]);
    const noOpener = resolution([op(1, { opener: undefined }), op(2)]);
    expect(compareDocuments(base, noOpener).counts.changed).toBe(1);
    const withNote = resolution([op(1, { footnotes: [{ text: 'Resolution 70/1.' }] }), op(2)]);
    const otherNote = resolution([op(1, { footnotes: [{ text: 'Resolution 70/2.' }] }), op(2)]);
    expect(compareDocuments(withNote, otherNote).counts).toMatchObject({ changed: 1, unchanged: 1 });
    expect(compareDocuments(withNote, withNote).counts.changed).toBe(0);
  });

  it('reports an inserted and a deleted paragraph with their paths, and no move around them', () => {
    const before = resolution(ops(4));
    const after = resolution([op(1), op(9), op(2), op(4)]);
    const { paragraphs, counts } = compareDocuments(before, after);
    expect(counts).toEqual({ inserted: 1, deleted: 1, moved: 0, changed: 0, unchanged: 3 });
    expect(paragraphs.find((p) => p.status === 'inserted')).toMatchObject({ newPath: 'OP 2', oldPath: null, newId: 'op9' });
    expect(paragraphs.find((p) => p.status === 'deleted')).toMatchObject({ oldPath: 'OP 3', newPath: null, oldId: 'op3' });
    // Renumbered but not moved: OP 2 -> OP 3 is unchanged.
    expect(paragraphs.find((p) => p.newId === 'op2')).toMatchObject({ status: 'unchanged', oldPath: 'OP 2', newPath: 'OP 3' });
  });

  it('reports one paragraph moved among 20 as exactly one move, with old and new numbers', () => {
    const before = resolution(ops(20));
    const order = [1, 2, 3, 4, 6, 7, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
    const { paragraphs, counts } = compareDocuments(before, resolution(order.map((i) => op(i))));
    expect(counts).toEqual({ inserted: 0, deleted: 0, moved: 1, changed: 0, unchanged: 19 });
    expect(paragraphs.filter((p) => p.status === 'moved')).toMatchObject([{ oldPath: 'OP 5', newPath: 'OP 7', changed: false }]);
  });

  it('reports a paragraph both moved and reworded as moved with changed: true', () => {
    const after = resolution([op(2), op(3), op(1, { text: 'Requests action 1 on victims of trafficking and smuggling;' })]);
    const { paragraphs, counts } = compareDocuments(resolution(ops(3)), after);
    expect(counts).toEqual({ inserted: 0, deleted: 0, moved: 1, changed: 0, unchanged: 2 });
    const moved = paragraphs.find((p) => p.status === 'moved');
    expect(moved).toMatchObject({ oldPath: 'OP 1', newPath: 'OP 3', changed: true });
    expect(moved?.words.some((w) => w.op === 'insert')).toBe(true);
  });

  it('does not report the subparagraphs of a moved paragraph as moves', () => {
    const withSubs = op(1, { text: 'Requests Member States:', subparagraphs: [{ id: 's1', text: 'to act;' }, { id: 's2', text: 'to report;' }] });
    const { paragraphs, counts } = compareDocuments(resolution([withSubs, op(2), op(3)]), resolution([op(2), op(3), withSubs]));
    expect(counts).toEqual({ inserted: 0, deleted: 0, moved: 1, changed: 0, unchanged: 4 });
    expect(statusById(paragraphs)).toMatchObject({ op1: 'moved', s1: 'unchanged', s2: 'unchanged' });
    expect(paragraphs.find((p) => p.newId === 's2')).toMatchObject({ oldPath: 'OP 1 (b)', newPath: 'OP 3 (b)' });
  });

  it('reports a subparagraph that went to another paragraph, or changed order, as moved', () => {
    const sub = (id: string, text: string) => ({ id, text });
    const before = resolution([
      op(1, { text: 'Requests:', subparagraphs: [sub('a', 'to act;'), sub('b', 'to report;'), sub('c', 'to review;')] }),
      op(2, { text: 'Invites:', subparagraphs: [sub('d', 'to share;')] }),
    ]);
    const after = resolution([
      op(1, { text: 'Requests:', subparagraphs: [sub('c', 'to review;'), sub('a', 'to act;')] }),
      op(2, { text: 'Invites:', subparagraphs: [sub('d', 'to share;'), sub('b', 'to report;')] }),
    ]);
    const { paragraphs } = compareDocuments(before, after);
    expect(statusById(paragraphs)).toMatchObject({ op1: 'unchanged', op2: 'unchanged', a: 'unchanged', b: 'moved', c: 'moved', d: 'unchanged' });
    expect(paragraphs.find((p) => p.newId === 'b')).toMatchObject({ oldPath: 'OP 1 (b)', newPath: 'OP 2 (b)' });
  });

  it('matches paragraphs without shared ids by text similarity, preferring the nearby one', () => {
    const before = resolution([op(1), op(2), op(3)]);
    const after = resolution([
      op(1, { id: 'x1' }),
      op(2, { id: 'x2', text: 'Encourages action 2 on prison reform and legal aid;' }),
      { id: 'x3', text: 'Takes note of the report of the Secretary-General;', opener: 'Takes note of' },
    ]);
    const { paragraphs, counts } = compareDocuments(before, after);
    expect(counts).toEqual({ inserted: 1, deleted: 1, moved: 0, changed: 1, unchanged: 1 });
    expect(paragraphs.find((p) => p.newId === 'x2')).toMatchObject({ status: 'changed', oldId: 'op2', matchedBy: 'text' });
    expect(paragraphs.find((p) => p.newId === 'x1')).toMatchObject({ status: 'unchanged', oldId: 'op1', matchedBy: 'text' });
  });

  it('places deleted paragraphs where they stood, in new-document order', () => {
    const sub = (id: string) => ({ id, text: `item ${id} of the list;` });
    const before = resolution([op(1, { text: 'Requests:', subparagraphs: [sub('a'), sub('b')] }), op(2), op(3), op(4)]);
    const after = resolution([op(1, { text: 'Requests:', subparagraphs: [sub('b')] }), op(4), op(3)]);
    const { paragraphs } = compareDocuments(before, after);
    expect(paragraphs.map((p) => `${p.newId ?? p.oldId}:${p.status}`)).toEqual([
      `${paragraphs[0]?.newId}:unchanged`,
      `${paragraphs[1]?.newId}:unchanged`,
      'op1:unchanged',
      'a:deleted',
      'b:unchanged',
      'op2:deleted',
      // Of two swapped neighbours, the one that went forward is the move.
      'op4:moved',
      'op3:unchanged',
    ]);
  });

  it('gives word diffs that rebuild the new text from the old document', () => {
    const before = resolution(ops(5));
    const after = resolution([op(2), op(1, { text: 'Requests all States to act on victims of trafficking;' }), op(7), op(5)]);
    const comparison = compareDocuments(before, after);
    expect(applyComparison(before, comparison).map((u) => u.text)).toEqual([
      'Test resolution',
      'The General Assembly,',
      '*Encourages* action 2 on prison reform;',
      '*Requests* all States to act on victims of trafficking;',
      '*Welcomes* action 7 on legal aid;',
      '*Calls upon* action 5 on firearms;',
    ]);
    expect(() => applyComparison(after, comparison)).toThrow();
  });
});

describe('summaryLine', () => {
  it('lists the non-zero counts in a fixed order, without unchanged', () => {
    expect(summaryLine({ inserted: 3, deleted: 1, moved: 2, changed: 7, unchanged: 40 })).toBe('3 inserted, 1 deleted, 2 moved, 7 changed');
    expect(summaryLine({ inserted: 0, deleted: 1, moved: 0, changed: 2, unchanged: 4 })).toBe('1 deleted, 2 changed');
    expect(summaryLine({ inserted: 0, deleted: 0, moved: 0, changed: 0, unchanged: 9 })).toBe('no changes');
  });
});
