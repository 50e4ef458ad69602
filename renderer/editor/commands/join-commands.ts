import { Fragment } from 'prosemirror-model';
import type { Node } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { Command, Transaction } from 'prosemirror-state';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { moveAcrossParts } from './move-commands.js';
import { cursorParagraph, endOfTextblockBefore, isEmptyParagraph, replaceNodes, type ParagraphContext } from './structure.js';
import { outdentParagraph } from './subparagraph-commands.js';

/**
 * Backspace at the start of a paragraph, in this order: an empty paragraph goes (when its
 * part may lose it); a paragraph joins the previous one of the same kind (its text appended,
 * its children kept); a first (a) or (i) is outdented; the first operative paragraph becomes
 * the last preambular one (the way Backspace takes the number off a numbered paragraph in a
 * word processor). When none applies the cursor moves to the end of the previous text, so
 * Backspace never reaches ProseMirror's generic joins, which do not know the structure.
 */

/** Backspace at the very start of a paragraph's text (false elsewhere, so text deletion stays the default). */
export const joinBackward: Command = (state, dispatch) => {
  const context = cursorParagraph(state);
  if (!context || context.offset !== 0) return headingBackward(state, dispatch);
  const tr = state.tr;
  const done = removeEmpty(tr, context) ?? joinWithPrevious(tr, context);
  if (done) {
    dispatch?.(done.scrollIntoView());
    return true;
  }
  const isSub = context.node.type.name === 'subparagraph' || context.node.type.name === 'sub_subparagraph';
  if (isSub && context.index === 1 && outdentParagraph(state, dispatch)) return true;
  if (context.node.type.name === 'operative_paragraph' && context.index === 0 && moveAcrossParts(state, dispatch, -1)) return true;
  return moveToPreviousText(tr, context.pos, dispatch);
};

// At the start of the body line the cursor goes back to the title; at the start of the
// title nothing happens (the header before it is not text).
const headingBackward: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  const name = $from.parent.type.name;
  if (!empty || $from.parentOffset !== 0 || (name !== 'title' && name !== 'body_line')) return false;
  if (name === 'title') return true;
  return moveToPreviousText(state.tr, $from.before(), dispatch);
};

function moveToPreviousText(tr: Transaction, pos: number, dispatch: ((tr: Transaction) => void) | undefined): boolean {
  const selection = endOfTextblockBefore(tr.doc, pos);
  if (!selection) return true;
  dispatch?.(tr.setSelection(selection).scrollIntoView());
  return true;
}

function removeEmpty(tr: Transaction, context: ParagraphContext): Transaction | null {
  if (!isEmptyParagraph(context.node)) return null;
  if (!replaceNodes(tr, context.pos, context.pos + context.node.nodeSize, [])) return null;
  const selection = endOfTextblockBefore(tr.doc, context.pos);
  return selection ? tr.setSelection(selection) : tr;
}

function joinWithPrevious(tr: Transaction, context: ParagraphContext): Transaction | null {
  const { node, pos, parent, index } = context;
  if (index === 0) return null;
  const prev = parent.child(index - 1);
  // A previous paragraph with children would take the text above them and out of order.
  if (prev.type !== node.type || prev.childCount > 1) return null;
  const prevText = prev.child(0);
  const text = resolutionSchema.nodes.paragraph_text.create(null, prevText.content.append(node.child(0).content));
  const children: Node[] = [];
  node.forEach((child, _o, i) => void (i > 0 && children.push(child)));
  const content = Fragment.from(text).append(Fragment.fromArray(children));
  if (!prev.type.validContent(content)) return null;
  const prevPos = pos - prev.nodeSize;
  if (!replaceNodes(tr, prevPos, pos + node.nodeSize, [prev.type.create(prev.attrs, content)])) return null;
  return tr.setSelection(TextSelection.create(tr.doc, prevPos + 2 + prevText.content.size));
}
