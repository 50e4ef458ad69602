import { describe, expect, it } from 'vitest';
import { compareDocuments } from '../../../shared/compare/index.js';
import { buildDocument, type ParagraphSpec } from '../../../shared/document/build.js';
import { compareRows, displaySegments } from '../../../renderer/document/compare-rows.js';

const op = (id: string, text: string, opener?: string): ParagraphSpec => ({ id, text, opener });
const resolution = (operative: ParagraphSpec[]) => buildDocument({ title: 'Test', body: 'The General Assembly,', operative });

const before = resolution([
  op('a', 'Requests the Secretary-General to report on prison reform;', 'Requests'),
  op('b', 'Encourages Member States to share data on cybercrime;', 'Encourages'),
  op('c', 'Invites donors to support legal aid programmes;', 'Invites'),
  op('d', 'Urges States to ratify the Convention against Corruption;', 'Urges'),
  op('e', 'Decides to remain seized of the matter.', 'Decides'),
]);
const after = resolution([
  op('a', 'Requests the Secretary-General to report annually on prison reform;', 'Requests'),
  op('c', 'Invites donors to support legal aid programmes;', 'Invites'),
  op('b', 'Encourages Member States to share data on cybercrime;', 'Encourages'),
  op('x', 'Welcomes the work of the expert group on firearms;', 'Welcomes'),
  op('e', 'Decides to remain seized of the matter.', 'Decides'),
]);

describe('compareRows', () => {
  const comparison = compareDocuments(before, after);

  it('labels every paragraph with what happened to it and its old and new numbers', () => {
    const rows = compareRows(comparison).filter((r) => !r.heading);
    expect(rows.map((r) => [r.label, r.status, r.note, r.numbers])).toEqual([
      ['OP 1', 'changed', 'Changed', null],
      ['OP 2', 'moved', 'Moved from OP 3', 'OP 3 → OP 2'],
      ['was OP 4', 'deleted', 'Deleted', null],
      ['OP 3', 'unchanged', '', 'OP 2 → OP 3'],
      ['OP 4', 'inserted', 'Inserted', null],
      ['OP 5', 'unchanged', '', null],
    ]);
    expect(rows.find((r) => r.status === 'changed')?.segments.filter((s) => s.op === 'insert').map((s) => s.text)).toEqual(['annually ']);
  });

  it('numbers the changed rows for next/previous, and the filter keeps only them', () => {
    const all = compareRows(comparison);
    const changedOnly = compareRows(comparison, { changedOnly: true });
    expect(changedOnly.map((r) => r.changeIndex)).toEqual([0, 1, 2, 3]);
    expect(changedOnly.every((r) => r.status !== 'unchanged')).toBe(true);
    expect(all.filter((r) => r.changeIndex !== null).map((r) => r.key)).toEqual(changedOnly.map((r) => r.key));
    expect(all.filter((r) => r.status === 'unchanged').every((r) => r.changeIndex === null)).toBe(true);
  });

  it('says when a moved paragraph was reworded too, and indents subparagraphs', () => {
    const withSubs = (text: string, order: string[]) =>
      buildDocument({
        title: 'T',
        body: 'The General Assembly,',
        operative: order.map((id) => ({ id, text: id === 'p' ? text : `Paragraph ${id} on topic ${id};`, subparagraphs: id === 'q' ? [{ id: 'q1', text: 'one;' }] : undefined })),
      });
    const rows = compareRows(compareDocuments(withSubs('Decides to act;', ['p', 'q', 'r']), withSubs('Decides to act now;', ['q', 'r', 'p'])));
    expect(rows.find((r) => r.status === 'moved')?.note).toBe('Moved from OP 1, reworded');
    expect(rows.find((r) => r.kind === 'sub')).toMatchObject({ depth: 1, label: 'OP 1 (a)' });
  });
});

describe('displaySegments', () => {
  it('turns opener and emphasis markup into styling on the side each piece belongs to', () => {
    const segments = displaySegments([
      { op: 'delete', text: '*Requests*' },
      { op: 'insert', text: '*Urges*' },
      { op: 'equal', text: ' the _ad hoc_ committee' },
      { op: 'insert', text: ' now[^Resolution 70/1.]' },
    ]);
    expect(segments).toEqual([
      { op: 'delete', text: 'Requests', italic: true, emphasis: false },
      { op: 'insert', text: 'Urges', italic: true, emphasis: false },
      { op: 'equal', text: ' the ', italic: false, emphasis: false },
      { op: 'equal', text: 'ad hoc', italic: false, emphasis: true },
      { op: 'equal', text: ' committee', italic: false, emphasis: false },
      { op: 'insert', text: ' now[footnote: Resolution 70/1.]', italic: false, emphasis: false },
    ]);
  });

  it('keeps an italic run open across a kept piece on both sides', () => {
    const segments = displaySegments([
      { op: 'equal', text: '*Strongly ' },
      { op: 'delete', text: 'urges' },
      { op: 'insert', text: 'encourages' },
      { op: 'equal', text: '* States' },
    ]);
    expect(segments.map((s) => [s.text, s.italic])).toEqual([
      ['Strongly ', true],
      ['urges', true],
      ['encourages', true],
      [' States', false],
    ]);
  });
});
