/**
 * Which paragraphs a transaction touched: the ranges each step changed, carried to the
 * transaction's final document, then the paragraph-level nodes (those with an `id`) that
 * enclose or overlap them. The style checker and the automatic opener both work on these
 * ids only, so a keystroke costs one paragraph, not the whole document.
 */
import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep, type Step } from 'prosemirror-transform';

/** Paragraph-level node types: the nodes whose `id` names a paragraph for the checker. */
export const paragraphTypes: ReadonlySet<string> = new Set([
  'preambular_paragraph', 'operative_paragraph', 'decision_paragraph', 'subparagraph', 'sub_subparagraph',
  'list_item', 'annex_paragraph', 'title', 'body_line',
]);

/** The ranges (in the step's own output document) that `step` changed. */
function changedRanges(step: Step): [number, number][] {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return [[step.from, step.to]];
  const ranges: [number, number][] = [];
  step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => ranges.push([newStart, newEnd]));
  // Steps without a map range (attribute and node-mark steps) carry a position; fall back on it.
  if (ranges.length === 0) {
    const pos = (step as unknown as { pos?: unknown }).pos;
    if (typeof pos === 'number') ranges.push([pos, pos + 1]);
  }
  return ranges;
}

/** The ids of the paragraph-level nodes enclosing or overlapping `from`..`to` in `doc`. */
export function paragraphIdsIn(doc: Node, from: number, to: number, into: Set<string> = new Set()): Set<string> {
  const size = doc.content.size;
  const a = Math.max(0, Math.min(from, size));
  const b = Math.max(a, Math.min(to, size));
  const add = (node: Node): void => {
    const id: unknown = node.attrs.id;
    if (paragraphTypes.has(node.type.name) && typeof id === 'string' && id !== '') into.add(id);
  };
  for (const pos of [a, b]) {
    const $pos = doc.resolve(pos);
    for (let depth = $pos.depth; depth > 0; depth--) add($pos.node(depth));
  }
  if (b > a) {
    doc.nodesBetween(a, b, (node) => {
      add(node);
      return !node.isTextblock;
    });
  }
  return into;
}

/**
 * The ids of the paragraphs `tr` touched, in its final document (`tr.doc`): every step's
 * changed range is mapped through the steps after it. Empty when the document did not change.
 */
export function touchedParagraphIds(tr: Transaction): Set<string> {
  const ids = new Set<string>();
  tr.steps.forEach((step, i) => {
    const after = tr.mapping.slice(i + 1);
    for (const [from, to] of changedRanges(step)) {
      const start = after.map(from, -1);
      const end = Math.max(start, after.map(to, 1));
      paragraphIdsIn(tr.doc, start, end, ids);
    }
  });
  return ids;
}
