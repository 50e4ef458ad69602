/**
 * Inline text to ProseMirror inline nodes: `*...*` marks the opener (or emphasis where
 * no opener is allowed), `_..._` emphasis, superscript digit runs and placeholders are
 * footnote markers. Pairing of the emphasis markers is done in one linear pass, so a
 * stray `*` or `_` stays literal text.
 */
import type { Mark, Node } from 'prosemirror-model';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { newId } from '../ids.js';
import { isSuperscriptDigit, placeholderClose, placeholderOpen, superscriptValue } from './patterns.js';

/**
 * How to read one piece of inline text. `opener`: `*` marks the opener (else emphasis);
 * `footnote(n)`: the text of footnote n, or null to drop the marker (undefined: markers
 * are not allowed here and are removed); `detect`: opener length to apply when the text
 * has no `*` (0 = none).
 */
export type InlineOptions = {
  opener: boolean;
  footnote?: (n: number) => string | null;
  detect?: (visible: string) => number;
};

type Piece = { text: string; opener: boolean; emphasis: boolean } | { note: string };

const { marks, nodes } = resolutionSchema;

/** The inline nodes of `raw` (see the module doc); never throws. */
export function parseInline(raw: string, options: InlineOptions): Node[] {
  const stars = pairedPositions(raw, '*', () => true);
  const underscores = pairedPositions(raw, '_', (i, opening) => underscoreBoundary(raw, i, opening));
  const pieces: Piece[] = [];
  let opener = false;
  let emphasis = false;
  let buffer = '';
  const flush = () => {
    if (buffer !== '') pieces.push({ text: buffer, opener, emphasis });
    buffer = '';
  };
  const special = /[*_⁰¹²³⁴⁵⁶⁷⁸⁹\uE000]/g;
  let from = 0;
  for (let match = special.exec(raw); match; match = special.exec(raw)) {
    const i = match.index;
    const ch = match[0];
    if (!stars.has(i) && !underscores.has(i) && !isSuperscriptDigit(ch) && ch !== placeholderOpen) continue;
    buffer += raw.slice(from, i);
    from = i + 1;
    if (stars.has(i) || underscores.has(i)) {
      flush();
      if (stars.has(i)) opener = !opener;
      else emphasis = !emphasis;
      continue;
    }
    let end = i;
    let n: number;
    if (ch === placeholderOpen) {
      end = raw.indexOf(placeholderClose, i);
      if (end < 0) end = raw.length - 1;
      n = Number(raw.slice(i + 1, end));
    } else {
      while (isSuperscriptDigit(raw.charAt(end + 1))) end++;
      n = superscriptValue(raw.slice(i, end + 1));
    }
    flush();
    const note = options.footnote?.(n);
    if (typeof note === 'string') pieces.push({ note });
    from = end + 1;
    special.lastIndex = end + 1;
  }
  buffer += raw.slice(from);
  flush();
  if (stars.size === 0 && options.detect) applyDetectedOpener(pieces, options.detect);
  return toNodes(pieces, options.opener);
}

// Positions of `mark` characters that pair up (first with second, third with fourth ...),
// among those `qualifies` accepts as opening (even count so far) or closing (odd).
function pairedPositions(raw: string, mark: string, qualifies: (i: number, opening: boolean) => boolean): Set<number> {
  const found: number[] = [];
  let lastOpen = -1;
  for (let i = raw.indexOf(mark); i >= 0; i = raw.indexOf(mark, i + 1)) {
    const opening = found.length % 2 === 0;
    if (!qualifies(i, opening)) continue;
    if (!opening && i === lastOpen + 1) continue;
    if (opening) lastOpen = i;
    found.push(i);
  }
  if (found.length % 2 === 1) found.pop();
  return new Set(found);
}

// `_` opens emphasis at a word start (not inside snake_case) and closes it at a word end.
function underscoreBoundary(raw: string, i: number, opening: boolean): boolean {
  const before = raw.charAt(i - 1);
  const after = raw.charAt(i + 1);
  const word = (ch: string) => /[\p{L}\p{Nd}]/u.test(ch);
  return opening ? !word(before) && after !== '' && after !== ' ' : before !== '' && before !== ' ' && !word(after);
}

function applyDetectedOpener(pieces: Piece[], detect: (visible: string) => number): void {
  const visible = pieces.map((p) => ('text' in p ? p.text : '')).join('');
  let remaining = detect(visible);
  for (let i = 0; i < pieces.length && remaining > 0; i++) {
    const piece = pieces[i];
    if (!piece || !('text' in piece)) continue;
    if (piece.text.length > remaining) {
      pieces.splice(i + 1, 0, { ...piece, text: piece.text.slice(remaining) });
      piece.text = piece.text.slice(0, remaining);
    }
    piece.opener = true;
    remaining -= piece.text.length;
  }
}

function toNodes(pieces: Piece[], openerAllowed: boolean): Node[] {
  const out: Node[] = [];
  for (const piece of pieces) {
    if ('note' in piece) {
      out.push(nodes.footnote.create({ id: newId() }, parseInline(piece.note, { opener: false })));
      continue;
    }
    const pieceMarks: Mark[] = [];
    if (piece.opener && openerAllowed) pieceMarks.push(marks.opener.create());
    if (piece.emphasis || (piece.opener && !openerAllowed)) pieceMarks.push(marks.emphasis.create());
    out.push(resolutionSchema.text(piece.text, pieceMarks));
  }
  return out;
}
