/**
 * The numbering a document shows while it is in negotiation: the fresh numbering
 * (`computeNumbering`) with every top-level paragraph relabelled by its stable label
 * (`stableLabels`, "OP 5 bis", "PP 2 ter", "(c) bis") and its subparagraphs' and list items'
 * paths following ("OP 5 bis (a)"), so every consumer of a numbering (labels on the page,
 * cross-references, outline, notes) reads the numbers the room uses. Positions, kinds and
 * `number` stay the fresh ones; footnotes and annexes are untouched.
 */
import type { Node } from 'prosemirror-model';
import type { NumberEntry, Numbering } from '../document/numbering.js';
import { topParagraphs } from './model.js';
import type { NumberChange } from './stable-numbering.js';

/**
 * `numbering` relabelled with `labels` (paragraph id -> stable label). A top-level entry's
 * `path` becomes its stable label and its printed `label` the form the page draws: "5 bis."
 * for an OP (as "5." is), "PP 2 bis" for a PP (drawn in the margin during negotiation),
 * "(c) bis" for a decision paragraph. Entries below it have the top-level path at the head
 * of theirs replaced. Entries without a stable label are kept as they are.
 */
export function stableNumbering(numbering: Numbering, labels: ReadonlyMap<string, string>): Numbering {
  const entries: NumberEntry[] = [];
  const byId = new Map<string, NumberEntry>();
  let top: { fresh: string; stable: string } | null = null;
  for (const entry of numbering.entries) {
    let next = entry;
    if (entry.kind === 'pp' || entry.kind === 'op' || entry.kind === 'decision') {
      const stable = labels.get(entry.id);
      top = stable === undefined ? null : { fresh: entry.path, stable };
      if (stable !== undefined) next = { ...entry, path: stable, label: printedLabel(entry.kind, stable) };
    } else if (top && entry.kind !== 'annex' && entry.kind !== 'footnote' && entry.path.startsWith(`${top.fresh} `)) {
      next = { ...entry, path: `${top.stable}${entry.path.slice(top.fresh.length)}` };
    } else if (entry.kind === 'annex') {
      top = null;
    }
    entries.push(next);
    if (next.id !== '' && !byId.has(next.id)) byId.set(next.id, next);
  }
  return { language: numbering.language, byId, entries, footnoteOrder: numbering.footnoteOrder };
}

function printedLabel(kind: 'pp' | 'op' | 'decision', stable: string): string {
  if (kind === 'op') return `${stable.replace(/^OP /, '')}.`;
  return stable;
}

/**
 * What the stable labels depend on in `doc`: the ids (and `alternativeOf`) of its top-level
 * paragraphs in order. Two documents with the same key have the same stable labels against
 * one base, so typing inside a paragraph never needs them recomputed.
 */
export function paragraphStructureKey(doc: Node): string {
  let key = '';
  doc.forEach((part) => {
    if (part.isTextblock || part.isLeaf) return;
    part.forEach((paragraph) => {
      if (!topParagraphs.has(paragraph.type.name)) return;
      key += `${String(paragraph.attrs.id)}<${String(paragraph.attrs.alternativeOf ?? '')}|`;
    });
    key += '/';
  });
  return key;
}

/** The number table as CSV (RFC 4180): an "old,new" header, then one row per paragraph. */
export function numberTableCsv(table: readonly NumberChange[]): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return ['old,new', ...table.map((row) => `${cell(row.old)},${cell(row.new)}`)].join('\r\n') + '\r\n';
}
