/**
 * Which footnote text goes with which marker, across the documents of one text. The text
 * of a footnote belongs where its marker is: when a document holds a marker but not its
 * text and a later document holds that text but not its marker (a page that ends one
 * resolution and starts the next, its footnotes printed at the foot), the footnote is
 * kept at its marker, in the earlier document, and the plan says so (`moved`) so that
 * the importer can tie a problem to the paragraph: the page printed it elsewhere. A text
 * with no marker in any document is attached to the paragraph before it.
 */
import { msg, type Message } from '../i18n/message.js';
import type { Chunk } from './chunks.js';
import { placeholderClose, placeholderOpen, superscriptValue } from './patterns.js';

/**
 * The footnotes of one document: texts by number, texts to attach at a chunk, and the
 * footnotes kept at their marker here whose text was printed in document `textIn` (0-based).
 */
export type FootnotePlan = {
  texts: Map<number, string>;
  /** Footnotes with no marker in any document: attach after content chunk `anchor` (-1: the first paragraph). */
  attach: { anchor: number; note: number }[];
  moved: { note: number; textIn: number }[];
};

/** The superscript marker numbers in `text`, in order (runs of superscript digits). */
export function markerNumbers(text: string): number[] {
  const out: number[] = [];
  for (const match of text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)) out.push(superscriptValue(match[0]));
  return out;
}

/** Plans the footnotes of every document (see the module doc); explains oddities in `warnings`. */
export function planFootnotes(contents: readonly (readonly Chunk[])[], warnings: Message[]): FootnotePlan[] {
  const texts = contents.map((content) => footnoteTexts(content, warnings));
  const markers = contents.map((content) => new Set(content.filter((c) => c.kind !== 'footnote').flatMap((c) => markerNumbers(c.text))));
  // Pairs, per footnote number, a document with the marker and not the text with the next
  // later document with the text and not the marker (the nearest unpaired marker before
  // it: numbers may restart per document). One pass over the documents, a stack per number.
  const waiting = new Map<number, number[]>();
  const textAt = new Map<string, number>();
  contents.forEach((_content, j) => {
    for (const n of texts[j]?.keys() ?? []) {
      if (markers[j]?.has(n)) continue;
      const at = waiting.get(n)?.pop();
      if (at !== undefined) textAt.set(`${at}:${n}`, j);
    }
    for (const n of markers[j] ?? []) {
      if (texts[j]?.has(n)) continue;
      const stack = waiting.get(n);
      if (stack) stack.push(j);
      else waiting.set(n, [j]);
    }
  });
  const taken = new Set([...textAt.entries()].map(([key, j]) => `${j}:${key.slice(key.indexOf(':') + 1)}`));
  return contents.map((_content, i) => {
    const plan: FootnotePlan = { texts: new Map(), attach: [], moved: [] };
    const own = texts[i] ?? new Map<number, { text: string; anchor: number }>();
    for (const n of markers[i] ?? []) {
      const found = own.get(n);
      const j = textAt.get(`${i}:${n}`);
      const elsewhere = j === undefined ? undefined : texts[j]?.get(n);
      if (found) {
        plan.texts.set(n, found.text);
      } else if (j !== undefined && elsewhere) {
        plan.texts.set(n, elsewhere.text);
        plan.moved.push({ note: n, textIn: j });
        warnings.push(msg('formats:footnotes.moved', { n, marker: i + 1, text: j + 1 }));
      } else {
        plan.texts.set(n, '');
        warnings.push(msg('formats:footnotes.noText', { doc: i + 1, n }));
      }
    }
    for (const [n, found] of own) {
      if (markers[i]?.has(n) || taken.has(`${i}:${n}`)) continue;
      warnings.push(msg('formats:footnotes.noMarker', { doc: i + 1, n }));
      plan.texts.set(n, found.text);
      plan.attach.push({ anchor: found.anchor, note: n });
    }
    return plan;
  });
}

/** The placeholder written into a chunk's text for a footnote attached without a marker. */
export function placeholder(note: number): string {
  return `${placeholderOpen}${note}${placeholderClose}`;
}

function footnoteTexts(content: readonly Chunk[], warnings: Message[]): Map<number, { text: string; anchor: number }> {
  const found = new Map<number, { text: string; anchor: number }>();
  let anchor = -1;
  content.forEach((chunk, at) => {
    if (chunk.kind !== 'footnote') {
      if (chunk.kind === 'text') anchor = at;
      return;
    }
    if (found.has(chunk.note)) warnings.push(msg('formats:footnotes.twoTexts', { n: chunk.note }));
    else found.set(chunk.note, { text: chunk.text, anchor });
  });
  return found;
}
