/**
 * Views of a negotiated document besides the compilation and clean texts (which the
 * plain-text exporter writes, see `exportText`'s `view`): the proposals of one delegation.
 */
import type { Node } from 'prosemirror-model';
import { computeNumbering } from '../document/numbering.js';
import { exportText, type TextExportOptions } from '../document/export-text.js';
import { collectBrackets } from './model.js';
import { documentStableLabels } from './stable-numbering.js';
import { stableNumbering } from './stable-view.js';

/**
 * One proposal of a delegation: where it is (`path`, e.g. "OP 7 (b)", "PP 3 alt"), the
 * bracket's id, whether it proposes a deletion or a whole paragraph, the text it holds,
 * and the other delegations that proposed it too.
 */
export type DelegationProposal = {
  path: string;
  id: string;
  kind: 'inline' | 'paragraph';
  deletion: boolean;
  text: string;
  with: string[];
};

/**
 * Every bracket `delegation` proposed (alone or with others), in document order; paths are
 * stable labels ("OP 5 bis (a)") while the document is in negotiation.
 */
export function delegationProposals(doc: Node, delegation: string): DelegationProposal[] {
  const stable = documentStableLabels(doc);
  const numbering = stable ? stableNumbering(computeNumbering(doc), stable) : computeNumbering(doc);
  const code = delegation.trim().toUpperCase();
  return collectBrackets(doc)
    .filter((b) => b.proposedBy.some((d) => d.toUpperCase() === code))
    .map((b) => ({
      path: numbering.byId.get(b.paragraphId)?.path ?? '',
      id: b.id,
      kind: b.kind,
      deletion: b.deletion,
      text: b.text,
      with: b.proposedBy.filter((d) => d.toUpperCase() !== code),
    }));
}

/**
 * The "my delegation's proposals" view as text: a heading line "Proposals by CODE (N)",
 * then one line per proposal, "OP 7 (b): [text]" ("delete [text]" for a deletion
 * proposal, "whole paragraph [text]" for a paragraph bracket, " with EU, CAN" when
 * others proposed it too). Lines end with "\n".
 */
export function delegationProposalsText(doc: Node, delegation: string): string {
  const proposals = delegationProposals(doc, delegation);
  const lines = proposals.map((p) => {
    const what = p.kind === 'paragraph' ? 'whole paragraph ' : p.deletion ? 'delete ' : '';
    const others = p.with.length > 0 ? ` with ${p.with.join(', ')}` : '';
    return `${p.path === '' ? 'text' : p.path}: ${what}[${p.text}]${others}`;
  });
  return `${[`Proposals by ${delegation.trim().toUpperCase()} (${proposals.length})`, ...lines].join('\n')}\n`;
}

/** The compilation text (everything, attribution tags unless `tags` is false). */
export function compilationText(doc: Node, options: Pick<TextExportOptions, 'tags'> = {}): string {
  return exportText(doc, { view: 'compilation', tags: options.tags ?? true });
}

/** The clean text: only agreed text (see `TextView`). */
export function cleanText(doc: Node): string {
  return exportText(doc, { view: 'clean' });
}
