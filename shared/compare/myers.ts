import { lcsLength } from './lcs.js';

/** One step of an edit script: keep, delete or insert one token. */
export type EditStep = 'equal' | 'delete' | 'insert';

/**
 * The shortest edit script turning sequence `a` into `b` (Myers' O(ND) search over integer
 * ids), or null when it needs more than `maxEdits` insertions plus deletions, with shortcuts
 * that spare the search most of its work (compare p95 is a goal of the history bench): a
 * common prefix and suffix are kept as they are (the edit distance of the rest is the
 * whole's); when the token counts alone differ by more than `maxEdits` (each differing
 * occurrence costs at least one edit), or the exact distance (`lcsLength`, bit-parallel)
 * exceeds it, the answer is null without a search; otherwise the search knows the distance D
 * and visits only the diagonals that can still reach the end within D edits. Ties break as
 * in jsdiff (a deletion before an insertion unless the insertion reaches further), so
 * results match its word diff; the tests hold the steps between prefix and suffix to the
 * plain search's (test/support/myers-oracle.ts). Ids must be non-negative.
 */
export function boundedEditScript(a: Int32Array, b: Int32Array, maxEdits: number): EditStep[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.subarray(start, endA);
  const midB = b.subarray(start, endB);
  if (countDifference(midA, midB) > maxEdits) return null;
  const distance = midA.length + midB.length - 2 * lcsLength(midA, midB);
  if (distance > maxEdits) return null;
  const steps: EditStep[] = [];
  for (let i = 0; i < start; i++) steps.push('equal');
  bandedScript(midA, midB, distance, steps);
  for (let i = endA; i < a.length; i++) steps.push('equal');
  return steps;
}

/**
 * Appends to `out` the steps of the plain Myers search of `a` into `b`, knowing that the
 * edit distance is exactly `distance`. From (x, y) on diagonal k at least |k - (n - m)| edits
 * remain, so after d edits only the diagonals within distance - d of the end's are searched;
 * every value read (the neighbours of a searched diagonal one edit earlier) lies in that
 * band too, so the frontier values, the tie-breaks and the path are the plain search's. The
 * frontiers are kept in one array, band after band, for the backtrack.
 */
function bandedScript(a: Int32Array, b: Int32Array, distance: number, out: EditStep[]): void {
  const n = a.length;
  const m = b.length;
  const delta = n - m;
  const offset = distance + 1;
  const v = new Int32Array(2 * distance + 3);
  const low = (d: number) => Math.max(-d, delta - (distance - d));
  const high = (d: number) => Math.min(d, delta + (distance - d));
  // rowStart[d]: where the frontier after d edits (diagonals low(d), low(d) + 2, ...) begins in `rows`.
  const rowStart = new Int32Array(distance + 2);
  for (let d = 0; d <= distance; d++) rowStart[d + 1] = rowStart[d]! + ((high(d) - low(d)) >> 1) + 1;
  const rows = new Int32Array(rowStart[distance + 1]!);
  let at = 0;
  for (let d = 0; d <= distance; d++) {
    for (let k = low(d), end = high(d); k <= end; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      rows[at++] = x;
    }
  }
  const frontier = (d: number, k: number): number => rows[rowStart[d]! + ((k - low(d)) >> 1)]!;
  const reversed: EditStep[] = [];
  let x = n;
  let y = m;
  for (let d = distance; d > 0; d--) {
    const k = x - y;
    const down = k === -d || (k !== d && frontier(d - 1, k - 1) < frontier(d - 1, k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = frontier(d - 1, prevK);
    const startX = down ? prevX : prevX + 1;
    while (x > startX) {
      reversed.push('equal');
      x--;
      y--;
    }
    reversed.push(down ? 'insert' : 'delete');
    x = prevX;
    y = prevX - prevK;
  }
  while (x > 0) {
    reversed.push('equal');
    x--;
  }
  for (let i = reversed.length - 1; i >= 0; i--) out.push(reversed[i]!);
}

// Sum over ids of |occurrences in a - occurrences in b|: a lower bound of the edits.
function countDifference(a: Int32Array, b: Int32Array): number {
  let distinct = 0;
  for (const id of a) distinct = Math.max(distinct, id + 1);
  for (const id of b) distinct = Math.max(distinct, id + 1);
  const counts = new Int32Array(distinct);
  for (const id of a) counts[id]!++;
  for (const id of b) counts[id]!--;
  let total = 0;
  for (const c of counts) total += Math.abs(c);
  return total;
}
