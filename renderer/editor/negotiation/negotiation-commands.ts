import { keymap } from '../commands/key-bindings.js';
import { TextSelection, type Command, type EditorState, type Plugin, type Transaction } from 'prosemirror-state';
import { agreeBracket, bracketRange, dropBracket } from '../../../shared/negotiation/bracket-ops.js';
import { bracketableParagraphs } from '../../../shared/negotiation/model.js';
import { bracketParagraph, unbracketParagraph } from '../../../shared/negotiation/paragraph-ops.js';
import { dispatchOwnStep } from '../commands/undo-step.js';

/**
 * Position of the innermost `bracket` node that holds the selection's start, or null.
 * Facilitator actions (agree, drop) act on the bracket the cursor is in.
 */
export function enclosingBracketPos(state: EditorState): number | null {
  const $from = state.selection.$from;
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.node(depth).type.name === 'bracket') return $from.before(depth);
  }
  return null;
}

/** Position of the bracketable paragraph holding the selection's start, or null. */
export function enclosingParagraphPos(state: EditorState): number | null {
  const $from = state.selection.$from;
  for (let depth = $from.depth; depth > 0; depth--) {
    if (bracketableParagraphs.has($from.node(depth).type.name)) return $from.before(depth);
  }
  return null;
}

// One pure op's transaction is dispatched as a whole and as an undo step of its own (a
// decision is undone alone, however soon after another it was made).
const run = (state: EditorState, tr: Transaction | null, dispatch?: (tr: Transaction) => void): boolean => {
  if (!tr) return false;
  if (dispatch) dispatchOwnStep(state, dispatch, tr.scrollIntoView());
  return true;
};

/**
 * Brackets the selected text (no attribution yet) and leaves the text selected inside the new
 * bracket, so the next action (attribute, agree, drop) applies to it.
 */
export const bracketSelection: Command = (state, dispatch) => {
  const { from, to } = state.selection;
  const tr = bracketRange(state);
  if (tr) tr.setSelection(TextSelection.create(tr.doc, from + 1, to + 1));
  return run(state, tr, dispatch);
};

/** Agrees the bracket the cursor is in: its brackets go, its text stays. */
export const agreeCurrentBracket: Command = (state, dispatch) => {
  const pos = enclosingBracketPos(state);
  return pos === null ? false : run(state, agreeBracket(state, pos), dispatch);
};

/** Drops the bracket the cursor is in with its text. */
export const dropCurrentBracket: Command = (state, dispatch) => {
  const pos = enclosingBracketPos(state);
  return pos === null ? false : run(state, dropBracket(state, pos), dispatch);
};

/** Brackets the paragraph the cursor is in, or unbrackets it when it is bracketed already. */
export const toggleParagraphBracket: Command = (state, dispatch) => {
  const pos = enclosingParagraphPos(state);
  if (pos === null) return false;
  return run(state, bracketParagraph(state, pos) ?? unbracketParagraph(state, pos), dispatch);
};

/**
 * Key bindings of the facilitator actions: Mod-Alt-b bracket the selection, Mod-Alt-a agree,
 * Mod-Alt-d drop, Mod-Alt-Shift-b bracket / unbracket the paragraph.
 */
export function negotiationKeymap(): Plugin {
  return keymap({
    'Mod-Alt-b': bracketSelection,
    'Mod-Alt-a': agreeCurrentBracket,
    'Mod-Alt-d': dropCurrentBracket,
    'Mod-Alt-Shift-b': toggleParagraphBracket,
  });
}
