/**
 * Recognises the transactions typing makes: text replaced by text inside one text block.
 * Plugins whose state depends on the document's nodes but not on its characters
 * (numbering, labels, widgets) can then map what they hold instead of recomputing it, and
 * the style checker can re-analyse that one paragraph; the rest of the document only moves.
 */
import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { ReplaceStep } from 'prosemirror-transform';

// True when `from`..`to` of `doc` lies in one node with inline content and holds text only,
// and `step` puts text only (or nothing) there: no node is added, removed or changed.
function replacesTextWithText(step: ReplaceStep, doc: Node): boolean {
  const { slice } = step;
  if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
  for (let i = 0; i < slice.content.childCount; i++) if (!slice.content.child(i).isText) return false;
  const $from = doc.resolve(step.from);
  if (!$from.parent.inlineContent || !$from.sameParent(doc.resolve(step.to))) return false;
  if (step.to === step.from) return true;
  const start = $from.start();
  let textOnly = true;
  $from.parent.nodesBetween(step.from - start, step.to - start, (node) => {
    if (!node.isText) textOnly = false;
    return false;
  });
  return textOnly;
}

// The position before the text block around `pos` of `doc` (its nearest text block ancestor).
function textblockBefore(doc: Node, pos: number): number | null {
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) if ($pos.node(depth).isTextblock) return $pos.before(depth);
  return null;
}

/**
 * When every step of `tr` replaced text with text (typing, deleting or replacing
 * characters, marks aside) inside one and the same text block, possibly inside a bracket
 * or footnote it holds: the position before that text block, in `tr.doc` (it did not
 * move). Otherwise (a node added, removed or changed; several text blocks; mark or
 * attribute steps; no step), null.
 */
export function textOnlyChange(tr: Transaction): number | null {
  let block: number | null = null;
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    const doc = tr.docs[i];
    if (!(step instanceof ReplaceStep) || !doc || !replacesTextWithText(step, doc)) return null;
    const before = textblockBefore(doc, step.from);
    // The block starts before the step's change, so later steps in it leave that position alone.
    if (before === null || (block !== null && before !== block)) return null;
    block = before;
  }
  return block;
}
