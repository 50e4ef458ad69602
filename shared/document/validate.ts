import type { Node } from 'prosemirror-model';
import { idNodeNames, resolutionSchema } from '../../schemas/resolution-schema.js';
import { languages } from './labels.js';

const idCarriers: ReadonlySet<string> = new Set(idNodeNames);
const headerStrings = ['symbol', 'date', 'session', 'agendaItem', 'heading'] as const;

/**
 * How deeply nodes may nest in a document's JSON. Real documents nest about fifteen levels
 * (lists in subparagraphs, brackets in brackets); the check runs before anything recursive
 * (ProseMirror's fromJSON and check walk the tree by recursion) touches the JSON.
 */
export const maxDocumentDepth = 256;

/**
 * Parses ProseMirror JSON into a document of the resolution schema and checks it:
 * known node and mark types, content valid for the schema (`node.check()`), a typed
 * header (string fields, a known language, sponsors as strings), and a non-empty id on
 * every paragraph-level node, unique in the document, nodes nested at most
 * `maxDocumentDepth` levels. Returns the document; throws an Error whose message says what
 * is wrong and where ("invalid document: ...").
 */
export function validateDocument(json: unknown): Node {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new Error('invalid document: expected a ProseMirror JSON object');
  }
  if ((json as { type?: unknown }).type !== 'doc') {
    throw new Error(`invalid document: the top node must be of type "doc", got ${JSON.stringify((json as { type?: unknown }).type)}`);
  }
  const depth = jsonDepth(json);
  if (depth > maxDocumentDepth) {
    throw new Error(`invalid document: nodes are nested ${depth} levels deep; the limit is ${maxDocumentDepth}`);
  }
  let doc: Node;
  try {
    doc = resolutionSchema.nodeFromJSON(json);
    doc.check();
  } catch (err) {
    throw new Error(`invalid document: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  checkHeader(doc);
  checkIds(doc);
  return doc;
}

// The deepest nesting of nodes through their `content` arrays, walked without recursion.
function jsonDepth(root: object): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    deepest = Math.max(deepest, depth);
    const content: unknown = node !== null && typeof node === 'object' ? (node as { content?: unknown }).content : undefined;
    if (Array.isArray(content)) for (const child of content) stack.push([child, depth + 1]);
  }
  return deepest;
}

function checkHeader(doc: Node): void {
  const header = doc.firstChild;
  if (!header || header.type.name !== 'header') throw new Error('invalid document: no header');
  const attrs = header.attrs as Record<string, unknown>;
  for (const key of headerStrings) {
    if (typeof attrs[key] !== 'string') throw new Error(`invalid document: header.${key} must be a string`);
  }
  if (!(languages as readonly unknown[]).includes(attrs.language)) {
    throw new Error(`invalid document: header.language must be one of ${languages.join(', ')}, got ${JSON.stringify(attrs.language)}`);
  }
  const sponsors = attrs.sponsors;
  if (!Array.isArray(sponsors) || !sponsors.every((s) => typeof s === 'string')) {
    throw new Error('invalid document: header.sponsors must be an array of strings');
  }
}

function checkIds(doc: Node): void {
  const seen = new Map<string, number>();
  doc.descendants((node, pos) => {
    if (!idCarriers.has(node.type.name)) return true;
    const id: unknown = node.attrs.id;
    if (typeof id !== 'string' || id === '') {
      throw new Error(`invalid document: ${node.type.name} at position ${pos} has no id`);
    }
    const first = seen.get(id);
    if (first !== undefined) {
      throw new Error(`invalid document: duplicate id "${id}" (${node.type.name} at position ${pos}, first at ${first})`);
    }
    seen.set(id, pos);
    return true;
  });
}
