import { Fragment, type Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { parseInline } from '../../../shared/import/inline.js';

// Text runs (adjacent runs with the same marks merged, as in a document) as [text, marks]
// pairs, and footnotes as ['^', text].
function runs(nodes: Node[]): [string, string][] {
  const out: [string, string][] = [];
  Fragment.fromArray(nodes).forEach((n) => out.push(n.isText ? [n.text ?? '', n.marks.map((m) => m.type.name).join('+')] : ['^', n.textContent]));
  return out;
}

describe('parseInline', () => {
  it('marks the *opener*, _emphasis_ and footnotes, and the nodes fit a paragraph_text', () => {
    const nodes = parseInline('*Recalling* its _Official Records_,¹ and more', { opener: true, footnote: () => 'A/78/1.' });
    expect(runs(nodes)).toEqual([
      ['Recalling', 'opener'],
      [' its ', ''],
      ['Official Records', 'emphasis'],
      [',', ''],
      ['^', 'A/78/1.'],
      [' and more', ''],
    ]);
    expect(() => resolutionSchema.nodes.paragraph_text.createChecked(null, nodes)).not.toThrow();
  });

  it('leaves stray and word-internal markers as text', () => {
    expect(runs(parseInline('a snake_case name and 5 * 3', { opener: true }))).toEqual([['a snake_case name and 5 * 3', '']]);
  });

  it('writes `*` as emphasis where no opener is allowed, and drops markers where footnotes are not allowed', () => {
    expect(runs(parseInline('A *cited* title¹', { opener: false }))).toEqual([
      ['A ', ''],
      ['cited', 'emphasis'],
      [' title', ''],
    ]);
  });

  it('drops a marker whose footnote resolves to null and reads multi-digit markers', () => {
    const seen: number[] = [];
    const nodes = parseInline('x¹¹ y² z', { opener: true, footnote: (n) => (seen.push(n), n === 2 ? null : `note ${n}`) });
    expect(seen).toEqual([11, 2]);
    expect(runs(nodes)).toEqual([
      ['x', ''],
      ['^', 'note 11'],
      [' y z', ''],
    ]);
  });

  it('applies a detected opener only when the text has no `*`', () => {
    const detect = () => 9;
    expect(runs(parseInline('Recalling its work', { opener: true, detect }))).toEqual([
      ['Recalling', 'opener'],
      [' its work', ''],
    ]);
    expect(runs(parseInline('Recalling *its* work', { opener: true, detect }))).toEqual([
      ['Recalling ', ''],
      ['its', 'opener'],
      [' work', ''],
    ]);
  });
});
