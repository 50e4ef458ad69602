/**
 * The negotiation base as part of the document: the header's `negotiation` attribute
 * (schemas/negotiation-nodes.ts) names the base revision and keeps the base number of each of
 * its paragraphs. Being inside the document, it reaches every replica of a consultation with
 * the text, is logged with its author like any change, is checked by the schema and the
 * consultation role check (a delegation cannot change the header), and is read alike by the
 * editor, the revision reader, the views and the exports.
 */
import type { Node } from 'prosemirror-model';
import { computeNumbering } from '../document/numbering.js';

/**
 * A document's negotiation base: the base revision's id (in the store of the installation
 * that set it), its name as shown ("Rev.1"), and the base number of each PP, OP and decision
 * paragraph of that revision by paragraph id (alternatives take no number of their own).
 */
export type NegotiationBaseAttr = { revisionId: string; label: string; numbers: Record<string, number> };

/** The base number of every PP, OP and decision paragraph of `base` by id (alternatives left out). */
export function baseNumbers(base: Node): Record<string, number> {
  const numbers: Record<string, number> = {};
  for (const entry of computeNumbering(base).entries) {
    if ((entry.kind === 'pp' || entry.kind === 'op' || entry.kind === 'decision') && !entry.path.includes(' alt')) numbers[entry.id] = entry.number;
  }
  return numbers;
}

/** The base for negotiating on the revision `revisionId` named `label` whose document is `base`. */
export function negotiationBaseOf(revisionId: string, label: string, base: Node): NegotiationBaseAttr {
  return { revisionId, label, numbers: baseNumbers(base) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The negotiation base `doc` carries in its header, or null when it is not in negotiation
 * (or the attribute is missing or malformed, which the schema already refuses).
 */
export function readNegotiationBase(doc: Node): NegotiationBaseAttr | null {
  const header = doc.firstChild?.type.name === 'header' ? doc.firstChild : null;
  return header ? headerBase(header) : null;
}

/** The negotiation base held by a `header` node, or null (see `readNegotiationBase`). */
export function headerBase(header: Node): NegotiationBaseAttr | null {
  const value: unknown = header.attrs.negotiation;
  if (!isRecord(value) || typeof value.revisionId !== 'string' || typeof value.label !== 'string' || !isRecord(value.numbers)) return null;
  return value as NegotiationBaseAttr;
}

/**
 * `doc` with its header's negotiation base replaced by `base` (null: out of negotiation); the
 * same object when nothing would change. The backend turns the result into one change.
 */
export function withNegotiationBase(doc: Node, base: NegotiationBaseAttr | null): Node {
  const header = doc.firstChild;
  if (header?.type.name !== 'header') return doc;
  if (JSON.stringify(headerBase(header)) === JSON.stringify(base)) return doc;
  return doc.copy(doc.content.replaceChild(0, header.type.create({ ...header.attrs, negotiation: base }, header.content, header.marks)));
}
