import { TextSelection } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';
import { findNodeById, moveParagraphTr } from '../outline.js';
import type { OutlinePart } from '../outline.js';
import { cursorInParagraph, emptyParagraph, replaceNodes, typeOf } from './structure.js';

/**
 * Commands on a whole top-level paragraph (PP or OP) wherever the cursor is inside it: a new
 * preambular or operative paragraph after it, and a move to the other part of the
 * resolution (a PP becomes the first OP, an OP the last PP). One transaction each.
 */

/** The top-level paragraph (child of preamble or operative part) holding the cursor. */
type TopParagraph = { pos: number; part: OutlinePart; index: number; partPos: number };

function topParagraph(state: EditorState): TopParagraph | null {
  const $from = state.selection.$from;
  if ($from.depth < 2) return null;
  const part = $from.node(1).type.name;
  if (part !== 'preamble' && part !== 'operative') return null;
  return { pos: $from.before(2), part, index: $from.index(1), partPos: $from.before(1) };
}

/** The position of the part node named `name` in the document (before its opening token), or -1. */
function partPosOf(state: EditorState, name: string): number {
  let found = -1;
  state.doc.forEach((child, offset) => {
    if (found < 0 && child.type.name === name) found = offset;
  });
  return found;
}

/**
 * A new empty paragraph of the part named `part`: after the top-level paragraph holding the
 * cursor when it is of that part, otherwise at the end of the preamble (new PP) or at the
 * start of the operative part (new OP), next to where the two parts meet. The cursor goes
 * into it. False in a decision (it has neither part).
 */
export function newParagraphIn(part: 'preamble' | 'operative'): Command {
  return (state, dispatch) => {
    const partPos = partPosOf(state, part);
    if (partPos < 0) return false;
    const partNode = state.doc.nodeAt(partPos);
    if (!partNode) return false;
    const here = topParagraph(state);
    let insertAt: number;
    if (here && here.part === part) insertAt = here.pos + (state.doc.nodeAt(here.pos)?.nodeSize ?? 0);
    else insertAt = part === 'preamble' ? partPos + partNode.nodeSize - 1 : partPos + 1;
    const type = typeOf(part === 'preamble' ? 'preambular_paragraph' : 'operative_paragraph');
    const tr = state.tr;
    if (!replaceNodes(tr, insertAt, insertAt, [emptyParagraph(type)])) return false;
    dispatch?.(cursorInParagraph(tr, insertAt).scrollIntoView());
    return true;
  };
}

/** Mod-Alt-p: a new preambular paragraph after the current one (or at the end of the preamble). */
export const newPreambularParagraph: Command = newParagraphIn('preamble');

/** Mod-Alt-o: a new operative paragraph after the current one (or at the start of the operative part). */
export const newOperativeParagraph: Command = newParagraphIn('operative');

/**
 * Moves the top-level paragraph holding the cursor (with its subparagraphs) to the other
 * part: a PP becomes the first operative paragraph, an OP the last preambular paragraph.
 * The cursor stays at its place in the moved text. False when already in `to`, in a
 * decision, for the only OP, or when the content cannot change kind (an OP with a list).
 */
export function moveToPart(to: 'preamble' | 'operative'): Command {
  return (state, dispatch) => {
    const here = topParagraph(state);
    if (!here || here.part === to) return false;
    const targetPos = partPosOf(state, to);
    const target = targetPos < 0 ? null : state.doc.nodeAt(targetPos);
    if (!target) return false;
    if (!dispatch) return canMove(state, here, to, target);
    const index = to === 'preamble' ? target.childCount : 0;
    const offsetInside = state.selection.head - here.pos;
    const id = String(state.doc.nodeAt(here.pos)?.attrs.id ?? '');
    const tr = moveParagraphTr(state, here.pos, { part: to, index });
    if (!tr) return false;
    if (dispatch) {
      // Same id, same inner layout (only the node type changed): the cursor keeps its place in the text.
      const movedPos = findNodeById(tr.doc, id);
      if (movedPos >= 0) {
        const $pos = tr.doc.resolve(Math.min(movedPos + offsetInside, tr.doc.content.size));
        tr.setSelection($pos.parent.isTextblock ? TextSelection.create(tr.doc, $pos.pos) : TextSelection.near($pos));
      }
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

// Whether `moveParagraphTr` would accept the move, without building it (the toolbar asks often).
function canMove(state: EditorState, here: TopParagraph, to: 'preamble' | 'operative', target: Node): boolean {
  const node = state.doc.nodeAt(here.pos);
  const from = state.doc.nodeAt(here.partPos);
  if (!node || !from) return false;
  if (here.part === 'operative' && from.childCount === 1) return false;
  const type = typeOf(to === 'preamble' ? 'preambular_paragraph' : 'operative_paragraph');
  return target.type.contentMatch.matchType(type) !== null && (node.type === type || type.validContent(node.content));
}

/** Alt-Shift-ArrowUp: the paragraph moves to the preamble (as its last PP). */
export const moveToPreamble: Command = moveToPart('preamble');

/** Alt-Shift-ArrowDown: the paragraph moves to the operative part (as its first OP). */
export const moveToOperative: Command = moveToPart('operative');
