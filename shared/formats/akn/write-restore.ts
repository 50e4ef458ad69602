/**
 * The other half of the proprietary block (write-proprietary.ts): given what readAkn made of
 * one of our exports, puts back what AKN carries only for us. Header fields, stable ids,
 * paragraph brackets, statuses, alternatives, the negotiation base, and the inline brackets
 * with their attribution (the text of each paragraph re-read from our own markup: brackets,
 * alternative groups, opener and emphasis spans, footnotes, cross-references).
 */
import { DOMParser, type Element, type Node as XmlNode } from '@xmldom/xmldom';
import type { Mark, Node } from 'prosemirror-model';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { causeValue, isMessage, type Message, msg } from '../../i18n/message.js';
import { importResult, type FormatImportResult } from '../types.js';
import { penholderNamespace } from './write-proprietary.js';

const akn = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
const { nodes, marks } = resolutionSchema;
// Node types that have a `<ph:node>` record and that the reader builds, in document order.
const matched: ReadonlySet<string> = new Set([
  'title', 'body_line', 'preambular_paragraph', 'operative_paragraph', 'decision_paragraph', 'subparagraph',
  'sub_subparagraph', 'numbered_list', 'list_item', 'annex', 'annex_paragraph', 'footnote',
]);

const elementsOf = (parent: XmlNode): Element[] => Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1);
const phChildren = (el: Element, name: string): Element[] => elementsOf(el).filter((c) => c.namespaceURI === penholderNamespace && c.localName === name);
const texts = (el: Element, name: string): string[] => phChildren(el, name).map((c) => c.textContent ?? '');
const attr = (el: Element, name: string): string => el.getAttribute(name) ?? '';

type Records = { nodes: Element[]; byEId: Map<string, Element>; idOfEId: Map<string, string> };

/**
 * `result` (readAkn's reading of `xml`) with the Penholder state of each statement that holds
 * a `<ph:penholder>` block restored onto its document. A document whose paragraphs do not
 * line up with the block (the file was edited elsewhere, or the reader placed something
 * differently) gets its header back and otherwise keeps what the reader made, with a
 * warning saying so.
 */
export function restorePenholderState(result: FormatImportResult, xml: string): FormatImportResult {
  if (!xml.includes(penholderNamespace)) return result;
  const root = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'application/xml').documentElement;
  if (!root) return result;
  const statements = Array.from(root.getElementsByTagNameNS(akn, 'statement'));
  const warnings = [...result.messages];
  const documents = result.documents.map((doc, i) => {
    const statement = statements[i];
    const block = statement ? Array.from(statement.getElementsByTagNameNS(penholderNamespace, 'penholder'))[0] : undefined;
    if (!statement || !block) return doc;
    const restored = restoreDocument(doc, statement, block);
    if (!isMessage(restored)) return restored;
    warnings.push(msg('formats:akn.headerOnly', { n: i + 1, reason: restored }));
    const header = doc.firstChild;
    return header?.type.name === 'header' ? doc.copy(doc.content.replaceChild(0, header.type.create(headerAttrs(header, block)))) : doc;
  });
  return importResult(documents, warnings);
}

