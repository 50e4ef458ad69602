import type { Node } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { Command, Transaction } from 'prosemirror-state';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { newId } from '../../../shared/ids.js';
import {
  cursorInParagraph,
  emptyParagraph,
  isEmptyParagraph,
  paragraphAt,
  replaceNodes,
  subLevelOf,
  typeOf,
  type ParagraphContext,
} from './structure.js';
import { outdentParagraph } from './subparagraph-commands.js';

/**
 * Enter in a resolution: the next paragraph of the same kind, a split, or a move on to the
 * next part of the document. Each command is one transaction (one undo step).
 */

/**
 * Enter in a paragraph (PP, OP, (a), (i), decision paragraph, list item). A selection is
 * deleted first. At the end of the text: a new empty paragraph of the same kind after it
 * (or, when the paragraph has subparagraphs, a new first subparagraph); at the start of
 * non-empty text: an empty paragraph before it; in the middle: a split where the second
 * half (with the children) gets a fresh id. In an empty last preambular paragraph: the
 * paragraph goes and the cursor moves to the operative part. In an empty (a) or (i): outdent.
 */
export const splitParagraph: Command = (state, dispatch) => {
  const tr = state.tr;
  if (!state.selection.empty) tr.deleteSelection();
  const context = paragraphAt(tr.selection.$from);
  if (!context || !tr.selection.empty) return false;
  const node = context.node;
  if (isEmptyParagraph(node)) {
    if (node.type.name === 'preambular_paragraph' && context.index === context.parent.childCount - 1) {
      return applyIf(moveOnToOperative(tr, context), dispatch);
    }
    if (node.type.name === 'subparagraph' || node.type.name === 'sub_subparagraph') {
      return outdentParagraph(state, dispatch);
    }
  }
  return applyIf(split(tr, context), dispatch);
};

/** Enter in the title or the authoring body line: the cursor goes to the first paragraph's text (creating nothing). */
export const enterFromHeading: Command = (state, dispatch) => {
  const { $from } = state.selection;
  const name = $from.parent.type.name;
  if (name !== 'title' && name !== 'body_line') return false;
  const target = firstParagraphTextPos(state.doc);
  if (target === null) return false;
  dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, target)).scrollIntoView());
  return true;
};

function applyIf(tr: Transaction | null, dispatch: ((tr: Transaction) => void) | undefined): boolean {
  if (!tr) return false;
  dispatch?.(tr.scrollIntoView());
  return true;
}

function split(tr: Transaction, context: ParagraphContext): Transaction | null {
  const { node, pos, offset } = context;
  const text = node.child(0);
  const end = pos + node.nodeSize;
  if (offset === text.content.size && node.childCount > 1) {
    // The end of a chapeau ("Requests the Secretary-General:") with lettered children: a new first child.
    const level = subLevelOf[node.type.name];
    if (!level) return null;
    const childPos = pos + 1 + text.nodeSize;
    return replaceNodes(tr, childPos, childPos, [emptyParagraph(typeOf(level))]) ? cursorInParagraph(tr, childPos) : null;
  }
  if (offset === text.content.size) {
    return replaceNodes(tr, end, end, [emptyParagraph(node.type)]) ? cursorInParagraph(tr, end) : null;
  }
  if (offset === 0) {
    // The paragraph keeps its id and the cursor: an empty one opens above it.
    const fresh = emptyParagraph(node.type);
    return replaceNodes(tr, pos, pos, [fresh]) ? cursorInParagraph(tr, pos + fresh.nodeSize) : null;
  }
  const paragraphText = resolutionSchema.nodes.paragraph_text;
  const children: Node[] = [];
  node.forEach((child, _o, i) => void (i > 0 && children.push(child)));
  const first = node.type.create(node.attrs, paragraphText.create(null, text.content.cut(0, offset)));
  const second = node.type.create({ ...node.attrs, id: newId() }, [paragraphText.create(null, text.content.cut(offset)), ...children]);
  if (!node.type.validContent(second.content)) return null;
  return replaceNodes(tr, pos, end, [first, second]) ? cursorInParagraph(tr, pos + first.nodeSize) : null;
}

// "Moves on to the operative part": the empty last PP goes; the cursor lands in the first
// OP when it is empty, otherwise in a new empty OP opened before it.
function moveOnToOperative(tr: Transaction, context: ParagraphContext): Transaction | null {
  const operativePos = tr.doc.resolve(context.pos).after();
  const operative = tr.doc.nodeAt(operativePos);
  if (!operative || operative.type.name !== 'operative' || !operative.firstChild) return null;
  if (!replaceNodes(tr, context.pos, context.pos + context.node.nodeSize, [])) return null;
  const firstOpPos = tr.mapping.map(operativePos) + 1;
  const firstOp = tr.doc.nodeAt(firstOpPos);
  if (firstOp && isEmptyParagraph(firstOp)) return cursorInParagraph(tr, firstOpPos);
  return replaceNodes(tr, firstOpPos, firstOpPos, [emptyParagraph(typeOf('operative_paragraph'))]) ? cursorInParagraph(tr, firstOpPos) : null;
}

function firstParagraphTextPos(doc: Node): number | null {
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type.name === 'paragraph_text') {
      found = pos + 1;
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}
