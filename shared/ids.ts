/**
 * Stable ids for paragraph-level nodes. Random (not sequential) so that two delegations
 * creating paragraphs offline never collide: 12 base-36 characters from a CSPRNG give
 * about 62 bits, ample for the paragraphs of one document.
 */
const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A fresh random id: 12 lower-case base-36 characters, starting with a letter. */
export function newId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let out = alphabet[10 + ((bytes[0] ?? 0) % 26)] ?? 'a';
  for (let i = 1; i < bytes.length; i++) out += alphabet[(bytes[i] ?? 0) % 36];
  return out;
}

/** A ProseMirror JSON node, as far as id handling needs to know it. */
export type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: JsonNode[]; [k: string]: unknown };

/**
 * A deep copy of a ProseMirror JSON document in which every node that has an `id`
 * attribute gets a fresh one (for creating a document from a template or a revision).
 * Cross-references (`target`) are remapped to the new ids of their targets.
 */
export function withFreshIds<T extends JsonNode>(doc: T): T {
  const map = new Map<string, string>();
  const assign = (n: JsonNode): JsonNode => {
    const attrs = n.attrs && 'id' in n.attrs ? { ...n.attrs, id: remember(map, n.attrs.id) } : n.attrs;
    return { ...n, ...(attrs ? { attrs } : {}), ...(n.content ? { content: n.content.map(assign) } : {}) };
  };
  const retarget = (n: JsonNode): JsonNode => {
    const target = n.attrs?.target;
    const attrs = typeof target === 'string' && map.has(target) ? { ...n.attrs, target: map.get(target) } : n.attrs;
    return { ...n, ...(attrs ? { attrs } : {}), ...(n.content ? { content: n.content.map(retarget) } : {}) };
  };
  return retarget(assign(doc)) as T;
}

function remember(map: Map<string, string>, old: unknown): string {
  const fresh = newId();
  if (typeof old === 'string' && old !== '') map.set(old, fresh);
  return fresh;
}
