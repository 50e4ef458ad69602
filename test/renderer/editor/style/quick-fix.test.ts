import { describe, expect, it } from 'vitest';
import { TextSelection, type Transaction } from 'prosemirror-state';
import { fixProblemAtCursor, fixTransaction, fixableProblemAt, selectProblem } from '../../../../renderer/editor/style/quick-fix.js';
import { styleKey, stylePlugin } from '../../../../renderer/editor/style/style-plugin.js';
import { docOf, openerOf, stateOf, textOf, textPosOf } from './helpers.js';

const doc = docOf({
  operative: [
    { text: 'Requests a report,', id: 'a', opener: 'Requests' },
    { text: 'Decides to act.', id: 'b', opener: 'Decides', footnotes: [{ text: 'See a/res/77/231.', id: 'fn' }] },
  ],
});

describe('quick fixes', () => {
  it('applies a fix as one transaction and the problem goes away', () => {
    const state = stateOf(doc, [stylePlugin()]);
    const problem = styleKey.getState(state)?.problems.find((p) => p.rule === 'punctuation');
    const tr = fixTransaction(state, problem!);
    expect(tr?.steps).toHaveLength(1);
    const next = state.apply(tr!);
    expect(textOf(next.doc, 'a')).toBe('Requests a report;');
    expect(openerOf(next.doc, 'a')).toBe('Requests');
    expect(styleKey.getState(next)?.problems.filter((p) => p.rule === 'punctuation')).toEqual([]);
  });

  it('fixes text inside a footnote', () => {
    const state = stateOf(doc, [stylePlugin()]);
    const problem = styleKey.getState(state)?.problems.find((p) => p.rule === 'symbol');
    const next = state.apply(fixTransaction(state, problem!)!);
    let footnote = '';
    next.doc.descendants((node) => {
      if (node.type.name === 'footnote') footnote = node.textContent;
    });
    expect(footnote).toBe('See A/RES/77/231.');
  });

  it('Mod-. fixes the problem at the cursor with one dispatch, and does nothing elsewhere', () => {
    let state = stateOf(doc, [stylePlugin()]);
    const aEnd = textPosOf(state.doc, 'a') + 1 + 'Requests a report,'.length;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, aEnd)));
    expect(fixableProblemAt(state, aEnd)?.rule).toBe('punctuation');
    const dispatched: Transaction[] = [];
    expect(fixProblemAtCursor(state, (tr) => dispatched.push(tr))).toBe(true);
    expect(dispatched).toHaveLength(1);
    expect(textOf(state.apply(dispatched[0]!).doc, 'a')).toBe('Requests a report;');
    const middle = textPosOf(state.doc, 'b') + 4;
    const elsewhere = state.apply(state.tr.setSelection(TextSelection.create(state.doc, middle)));
    expect(fixProblemAtCursor(elsewhere, () => dispatched.push(elsewhere.tr))).toBe(false);
    expect(dispatched).toHaveLength(1);
  });

  it('selects a problem range', () => {
    const state = stateOf(doc, [stylePlugin()]);
    const problem = styleKey.getState(state)!.problems[0]!;
    const selected = state.apply(selectProblem(state, problem));
    expect([selected.selection.from, selected.selection.to]).toEqual([problem.start, problem.end]);
  });
});
