import fc from 'fast-check';
import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { lcsLength } from '../../../shared/compare/lcs.js';
import { boundedEditScript, type EditStep } from '../../../shared/compare/myers.js';
import { REWRITE_SHARE, wordDiff } from '../../../shared/compare/word-diff.js';
import { editScript } from '../../support/myers-oracle.js';

const ids = fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 });

// Replays an edit script: the kept and inserted items of `a` and `b`, in order.
function replay(a: number[], b: number[], steps: EditStep[]): number[] {
  let i = 0;
  let j = 0;
  const out: number[] = [];
  for (const s of steps) {
    if (s === 'equal') {
      expect(a[i]).toBe(b[j]);
      out.push(a[i++]!);
      j++;
    } else if (s === 'delete') i++;
    else out.push(b[j++]!);
  }
  expect(i).toBe(a.length);
  return out;
}

const edits = (steps: EditStep[]) => steps.filter((s) => s !== 'equal').length;

describe('editScript (the plain search, oracle of the tests below)', () => {
  it('turns a into b with as few edits as jsdiff finds', () => {
    fc.assert(
      fc.property(ids, ids, (a, b) => {
        const steps = editScript(a, b, Infinity)!;
        expect(replay(a, b, steps)).toEqual(b);
        const theirs = diffArrays(a, b).reduce((n, c) => n + (c.added || c.removed ? c.count : 0), 0);
        expect(edits(steps)).toBe(theirs);
      }),
    );
  });

  it('gives up (null) exactly when more edits than allowed are needed', () => {
    fc.assert(
      fc.property(ids, ids, fc.nat({ max: 40 }), (a, b, cap) => {
        const needed = edits(editScript(a, b, Infinity)!);
        const capped = editScript(a, b, cap);
        if (needed <= cap) expect(capped && edits(capped)).toBe(needed);
        else expect(capped).toBeNull();
      }),
    );
  });
});

describe('boundedEditScript', () => {
  it('gives up exactly when editScript does, and otherwise a script as short, that turns a into b', () => {
    fc.assert(
      fc.property(ids, ids, fc.nat({ max: 40 }), (a, b, cap) => {
        const plain = editScript(a, b, cap);
        const bounded = boundedEditScript(Int32Array.from(a), Int32Array.from(b), cap);
        if (!plain) {
          expect(bounded).toBeNull();
          return;
        }
        expect(bounded).not.toBeNull();
        expect(edits(bounded!)).toBe(edits(plain));
        expect(replay(a, b, bounded!)).toEqual(b);
      }),
      { numRuns: 500 },
    );
  });
});

// The plain search on what lies between the common prefix and suffix, as boundedEditScript was first written.
function stripped(a: number[], b: number[], cap: number): EditStep[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = editScript(a.slice(start, endA), b.slice(start, endB), cap);
  return middle && [...Array<EditStep>(start).fill('equal'), ...middle, ...Array<EditStep>(a.length - endA).fill('equal')];
}

// Sequences long enough to span several 32-bit words, over alphabets small and large.
const longIds = fc.integer({ min: 1, max: 60 }).chain((alphabet) => fc.array(fc.integer({ min: 0, max: alphabet }), { maxLength: 150 }));

describe('boundedEditScript steps', () => {
  it('are exactly the plain search\'s between the common prefix and suffix', () => {
    fc.assert(
      fc.property(ids, ids, fc.nat({ max: 40 }), (a, b, cap) => {
        expect(boundedEditScript(Int32Array.from(a), Int32Array.from(b), cap)).toEqual(stripped(a, b, cap));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(longIds, longIds, fc.nat({ max: 200 }), (a, b, cap) => {
        expect(boundedEditScript(Int32Array.from(a), Int32Array.from(b), cap)).toEqual(stripped(a, b, cap));
      }),
      { numRuns: 300 },
    );
  });

  it('are the same on a lightly edited copy (long common runs, edits spread out)', () => {
    fc.assert(
      fc.property(longIds, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 70 })), { maxLength: 12 }), (a, edits) => {
        const b = [...a];
        for (const [at, kind, id] of edits) {
          const i = b.length === 0 ? 0 : at % b.length;
          if (kind === 0) b.splice(i, 1);
          else if (kind === 1) b.splice(i, 0, id);
          else b[i] = id;
        }
        expect(boundedEditScript(Int32Array.from(a), Int32Array.from(b), 1000)).toEqual(stripped(a, b, 1000));
      }),
      { numRuns: 300 },
    );
  });
});

describe('lcsLength', () => {
  it('is the length of a longest common subsequence (dynamic programming), across word boundaries', () => {
    fc.assert(
      fc.property(longIds, longIds, (a, b) => {
        const row = new Array<number>(b.length + 1).fill(0);
        for (const x of a) {
          let diagonal = 0;
          b.forEach((y, j) => {
            const up = row[j + 1]!;
            row[j + 1] = x === y ? diagonal + 1 : Math.max(up, row[j]!);
            diagonal = up;
          });
        }
        expect(lcsLength(Int32Array.from(a), Int32Array.from(b))).toBe(row[b.length]);
      }),
      { numRuns: 400 },
    );
  });
});

describe('wordDiff bounds', () => {
  it('shows a rewritten paragraph as replaced whole, and does so fast on long paragraphs', () => {
    const long = (seed: number) => Array.from({ length: 3000 }, (_, i) => `w${i * seed}`).join(' ');
    const started = performance.now();
    const ops = wordDiff(long(7), long(13));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(ops).toEqual([
      { op: 'delete', text: long(7) },
      { op: 'insert', text: long(13) },
    ]);
    expect(REWRITE_SHARE).toBeLessThan(0.5);
  });

  it('keeps a word-level diff for a lightly edited long paragraph', () => {
    const old = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
    const changed = old.replace('w500 ', 'x500 ').replace('w1500', 'y1500');
    const ops = wordDiff(old, changed);
    expect(ops.filter((o) => o.op !== 'equal')).toEqual([
      { op: 'delete', text: 'w500' },
      { op: 'insert', text: 'x500' },
      { op: 'delete', text: 'w1500' },
      { op: 'insert', text: 'y1500' },
    ]);
  });
});
