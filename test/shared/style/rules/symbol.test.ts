import { describe, expect, it } from 'vitest';
import { canonicalSymbol } from '../../../../shared/style/rules/symbol.js';
import { applyProblemFix, ownTextOf, problemsOf, resolution } from '../helpers.js';

const found = (text: string) => problemsOf(resolution([], [text]), 'symbol').map((p) => [text.slice(p.from, p.to), p.fix?.edits[0]?.insert]);

describe('document symbols', () => {
  it('accepts canonical symbols', () => {
    const good = ['A/RES/77/231', 'E/CN.15/2023/L.4/Rev.1', 'E/CN.15/2023/L.1/Add.1', 'A/78/L.5', 'S/RES/2532 (2020)', 'A/CONF.234/16', 'A/RES/ES-11/1', 'A/C.3/78/L.5/Corr.1', 'E/2023/SR.12'];
    for (const symbol of good) {
      expect(canonicalSymbol(symbol)).toBe(symbol);
      expect(found(`Takes note of document ${symbol}.`)).toEqual([]);
    }
  });

  it('rewrites malformed symbols in their canonical form', () => {
    expect(found('Takes note of a/res/77/231.')).toEqual([['a/res/77/231', 'A/RES/77/231']]);
    expect(found('Takes note of E/CN.15/2023/L.4/Rev1.')).toEqual([['E/CN.15/2023/L.4/Rev1', 'E/CN.15/2023/L.4/Rev.1']]);
    expect(found('Takes note of E/CN.15/2023/L.4/Rev. 1 and A/78/L 5.')).toEqual([
      ['E/CN.15/2023/L.4/Rev. 1', 'E/CN.15/2023/L.4/Rev.1'],
      ['A/78/L 5', 'A/78/L.5'],
    ]);
    expect(found('Takes note of A//RES/77/231 and A/78/L.5/ today.')).toEqual([
      ['A//RES/77/231', 'A/RES/77/231'],
      ['A/78/L.5/', 'A/78/L.5'],
    ]);
    expect(found('Recalls S/RES/2532(2020) and E/CN15/2023/L.1/add.1.')).toEqual([
      ['S/RES/2532(2020)', 'S/RES/2532 (2020)'],
      ['E/CN15/2023/L.1/add.1', 'E/CN.15/2023/L.1/Add.1'],
    ]);
  });

  it('leaves ordinary slashes alone', () => {
    expect(found('Encourages and/or supports e/b programmes, 2020/2021 budgets and www.un.org/a/78/1 pages.')).toEqual([]);
  });

  it('applies the fix in place', () => {
    const doc = resolution([], ['Takes note of document a/78/l.5/rev.2.']);
    const [problem] = problemsOf(doc, 'symbol');
    const fixed = applyProblemFix(doc, problem!);
    expect(ownTextOf(fixed, problem!.paragraphId)).toBe('Takes note of document A/78/L.5/Rev.2.');
    expect(problemsOf(fixed, 'symbol')).toEqual([]);
  });
});
