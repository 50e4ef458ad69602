/**
 * Stable ids for paragraph-level nodes. Random (not sequential) so that two delegations
 * creating paragraphs offline never collide: 12 base-36 characters from a CSPRNG give
 * about 62 bits, ample for the paragraphs of one document.
 */
const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

// Random bytes are drawn in batches: one getRandomValues call per id dominated import time.
const pool = new Uint8Array(4096);
let poolAt = pool.length;

function randomByte(): number {
  if (poolAt >= pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolAt = 0;
  }
  return pool[poolAt++] ?? 0;
}

/** A fresh random id: 12 lower-case base-36 characters, starting with a letter. */
export function newId(): string {
  let out = alphabet[10 + (randomByte() % 26)] ?? 'a';
  for (let i = 1; i < 12; i++) out += alphabet[randomByte() % 36];
  return out;
}

/** A ProseMirror JSON node, as far as id handling needs to know it. */
export type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: JsonNode[]; [k: string]: unknown };

/**
 * A deep copy of a ProseMirror JSON document in which every node that has an `id`
 * attribute gets a fresh one (for creating a document from a template or a revision).
 * Cross-references (`target`) and paragraph alternatives (`alternativeOf`) are remapped to
 * the new ids of their paragraphs. The new document is not in negotiation: its header's
 * negotiation base (which names another document's revision and paragraph ids) is dropped.
 */
export function withFreshIds<T extends JsonNode>(doc: T): T {
  const map = new Map<string, string>();
  const assign = (n: JsonNode): JsonNode => {
    let attrs = n.attrs && 'id' in n.attrs ? { ...n.attrs, id: remember(map, n.attrs.id) } : n.attrs;
    if (n.type === 'header' && attrs?.negotiation) attrs = { ...attrs, negotiation: null };
    return { ...n, ...(attrs ? { attrs } : {}), ...(n.content ? { content: n.content.map(assign) } : {}) };
  };
  const retarget = (n: JsonNode): JsonNode => {
    let attrs = n.attrs;
    for (const key of ['target', 'alternativeOf']) {
      const old = attrs?.[key];
      if (typeof old === 'string' && map.has(old)) attrs = { ...attrs, [key]: map.get(old) };
    }
    return { ...n, ...(attrs ? { attrs } : {}), ...(n.content ? { content: n.content.map(retarget) } : {}) };
  };
  return retarget(assign(doc)) as T;
}

function remember(map: Map<string, string>, old: unknown): string {
  const fresh = newId();
  if (typeof old === 'string' && old !== '') map.set(old, fresh);
  return fresh;
}
