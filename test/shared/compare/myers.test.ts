import fc from 'fast-check';
import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { boundedEditScript, editScript, type EditStep } from '../../../shared/compare/myers.js';
import { REWRITE_SHARE, wordDiff } from '../../../shared/compare/word-diff.js';

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

describe('editScript', () => {
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
