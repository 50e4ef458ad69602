/**
 * Every paragraph status change of a document as one timeline, for the history panel: the
 * status history each paragraph carries (who, when, from which state to which, and the
 * reason of a reopening) gathered from all top-level paragraphs and their alternatives,
 * newest first. Reopenings stay visible here however often the status changes afterwards.
 */
import type { Node } from 'prosemirror-model';
import { paragraphStatus, topParagraphs, type StatusState } from './model.js';
import { statusChanges, statusWords, type PathOf, type StatusWords } from './status-labels.js';

/** One status change in the timeline: the paragraph (`path` as numbered, e.g. "OP 3") and the change. */
export type StatusHistoryRow = {
  paragraphId: string;
  path: string;
  from: StatusState;
  fromText: string;
  to: StatusState;
  toText: string;
  by: string;
  at: string;
  reason: string;
  reopening: boolean;
};

/**
 * The status changes of every top-level paragraph of `doc`, newest first (ties in document
 * order). `pathOf` names a paragraph by id ("OP 3", "OP 3 alt"); unknown ids read "Paragraph".
 * `words` gives the states' names and the reservation's sentence (English by default; the
 * interface passes its own language's).
 */
export function statusHistory(doc: Node, pathOf: PathOf, words: StatusWords = statusWords): StatusHistoryRow[] {
  const rows: (StatusHistoryRow & { order: number })[] = [];
  let order = 0;
  doc.descendants((node) => {
    if (!topParagraphs.has(node.type.name)) return true;
    const id = typeof node.attrs.id === 'string' ? node.attrs.id : '';
    const path = pathOf(id) ?? 'Paragraph';
    for (const change of statusChanges(paragraphStatus(node), pathOf, words)) {
      rows.push({ paragraphId: id, path, fromText: words.names[change.from], ...change, order: order++ });
    }
    return false;
  });
  rows.sort((a, b) => b.at.localeCompare(a.at) || a.order - b.order);
  return rows.map(({ order: _order, ...row }) => row);
}
