/**
 * A catalogue message that another installation sent (a host's refusal, carried beside its
 * English words), taken only when it is one of ours in every part. Such a message is said in
 * the user's language and may be kept in the store, so what a peer can put in it is bounded:
 * sentences of our English catalogues only, the top one under the namespaces the caller
 * expects; values of plain text, finite numbers or such sentences in turn, named as our
 * catalogues name values; a few levels deep and a few thousand characters in all.
 */
import { catalogues } from './catalogues.js';
import type { Message, MessageValue } from './message.js';

/** How deep a peer's message may nest messages in its values (the top one is depth 0). */
export const peerMessageDepth = 4;

/** How many characters a peer's message may hold in all: keys, value names and text values. */
export const peerMessageChars = 4096;

const keyForm = /^([a-z]+):([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)$/;

function child(node: unknown, name: string): unknown {
  return typeof node === 'object' && node !== null && Object.hasOwn(node, name) ? (node as Record<string, unknown>)[name] : undefined;
}

// A key that names a sentence (a plural's key names its forms), not a group of sentences or
// nothing: a group would be said as i18next's complaint, nothing as the bare key.
function isSentenceKey(key: string): boolean {
  const [, namespace = '', rest = ''] = keyForm.exec(key) ?? [];
  const path = rest.split('.');
  const last = path.pop() ?? '';
  const parent = path.reduce<unknown>((node, name) => child(node, name), child(catalogues.en, namespace));
  return typeof child(parent, last) === 'string' || typeof child(parent, `${last}_other`) === 'string';
}

let valueNames: Set<string> | undefined;

// The names our sentences give their values ({{name}}), and count (plurals). messageText
// hands the values to i18next as its options, so any other name could be one of them
// (returnObjects makes the sentence an object, lng switches the language).
function isValueName(name: string): boolean {
  if (!valueNames) {
    valueNames = new Set(['count']);
    const collect = (node: unknown): void => {
      if (typeof node === 'string') for (const [, name = ''] of node.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)/g)) valueNames?.add(name);
      else if (typeof node === 'object' && node !== null) Object.values(node).forEach(collect);
    };
    collect(catalogues.en);
  }
  return valueNames.has(name);
}

function copy(value: unknown, depth: number, budget: { chars: number }): Message | undefined {
  if (typeof value !== 'object' || value === null || depth > peerMessageDepth) return undefined;
  const { key, values } = value as { key?: unknown; values?: unknown };
  if (typeof key !== 'string' || (budget.chars -= key.length) < 0 || !isSentenceKey(key)) return undefined;
  if (values === undefined) return { key };
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return undefined;
  const out: Record<string, MessageValue> = {};
  for (const [name, v] of Object.entries(values)) {
    if ((budget.chars -= name.length) < 0 || !isValueName(name)) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) out[name] = v;
    else if (typeof v === 'string' && (budget.chars -= v.length) >= 0) out[name] = v;
    else {
      const nested = typeof v === 'object' ? copy(v, depth + 1, budget) : undefined;
      if (!nested) return undefined;
      out[name] = nested;
    }
  }
  return { key, values: out };
}

/**
 * `value`, a message a peer sent, as a fresh Message when it is well formed: its key a sentence
 * of our catalogues starting with one of `prefixes` (`'checks:record.'`), the keys of the
 * messages in its values sentences of our catalogues too, every value named as our sentences
 * name values and either text, a finite number or such a message, at most
 * {@link peerMessageDepth} deep and {@link peerMessageChars} characters in all. Anything else
 * (another key, another shape, an object among the values, too much text) gives undefined:
 * the caller then says the peer's words as written. Fields besides key and values are dropped.
 */
export function peerMessage(value: unknown, prefixes: readonly string[]): Message | undefined {
  const key = (value as { key?: unknown } | null)?.key;
  if (typeof key !== 'string' || !prefixes.some((p) => key.startsWith(p))) return undefined;
  return copy(value, 0, { chars: peerMessageChars });
}
