import type { Matching } from './match.js';
import type { Unit } from './types.js';

/**
 * Marks the positions of one longest strictly increasing subsequence of `values`
 * (patience sorting, O(n log n)). Among equally long ones it keeps the one ending in the
 * smallest values, so a single element taken out of order is the one left unmarked.
 */
export function longestIncreasingSubsequence(values: readonly number[]): boolean[] {
  // tails[k]: index in `values` of the smallest tail of an increasing run of length k + 1.
  const tails: number[] = [];
  const previous: number[] = values.map(() => -1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[tails[mid] ?? 0] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1] ?? -1;
    tails[lo] = i;
  });
  const inSequence = values.map(() => false);
  for (let i = tails[tails.length - 1] ?? -1; i !== -1; i = previous[i] ?? -1) inSequence[i] = true;
  return inSequence;
}

/**
 * Which matched new units moved (indexed by new unit; false for unmatched ones). A matched
 * unit moved when its kind changed, when its parent is not the match of its old parent
 * (it went to another paragraph), or when its order among the matched units of its kind
 * under the same parent changed. For the last case, the units kept in place are a longest
 * increasing subsequence of their old indices in new order, so moving one paragraph marks
 * that one only; and children follow a moved parent without being moves themselves.
 */
export function findMoves(oldUnits: readonly Unit[], newUnits: readonly Unit[], matching: Matching): boolean[] {
  const moved = newUnits.map(() => false);
  const groups = new Map<string, number[]>();
  for (const unit of newUnits) {
    const o = matching.newToOld[unit.index] ?? -1;
    const old = oldUnits[o];
    if (!old) continue;
    const parentKept =
      unit.parent === -1 ? old.parent === -1 : old.parent !== -1 && matching.newToOld[unit.parent] === old.parent;
    if (!parentKept || old.kind !== unit.kind) {
      moved[unit.index] = true;
      continue;
    }
    const key = `${unit.parent}:${unit.kind}`;
    const group = groups.get(key);
    if (group) group.push(unit.index);
    else groups.set(key, [unit.index]);
  }
  for (const group of groups.values()) {
    const kept = longestIncreasingSubsequence(group.map((n) => matching.newToOld[n] ?? -1));
    group.forEach((n, i) => {
      if (!kept[i]) moved[n] = true;
    });
  }
  return moved;
}
