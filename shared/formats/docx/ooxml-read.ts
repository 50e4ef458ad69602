/**
 * Reading an OOXML package safely: the zip opened with bounds (declared sizes checked
 * before anything is inflated, only the parts asked for inflated), each XML part parsed
 * namespace-aware after a linear scan refuses a DTD and nesting deeper than Word writes,
 * and small element helpers over the WordprocessingML namespace (transitional and strict).
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { causeValue, msg } from '../../i18n/message.js';
import { FormatError } from '../types.js';

/** WordprocessingML main namespace (transitional, as Word and LibreOffice write it). */
export const wNs = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** WordprocessingML main namespace of Strict OOXML. */
export const wNsStrict = 'http://purl.oclc.org/ooxml/wordprocessingml/main';

/** Package relationships namespace. */
export const relsNs = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The largest part we inflate (declared size): far above any real document.xml. */
export const maxPartBytes = 64 * 1024 * 1024;

/** The most we inflate from one package, all parts together. */
export const maxPackageBytes = 160 * 1024 * 1024;

/** Deepest element nesting accepted in a part (Word nests tables and content controls far less). */
export const maxXmlDepth = 256;

/** An opened package: part names, and the text of a part (null when absent), read lazily. */
export type OoxmlPackage = { names: string[]; text: (name: string) => string | null };

/**
 * Opens `bytes` as a zip package. Throws a FormatError when it is not a zip, or when a
 * part declares more than `maxPartBytes`, the parts more than `maxPackageBytes` together,
 * or a compression ratio only a zip bomb has. Parts are inflated one at a time on demand.
 */
export function openPackage(bytes: Uint8Array): OoxmlPackage {
  if (!(bytes instanceof Uint8Array) || bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new FormatError(msg('formats:docx.notAZip'));
  }
  const sizes = new Map<string, { size: number; originalSize: number }>();
  try {
    unzipSync(bytes, { filter: (file) => (sizes.set(file.name, { size: file.size, originalSize: file.originalSize }), false) });
  } catch (err) {
    throw new FormatError(msg('formats:docx.damaged', { cause: causeValue(err) }), { cause: err });
  }
  let total = 0;
  for (const [name, { size, originalSize }] of sizes) {
    total += originalSize;
    if (originalSize > maxPartBytes) throw new FormatError(msg('formats:docx.partTooLarge', { part: name, bytes: originalSize, max: maxPartBytes }));
    if (originalSize > 1024 * 1024 && originalSize > size * 200) {
      throw new FormatError(msg('formats:docx.zipBomb', { part: name, ratio: Math.round(originalSize / Math.max(1, size)) }));
    }
  }
  if (total > maxPackageBytes) throw new FormatError(msg('formats:docx.packageTooLarge', { bytes: total, max: maxPackageBytes }));
  const cache = new Map<string, string | null>();
  const text = (name: string): string | null => {
    if (cache.has(name)) return cache.get(name) ?? null;
    let value: string | null = null;
    if (sizes.has(name)) {
      try {
        const found = unzipSync(bytes, { filter: (file) => file.name === name })[name];
        value = found ? strFromU8(found) : null;
      } catch (err) {
        throw new FormatError(msg('formats:docx.cannotUnpack', { part: name, cause: causeValue(err) }), { cause: err });
      }
    }
    cache.set(name, value);
    return value;
  };
  return { names: [...sizes.keys()], text };
}

/**
 * Parses the XML of part `name`. Throws a FormatError naming the part for a DTD (OOXML
 * parts never have one: refusing it rules out entity expansion), nesting deeper than
 * `maxXmlDepth`, or malformed XML.
 */
