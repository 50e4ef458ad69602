import type { Node } from 'prosemirror-model';
import { Selection } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { cursorInParagraph, emptyParagraph, replaceNodes, typeOf } from './structure.js';

/**
 * A paste over the whole text (Ctrl+A, or a selection from the first paragraph to the last):
 * the body is emptied to one empty paragraph per part, so the paste lands there as in a new
 * document, and the pasted resolution's title (when it had one) replaces the title.
 */

/** The part nodes that hold a document's paragraphs. */
const bodyParts: ReadonlySet<string> = new Set(['preamble', 'operative', 'decision_body']);

/** The top-level range a whole-text paste replaces: from the first part to the last part (or the end, annexes included). */
export type BodyRange = { from: number; to: number };

/**
 * The range a paste replaces when the selection of `state` covers the text of every
 * paragraph of the body, or null for any other selection. When the selection reaches the
 * end of the document, the annexes are part of the range.
 */
export function wholeBodyRange(state: EditorState): BodyRange | null {
  const { selection, doc } = state;
  if (selection.empty) return null;
  let from = -1;
  let to = -1;
  doc.forEach((node, offset) => {
    if (!bodyParts.has(node.type.name)) return;
    if (from < 0) from = offset;
    to = offset + node.nodeSize;
  });
  if (from < 0) return null;
  const firstText = Selection.findFrom(doc.resolve(from), 1, true);
  const lastText = Selection.findFrom(doc.resolve(to), -1, true);
  if (!firstText || !lastText || selection.from > firstText.from || selection.to < lastText.to) return null;
  const docEnd = Selection.atEnd(doc);
  return { from, to: selection.to >= docEnd.to ? doc.content.size : to };
}

/**
 * Empties `range` of `tr.doc` (see `wholeBodyRange`) to the parts of a new document, one
 * empty paragraph each (no preambular one when `withPreamble` is false), replaces the title's
 * text with `title`'s when given, and puts the cursor in the first empty paragraph. Returns
 * false, leaving `tr` as it was, when the document has no such parts.
 */
export function clearBody(tr: Transaction, range: BodyRange, withPreamble: boolean, title?: Node): boolean {
  const { to } = range;
  let { from } = range;
  const decision = tr.doc.resolve(from).nodeAfter?.type.name === 'decision_body';
  const parts = decision
    ? [typeOf('decision_body').create(null, emptyParagraph(typeOf('decision_paragraph')))]
    : [typeOf('preamble').create(null, withPreamble ? emptyParagraph(typeOf('preambular_paragraph')) : []), typeOf('operative').create(null, emptyParagraph(typeOf('operative_paragraph')))];
  const steps = tr.steps.length;
  if (!replaceNodes(tr, from, to, parts)) return false;
  if (title && title.textContent.trim() !== '') {
    let titlePos = -1;
    tr.doc.forEach((node, offset) => {
      if (node.type.name === 'title') titlePos = offset;
    });
    const old = titlePos >= 0 ? tr.doc.nodeAt(titlePos) : null;
    if (old) tr.replaceWith(titlePos + 1, titlePos + 1 + old.content.size, title.content);
  }
  from = tr.mapping.slice(steps).map(from, -1);
  // The first empty paragraph: the preambular one, else the first operative (or decision) one.
  const first = decision || withPreamble ? from + 1 : from + tr.doc.nodeAt(from)!.nodeSize + 1;
  cursorInParagraph(tr, first);
  return true;
}
