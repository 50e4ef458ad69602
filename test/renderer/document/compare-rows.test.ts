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
      { op: 'insert', text: ' now', italic: false, emphasis: false },
      { op: 'insert', text: '', italic: false, emphasis: false, note: 1, marker: true },
      { op: 'insert', text: 'Resolution 70/1.', italic: false, emphasis: false, note: 1 },
    ]);
    expect(segments.map((s) => s.text).join('')).not.toContain('[footnote');
  });

  it('reads a cross-reference as the number the page prints, a renumbered target as a word change', () => {
    const segments = displaySegments([
      { op: 'equal', text: 'referred to in paragraph [→OP ' },
      { op: 'delete', text: '4' },
      { op: 'insert', text: '5' },
      { op: 'equal', text: '] above' },
    ]);
    expect(segments.map((s) => [s.op, s.text, s.xref ?? false])).toEqual([
      ['equal', 'referred to in paragraph ', false],
      ['delete', '4', true],
      ['insert', '5', true],
      ['equal', ' above', false],
    ]);
    expect(displaySegments([{ op: 'equal', text: 'see [→OP 4 (a)]' }]).map((s) => s.text)).toEqual(['see ', '4 (a)']);
  });

  it('keeps a changed footnote text with its marker on both sides and numbers footnotes over the new text', () => {
    const segments = displaySegments([
      { op: 'equal', text: 'Recalls[^Resolution ' },
      { op: 'delete', text: '69/313' },
      { op: 'insert', text: '70/1' },
      { op: 'equal', text: '.] its' },
      { op: 'delete', text: '[^Old note.]' },
      { op: 'equal', text: ' work' },
    ]);
    expect(segments.filter((s) => s.marker).map((s) => [s.op, s.note])).toEqual([
      ['equal', 1],
      ['delete', 2],
    ]);
    expect(segments.filter((s) => s.note === 1 && !s.marker).map((s) => `${s.op}:${s.text}`)).toEqual(['equal:Resolution ', 'delete:69/313', 'insert:70/1', 'equal:.']);
    expect(segments.filter((s) => s.note === undefined).map((s) => s.text)).toEqual(['Recalls', ' its', ' work']);
  });

  it('numbers footnotes over the whole new text, filtered or not, and marks one only the old text had', () => {
    const doc = (notes: Record<string, string>) =>
      resolution(['a', 'b', 'c'].map((id) => ({ id, text: `Paragraph ${id} on the matter;`, footnotes: notes[id] ? [{ at: 9, text: notes[id] }] : undefined })));
    const comparison = compareDocuments(doc({ a: 'See A/79/1.', b: 'See A/79/2.' }), doc({ a: 'See A/79/1.', c: 'See A/79/3.' }));
    const labels = (rows: ReturnType<typeof compareRows>) => rows.filter((r) => r.footnotes.length > 0).map((r) => [r.label, r.footnotes.map((f) => `${f.label}:${f.op}`)]);
    expect(labels(compareRows(comparison))).toEqual([
      ['OP 1', ['1:equal']],
      ['OP 2', ['*:delete']],
      ['OP 3', ['2:insert']],
    ]);
    expect(labels(compareRows(comparison, { changedOnly: true }))).toEqual([
      ['OP 2', ['*:delete']],
      ['OP 3', ['2:insert']],
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
