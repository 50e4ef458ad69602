/**
 * A view paragraph written as one line of the UN text layout the plain-text importer reads:
 * the resolved number first ("12.", "(a)"), the italic run the paragraph opens with between
 * `*` (the opener), later italics between `_`, footnotes as placeholders, and in proposals
 * mode each change as `[...]` ending with a sentinel placeholder that names the change.
 * Characters the importer would read as markup (`*`, `_`, superscript digits, unbalanced
 * square brackets) are swapped for private-use stand-ins, which `unescapeText` restores in
 * the built document, so the document's own text never turns into markup.
 */
import { placeholder } from '../../import/footnotes.js';
import type { ViewPiece } from './read-view.js';

/** Footnote placeholder numbers from here up name a tracked change, not a footnote. */
export const changeBase = 1_000_000;

const markup = '*_⁰¹²³⁴⁵⁶⁷⁸⁹[]';
const standIn = 0xe050;

/** `text` with the importer's markup characters (and brackets too when `brackets`) swapped for stand-ins. */
export function escapeText(text: string, brackets: boolean): string {
  let out = '';
  for (const ch of text) {
    const at = markup.indexOf(ch);
    if (at >= 0 && (brackets || at < markup.length - 2)) out += String.fromCharCode(standIn + at);
    else if (ch >= '\uE000' && ch <= '\uE0FF') out += '\uFFFD';
    else out += ch === '\t' || ch === '\n' || ch === '\r' ? ' ' : ch;
  }
  return out;
}

/** `text` with every stand-in of `escapeText` turned back into its character. */
export function unescapeText(text: string): string {
  return text.replace(/[\uE050-\uE05D]/g, (ch) => markup.charAt(ch.charCodeAt(0) - standIn));
}

/** True when `text` holds a character of the range the importer reserves (it becomes U+FFFD). */
export function hasReserved(text: string): boolean {
  return /[\uE000-\uE0FF]/.test(text);
}

/**
 * The inline text of `pieces`: `opener` true lets a leading italic run become the opener
 * (`*`); `note(id)` numbers a note reference; `changeNumber(change)` numbers a change;
 * `italics` false writes italics as plain text (header, title and body lines, which the
 * importer reads unmarked); `brackets` false keeps the document's own square brackets literal.
 */
export function encodePieces(
  pieces: readonly ViewPiece[],
  options: { opener: boolean; italics?: boolean; brackets: boolean; note: (id: string) => number; changeNumber: (piece: ViewPiece) => number },
): string {
  const merged = mergePieces(pieces);
  let out = '';
  let leading = options.opener;
  let open: ViewPiece['change'] = null;
  const close = (piece: ViewPiece | null) => {
    if (open && piece) out += `${placeholder(changeBase + options.changeNumber(piece))}]`;
    open = null;
  };
  let last: ViewPiece | null = null;
  let prefix = '';
  for (const piece of merged) {
    if (piece.change !== open) {
      close(last);
      if (piece.change) out += '[';
      open = piece.change;
    }
    last = piece;
    if (!('text' in piece)) {
      out += placeholder(options.note(piece.note));
      continue;
    }
    const text = escapeText(piece.text, !options.brackets);
    const core = text.trim();
    if (core === '') {
      out += text;
      continue;
    }
    if (!piece.italic || options.italics === false) {
      // A number typed by hand ("1. ") before the italic opener does not end the opener's place.
      prefix += piece.text;
      leading = leading && typedLabel.test(prefix);
      out += text;
      continue;
    }
    const lead = text.slice(0, text.length - text.trimStart().length);
    const trail = text.slice(text.trimEnd().length);
    const marker = leading ? '*' : '_';
    out += `${lead}${marker}${core}${marker}${trail}`;
  }
  close(last);
  return out;
}

const typedLabel = /^\s*(?:\d{1,3}\.|\([a-z]{1,5}\)|[a-z]{1,5}\))\s*$/;

// Neighbouring text pieces with the same italic and change become one, and a piece of
// spaces joins the text before it, so an opener split over runs stays one opener.
function mergePieces(pieces: readonly ViewPiece[]): ViewPiece[] {
  const out: ViewPiece[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && 'text' in last && 'text' in piece && last.change === piece.change && (last.italic === piece.italic || piece.text.trim() === '')) {
      out[out.length - 1] = { ...last, text: last.text + piece.text };
    } else out.push({ ...piece });
  }
  return out;
}

/** True when the square brackets of `text` pair up (none closes before it opens, all close). */
export function bracketsBalanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '[') depth++;
    else if (ch === ']' && --depth < 0) return false;
  }
  return depth === 0;
}
