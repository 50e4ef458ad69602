import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyWordDiff, formatWordDiff, wordDiff, type WordOp } from '../../../shared/compare/index.js';

const text = (ops: WordOp[], keep: 'insert' | 'delete') => ops.filter((o) => o.op !== keep).map((o) => o.text).join('');
const tokens = fc.constantFrom('States', 'shall', 'should', ' ', '  ', ',', ';', '[', ']', 'all', 'Member', '\n', 'é', '(a)');

describe('wordDiff', () => {
  it('diffs by words, keeping spaces and punctuation, a run of changes as one deletion then one insertion', () => {
    expect(wordDiff('the an online meeting, held', 'the a hybrid meeting; held')).toEqual([
      { op: 'equal', text: 'the ' },
      { op: 'delete', text: 'an online' },
      { op: 'insert', text: 'a hybrid' },
      { op: 'equal', text: ' meeting' },
      { op: 'delete', text: ',' },
      { op: 'insert', text: ';' },
      { op: 'equal', text: ' held' },
    ]);
  });

  it('gives one piece for equal, empty-to-text and text-to-empty, and none for two empty texts', () => {
    expect(wordDiff('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
    expect(wordDiff('', 'new')).toEqual([{ op: 'insert', text: 'new' }]);
    expect(wordDiff('old', '')).toEqual([{ op: 'delete', text: 'old' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('always rebuilds both texts, never yields empty pieces or two neighbours with the same op', () => {
    fc.assert(
      fc.property(fc.array(tokens, { maxLength: 30 }), fc.array(tokens, { maxLength: 30 }), (a, b) => {
        const [before, after] = [a.join(''), b.join('')];
        const ops = wordDiff(before, after);
        expect(text(ops, 'insert')).toBe(before);
        expect(text(ops, 'delete')).toBe(after);
        expect(applyWordDiff(before, ops)).toBe(after);
        expect(ops.every((o) => o.text !== '')).toBe(true);
        expect(ops.every((o, i) => i === 0 || ops[i - 1]?.op !== o.op)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('applyWordDiff', () => {
  it('refuses a diff that does not fit the old text', () => {
    expect(() => applyWordDiff('one two', [{ op: 'equal', text: 'one three' }])).toThrow(/does not fit/);
    expect(() => applyWordDiff('one two', [{ op: 'delete', text: 'one' }])).toThrow(/unaccounted/);
    expect(applyWordDiff('one two', [{ op: 'delete', text: 'one' }, { op: 'insert', text: 'three' }, { op: 'equal', text: ' two' }])).toBe('three two');
  });
});

describe('formatWordDiff', () => {
  it('marks deletions and insertions and shortens unchanged text around them', () => {
    const ops = wordDiff(
      'Requests the Secretary-General to report to the General Assembly at its eightieth session on the implementation of the present resolution;',
      'Requests the Secretary-General to report to the General Assembly at its eighty-first session on the implementation of the present resolution;',
    );
    expect(formatWordDiff(ops)).toBe('... General Assembly at its [-eightieth-]{+eighty-first+} session on the implementation ...');
    expect(formatWordDiff(ops, 100)).toContain('Requests the Secretary-General');
  });

  it('shows a diff without changes whole, and flattens line breaks', () => {
    expect(formatWordDiff([{ op: 'equal', text: 'a\nb' }])).toBe('a b');
  });
});
