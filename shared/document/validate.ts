import type { Node } from 'prosemirror-model';
import { idNodeNames, resolutionSchema } from '../../schemas/resolution-schema.js';
import { messageText, msg, type Message, type MessageValue } from '../i18n/message.js';
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
 * A document that is not one of the resolution schema: `text` says what is wrong and where
 * in any interface language ("invalid document: ..."), `message` in English.
 */
export class InvalidDocumentError extends Error {
  override name = 'InvalidDocumentError';
  /** The sentence as a catalogue message (`checks:document.invalid` around the detail). */
  readonly text: Message;
  /** Creates the error from the detail (what is wrong); `cause` is the schema's own error, if any. */
  constructor(detail: MessageValue, cause?: unknown) {
    const text = msg('checks:document.invalid', { detail });
    super(messageText(text), cause === undefined ? undefined : { cause });
    this.text = text;
  }
}

const invalid = (key: string, values: Record<string, MessageValue> = {}) => new InvalidDocumentError(msg(`checks:document.${key}`, values));

/**
 * Parses ProseMirror JSON into a document of the resolution schema and checks it:
 * known node and mark types, content valid for the schema (`node.check()`), a typed
 * header (string fields, a known language, sponsors as strings), and a non-empty id on
 * every paragraph-level node, unique in the document, nodes nested at most
 * `maxDocumentDepth` levels. Returns the document; throws an InvalidDocumentError whose
 * message says what is wrong and where ("invalid document: ...").
 */
export function validateDocument(json: unknown): Node {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw invalid('notObject');
  }
  if ((json as { type?: unknown }).type !== 'doc') {
    throw invalid('topNode', { got: String(JSON.stringify((json as { type?: unknown }).type)) });
  }
  const depth = jsonDepth(json);
  if (depth > maxDocumentDepth) {
    throw invalid('tooDeep', { depth, max: maxDocumentDepth });
  }
  let doc: Node;
  try {
    doc = resolutionSchema.nodeFromJSON(json);
    doc.check();
  } catch (err) {
    // ProseMirror's own sentence (English), shown as written: the schema library says what broke.
    throw new InvalidDocumentError(err instanceof Error ? err.message : String(err), err);
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
  if (!header || header.type.name !== 'header') throw invalid('noHeader');
  const attrs = header.attrs as Record<string, unknown>;
  for (const key of headerStrings) {
    if (typeof attrs[key] !== 'string') throw invalid('headerString', { field: key });
  }
  if (!(languages as readonly unknown[]).includes(attrs.language)) {
    throw invalid('headerLanguage', { languages: languages.join(', '), got: String(JSON.stringify(attrs.language)) });
  }
  const sponsors = attrs.sponsors;
  if (!Array.isArray(sponsors) || !sponsors.every((s) => typeof s === 'string')) {
    throw invalid('sponsors');
  }
}

function checkIds(doc: Node): void {
  const seen = new Map<string, number>();
  doc.descendants((node, pos) => {
    if (!idCarriers.has(node.type.name)) return true;
    const id: unknown = node.attrs.id;
    if (typeof id !== 'string' || id === '') {
      throw invalid('noId', { node: node.type.name, pos });
    }
    const first = seen.get(id);
    if (first !== undefined) {
      throw invalid('duplicateId', { id, node: node.type.name, pos, first });
    }
    seen.set(id, pos);
    return true;
  });
}
