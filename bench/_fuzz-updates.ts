/**
 * Hostile Yjs updates for the host fuzz bench, each built on a fresh replica of the
 * document as the host holds it (`base`), so that it reaches the rule it is meant to break
 * instead of failing on a missing dependency. Every one of them must be refused by a host
 * enforcing issue 13's rules for the attacking delegation (FRA): nothing here is a change
 * FRA may make. The holes are those the issue's tester found (forged attribution, nested
 * brackets of others, supporters named for others, a reused id, writes outside the
 * fragment, oversized attributes and proposals) and what a comparison of documents must
 * also catch (dropping or re-attributing another's bracket, editing base text, a status).
 */
import * as Y from 'yjs';
import { bracketAttrs } from '../shared/negotiation/bracket-ops.js';
import { PROSEMIRROR_FRAGMENT, prosemirrorFragment } from '../shared/ydoc.js';
import { operativeTexts } from './_fanout-peer.js';

/** The document as the host holds it after the bench's setup, and the ids of its brackets. */
export type FuzzBase = { state: Uint8Array; usaBracket: string; rusBracket: string; ownBracket: string };

type Rng = { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T };

/** A bracket element as y-prosemirror writes one, holding `text`. */
function bracketElement(attrs: Record<string, unknown>, text: string): Y.XmlElement {
  const b = new Y.XmlElement('bracket');
  for (const [k, v] of Object.entries(attrs)) b.setAttribute(k, v as string);
  const t = new Y.XmlText();
  t.insert(0, text);
  b.insert(0, [t]);
  return b;
}

/** The bracket with `id` in `doc`, depth first. */
export function findBracket(doc: Y.Doc, id: string): Y.XmlElement {
  const stack: (Y.XmlElement | Y.XmlFragment)[] = [prosemirrorFragment(doc)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof Y.XmlElement && node.nodeName === 'bracket' && node.getAttribute('id') === id) return node;
    for (const child of node.toArray()) if (child instanceof Y.XmlElement) stack.push(child);
  }
  throw new Error(`fuzz: no bracket ${id} in the document`);
}

const textOf = (bracket: Y.XmlElement) => bracket.toArray().find((n): n is Y.XmlText => n instanceof Y.XmlText)!;

/** The update `change` makes on a fresh replica of `base`. */
function edit(base: FuzzBase, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, base.state);
  const sv = Y.encodeStateVector(doc);
  doc.transact(() => change(doc));
  return Y.encodeStateAsUpdate(doc, sv);
}

const junk = (rng: Rng, n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + rng.int(26))).join('');

