/**
 * Quick fixes of style problems: a problem's fix (text edits in the offsets of the text it
 * names) applied to the document as ONE transaction, so it is one undo step; and the
 * one-key fix (Mod-.) for the problem at the cursor.
 */
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import { textOffsetToPos } from '../../../shared/style/index.js';
import { dispatchOwnStep } from '../commands/undo-step.js';
import { styleKey, type PlacedProblem } from './style-plugin.js';

/**
 * A transaction applying `problem.fix` to `state` (null when the problem has no fix or its
 * text node is not where the problem was placed). Edits are applied from the last to the
 * first so each one's offsets still hold; inserted text takes the marks at its place.
 */
export function fixTransaction(state: EditorState, problem: PlacedProblem): Transaction | null {
  const fix = problem.fix;
  const textNode = state.doc.nodeAt(problem.textPos);
  if (!fix || !textNode) return null;
  const tr = state.tr;
  const edits = [...fix.edits].sort((a, b) => b.from - a.from || b.to - a.to);
  for (const edit of edits) {
    const from = textOffsetToPos(textNode, problem.textPos, edit.from);
    const to = textOffsetToPos(textNode, problem.textPos, edit.to);
    if (edit.insert === '') tr.delete(from, to);
    else tr.insertText(edit.insert, from, to);
  }
  return tr.scrollIntoView();
}

/** The problem with a fix whose range holds `pos` (ends included), the narrowest first. */
export function fixableProblemAt(state: EditorState, pos: number): PlacedProblem | null {
  const problems = styleKey.getState(state)?.problems ?? [];
  const candidates = problems.filter((p) => p.fix && p.start <= pos && pos <= p.end);
  candidates.sort((a, b) => a.end - a.start - (b.end - b.start));
  return candidates[0] ?? null;
}

/** Command: applies the fix of the problem at the cursor; false when there is none. */
export const fixProblemAtCursor: Command = (state, dispatch) => {
  const problem = fixableProblemAt(state, state.selection.head);
  if (!problem) return false;
  const tr = fixTransaction(state, problem);
  if (!tr) return false;
  if (dispatch) dispatchOwnStep(state, dispatch, tr);
  return true;
};

/** A transaction selecting `problem`'s range (or placing the cursor at it) and scrolling to it. */
export function selectProblem(state: EditorState, problem: PlacedProblem): Transaction {
  const size = state.doc.content.size;
  const selection = TextSelection.create(state.doc, Math.min(problem.start, size), Math.min(problem.end, size));
  return state.tr.setSelection(selection).scrollIntoView();
}

/**
 * Command: selects the next style problem after the cursor (`direction` 1; -1 the one before
 * it), wrapping around at the end of the document, and scrolls to it, so F8 and Mod-. walk
 * through a pasted text's problems from the keyboard. False when there is no problem.
 */
export function goToProblem(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const problems = [...(styleKey.getState(state)?.problems ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
    if (problems.length === 0) return false;
    const { from, to } = state.selection;
    const target = direction > 0
      ? (problems.find((p) => p.start > from || (p.start === from && p.end > to)) ?? problems[0]!)
      : ([...problems].reverse().find((p) => p.start < from || (p.start === from && p.end < to)) ?? problems[problems.length - 1]!);
    dispatch?.(selectProblem(state, target));
    return true;
  };
}
