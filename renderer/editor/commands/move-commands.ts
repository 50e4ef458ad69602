import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { convertTo, cursorInParagraph, paragraphAt, replaceNodes, typeOf, type ParagraphContext } from './structure.js';

/**
 * Alt-ArrowUp / Alt-ArrowDown: the paragraph at the cursor (with its children) swaps places
 * with its neighbour of the same kind; the first operative paragraph moves up into the
 * preamble as its last preambular paragraph, and the last preambular paragraph moves down
 * to become the first operative one. Numbers follow because they are computed. The cursor
 * stays where it was in the moved text. One transaction each.
 */

/** Moves the paragraph at the cursor one place up (-1) or down (1); false when it cannot move. */
export function moveParagraph(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const context = paragraphAt(state.selection.$from);
    if (!context) return false;
    const { node, pos, parent, index, offset } = context;
    const neighbourIndex = index + direction;
    const neighbour = neighbourIndex >= 0 && neighbourIndex < parent.childCount ? parent.child(neighbourIndex) : null;
    if (!neighbour || neighbour.type !== node.type) return moveAcrossParts(state, dispatch, direction);
    const tr = state.tr;
    const from = direction < 0 ? pos - neighbour.nodeSize : pos;
    const to = direction < 0 ? pos + node.nodeSize : pos + node.nodeSize + neighbour.nodeSize;
    const order = direction < 0 ? [node, neighbour] : [neighbour, node];
    if (!replaceNodes(tr, from, to, order)) return false;
    const movedPos = direction < 0 ? from : from + neighbour.nodeSize;
    dispatch?.(cursorInParagraph(tr, movedPos, offset).scrollIntoView());
    return true;
  };
}

/** Alt-ArrowUp: the paragraph moves one place up. */
export const moveParagraphUp: Command = moveParagraph(-1);

/** Alt-ArrowDown: the paragraph moves one place down. */
export const moveParagraphDown: Command = moveParagraph(1);

/**
 * The move between the preamble and the operative part: up (-1) from the first OP to the end
 * of the preamble as a PP; down (1) from the last PP to the start of the operative part as an
 * OP. False for any other paragraph, for the only OP (the operative part needs one) and for
 * an OP whose content a PP cannot hold (a numbered list).
 */
export function moveAcrossParts(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, direction: -1 | 1): boolean {
  const context = paragraphAt(state.selection.$from);
  if (!context) return false;
  const tr = direction < 0 ? opToPreamble(state, context) : ppToOperative(state, context);
  if (!tr) return false;
  dispatch?.(tr.scrollIntoView());
  return true;
}

function opToPreamble(state: EditorState, context: ParagraphContext): Transaction | null {
  const { node, pos, parent, index, offset } = context;
  if (node.type.name !== 'operative_paragraph' || index !== 0 || parent.childCount < 2) return null;
  const operativePos = pos - 1;
  const $operative = state.doc.resolve(operativePos);
  const preamble = $operative.nodeBefore;
  if (!preamble || preamble.type.name !== 'preamble') return null;
  const pp = convertTo(node, typeOf('preambular_paragraph'));
  if (!pp) return null;
  const tr = state.tr;
  const insertAt = operativePos - 1;
  if (!replaceNodes(tr, insertAt, insertAt, [pp])) return null;
  const mappedPos = tr.mapping.map(pos);
  if (!replaceNodes(tr, mappedPos, mappedPos + node.nodeSize, [])) return null;
  return cursorInParagraph(tr, insertAt, offset);
}

function ppToOperative(state: EditorState, context: ParagraphContext): Transaction | null {
  const { node, pos, parent, index, offset } = context;
  if (node.type.name !== 'preambular_paragraph' || index !== parent.childCount - 1) return null;
  const operativePos = pos + node.nodeSize + 1;
  const operative = state.doc.nodeAt(operativePos);
  if (!operative || operative.type.name !== 'operative') return null;
  const op = convertTo(node, typeOf('operative_paragraph'));
  if (!op) return null;
  const tr = state.tr;
  if (!replaceNodes(tr, operativePos + 1, operativePos + 1, [op])) return null;
  if (!replaceNodes(tr, pos, pos + node.nodeSize, [])) return null;
  return cursorInParagraph(tr, tr.mapping.map(operativePos + 1, -1), offset);
}
