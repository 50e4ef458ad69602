/**
 * DOM helpers of the Akoma Ntoso reader: parsing with errors that name line and column,
 * element access by local name (files with and without the AKN namespace read alike), a
 * bounded nesting depth checked without recursion, and whitespace normalization.
 */
import { DOMParser, type Document, type Element, type Node as XmlNode } from '@xmldom/xmldom';
import { msg } from '../../i18n/message.js';
import { FormatError } from '../types.js';

/** The Akoma Ntoso 3.0 namespace (AKN4UN files declare it as the default namespace). */
export const aknNamespace = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/**
 * The deepest element nesting the reader accepts. Real resolutions nest about 15 deep;
 * the cap keeps every later walk (some of which recurse) far from the stack limit.
 */
export const maxDepth = 200;

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** An element child's local name ('p' for both `<p>` and `<akn:p>`). */
export function nameOf(node: XmlNode): string {
  return (node as Element).localName ?? node.nodeName;
}

/** True when `node` is an element. */
export function isElement(node: XmlNode): node is Element {
  return node.nodeType === ELEMENT;
}

/** True when `node` is text or CDATA. */
export function isText(node: XmlNode): boolean {
  return node.nodeType === TEXT || node.nodeType === CDATA;
}

/** The element children of `el`, in order. */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c)) out.push(c);
  return out;
}

/** The first element child of `el` named `name`, or null. */
export function child(el: Element, name: string): Element | null {
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c) && nameOf(c) === name) return c;
  return null;
}

/** Every descendant element of `el` named `name` in document order (iterative walk). */
export function descendants(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const stack: XmlNode[] = [];
  for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length > 0) {
    const node = stack.pop() as XmlNode;
    if (!isElement(node)) continue;
    if (nameOf(node) === name) out.push(node);
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

/** The raw text of `el` and its descendants (iterative, so deep input cannot exhaust the stack). */
export function rawText(el: Element): string {
  let text = '';
  const stack: XmlNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop() as XmlNode;
    if (isText(node)) text += node.nodeValue ?? '';
    else for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return text;
}

/** Whitespace runs (tabs, newlines, no-break spaces) as one space, bidi marks removed, trimmed. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\u200e\u200f]/g, '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The normalized text of `el`. */
export function textOf(el: Element | null): string {
  return el ? normalizeSpace(rawText(el)) : '';
}

/** `el`'s eId (or id) for warnings, or its name when it has none. */
export function where(el: Element): string {
  const id = el.getAttribute('eId') || el.getAttribute('GUID') || el.getAttribute('id');
  return id ? `<${nameOf(el)}> (eId ${id})` : `<${nameOf(el)}>`;
}

/**
 * Parses `xml` into a DOM. Throws a FormatError naming the source, line and column for
 * malformed XML, and for nesting deeper than `maxDepth`.
 */
export function parseXml(text: string, source: string): Document {
  // A byte-order mark decoded as text is not content (xmldom calls it content outside the root).
  const xml = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (xml.trim() === '') throw new FormatError(msg('formats:akn.empty', { source }));
  scanDepth(xml, source);
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        // internal: aborts the parse; the catch below turns it into a FormatError naming line and column.
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (err) {
    const locator = (err as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const message = err instanceof Error ? err.message.replace(/^.*caused Error: /s, '').replace(/^\[xmldom \w+\]\s*/, '') : String(err);
    // The parser's own words say what is wrong; they stay as written (English).
    const reason = message.split('\n')[0] ?? '';
    const text = locator?.lineNumber
      ? msg('formats:akn.notWellFormedAt', { source, line: locator.lineNumber, column: locator.columnNumber ?? 0, reason })
      : msg('formats:akn.notWellFormed', { source, reason });
    throw new FormatError(text, { cause: err });
  }
  const root = doc.documentElement;
  if (!root) throw new FormatError(msg('formats:akn.noRoot', { source }));
  checkDepth(root, source);
  return doc;
}

// Refuses deep nesting before the parser builds it (xmldom takes seconds on 10^5 levels):
// one linear pass over the tags, comments, CDATA and processing instructions skipped.
function scanDepth(xml: string, source: string): void {
  const tags = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)[^\s>/]+[^>]*?(\/?)>/g;
  let depth = 0;
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    if (m[1] === undefined) continue;
    if (m[1] === '/') depth--;
    else if (m[2] !== '/') depth++;
    if (depth > maxDepth) {
      const before = xml.slice(0, m.index);
      const line = (before.match(/\n/g) ?? []).length + 1;
      const column = m.index - before.lastIndexOf('\n');
      throw new FormatError(msg('formats:akn.tooDeepAt', { source, max: maxDepth, line, column }));
    }
  }
}

function checkDepth(root: Element, source: string): void {
  const stack: [XmlNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [XmlNode, number];
    if (depth > maxDepth) {
      throw new FormatError(msg('formats:akn.tooDeepIn', { source, max: maxDepth, where: where(node as Element) }));
    }
    for (let c = node.firstChild; c; c = c.nextSibling) if (isElement(c)) stack.push([c, depth + 1]);
  }
}
