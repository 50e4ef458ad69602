import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import {
  agreeCurrentBracket,
  bracketSelection,
  dropCurrentBracket,
  toggleParagraphBracket,
} from '../../../../renderer/editor/negotiation/negotiation-commands.js';
import { compilationText, countBrackets } from '../../../../shared/negotiation/index.js';
import { sampleResolution } from '../../../shared/document/sample-documents.js';
import { rangeOf } from '../../../shared/negotiation/helpers.js';

const op3Line = (text: string): string => text.split('\n').find((l) => l.startsWith('3.')) ?? '';

function select(state: EditorState, from: number, to = from): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

function exec(state: EditorState, command: Command): EditorState {
  let tr: Transaction | null = null;
  const ok = command(state, (t) => (tr = t));
  expect(ok).toBe(true);
  return state.apply(tr as unknown as Transaction);
}

describe('facilitator commands', () => {
  const start = (): EditorState => EditorState.create({ doc: sampleResolution() });

  it('brackets the selection, then agree keeps the text without brackets', () => {
    const { from, to } = rangeOf(start().doc, 'to report');
    let state = exec(select(start(), from, to), bracketSelection);
    expect(op3Line(compilationText(state.doc))).toContain('[to report]');
    expect(state.selection.from).toBe(from + 1);
    state = exec(state, agreeCurrentBracket);
    expect(op3Line(compilationText(state.doc))).toContain('Secretary-General to report on');
    expect(countBrackets(state.doc).brackets).toBe(0);
  });

  it('drop removes the bracketed text; with no bracket under the cursor the command declines', () => {
    const { from, to } = rangeOf(start().doc, 'to report');
    let state = exec(select(start(), from, to), bracketSelection);
    state = exec(select(state, from + 2), dropCurrentBracket);
    expect(op3Line(compilationText(state.doc))).not.toContain('to report');
    expect(agreeCurrentBracket(select(state, from), () => {})).toBe(false);
  });

  it('toggles the whole-paragraph bracket', () => {
    const { from } = rangeOf(start().doc, 'to report');
    let state = exec(select(start(), from), toggleParagraphBracket);
    expect(op3Line(compilationText(state.doc))).toMatch(/^3\. \[.*\]$/);
    state = exec(select(state, from), toggleParagraphBracket);
    expect(op3Line(compilationText(state.doc))).not.toContain('[');
  });
});
