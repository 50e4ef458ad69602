import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { buildDocument, type ParagraphSpec } from '../../shared/document/build.js';
import { newId } from '../../shared/ids.js';
import { createYDoc, prosemirrorFragment } from '../../shared/ydoc.js';

/**
 * A deterministic source of realistic editing traffic on a resolution, for the durability
 * harness and the history bench. Several delegations edit in sessions, each on its own
 * replica (own Yjs client id) that first catches up with everything sent so far, as a
 * renderer does after `documents.open`. Inside a session they type words a keystroke per
 * update, backspace, delete a selected word run or, rarely, add an operative paragraph:
 * the same Yjs operations y-prosemirror emits for those ProseMirror edits.
 */

/** Who made an edit: a person and their delegation. */
export type EditAuthor = { name: string; delegation: string };

/** One Yjs update of the stream, with its author and what it does. */
export type Edit = { update: Uint8Array; author: EditAuthor; kind: 'type' | 'backspace' | 'delete-words' | 'new-paragraph' };

/** The stream: `next()` yields the following edit; `state()` is everything sent so far as one update. */
export type EditStream = { next(): Edit; state(): Uint8Array };

/** The delegations taking turns in the stream. */
export const streamAuthors: readonly EditAuthor[] = [
  { name: 'Ana Pereira', delegation: 'BRA' },
  { name: 'Chloé Martin', delegation: 'CAN' },
  { name: 'Jonas Berg', delegation: 'EU' },
  { name: 'Kenji Sato', delegation: 'JPN' },
  { name: 'Amina Okafor', delegation: 'NGA' },
  { name: 'Lucía Ramos', delegation: 'MEX' },
];

const words = (
  'the Secretary-General to continue supporting Member States in strengthening criminal justice systems ' +
  'prison reform rehabilitation and reintegration of offenders victims witnesses technical assistance upon request ' +
  'capacity building international cooperation extradition mutual legal assistance data collection research ' +
  'evidence-based policies gender perspective children youth community programmes resources donors'
).split(' ');

/** A small seeded generator (mulberry32): the same seed gives the same stream. */
export function seededRandom(seed: number): { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)] as (typeof xs)[number] };
}

function sentence(rng: ReturnType<typeof seededRandom>, length: number): string {
  return Array.from({ length }, () => rng.pick(words)).join(' ');
}

/** A resolution with `pps` preambular and `ops` operative paragraphs (subparagraphs under every fifth OP, some footnotes). */
export function sampleResolution(ops: number, pps: number, seed = 1): Node {
  const rng = seededRandom(seed);
  const preamble: ParagraphSpec[] = Array.from({ length: pps }, () => ({ text: `Recalling ${sentence(rng, 40)},`, opener: 'Recalling' }));
  const operative: ParagraphSpec[] = Array.from({ length: ops }, (_, i) => ({
    text: `Requests ${sentence(rng, 70)}${i % 5 === 4 ? ':' : ';'}`,
    opener: 'Requests',
    footnotes: i % 7 === 3 ? [{ text: `Resolution 70/${i + 1}.` }] : [],
    subparagraphs: i % 5 === 4 ? [`${sentence(rng, 20)};`, `${sentence(rng, 20)};`] : [],
  }));
  return buildDocument({ title: 'Strengthening crime prevention and criminal justice responses', body: 'The General Assembly,', preamble, operative });
}

/**
 * A stream of edits continuing from `state` (a document's whole Yjs state). `seed` fixes
 * the choices and the replicas' client ids; give each writer process its own seed.
 */
