import { DOMParser, type Element } from '@xmldom/xmldom';
import type { Node } from 'prosemirror-model';

const akn = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
const ph = 'https://penholder.app/ns/akn/1.0';

/** The parsed export; throws on any XML error (xmldom's onError). */
export function parseAkn(xml: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, 'application/xml');
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== akn || root.localName !== 'akomaNtoso') throw new Error('not an akomaNtoso document');
  return root;
}

/** Every AKN element named `name` under `root`, in document order. */
export function aknAll(root: Element, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(akn, name));
}

/** Every proprietary element named `name` (namespace https://penholder.app/ns/akn/1.0). */
export function phAll(root: Element, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ph, name));
}

/** The children of `element` in the AKN namespace named `name`. */
export function aknChildren(element: Element, name: string): Element[] {
  return Array.from(element.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === akn && (n as Element).localName === name,
  );
}

/** How many nodes of each type `doc` holds (those the AKN structure stands for). */
export function nodeCounts(doc: Node): Record<string, number> {
  const counts: Record<string, number> = {};
  doc.descendants((node) => {
    if (!node.isText) counts[node.type.name] = (counts[node.type.name] ?? 0) + 1;
    return true;
  });
  return counts;
}