function restoreDocument(doc: Node, statement: Element, block: Element): Node | Message {
  const records: Records = { nodes: [], byEId: new Map(), idOfEId: new Map() };
  for (const record of elementsOf(block)) {
    const eId = attr(record, 'eId');
    if (eId !== '') records.byEId.set(eId, record);
    if (record.localName === 'node') {
      records.idOfEId.set(eId, attr(record, 'id'));
      if (matched.has(attr(record, 'type'))) records.nodes.push(record);
    }
  }
  // Annexes are rebuilt from our markup (the reader keeps an annex as unnumbered paragraphs),
  // so only the records before the first annex are matched with the reader's nodes.
  const found: string[] = [];
  doc.descendants((node) => {
    if (matched.has(node.type.name) && node.type.name !== 'annex') found.push(node.type.name);
    return node.type.name !== 'annex';
  });
  const firstAnnex = records.nodes.findIndex((r) => attr(r, 'type') === 'annex');
  const expected = records.nodes.slice(0, firstAnnex < 0 ? records.nodes.length : firstAnnex).map((r) => attr(r, 'type'));
  if (found.join() !== expected.join()) {
    const first = found.findIndex((t, k) => t !== expected[k]);
    const at = first < 0 ? found.length : first;
    const kind = (type: string | undefined) => type ?? msg('formats:akn.missing');
    return msg('formats:akn.mismatch', { n: at + 1, found: kind(found[at]), expected: kind(expected[at]) });
  }
  const elements = new Map<string, Element>();
  for (const el of Array.from(statement.getElementsByTagNameNS(akn, '*'))) if (el.getAttribute('eId')) elements.set(attr(el, 'eId'), el);
  let next = 0;
  const rebuild = (node: Node): Node => {
    if (node.isText) return node;
    let attrs = node.attrs;
    let record: Element | undefined;
    if (matched.has(node.type.name)) {
      record = records.nodes[next++];
      if (record) attrs = { ...node.attrs, ...recordAttrs(node.attrs, record) };
    }
    const source = record ? textElement(elements.get(attr(record, 'eId'))) : null;
    // A paragraph's text is re-read from our markup (the reader flattens brackets and takes
    // only a leading italic run as the opener); its footnote records are taken by their eIds,
    // so they are skipped here.
    const reread = (block: Node): Node => {
      block.descendants((d) => void (d.type.name === 'footnote' && next++));
      return block.type.create(block === node ? attrs : null, inline(source as Element, records, []));
    };
    if (node.type.name === 'annex_paragraph' && source) return reread(node);
    const content: Node[] = [];
    node.forEach((child, _offset, index) => {
      if (child.type.name === 'annex') return;
      const own = index === 0 && child.type.name === 'paragraph_text' && source;
      content.push(own ? reread(child) : rebuild(child));
    });
    if (node.type.name === 'header') attrs = headerAttrs(node, block);
    if (node === doc) content.push(...annexesOf(statement, records));
    return node.type.create(attrs, content, node.marks);
  };
  try {
    const restored = rebuild(doc);
    restored.check();
    return restored;
  } catch (err) {
    return msg('formats:akn.restoredInvalid', { cause: causeValue(err) });
  }
}

const idOf = (records: Records, el: Element): string => records.idOfEId.get(attr(el, 'eId')) ?? '';
const subLevel: Readonly<Record<string, string>> = { list_item: 'subparagraph', subparagraph: 'sub_subparagraph' };

// The annexes of our markup: attachment > doc > mainBody with the H1 title paragraph,
// annex paragraphs and numbered lists.
function annexesOf(statement: Element, records: Records): Node[] {
  const attachments = elementsOf(statement).find((c) => c.localName === 'attachments');
  return (attachments ? elementsOf(attachments) : []).map((attachment) => {
    const main = Array.from(attachment.getElementsByTagNameNS(akn, 'mainBody'))[0];
    const parts = main ? elementsOf(main) : [];
    const title = main ? Array.from(main.getElementsByTagNameNS(akn, 'docTitle'))[0] : undefined;
    const content: Node[] = [nodes.annex_title.create(null, title ? inline(title, records, []) : [])];
    for (const part of parts.slice(1)) {
      if (part.localName === 'list') content.push(numberedList(part, records));
      else if (part.localName === 'paragraph') content.push(nodes.annex_paragraph.create({ id: idOf(records, part) }, inline(textElement(part) as Element, records, [])));
    }
    return nodes.annex.create({ id: idOf(records, attachment) }, content);
  });
}

function numberedList(list: Element, records: Records): Node {
  return nodes.numbered_list.create(null, elementsOf(list).filter((c) => c.localName === 'point').map((point) => hierarchyNode(point, 'list_item', records)));
}

// A point of our markup and its sub-levels: lettered points of its sublist one level down,
// nested lists as numbered lists.
function hierarchyNode(el: Element, type: string, records: Records): Node {
  const text = textElement(el);
  const wrapper = elementsOf(el).find((c) => c.localName === 'sublist' || c.localName === 'list');
  const children = (wrapper ? elementsOf(wrapper) : []).flatMap((c) => {
    if (c.localName === 'point') return [hierarchyNode(c, subLevel[type] ?? 'sub_subparagraph', records)];
    return c.localName === 'list' ? [numberedList(c, records)] : [];
  });
  const paragraph = nodes.paragraph_text.create(null, text ? inline(text, records, []) : []);
  const nodeType = resolutionSchema.nodes[type];
  const record = records.byEId.get(attr(el, 'eId'));
  if (!nodeType) return paragraph;
  return nodeType.create(record ? recordAttrs(nodeType.spec.attrs ?? {}, record) : null, [paragraph, ...children]);
}

