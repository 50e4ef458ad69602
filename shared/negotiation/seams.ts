/**
 * Tidying the seam where bracketed text was removed (a dropped bracket, the clean text):
 * "violence, [abuse], exploitation" must read "violence, exploitation", not "violence,,
 * exploitation" nor "violence, , exploitation". Only what is certain is touched: spaces
 * (one between words, none before punctuation or a footnote marker, none at the start or
 * the end of the text) and two separators meeting at the seam (",," ";;" ", ;" ", ." "; ,"),
 * of which the stronger stays. Text away from the seam is never changed.
 */

/** How many characters to take off the end of the text before the seam (`left`) and the start of the text after it (`right`). */
export type SeamCut = { left: number; right: number };

// No space before these: punctuation and footnote markers (superscript numbers).
const tight = /^[,;.:!?)⁰¹²³⁴⁵⁶⁷⁸⁹]/;
const strength: Record<string, number> = { ',': 1, ';': 2, '.': 3 };

const leadingSpaces = (text: string): number => text.length - text.trimStart().length;
const trailingSpaces = (text: string): number => text.length - text.trimEnd().length;

/**
 * What to remove around a seam, given the text before it (`before`, '' at the start of the
 * text block) and after it (`after`, '' at its end). Atoms (a footnote, a cross-reference)
 * are passed as one character: '¹' for a footnote marker, any letter for others.
 */
export function seamCut(before: string, after: string): SeamCut {
  const ls = trailingSpaces(before);
  const rs = leadingSpaces(after);
  const last = before.charAt(before.length - 1 - ls);
  const next = after.charAt(rs);
  if ((last === ',' || last === ';') && next in strength) {
    const rest = after.slice(rs + 1);
    const spaceAfter = leadingSpaces(rest);
    // The weaker separator goes with the spaces around it; one space stays between words.
    if ((strength[next] ?? 0) <= (strength[last] ?? 0)) return { left: ls, right: rs + 1 + (spaceAfter > 0 && rest.length > spaceAfter ? spaceAfter - 1 : spaceAfter) };
    return { left: ls + 1, right: rs };
  }
  if (ls > 0 && (next === '' || tight.test(next))) return { left: ls, right: rs };
  if (before.trim() === '' && rs > 0) return { left: 0, right: rs };
  if (ls > 0 && rs > 0) return { left: 0, right: rs };
  return { left: 0, right: 0 };
}

/** The seam marker `tidySeams` reads: where bracketed text was removed from a string. */
export const seamMark = '\u0000';

/**
 * Which characters of `text` stay once every `seamMark` is removed and the text around
 * each seam is tidied as `seamCut` says, seam by seam from the start (marks never stay).
 */
export function seamKeep(text: string): boolean[] {
  const keep = text.split('').map((c) => c !== seamMark);
  for (let at = text.indexOf(seamMark); at >= 0; at = text.indexOf(seamMark, at + 1)) {
    const left: number[] = [];
    const right: number[] = [];
    for (let i = 0; i < at; i++) if (keep[i]) left.push(i);
    for (let i = at + 1; i < text.length; i++) if (keep[i]) right.push(i);
    const cut = seamCut(left.map((i) => text[i]).join(''), right.map((i) => text[i]).join(''));
    for (const i of left.slice(left.length - cut.left)) keep[i] = false;
    for (const i of right.slice(0, cut.right)) keep[i] = false;
  }
  return keep;
}

/** `text` without its seam marks, tidied around each (see `seamKeep`). */
export function tidySeams(text: string): string {
  if (!text.includes(seamMark)) return text;
  const keep = seamKeep(text);
  return text.split('').filter((_c, i) => keep[i]).join('');
}