export function createEditStream(state: Uint8Array, seed: number): EditStream {
  const rng = seededRandom(seed);
  const main = createYDoc();
  Y.applyUpdate(main, state);
  const replicas = new Map<string, Y.Doc>();
  const queue: Edit[] = [];
  let session = { author: streamAuthors[0] as EditAuthor, replica: main, left: 0, texts: [] as Y.XmlText[] };

  const replicaOf = (author: EditAuthor): Y.Doc => {
    let doc = replicas.get(author.delegation);
    if (!doc) {
      doc = createYDoc();
      doc.clientID = 1 + (((seed * 7919) ^ (replicas.size * 104729 + rng.int(1 << 20))) >>> 0) % 0x7ffffffe;
      replicas.set(author.delegation, doc);
    }
    // Catch up with everything the other delegations sent, as a renderer opening the document does.
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(main, Y.encodeStateVector(doc)));
    return doc;
  };

  const emit = (kind: Edit['kind'], change: () => void) => {
    const { replica, author } = session;
    let update: Uint8Array | undefined;
    const listener = (u: Uint8Array) => (update = u);
    replica.on('update', listener);
    replica.transact(change);
    replica.off('update', listener);
    if (!update) return;
    Y.applyUpdate(main, update);
    queue.push({ update, author, kind });
  };

  const plan = () => {
    if (session.left <= 0) {
      const author = rng.pick(streamAuthors);
      const replica = replicaOf(author);
      session = { author, replica, left: 20 + rng.int(300), texts: paragraphTexts(replica) };
    }
    const text = rng.pick(session.texts);
    const roll = rng.next();
    // Negotiators reword more than they add: deletions of word runs keep the text's length
    // in proportion (it grows by under half over 100,000 updates) and edits start at word
    // boundaries, as people type and select words.
    const plain = plainText(text);
    if (roll < 0.002) {
      newParagraph(session.replica, rng);
      session.texts = paragraphTexts(session.replica);
    } else if (roll < 0.5) {
      let at = wordEnd(plain, rng.int(plain.length + 1));
      for (const ch of ` ${sentence(rng, 1 + rng.int(6))}`) {
        const pos = at++;
        emit('type', () => text.insert(pos, ch));
      }
    } else if (roll < 0.7) {
      let at = wordEnd(plain, rng.int(plain.length + 1));
      for (let n = 1 + rng.int(8); n > 0 && at > 0; n--) {
        const pos = --at;
        emit('backspace', () => text.delete(pos, 1));
      }
    } else if (plain.length > 4) {
      const from = wordEnd(plain, rng.int(plain.length));
      let to = from;
      for (let n = 1 + rng.int(8); n > 0 && to < plain.length; n--) to = wordEnd(plain, to + 1);
      if (to > from) emit('delete-words', () => text.delete(from, to - from));
    }
    session.left -= 1;
  };

  function newParagraph(replica: Y.Doc, random: typeof rng) {
    const operative = prosemirrorFragment(replica).toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'operative');
    if (!operative) return;
    emit('new-paragraph', () => {
      const paragraph = new Y.XmlElement('operative_paragraph');
      paragraph.setAttribute('id', newId());
      const body = new Y.XmlElement('paragraph_text');
      body.insert(0, [new Y.XmlText(`Decides ${sentence(random, 12)};`)]);
      paragraph.insert(0, [body]);
      operative.insert(random.int(operative.length + 1), [paragraph]);
    });
  }

  return {
    next() {
      while (queue.length === 0) plan();
      return queue.shift() as Edit;
    },
    state: () => Y.encodeStateAsUpdate(main),
  };
}

/** The characters of a text run (its formatting dropped). */
function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
}

/** The position of the first space at or after `at` (or the end): where the word there ends. */
function wordEnd(plain: string, at: number): number {
  const space = plain.indexOf(' ', at);
  return space === -1 ? plain.length : space;
}

/** Every editable text run of a replica: the title, the body line and the paragraphs' text (not footnotes). */
function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const visit = (el: Y.XmlElement | Y.XmlFragment) => {
    for (const child of el.toArray()) {
      if (child instanceof Y.XmlText) {
        if (el instanceof Y.XmlElement && el.nodeName !== 'footnote') out.push(child);
      } else if (child instanceof Y.XmlElement && child.nodeName !== 'footnote' && child.nodeName !== 'header') {
        visit(child);
      }
    }
  };
  visit(prosemirrorFragment(doc));
  return out;
}