// The attributes a `<ph:node>` record gives a node whose type has `typeAttrs`.
function recordAttrs(typeAttrs: object, record: Element): Record<string, unknown> {
  const out: Record<string, unknown> = { id: attr(record, 'id') };
  if ('alternativeOf' in typeAttrs) out.alternativeOf = attr(record, 'alternativeOf');
  if ('bracket' in typeAttrs) {
    const bracket = phChildren(record, 'bracket')[0];
    out.bracket = bracket ? { id: attr(bracket, 'id'), ...attribution(bracket) } : null;
  }
  if ('status' in typeAttrs) {
    const status = phChildren(record, 'status')[0];
    out.status = status ? { ...statusEntry(status), history: phChildren(status, 'entry').map(statusEntry) } : null;
  }
  return out;
}

function attribution(el: Element) {
  return { proposedBy: texts(el, 'proposedBy'), supportedBy: texts(el, 'supportedBy'), opposedBy: texts(el, 'opposedBy'), revision: attr(el, 'revision') };
}

function statusEntry(el: Element) {
  return { state: attr(el, 'state'), by: attr(el, 'by'), at: attr(el, 'at'), delegations: texts(el, 'delegation'), linked: texts(el, 'linked'), reason: attr(el, 'reason') };
}

function headerAttrs(header: Node, block: Element): Record<string, unknown> {
  const h = phChildren(block, 'header')[0];
  if (!h) return header.attrs;
  const base = phChildren(block, 'negotiation')[0];
  const numbers: Record<string, number> = {};
  for (const b of base ? phChildren(base, 'base') : []) numbers[attr(b, 'id')] = Number(attr(b, 'number'));
  return {
    ...header.attrs,
    symbol: attr(h, 'symbol'),
    date: attr(h, 'date'),
    language: attr(h, 'language') || header.attrs.language,
    session: attr(h, 'session'),
    agendaItem: attr(h, 'agendaItem'),
    heading: attr(h, 'heading'),
    sponsors: texts(h, 'sponsor'),
    negotiation: base ? { revisionId: attr(base, 'revisionId'), label: attr(base, 'label'), numbers } : null,
  };
}

// The `p` holding the own text of the element a record names.
function textElement(el: Element | undefined): Element | null {
  if (!el) return null;
  const direct = elementsOf(el);
  const p = direct.find((c) => c.localName === 'p');
  if (p) return p;
  const holder = direct.find((c) => c.localName === 'content') ?? direct.find((c) => c.localName === 'list' || c.localName === 'sublist');
  const intro = holder && holder.localName !== 'content' ? elementsOf(holder).find((c) => c.localName === 'intro') : holder;
  return intro ? (elementsOf(intro).find((c) => c.localName === 'p') ?? null) : null;
}

// Our inline markup back to nodes: `span class="italic"` is the opener, "italic emphasis" other italics.
function inline(parent: Element, records: Records, active: readonly Mark[]): Node[] {
  const out: Node[] = [];
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === 3) {
      const text = child.nodeValue ?? '';
      if (text === '') continue;
      out.push(resolutionSchema.text(text, active));
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const record = records.byEId.get(attr(el, 'eId'));
    if (el.localName === 'span') {
      const emphasis = /\bemphasis\b/.test(attr(el, 'class'));
      out.push(...inline(el, records, [emphasis ? marks.emphasis.create() : marks.opener.create()]));
    }
    else if (el.localName === 'authorialNote') {
      const p = elementsOf(el).find((c) => c.localName === 'p');
      const content = p ? inline(p, records, []) : [];
      out.push(nodes.footnote.create({ id: record ? attr(record, 'id') : '' }, content));
    } else if (el.localName === 'ref') {
      const target = records.idOfEId.get(attr(el, 'href').replace(/^#/, '')) ?? attr(el, 'href').replace(/^#(missing_)?/, '');
      out.push(nodes.cross_reference.create({ target }));
    } else if (el.localName === 'inline' && attr(el, 'name') === 'bracket') {
      const attrs = record ? { id: attr(record, 'id'), ...attribution(record), deletion: attr(record, 'deletion') === 'true' } : {};
      out.push(nodes.bracket.create(attrs, inline(el, records, [])));
    } else if (el.localName === 'inline' && attr(el, 'name') === 'alternatives') {
      out.push(nodes.bracket_alternatives.create({ id: record ? attr(record, 'id') : '' }, inline(el, records, [])));
    } else out.push(...inline(el, records, active));
  }
  return out;
}
