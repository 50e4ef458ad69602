import type { EditStep } from '../../shared/compare/myers.js';

/**
 * The shortest edit script turning sequence `a` into `b` by the plain Myers O(ND) search,
 * or null when it needs more than `maxEdits` insertions plus deletions: the test oracle for
 * the production `boundedEditScript`, which must give exactly these steps between the
 * common prefix and suffix. Ties break as in jsdiff (a deletion before an insertion unless
 * the insertion reaches further), so results match its word diff.
 */
export function editScript(a: ArrayLike<number>, b: ArrayLike<number>, maxEdits: number): EditStep[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(maxEdits, n + m);
  const offset = limit + 1;
  // v[k + offset]: furthest index reached in `a` on diagonal k (x - y = k) after d edits.
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!);
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return null;
}

// Walks the saved frontiers from the end back to the start, emitting steps in reverse.
function backtrack(trace: readonly Int32Array[], last: number, n: number, m: number): EditStep[] {
  const steps: EditStep[] = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    // trace[d] holds diagonals -d-1..d+1 of the frontier before step d.
    const before = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && before[k + d]! < before[k + d + 2]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = before[prevK + d + 1]!;
    const prevY = prevX - prevK;
    const startX = down ? prevX : prevX + 1;
    while (x > startX) {
      steps.push('equal');
      x--;
      y--;
    }
    steps.push(down ? 'insert' : 'delete');
    x = prevX;
    y = prevY;
  }
  while (x > 0) {
    steps.push('equal');
    x--;
  }
  return steps.reverse();
}
