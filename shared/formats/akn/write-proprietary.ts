/**
 * Penholder's own facts in an Akoma Ntoso export, kept in `<meta><proprietary
 * source="#penholder">` under the namespace `penholderNamespace`, so that our import gives
 * back what AKN has no place for. The block is one `<ph:penholder version="1">` holding, in
 * document order:
 * - `<ph:header kind symbol date language session agendaItem heading>` with one
 *   `<ph:sponsor>` per sponsor (exact strings, in order);
 * - `<ph:negotiation revisionId label>` with `<ph:base id number>` per base paragraph, when
 *   the document is in negotiation;
 * - `<ph:node eId id type [alternativeOf]>` for every element that stands for a node with a
 *   stable id (title `preface_title`, body line `formula_1`, paragraphs, points, list items,
 *   annexes, annex paragraphs, footnotes `authorialNote_N`, alternative groups
 *   `alternatives_N`); a top-level paragraph's node holds its whole-paragraph
 *   `<ph:bracket>` and its `<ph:status>`;
 * - `<ph:bracket eId id revision [deletion="true"]>` for every inline bracket, with its
 *   `<ph:proposedBy>`, `<ph:supportedBy>`, `<ph:opposedBy>` delegations (one element each,
 *   exact strings, in order).
 * A status is `<ph:status state by at reason>` with `<ph:delegation>`, `<ph:linked>` and its
 * earlier entries as `<ph:entry state by at reason>` (same children), oldest first.
 */
import type { Node } from 'prosemirror-model';
import type { HeaderAttrs } from '../../document/header.js';
import type { Attribution, StatusEntry } from '../../negotiation/model.js';
import { paragraphBracket, paragraphStatus } from '../../negotiation/model.js';
import type { NegotiationBaseAttr } from '../../negotiation/negotiation-base.js';
import { el, type XmlElement } from './write-xml.js';

/** The namespace of Penholder's proprietary metadata in AKN exports. */
export const penholderNamespace = 'https://penholder.app/ns/akn/1.0';

const list = (name: string, values: readonly string[]): XmlElement[] => values.map((v) => el(name, {}, [v]));

/** A `<ph:bracket>`-shaped record (whole-paragraph or inline) of an attribution. */
export function attributionRecord(name: string, eId: string | undefined, id: string, a: Attribution, extra: Record<string, string> = {}): XmlElement {
  return el(name, { eId, id, revision: a.revision || undefined, ...extra }, [
    ...list('ph:proposedBy', a.proposedBy),
    ...list('ph:supportedBy', a.supportedBy),
    ...list('ph:opposedBy', a.opposedBy),
  ]);
}

function statusRecord(name: string, entry: StatusEntry, history: StatusEntry[]): XmlElement {
  return el(name, { state: entry.state, by: entry.by || undefined, at: entry.at || undefined, reason: entry.reason || undefined }, [
    ...list('ph:delegation', entry.delegations),
    ...list('ph:linked', entry.linked),
    ...history.map((h) => statusRecord('ph:entry', h, [])),
  ]);
}

/**
 * The `<ph:node>` record of the element `eId` standing for `node`: its stable id and type;
 * for a top-level paragraph also `alternativeOf`, its whole-paragraph bracket and its status
 * (when ever set).
 */
export function nodeRecord(eId: string, node: Node): XmlElement {
  const attrs = node.attrs as Record<string, unknown>;
  const alternativeOf = typeof attrs.alternativeOf === 'string' && attrs.alternativeOf !== '' ? attrs.alternativeOf : undefined;
  const children: XmlElement[] = [];
  const bracket = 'bracket' in attrs ? paragraphBracket(node) : null;
  if (bracket) children.push(attributionRecord('ph:bracket', undefined, bracket.id, bracket));
  if ('status' in attrs && attrs.status !== null && typeof attrs.status === 'object') {
    const status = paragraphStatus(node);
    children.push(statusRecord('ph:status', status, status.history));
  }
  return el('ph:node', { eId, id: typeof attrs.id === 'string' ? attrs.id : '', type: node.type.name, alternativeOf }, children);
}

/**
 * The `<proprietary>` element: the header, the negotiation base (null: none) and `records`
 * (see the module comment).
 */
export function proprietary(header: HeaderAttrs, kind: string, base: NegotiationBaseAttr | null, records: XmlElement[]): XmlElement {
  const headerRecord = el(
    'ph:header',
    {
      kind,
      symbol: header.symbol,
      date: header.date,
      language: header.language,
      session: header.session,
      agendaItem: header.agendaItem,
      heading: header.heading,
    },
    list('ph:sponsor', header.sponsors),
  );
  const baseRecord = base
    ? [el('ph:negotiation', { revisionId: base.revisionId, label: base.label }, Object.entries(base.numbers).map(([id, n]) => el('ph:base', { id, number: String(n) })))]
    : [];
  return el('proprietary', { source: '#penholder' }, [
    el('ph:penholder', { 'xmlns:ph': penholderNamespace, version: '1' }, [headerRecord, ...baseRecord, ...records]),
  ]);
}
