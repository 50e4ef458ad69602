/**
 * The Akoma Ntoso (AKN4UN) reader: the UN's XML resolutions as Penholder documents. One
 * document per `statement` (and per `act`, `bill`, `doc` ... at document level), in file
 * order, the components of a `documentCollection` (parts A, B ...) each as their own.
 * Pure: @xmldom/xmldom parses, shared/document/build.ts builds; namespaced and
 * un-namespaced files read alike. Everything that cannot be placed is kept as text and
 * named in a warning (element and eId); malformed or hostile input is a FormatError.
 */
import type { Element } from '@xmldom/xmldom';
import type { Node } from 'prosemirror-model';
import { buildDocument, type ParagraphSpec } from '../../document/build.js';
import { causeValue, type Message, msg } from '../../i18n/message.js';
import { FormatError, importResult, type FormatImportResult } from '../types.js';
import { aknNamespace, child, childElements, nameOf, parseXml, where } from './read-dom.js';
import { readMeta } from './read-meta.js';
import { readAnnexes, readPreamble } from './read-parts.js';
import { bodyItems } from './read-items.js';
import { placeItems, toSpec, type Built } from './read-place.js';
import { restorePenholderState } from './write-restore.js';

/** Element names of AKN document types read as one Penholder document each. */
const documentTypes = new Set(['statement', 'act', 'bill', 'doc', 'amendment', 'debateReport', 'judgment', 'officialGazette', 'portion']);
/** Containers of documents, walked into. */
const documentContainers = new Set(['documentCollection', 'amendmentList', 'components', 'component', 'collectionBody', 'interstitial']);
/** Children of a document read elsewhere or carrying no text of the resolution. */
const known = new Set(['meta', 'coverPage', 'preface', 'preamble', 'mainBody', 'body', 'attachments', 'annex', 'attachment', 'conclusions', 'components']);

/**
 * True when `text` is an Akoma Ntoso XML document: well-formed, root element `akomaNtoso`
 * in the AKN 3.0 namespace or in no namespace.
 */
export function isAknXml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '').trimStart();
  if (!/^<([\w.-]+:)?akomaNtoso[\s>/]/.test(head)) return false;
  try {
    const root = parseXml(text, 'input').documentElement;
    return !!root && nameOf(root) === 'akomaNtoso' && (root.namespaceURI === aknNamespace || !root.namespaceURI);
  } catch {
    return false;
  }
}

/**
 * Reads AKN `xml` (`source` names it in messages, e.g. the file name) into documents in
 * file order, with every warning. Throws a FormatError for malformed XML (line and
 * column), a root other than `akomaNtoso`, nesting deeper than read-dom.ts `maxDepth`, or
 * a file with no document in it. A file Penholder exported gets back from its `<proprietary>`
 * block what AKN has no place for (write-restore.ts `restorePenholderState`).
 */
export function readAkn(xml: string, source = 'input'): FormatImportResult {
  const dom = parseXml(xml, source);
  const root = dom.documentElement;
  if (!root || nameOf(root) !== 'akomaNtoso') {
    throw new FormatError(msg('formats:akn.notAkn', { source, root: root ? nameOf(root) : '' }));
  }
  const warnings: Message[] = [];
  const documents: Node[] = [];
  const stack: [Element, Element | null][] = childElements(root).reverse().map((el) => [el, null] as [Element, Element | null]);
  // AKN4UN files put `components` beside their documentCollection, not inside it.
  let lastCollection: Element | null = null;
  while (stack.length > 0) {
    const [el, parentCollection] = stack.pop() as [Element, Element | null];
    const collection = parentCollection ?? lastCollection;
    const name = nameOf(el);
    if (documentTypes.has(name)) documents.push(readDocument(el, collection, source, warnings));
    else if (documentContainers.has(name)) {
      if (name === 'documentCollection') lastCollection = el;
      const next = name === 'documentCollection' ? el : collection;
      const kids = childElements(el).filter((c) => nameOf(c) !== 'meta' && nameOf(c) !== 'coverPage' && nameOf(c) !== 'preface');
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i] as Element, next]);
    } else if (name !== 'meta' && name !== 'documentRef') warnings.push(msg('formats:akn.notDocument', { source, where: where(el) }));
  }
  if (documents.length === 0) throw new FormatError(msg('formats:akn.noDocument', { source }));
  // Our own exports carry what AKN has no place for (ids, brackets, statuses) in <proprietary>.
  return restorePenholderState(importResult(documents, warnings), xml);
}

function readDocument(el: Element, collection: Element | null, source: string, warnings: Message[]): Node {
  const meta = readMeta(el, collection);
  const label = meta.header.symbol || meta.title.slice(0, 40) || where(el);
  const warn = (warning: Message) => warnings.push(msg('formats:akn.inDocument', { source, label, warning }));
  const decision = /decision/i.test(el.getAttribute('name') ?? '');
  for (const c of childElements(el)) if (!known.has(nameOf(c))) warn(msg('formats:akn.unknownElement', { where: where(c) }));
  const preamble = readPreamble(child(el, 'preamble'), warn);
  const pre = placeItems(preamble.items, false, warn);
  const body = child(el, 'mainBody') ?? child(el, 'body');
  const placed = placeItems(body ? bodyItems(body) : [], decision, warn);
  let pps: Built[] = [...pre.tops, ...placed.recitals];
  let tops = placed.tops;
  if (decision && pps.length > 0) {
    warn(msg('formats:akn.decisionPreamble', { n: pps.length }));
    tops = [...pps, ...tops];
    pps = [];
  }
  if (meta.titleNotes.length > 0) {
    // The title holds no footnote: the preface's notes go before the first paragraph's text.
    warn(msg('formats:akn.titleNotes', { n: meta.titleNotes.length }));
    const first = pps[0] ?? tops[0];
    const notes = meta.titleNotes.map((footnote) => ({ footnote }));
    if (first) first.prefix = [...notes, ...first.prefix];
    else tops.push({ prefix: notes, runs: [], children: [] });
  }
  if (tops.length === 0) {
    warn(msg(decision ? 'formats:akn.noLettered' : 'formats:akn.noOperative'));
    tops = [{ prefix: [], runs: [], children: [] }];
  }
  try {
    return buildDocument({
      kind: decision ? 'decision' : 'resolution',
      header: meta.header,
      title: meta.title,
      body: preamble.body,
      preamble: pps.map((b) => flattenLists(toSpec(b))),
      operative: tops.map(toSpec),
      annexes: readAnnexes(el, warn),
    });
  } catch (err) {
    throw new FormatError(msg('formats:akn.cannotBuild', { source, label, cause: causeValue(err) }), { cause: err });
  }
}

// A preambular paragraph holds subparagraphs only: numbered list items become subparagraphs.
function flattenLists(spec: ParagraphSpec): ParagraphSpec {
  const children = (spec.children ?? []).flatMap((c) => (typeof c !== 'string' && 'list' in c && c.list ? c.list : [c]));
  return { ...spec, children: children.map((c) => (typeof c === 'string' ? c : noGrandchildren(c as ParagraphSpec))) };
}

// The (i)-level under a decision paragraph or a subparagraph cannot hold further levels.
function noGrandchildren(spec: ParagraphSpec): ParagraphSpec {
  return {
    ...spec,
    children: (spec.children ?? []).map((c) => (typeof c === 'string' || ('list' in c && c.list) ? c : { ...(c as ParagraphSpec), children: [] })),
  };
}