/** The kinds of hostile update, each a maker of one update. */
export const hostileUpdates: Record<string, (base: FuzzBase, rng: Rng) => Uint8Array> = {
  'root-map': (base, rng) => edit(base, (doc) => doc.getMap(rng.pick(['evil', 'bench', 'penholder', 'meta'])).set(junk(rng, 4), junk(rng, 1 + rng.int(5000)))),
  'root-text': (base, rng) => edit(base, (doc) => doc.getText(`t${rng.int(9)}`).insert(0, junk(rng, 1 + rng.int(3000)))),
  'fragment-entry': (_base, rng) => {
    // An entry keyed on the fragment itself: a map named like the fragment, in a doc of its own.
    const doc = new Y.Doc();
    doc.getMap(PROSEMIRROR_FRAGMENT).set(junk(rng, 6), junk(rng, 100));
    return Y.encodeStateAsUpdate(doc);
  },
  'big-attribute': (base, rng) =>
    edit(base, (doc) => {
      const target = rng.pick(operativeTexts(doc));
      target.insert(target.length, [bracketElement({ ...bracketAttrs({ proposedBy: ['FRA'] }), revision: junk(rng, 17_000 + rng.int(30_000)) }, 'x')]);
    }),
  'big-format': (base, rng) => edit(base, (doc) => textOf(findBracket(doc, base.ownBracket)).insert(0, 'a', { bold: { note: junk(rng, 17_000 + rng.int(20_000)) } })),
  'forged-proposer': (base, rng) =>
    edit(base, (doc) => {
      const target = rng.pick(operativeTexts(doc));
      target.insert(rng.int(target.length + 1), [bracketElement(bracketAttrs({ proposedBy: [rng.pick(['USA', 'RUS', 'CHN'])] }), junk(rng, 8))]);
    }),
  'nested-others': (base, rng) =>
    edit(base, (doc) => findBracket(doc, base.ownBracket).insert(0, [bracketElement(bracketAttrs({ proposedBy: [rng.pick(['USA', 'RUS'])] }), junk(rng, 5))])),
  // FRA's own bracket inside USA's is a sub-amendment FRA may propose; one naming the owner too is not.
  'nest-in-others': (base, rng) =>
    edit(base, (doc) => findBracket(doc, rng.pick([base.usaBracket, base.rusBracket])).insert(0, [bracketElement(bracketAttrs({ proposedBy: ['FRA', rng.pick(['USA', 'RUS'])] }), junk(rng, 5))])),
  'supporters-for-others': (base, rng) =>
    edit(base, (doc) => {
      const own = findBracket(doc, base.ownBracket);
      if (rng.next() < 0.5) own.setAttribute('supportedBy', ['FRA', rng.pick(['USA', 'CHN'])] as unknown as string);
      else own.setAttribute('opposedBy', [rng.pick(['RUS', 'USA'])] as unknown as string);
    }),
  'reattribute': (base, rng) => edit(base, (doc) => findBracket(doc, rng.pick([base.usaBracket, base.rusBracket])).setAttribute('proposedBy', ['FRA'] as unknown as string)),
  'drop-others': (base, rng) =>
    edit(base, (doc) => {
      const b = findBracket(doc, rng.pick([base.usaBracket, base.rusBracket]));
      const parent = b.parent as Y.XmlElement;
      parent.delete(parent.toArray().indexOf(b), 1);
    }),
  'edit-base-text': (base, rng) =>
    edit(base, (doc) => {
      const text = rng.pick(operativeTexts(doc)).firstChild;
      if (!(text instanceof Y.XmlText)) return;
      if (rng.next() < 0.5) text.delete(rng.int(Math.max(1, text.length - 5)), 1 + rng.int(5));
      else text.insert(rng.int(text.length), junk(rng, 4));
    }),
  'duplicate-id': (base, rng) =>
    edit(base, (doc) => {
      if (rng.next() < 0.5) {
        const op = operativeTexts(doc)[0]!.parent as Y.XmlElement;
        const list = op.parent as Y.XmlElement;
        list.insert(list.length, [op.clone()]);
      } else {
        const target = rng.pick(operativeTexts(doc));
        target.insert(0, [bracketElement({ ...bracketAttrs({ proposedBy: ['FRA'] }), id: rng.pick([base.ownBracket, base.usaBracket]) }, 'dup')]);
      }
    }),
  'status': (base, rng) => edit(base, (doc) => (rng.pick(operativeTexts(doc)).parent as Y.XmlElement).setAttribute('status', rng.pick(['agreed', 'agreed-ad-ref', 'open']))),
  'huge-proposal': (base, rng) => edit(base, (doc) => textOf(findBracket(doc, base.ownBracket)).insert(0, junk(rng, 65_000 + rng.int(30_000)))),
  'huge-update': (base, rng) => edit(base, (doc) => textOf(findBracket(doc, base.ownBracket)).insert(0, junk(rng, 530_000 + rng.int(100_000)))),
  'missing-dependency': (base, rng) => {
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, base.state);
    textOf(findBracket(doc, base.ownBracket)).insert(0, junk(rng, 3));
    const sv = Y.encodeStateVector(doc);
    textOf(findBracket(doc, base.ownBracket)).insert(1, junk(rng, 3));
    return Y.encodeStateAsUpdate(doc, sv);
  },
};

/** An update FRA may make (typing in its own bracket): the raw material of truncations and byte flips. */
export const ownEdit = (base: FuzzBase, rng: Rng): Uint8Array => edit(base, (doc) => textOf(findBracket(doc, base.ownBracket)).insert(0, junk(rng, 1 + rng.int(20))));

/** `update` with `n` random bytes replaced (never a change FRA may make, unless a flip happens to give one: reported). */
export function flipBytes(update: Uint8Array, rng: Rng, n: number): Uint8Array {
  const out = Uint8Array.from(update);
  for (let k = 0; k < n; k++) out[rng.int(out.length)] = rng.int(256);
  return out;
}
