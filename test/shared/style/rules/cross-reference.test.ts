import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { createStyleChecker } from '../../../../shared/style/check.js';
import { findById, problemsOf, resolution } from '../helpers.js';

const doc = (): Node =>
  resolution(
    ['Recalling its resolution 70/1 of 25 September 2015,'],
    [
      { id: 'target', text: 'Requests the Secretary-General to report;' },
      { id: 'citing', text: ['Decides to consider the report referred to in paragraph ', { crossReference: 'target' }, ' above.'] },
    ],
  );

const without = (d: Node, id: string): Node => {
  const { node, pos } = findById(d, id);
  return new Transform(d).delete(pos, pos + node.nodeSize).doc;
};

describe('broken cross-references', () => {
  it('reports nothing while the target exists', () => {
    expect(problemsOf(doc(), 'broken-reference')).toEqual([]);
  });

  it('reports a reference whose paragraph was deleted, on the reference itself, with no fix', () => {
    const problems = problemsOf(without(doc(), 'target'), 'broken-reference');
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatchObject({ paragraphId: 'citing', from: 'Decides to consider the report referred to in paragraph '.length, severity: 'warning' });
    expect(problem?.to).toBe((problem?.from ?? 0) + 1);
    expect(problem?.message).toMatch(/^OP 1: a cross-reference points to a paragraph that was deleted/);
    expect(problem?.fix).toBeUndefined();
  });

  it('is found by the incremental checker when only the target changed (the citing paragraph is cached)', () => {
    const checker = createStyleChecker();
    const before = doc();
    expect(checker.check(before).filter((p) => p.rule === 'broken-reference')).toEqual([]);
    const after = without(before, 'target');
    expect(checker.check(after, new Set()).filter((p) => p.rule === 'broken-reference')).toHaveLength(1);
    expect(checker.lastAnalysed()).toBe(0);
  });
});
