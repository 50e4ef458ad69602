/**
 * The one rule for a label that reads both as a letter and as a roman numeral ("i)", "v)",
 * "x)", "(ii)" after "(hh)"), shared by the text importer, the Word reader (which reads
 * through the same structure reader) and the AKN reader: the sequence decides. After "h)"
 * comes "i)", the ninth letter; after "iii)" comes "iv)"; a lone "i)" starts a roman list only where the
 * list is roman, that is where the next label continues the roman reading ("ii)") and not
 * the letter one ("j)"). In French, Spanish and Russian, whose subparagraphs are `a)`,
 * `b)` ..., an "h)" that ends with a colon ("h) De prendre les mesures suivantes :") is
 * no sign of a roman list by itself, nor is an "h)" without one a sign against it.
 */
import type { Chunk } from './chunks.js';
import type { Label } from './patterns.js';

/** Which reading of an ambiguous label the labels after it support, or null when they say nothing. */
export type Reading = 'letter' | 'roman' | null;

/** A label's values: its letter position (a = 1) and roman value, null where it has none. */
export type LabelValues = { letter: number | null; roman: number | null };

/**
 * The reading of an ambiguous label (`label` has both values) that `next` (the values of
 * the next label of the same sequence, null when a number, a heading or nothing comes
 * first) continues: 'roman' when its roman value follows ("i)" then "ii)") and its letter
 * value does not, 'letter' when its letter value follows ("i)" then "j)") and its roman
 * value does not, null otherwise. The rule every reader of labelled text goes by: the text
 * importer and the Word reader through `readingFromNext`, the AKN reader directly.
 */
export function readingOf(label: LabelValues, next: LabelValues | null): Reading {
  if (label.letter === null || label.roman === null || next === null) return null;
  const roman = next.roman !== null && next.roman === label.roman + 1;
  const letter = next.letter !== null && next.letter === label.letter + 1;
  if (roman === letter) return null;
  return roman ? 'roman' : 'letter';
}

/**
 * The reading of `label` that the next labelled chunk after `chunks[at]` continues (see
 * `readingOf`), null when the label is not ambiguous or a number or an annex comes first.
 * Unlabelled chunks between the two are skipped (a paragraph cut by a page break), so each
 * chunk is looked at by at most one ambiguous label before it: linear over a document.
 */
export function readingFromNext(chunks: readonly Chunk[], at: number, label: Label): Reading {
  if (label.kind !== 'alpha' || label.letter === null || label.roman === null) return null;
  for (let i = at + 1; i < chunks.length; i++) {
    const next = chunks[i];
    if (!next || next.kind === 'annex') return null;
    if (next.kind !== 'text' || next.label === null) continue;
    return readingOf(label, next.label.kind === 'alpha' ? next.label : null);
  }
  return null;
}

/**
 * `label` read one way only: its letter value alone for 'letter', its roman value alone for
 * 'roman'; unchanged for null or for a label that is not ambiguous.
 */
export function settleLabel(label: Label, reading: Reading): Label {
  if (label.kind !== 'alpha' || label.letter === null || label.roman === null || reading === null) return label;
  return reading === 'letter' ? { kind: 'alpha', letter: label.letter, roman: null } : { kind: 'alpha', letter: null, roman: label.roman };
}
