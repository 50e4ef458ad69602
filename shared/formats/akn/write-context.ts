/**
 * What one Akoma Ntoso export carries through the document: the view, the planned eIds, the
 * printed labels, running counters (footnotes, brackets), the delegations named (for their
 * TLCOrganizations) and the Penholder facts collected for the proprietary block.
 */
import type { Node } from 'prosemirror-model';
import type { Language } from '../../document/labels.js';
import { computeNumbering } from '../../document/numbering.js';
import { documentStableLabels } from '../../negotiation/stable-numbering.js';
import { stableNumbering } from '../../negotiation/stable-view.js';
import type { ExportView } from '../types.js';
import { delegationEId } from './write-meta.js';
import type { EIdPlan } from './write-plan.js';
import type { XmlElement } from './write-xml.js';

/** The state of one export (see the module comment). */
export type WriteContext = {
  view: ExportView;
  language: Language;
  plan: EIdPlan;
  // Printed label ("12.", "(a)", "5 bis.", "7 alt.") of every numbered node.
  labels: Map<Node, string>;
  // What a cross-reference to a stable id prints: "12", "(b)", "5 bis", "Annex II".
  referenceText: Map<string, string>;
  footnotes: number;
  brackets: number;
  groups: number;
  // Delegation name -> TLCOrganization eId, in order of first mention (sponsors first).
  delegations: Map<string, string>;
  takenEIds: Set<string>;
  // Elements of the proprietary block, in document order.
  records: XmlElement[];
};

/**
 * A fresh context for exporting `doc` (already cleaned for the clean view): labels are the
 * stable ones ("5 bis.") when a compilation of a document in negotiation is written.
 */
export function newContext(doc: Node, view: ExportView, language: Language, plan: EIdPlan, sponsors: readonly string[]): WriteContext {
  let numbering = computeNumbering(doc);
  const stable = view === 'compilation' ? documentStableLabels(doc) : null;
  if (stable) numbering = stableNumbering(numbering, stable);
  const labels = new Map<Node, string>();
  const referenceText = new Map<string, string>();
  for (const entry of numbering.entries) {
    if (entry.kind === 'footnote') continue;
    const node = doc.nodeAt(entry.pos);
    if (node) labels.set(node, entry.label);
    const printed = entry.label.replace(/\.$/, '').replace(/ alt( \d+)?$/, '');
    if (entry.id !== '' && !referenceText.has(entry.id)) referenceText.set(entry.id, printed === '' ? String(entry.number) : printed);
  }
  const ctx: WriteContext = {
    view,
    language,
    plan,
    labels,
    referenceText,
    footnotes: 0,
    brackets: 0,
    groups: 0,
    delegations: new Map(),
    takenEIds: new Set(),
    records: [],
  };
  for (const sponsor of sponsors) delegationRef(ctx, sponsor);
  return ctx;
}

/** The TLC eId of delegation `name`, registering it on first mention. */
export function delegationRef(ctx: WriteContext, name: string): string {
  let eId = ctx.delegations.get(name);
  if (eId === undefined) {
    eId = delegationEId(name, ctx.takenEIds);
    ctx.delegations.set(name, eId);
  }
  return eId;
}
