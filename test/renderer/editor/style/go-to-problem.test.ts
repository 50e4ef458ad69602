import { describe, expect, it } from 'vitest';
import { TextSelection } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { fixProblemAtCursor, goToProblem } from '../../../../renderer/editor/style/quick-fix.js';
import { styleKey, stylePlugin } from '../../../../renderer/editor/style/style-plugin.js';
import { docOf, stateOf, textOf } from './helpers.js';

const doc = docOf({
  operative: [
    { text: 'Requests a report,', id: 'a', opener: 'Requests' },
    { text: 'Welcomes the report;', id: 'b', opener: 'Welcomes' },
    { text: 'Decides to act,', id: 'c', opener: 'Decides' },
  ],
});

const run = (state: EditorState, direction: 1 | -1): EditorState => {
  let next = state;
  expect(goToProblem(direction)(state, (tr: Transaction) => (next = state.apply(tr)))).toBe(true);
  return next;
};

describe('F8: going from problem to problem', () => {
  it('selects the problems in document order, wraps around, and goes back with Shift-F8', () => {
    let state = stateOf(doc, [stylePlugin()]);
    const starts = (styleKey.getState(state)?.problems ?? []).map((p) => p.start).sort((x, y) => x - y);
    expect(starts.length).toBeGreaterThanOrEqual(2);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1)));
    const visited: number[] = [];
    for (let i = 0; i <= starts.length; i++) {
      state = run(state, 1);
      visited.push(state.selection.from);
    }
    expect(visited).toEqual([...starts, starts[0]]);
    state = run(state, -1);
    expect(state.selection.from).toBe(starts.at(-1));
  });

  it('leaves the cursor on a problem Mod-. then fixes', () => {
    let state = stateOf(doc, [stylePlugin()]);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1)));
    for (let i = 0; i < 4 && styleKey.getState(state)?.problems.length; i++) {
      state = run(state, 1);
      let fixed = state;
      fixProblemAtCursor(state, (tr) => (fixed = state.apply(tr)));
      state = fixed;
    }
    expect(textOf(state.doc, 'a')).toBe('Requests a report;');
    expect(textOf(state.doc, 'c')).toBe('Decides to act.');
  });

  it('does nothing in a document without problems', () => {
    const clean = stateOf(docOf({ operative: [{ text: 'Decides to act.', id: 'a', opener: 'Decides' }] }), [stylePlugin()]);
    expect(styleKey.getState(clean)?.problems).toEqual([]);
    expect(goToProblem(1)(clean)).toBe(false);
  });
});
