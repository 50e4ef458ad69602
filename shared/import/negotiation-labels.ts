/**
 * Paragraph labels of negotiation texts, rewritten line by line before chunking into what
 * the structure reader knows: `OP 7.`/`OP7:` becomes `7.`, `PP3` is dropped (preambular
 * paragraphs carry no number), `OP 7 alt`, `7 alt.`, `PP3 alt 2`, `(c) alt` become an
 * unlabelled line starting with `altMarker`, `OP 5 bis` (and `5 bis.`, `(c) bis`, `c) bis`, as
 * the compilation text of a document in negotiation numbers them) one starting with `extraMarker`;
 * a bracket opened before a label (`[7. Requests ...`, Arabic `[7 - تطلب ...`) moves after it (`7. [Requests`),
 * where the whole-paragraph bracket reader finds it.
 */

/** Starts the text of a paragraph alternative (private-use character, never in real text). */
export const altMarker = '\uE020';

/** Starts the text of a paragraph inserted without a number of its own (`OP 5 bis`). */
export const extraMarker = '\uE021';

const latin = 'bis|ter|quater|quinquies|sexies|septies|octies|novies|decies';
const negotiationLabel = new RegExp(
  `^(PP|OP)\\s?(\\d{1,3})(?:\\s?(${latin}))?(?:\\s+(alt)(?:\\s?(\\d{1,2}))?)?\\s*[.:]?(?:\\s+|$)`,
  'i',
);
const numberAlt = /^(?:\d{1,3}|\([a-z]{1,5}\)|[a-z]{1,5}\))\s+alt(?:\s?\d{1,2})?\s*[.:]?(?:\s+|$)/;
// "5 bis.", "(c) ter", "c) bis", "5 bis alt." (an alternative of an inserted paragraph).
const numberExtra = new RegExp(`^(?:\\d{1,3}|\\([a-z]{1,5}\\)|[a-z]{1,5}\\))\\s+(?:${latin})(\\s+alt(?:\\s?\\d{1,2})?)?\\s*[.:]?(?:\\s+|$)`);
// Line starts are matched with `[ \t\p{Cf}]*`, never `\s*`: under /m a `\s*` runs across
// line breaks, so each of n blank lines rescans all the others (cubic with two of them).
const lineStart = '^[ \\t\\p{Cf}]*';
const extraLine = new RegExp(`${lineStart}(?:\\[[ \\t]*)?(?:\\d{1,3}|\\([a-z]{1,5}\\)|[a-z]{1,5}\\))[ \\t]+(?:${latin})\\b`, 'mu');
const negotiationHint = new RegExp(`\\b(?:PP|OP)\\s?\\d|\\salt\\b|${lineStart}\\[`, 'imu');
// "7.", Arabic "7 -" (ASCII or Arabic-Indic digits), "(c)", "c)".
const plainLabel = /^(?:\d{1,3}\.|[0-9\u0660-\u0669]{1,3} -|\([a-z]{1,5}\)|[a-z]{1,5}\))(?:\s+|$)/;

/** `text` with every negotiation label of a line rewritten (see the module doc). */
export function rewriteNegotiationLabels(text: string): string {
  if (!negotiationHint.test(text) && !extraLine.test(text)) return text;
  return text
    .split('\n')
    .map(rewriteLine)
    .join('\n');
}

function rewriteLine(line: string): string {
  // Invisible format characters (RLM, LRM...) before a label belong to the indentation.
  const indent = /^[\s\p{Cf}]*/u.exec(line)?.[0] ?? '';
  let rest = line.slice(indent.length);
  const bracket = /^\[\s*/.exec(rest);
  if (bracket) rest = rest.slice(bracket[0].length);
  const open = bracket ? '[' : '';
  const negotiation = negotiationLabel.exec(rest);
  if (negotiation) {
    const body = rest.slice(negotiation[0].length);
    const [, part, n, extra, alt] = negotiation;
    if (alt) return `${indent}${altMarker}${open}${body}`;
    if (extra) return `${indent}${extraMarker}${open}${body}`;
    return part?.toUpperCase() === 'OP' ? `${indent}${n}. ${open}${body}` : `${indent}${open}${body}`;
  }
  const numbered = numberAlt.exec(rest);
  if (numbered) return `${indent}${altMarker}${open}${rest.slice(numbered[0].length)}`;
  const extra = numberExtra.exec(rest);
  if (extra) return `${indent}${extra[1] ? altMarker : extraMarker}${open}${rest.slice(extra[0].length)}`;
  if (bracket) {
    const label = plainLabel.exec(rest);
    if (label) return `${indent}${label[0].trimEnd()} [${rest.slice(label[0].length)}`;
  }
  return line;
}