export function parseXml(xml: string, name: string): Element {
  if (/<!DOCTYPE/i.test(xml)) throw new FormatError(msg('formats:docx.dtd', { part: name }));
  const depth = nestingDepth(xml);
  if (depth > maxXmlDepth) throw new FormatError(msg('formats:docx.tooDeep', { part: name, depth, max: maxXmlDepth }));
  let root: Element | null;
  try {
    const parser = new DOMParser({
      onError: (level, message) => {
        // internal: aborts the parse; the catch below turns it into a FormatError naming the part.
        if (level !== 'warning') throw new Error(message);
      },
    });
    root = parser.parseFromString(xml, 'text/xml').documentElement;
  } catch (err) {
    // The parser's own words say what is wrong; they stay as written (English).
    const reason = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    throw new FormatError(msg('formats:docx.notWellFormed', { part: name, reason }), { cause: err });
  }
  if (!root) throw new FormatError(msg('formats:docx.noRoot', { part: name }));
  return root;
}

// The deepest element nesting of `xml`, in one pass (stops counting once past the limit).
function nestingDepth(xml: string): number {
  let depth = 0;
  let deepest = 0;
  let at = xml.indexOf('<');
  while (at >= 0 && at < xml.length) {
    const next = xml.charAt(at + 1);
    let end = tagEnd(xml, at);
    if (end < 0) end = xml.length;
    if (next === '/') depth--;
    else if (next !== '?' && next !== '!') {
      if (xml.charAt(end - 1) !== '/') depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > maxXmlDepth) return deepest;
    }
    at = xml.indexOf('<', end);
  }
  return deepest;
}

// Index of the ">" closing the tag that starts at `from`, skipping quoted attribute values.
function tagEnd(xml: string, from: number): number {
  if (xml.startsWith('<!--', from)) {
    const close = xml.indexOf('-->', from);
    return close < 0 ? -1 : close + 2;
  }
  if (xml.startsWith('<![CDATA[', from)) {
    const close = xml.indexOf(']]>', from);
    return close < 0 ? -1 : close + 2;
  }
  let quote = '';
  for (let i = from + 1; i < xml.length; i++) {
    const ch = xml.charAt(i);
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

/** True when `node` is a WordprocessingML element named `local`. */
export function isW(node: unknown, local: string): node is Element {
  const el = node as Element | null;
  return !!el && el.nodeType === 1 && el.localName === local && (el.namespaceURI === wNs || el.namespaceURI === wNsStrict);
}

/** The element children of `el`, in order. */
export function elements(el: Element): Element[] {
  const out: Element[] = [];
  for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) out.push(child as Element);
  return out;
}

/** The first WordprocessingML child of `el` named `local`, or null. */
export function wChild(el: Element | null | undefined, local: string): Element | null {
  if (!el) return null;
  for (let child = el.firstChild; child; child = child.nextSibling) if (isW(child, local)) return child;
  return null;
}

/** Every WordprocessingML child of `el` named `local`. */
export function wChildren(el: Element | null | undefined, local: string): Element[] {
  return el ? elements(el).filter((c) => isW(c, local)) : [];
}

/** The value of the WordprocessingML attribute `local` of `el` (w:val ...), or null. */
export function wAttr(el: Element | null | undefined, local: string): string | null {
  if (!el) return null;
  return el.getAttributeNS(wNs, local) ?? el.getAttributeNS(wNsStrict, local);
}

/** True for an on/off property element that is on (present without w:val, or val true/1/on). */
export function onOff(el: Element | null): boolean | null {
  if (!el) return null;
  const val = wAttr(el, 'val');
  return val === null || !['false', '0', 'off', 'none'].includes(val);
}

/**
 * The relationship targets of a .rels part by type suffix ("styles", "numbering" ...),
 * resolved against the folder of the part they belong to (`base`, e.g. "word/").
 */
export function readRelationships(pkg: OoxmlPackage, relsName: string, base: string): Map<string, string> {
  const out = new Map<string, string>();
  const xml = pkg.text(relsName);
  if (xml === null) return out;
  const root = parseXml(xml, relsName);
  for (const rel of elements(root)) {
    if (rel.localName !== 'Relationship' || rel.getAttribute('TargetMode') === 'External') continue;
    const type = (rel.getAttribute('Type') ?? '').split('/').pop() ?? '';
    const target = rel.getAttribute('Target') ?? '';
    if (type !== '' && target !== '' && !out.has(type)) out.set(type, resolvePath(base, target));
  }
  return out;
}

function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}
