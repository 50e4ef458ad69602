import { Fragment } from 'prosemirror-model';
import type { Node } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import { convertTo, cursorInParagraph, paragraphAt, paragraphTypeNames, replaceNodes, subLevelOf, typeOf } from './structure.js';

/**
 * Tab and Shift-Tab: a paragraph becomes a lettered subparagraph of the paragraph before it
 * ((a) under an OP, (i) under an (a)) and back. The whole subtree moves one level, so the
 * document order of the text never changes, and a change that the schema cannot hold
 * (a (i) has no children) is refused rather than forced. One transaction each.
 */

/**
 * Tab: the paragraph at the cursor becomes the last child of the previous sibling of the
 * same kind, one level down (OP -> (a) of the previous OP; (a) -> (i) of the previous (a)),
 * its own children going one level down too. False when there is no such sibling or the
 * subtree cannot go deeper.
 */
export const indentParagraph: Command = (state, dispatch) => {
  const context = paragraphAt(state.selection.$from);
  if (!context || context.index === 0) return false;
  const { node, pos, parent, index } = context;
  const prev = parent.child(index - 1);
  const level = subLevelOf[prev.type.name];
  if (prev.type !== node.type || !level) return false;
  const converted = convertTo(node, typeOf(level));
  if (!converted) return false;
  const content = prev.content.append(Fragment.from(converted));
  if (!prev.type.validContent(content)) return false;
  const merged = prev.type.create(prev.attrs, content);
  const prevPos = pos - prev.nodeSize;
  const tr = state.tr;
  if (!replaceNodes(tr, prevPos, pos + node.nodeSize, [merged])) return false;
  const offset = state.selection.$from.parentOffset;
  dispatch?.(cursorInParagraph(tr, prevPos + merged.nodeSize - 1 - converted.nodeSize, offset).scrollIntoView());
  return true;
};

/**
 * Shift-Tab: a subparagraph ((a) or (i)) becomes a sibling of its parent paragraph, right
 * after it and of the parent's kind ((a) -> OP, (i) -> (a)); the subparagraphs that
 * followed it become its children, so the text keeps its order. False when the cursor is
 * not in a subparagraph or the result would not be valid.
 */
export const outdentParagraph: Command = (state, dispatch) => {
  const context = paragraphAt(state.selection.$from);
  if (!context || (context.node.type.name !== 'subparagraph' && context.node.type.name !== 'sub_subparagraph')) return false;
  const { node, parent, index, depth } = context;
  if (!paragraphTypeNames.has(parent.type.name)) return false;
  const kept: Node[] = [];
  const following: Node[] = [];
  parent.forEach((child, _o, i) => {
    if (i < index) kept.push(child);
    else if (i > index) following.push(child);
  });
  const lifted = convertTo(node, parent.type, following);
  if (!lifted) return false;
  const remaining = parent.type.create(parent.attrs, kept);
  const parentPos = state.selection.$from.before(depth - 1);
  const tr = state.tr;
  if (!replaceNodes(tr, parentPos, parentPos + parent.nodeSize, [remaining, lifted])) return false;
  dispatch?.(cursorInParagraph(tr, parentPos + remaining.nodeSize, context.offset).scrollIntoView());
  return true;
};
