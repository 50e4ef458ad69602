import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longestIncreasingSubsequence } from '../../../shared/compare/index.js';

// Length of a longest strictly increasing subsequence, by the quadratic textbook recurrence.
function lisLength(values: number[]): number {
  const best = values.map(() => 1);
  values.forEach((v, i) => {
    for (let j = 0; j < i; j++) if ((values[j] ?? 0) < v) best[i] = Math.max(best[i] ?? 1, (best[j] ?? 1) + 1);
  });
  return Math.max(0, ...best);
}

describe('longestIncreasingSubsequence', () => {
  it('marks a strictly increasing subsequence of maximal length', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }), (values) => {
        const marked = longestIncreasingSubsequence(values);
        const chosen = values.filter((_, i) => marked[i]);
        expect(chosen.every((v, i) => i === 0 || (chosen[i - 1] ?? 0) < v)).toBe(true);
        expect(chosen.length).toBe(lisLength(values));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out exactly the element taken out of order in a permutation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 40 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.nat(n - 1))), ([n, from, to]) => {
        fc.pre(Math.abs(from - to) >= 2);
        const order = Array.from({ length: n }, (_, i) => i);
        const [item] = order.splice(from, 1);
        order.splice(to, 0, item ?? 0);
        const marked = longestIncreasingSubsequence(order);
        expect(order.filter((_, i) => !marked[i])).toEqual([from]);
      }),
    );
  });

  it('handles the empty sequence', () => {
    expect(longestIncreasingSubsequence([])).toEqual([]);
  });
});
