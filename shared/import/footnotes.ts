/**
 * Which footnote text goes with which marker, across the documents of one text. A
 * footnote belongs to the document in whose span its text block appears; its marker is
 * looked up there first. When the marker is only in an earlier document (a page that
 * ends one resolution and starts the next), the footnote is attached in the later
 * document to the end of the paragraph just before its text block, and the stray marker
 * in the earlier document is dropped.
 */
import type { Chunk } from './chunks.js';
import { placeholderClose, placeholderOpen, superscriptValue } from './patterns.js';

/** The footnotes of one document: texts by number, markers to drop, texts to attach at a chunk. */
export type FootnotePlan = {
  texts: Map<number, string>;
  drop: Set<number>;
  /** Footnotes with no marker in this document: attach after content chunk `anchor` (-1: the first paragraph). */
  attach: { anchor: number; note: number }[];
};

/** The superscript marker numbers in `text`, in order (runs of superscript digits). */
export function markerNumbers(text: string): number[] {
  const out: number[] = [];
  for (const match of text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)) out.push(superscriptValue(match[0]));
  return out;
}

/** Plans the footnotes of every document (see the module doc); explains oddities in `warnings`. */
export function planFootnotes(contents: readonly (readonly Chunk[])[], warnings: string[]): FootnotePlan[] {
  const texts = contents.map((content) => footnoteTexts(content, warnings));
  const markers = contents.map((content) => new Set(content.filter((c) => c.kind !== 'footnote').flatMap((c) => markerNumbers(c.text))));
  // Per footnote number, the last document holding its text without its marker and the first
  // holding its marker without its text: one pass, not a scan of every document per marker.
  const lastTextOnly = new Map<number, number>();
  const firstMarkerOnly = new Map<number, number>();
  texts.forEach((own, j) => {
    for (const n of own.keys()) if (!markers[j]?.has(n)) lastTextOnly.set(n, j);
  });
  markers.forEach((own, j) => {
    for (const n of own) if (!texts[j]?.has(n) && !firstMarkerOnly.has(n)) firstMarkerOnly.set(n, j);
  });
  return contents.map((_content, i) => {
    const plan: FootnotePlan = { texts: new Map(), drop: new Set(), attach: [] };
    const own = texts[i] ?? new Map<number, { text: string; anchor: number }>();
    for (const n of markers[i] ?? []) {
      const found = own.get(n);
      if (found) {
        plan.texts.set(n, found.text);
      } else if ((lastTextOnly.get(n) ?? -1) > i) {
        plan.drop.add(n);
      } else {
        plan.texts.set(n, '');
        warnings.push(`document ${i + 1}: footnote ${n} has a marker but no text; it was kept empty`);
      }
    }
    for (const [n, found] of own) {
      if (markers[i]?.has(n)) continue;
      const first = firstMarkerOnly.get(n) ?? -1;
      const earlier = first < i ? first : -1;
      warnings.push(
        earlier >= 0
          ? `footnote ${n}: its marker is in document ${earlier + 1} but its text in document ${i + 1}; it was attached in document ${i + 1} to the paragraph before its text`
          : `document ${i + 1}: footnote ${n} has a text but no marker; it was attached to the paragraph before its text`,
      );
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

function footnoteTexts(content: readonly Chunk[], warnings: string[]): Map<number, { text: string; anchor: number }> {
  const found = new Map<number, { text: string; anchor: number }>();
  let anchor = -1;
  content.forEach((chunk, at) => {
    if (chunk.kind !== 'footnote') {
      if (chunk.kind === 'text') anchor = at;
      return;
    }
    if (found.has(chunk.note)) warnings.push(`footnote ${chunk.note} has two texts; the first was kept`);
    else found.set(chunk.note, { text: chunk.text, anchor });
  });
  return found;
}
