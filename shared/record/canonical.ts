import canonicalize from 'canonicalize';
import { Fragment, type Node } from 'prosemirror-model';
import { validateDocument } from '../document/validate.js';

/**
 * Canonical bytes for hashing and signing: RFC 8785 (JCS) via the `canonicalize` package,
 * written by an author of the RFC, so number and string forms follow the RFC exactly.
 */

/** JCS text of a JSON value. Throws on values JSON cannot hold (NaN, lone surrogates). */
export function jcs(value: unknown): string {
  const text = canonicalize(value);
  // internal: only values JSON.parse or our code made reach here, and those all have a JSON form
  if (text === undefined) throw new RangeError('value has no JSON form');
  return text;
}

/**
 * The document in its canonical form: validated against the resolution schema (so default
 * attributes are filled in and unknown ones refused), adjacent text nodes with the same marks
 * joined and empty ones dropped (a Y.Doc round trip joins them), then JCS. The negotiation
 * state lives in the document's attributes (header.negotiation, paragraph status, brackets)
 * and is part of it. Throws when `doc` is not a valid document.
 */
export function canonicalDocument(doc: Node | unknown): string {
  const node = isNode(doc) ? doc : validateDocument(doc);
  return jcs(normalize(node).toJSON());
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).toJSON === 'function' && 'type' in value && 'content' in value;
}

function normalize(node: Node): Node {
  if (node.isText || node.isLeaf) return node;
  const children: Node[] = [];
  node.content.forEach((child) => {
    if (child.isText && child.text === '') return;
    children.push(normalize(child));
  });
  // Fragment.fromArray joins adjacent text nodes with equal marks.
  return node.copy(Fragment.fromArray(children));
}

const textEncoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return textEncoder.encode(text);
}

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Bytes of a lowercase hex string of even length; throws on anything else (uppercase too, so one value has one spelling). */
export function fromHex(hex: string): Uint8Array {
  // internal: callers pass hex their shape checks accepted; no file reaches this unchecked
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) throw new RangeError('not lowercase hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** SHA-256 of bytes (or of a string's UTF-8) as lowercase hex, by WebCrypto (Node 20 and browsers). */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}

/** The content hash of a document: SHA-256 of its canonical form (see {@link canonicalDocument}). */
export async function contentHash(doc: Node | unknown): Promise<string> {
  return sha256Hex(canonicalDocument(doc));
}
