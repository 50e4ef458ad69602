/**
 * Akoma Ntoso export of a resolution or decision in the dialect the UN's DGACM publishes
 * (AKN4UN, as in the General Assembly's files: see write-meta.ts, write-body.ts and
 * write-inline.ts for each part), valid against the OASIS akomantoso30.xsd. Penholder's own
 * state (stable ids, negotiation base, brackets' attribution, statuses) rides along in
 * `<proprietary>` (write-proprietary.ts) so our import can restore it.
 */
import type { Node } from 'prosemirror-model';
import { childText, documentKind, readHeader } from '../../document/header.js';
import { cleanViewDoc } from '../../negotiation/clean-view.js';
import { readNegotiationBase } from '../../negotiation/negotiation-base.js';
import type { ExportView } from '../types.js';
import { attachments, mainBody, preamble } from './write-body.js';
import { newContext } from './write-context.js';
import { inlineContent } from './write-inline.js';
import { authoringBody, coverPage, frbrBase, identification, references, sponsorsWorkflow, statementNameOf } from './write-meta.js';
import { planEIds } from './write-plan.js';
import { nodeRecord, proprietary } from './write-proprietary.js';
import { el, serializeXml, type XmlElement } from './write-xml.js';

export { penholderNamespace } from './write-proprietary.js';

/** The Akoma Ntoso 3.0 namespace. */
export const aknNamespace = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** Options of `writeAkn`: `view` 'compilation' (default: brackets kept) or 'clean' (only agreed text). */
export type AknWriteOptions = { view?: ExportView };

/**
 * `doc` as one Akoma Ntoso XML document (UTF-8 text with an XML declaration):
 * `<akomaNtoso><statement name="resolution|draftResolution|decision">` with meta
 * (FRBR identification from the symbol, TLCs for the body and every delegation, the
 * sponsors' workflow step, Penholder's proprietary block), cover page, preface (number and
 * title), preamble, mainBody and attachments. The 'clean' view writes what
 * `cleanViewDoc` keeps (no brackets, no bracketed, deleted or alternative paragraphs);
 * 'compilation' writes brackets as `<inline name="bracket">` and labels paragraphs with
 * their stable numbers ("5 bis.") when the document is in negotiation. Pure; throws a
 * FormatError when the view has no operative or decision paragraph left to write.
 */
export function writeAkn(doc: Node, options: AknWriteOptions = {}): string {
  const view = options.view ?? 'compilation';
  const source = view === 'clean' ? cleanViewDoc(doc) : doc;
  const header = readHeader(source);
  const kind = documentKind(source);
  const statement = statementNameOf(kind, header);
  const body = authoringBody(childText(source, 'body_line'));
  const ctx = newContext(source, view, header.language, planEIds(source), header.sponsors);
  const base = frbrBase(header, statement, body.eId);
  const adopted = statement !== 'draftResolution';

  let title: Node | null = null;
  let bodyLine: Node | null = null;
  let pre: Node | null = null;
  let main: Node | null = null;
  const annexes: Node[] = [];
  source.forEach((child) => {
    const name = child.type.name;
    if (name === 'title') title = child;
    else if (name === 'body_line') bodyLine = child;
    else if (name === 'preamble') pre = child;
    else if (name === 'operative' || name === 'decision_body') main = child;
    else if (name === 'annex') annexes.push(child);
  });

  const titleNode = title as Node | null;
  if (titleNode) ctx.records.push(nodeRecord('preface__docTitle_1', titleNode));
  const prefaceElement = preface(header.symbol, titleNode ? el('docTitle', { eId: 'preface__docTitle_1' }, inlineContent(titleNode, ctx)) : null);
  const preambleElement = preamble(bodyLine, pre, ctx);
  const mainElement = mainBody(main, ctx);
  const attachmentsElement = attachments(annexes, ctx, header, base, body.eId, adopted);
  const sponsorRefs = header.sponsors.map((s) => `#${ctx.delegations.get(s) ?? ''}`);

  const meta = el('meta', {}, [
    identification(base, header.language, body.eId, adopted),
    ...nonNull(sponsorsWorkflow(header, base.date, statement)),
    references(body, ctx.delegations),
    proprietary(header, kind, view === 'compilation' ? readNegotiationBase(source) : null, ctx.records),
  ]);
  const statementElement = el('statement', { name: statement }, [
    meta,
    coverPage(header, body.name, statement, sponsorRefs, kind),
    prefaceElement,
    preambleElement,
    mainElement,
    ...nonNull(attachmentsElement),
  ]);
  return serializeXml(el('akomaNtoso', { xmlns: aknNamespace }, [statementElement]));
}

function nonNull<T>(value: T | null): T[] {
  return value === null ? [] : [value];
}

// The preface as DGACM writes it: "<docNumber>74/50.</docNumber>" for an adopted
// A/RES symbol, the whole symbol otherwise, then the title.
function preface(symbol: string, title: XmlElement | null): XmlElement {
  const res = /^A\/RES\/(.+)$/i.exec(symbol.trim());
  const number = res ? `${res[1] ?? ''}.` : symbol.trim();
  const children = [...(number === '' ? [] : [el('docNumber', {}, [number]), ' ']), ...(title ? [title] : [])];
  return el('preface', {}, [el('p', {}, children)]);
}
