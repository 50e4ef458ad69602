import type { EditorState, Transaction } from 'prosemirror-state';
import { yUndoPluginKey } from 'y-prosemirror';

/**
 * Undo steps for decisions. Yjs's undo manager joins changes made less than half a second
 * apart into one step, which is right for typing (a word is undone at once) and wrong for a
 * decision: a facilitator who brackets a word and agrees it at once, or reopens a paragraph
 * and sets a reservation, undoes one decision with Ctrl+Z, not both. Commands and dialogs
 * that decide something dispatch through `dispatchOwnStep`.
 */

/**
 * Makes the next change its own undo step (not joined to the one before). Does nothing in a
 * state without the Yjs undo plugin.
 */
export function separateUndoStep(state: EditorState): void {
  const undo = yUndoPluginKey.getState(state) as { undoManager?: { stopCapturing: () => void } } | undefined;
  undo?.undoManager?.stopCapturing();
}

/**
 * Dispatches `tr` as an undo step of its own: joined neither to the change before it nor to
 * the next one (typing right after a decision is undone apart from it).
 */
export function dispatchOwnStep(state: EditorState, dispatch: (tr: Transaction) => void, tr: Transaction): void {
  separateUndoStep(state);
  dispatch(tr);
  separateUndoStep(state);
}
