/**
 * The small XML tree the Akoma Ntoso writer builds and its serializer: one escaping
 * function for every text and attribute value, elements with mixed content written on one
 * line (whitespace inside a `p` is text), structural elements indented like the DGACM files.
 */

/** One XML element: its qualified name, attributes in order (undefined values are left out) and children. */
export type XmlElement = { name: string; attrs: Record<string, string | undefined>; children: XmlChild[] };

/** A child of an element: an element or a run of text. */
export type XmlChild = XmlElement | string;

/** An element `name` with `attrs` and `children`; '' texts are dropped. */
export function el(name: string, attrs: Record<string, string | undefined> = {}, children: readonly XmlChild[] = []): XmlElement {
  return { name, attrs, children: children.filter((c) => c !== '') };
}

// Characters XML 1.0 cannot hold at all (controls other than tab, newline, return; lone
// surrogates; U+FFFE/U+FFFF): replaced so the file always parses.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `value` escaped for XML text and attribute values: & < > " and, in attributes, tab,
 * newline and return as character references (so they survive attribute normalization);
 * characters XML cannot represent become U+FFFD.
 */
export function escapeXml(value: string): string {
  return value.replace(forbidden, '\uFFFD').replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return `&#${c.charCodeAt(0)};`;
    }
  });
}

function escapeText(value: string): string {
  return value.replace(forbidden, '\uFFFD').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function openTag(node: XmlElement): string {
  let out = `<${node.name}`;
  for (const [key, value] of Object.entries(node.attrs)) if (value !== undefined) out += ` ${key}="${escapeXml(value)}"`;
  return out;
}

// Elements whose content is text (mixed content): written on one line, since any
// whitespace added inside them would be read as text.
const mixed: ReadonlySet<string> = new Set([
  'p', 'num', 'span', 'inline', 'i', 'b', 'sup', 'ref', 'heading', 'docNumber', 'docTitle', 'docType',
  'docProponent', 'docAuthority', 'docStatus', 'docDate', 'session',
]);

function isMixed(node: XmlElement): boolean {
  return mixed.has(node.name) || node.children.some((c) => typeof c === 'string');
}

function inline(node: XmlElement): string {
  if (node.children.length === 0) return `${openTag(node)}/>`;
  return `${openTag(node)}>${node.children.map((c) => (typeof c === 'string' ? escapeText(c) : inline(c))).join('')}</${node.name}>`;
}

function block(node: XmlElement, indent: string, out: string[]): void {
  if (node.children.length === 0 || isMixed(node)) {
    out.push(indent + inline(node));
    return;
  }
  out.push(`${indent}${openTag(node)}>`);
  for (const child of node.children) if (typeof child !== 'string') block(child, `${indent}  `, out);
  out.push(`${indent}</${node.name}>`);
}

/**
 * The document `root` as XML text with an XML declaration: an element holding text or
 * of a mixed-content kind (`p`, `num`, `span` ...) is written on one line exactly as built; other elements put each child
 * on its own indented line. Ends with a newline.
 */
export function serializeXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  block(root, '', out);
  return `${out.join('\n')}\n`;
}
