import type { Mark, Node } from 'prosemirror-model';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { newId } from '../ids.js';

/**
 * One piece of inline content: plain text, marked text (`opener` = the italic opening
 * phrase, `emphasis` = other italics), a footnote (its text; a fresh id unless given),
 * or a cross-reference to the paragraph whose id is `crossReference`.
 */
export type InlinePiece =
  | string
  | { text: string; opener?: boolean; emphasis?: boolean }
  | { footnote: string; id?: string }
  | { crossReference: string };

/** Options for string inline content: the opener prefix and footnotes at character offsets. */
export type InlineOptions = {
  opener?: string | undefined;
  footnotes?: { at?: number; text: string; id?: string }[] | undefined;
};

const { nodes, marks } = resolutionSchema;

/**
 * Inline content (text, footnote and cross_reference nodes) for a paragraph_text or an
 * annex_paragraph. With a string, `options.opener` must be a prefix of it (it gets the
 * `opener` mark) and each footnote's `at` an integer offset in 0..text.length (omitted:
 * the end of the text); several footnotes at one offset keep their given order. Throws an
 * Error otherwise.
 */
export function buildInline(content: string | InlinePiece[], options: InlineOptions = {}): Node[] {
  const pieces = typeof content === 'string' ? piecesOf(content, options) : content;
  const out: Node[] = [];
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      if (piece !== '') out.push(resolutionSchema.text(piece));
    } else if ('footnote' in piece) {
      const text = piece.footnote === '' ? [] : [resolutionSchema.text(piece.footnote)];
      out.push(nodes.footnote.createChecked({ id: piece.id ?? newId() }, text));
    } else if ('crossReference' in piece) {
      out.push(nodes.cross_reference.create({ target: piece.crossReference }));
    } else if (piece.text !== '') {
      const pieceMarks: Mark[] = [];
      if (piece.opener) pieceMarks.push(marks.opener.create());
      if (piece.emphasis) pieceMarks.push(marks.emphasis.create());
      out.push(resolutionSchema.text(piece.text, pieceMarks));
    }
  }
  return out;
}

function piecesOf(text: string, options: InlineOptions): InlinePiece[] {
  const opener = options.opener ?? '';
  // internal: the spec is written by our code (templates, the Akoma Ntoso reader), never by a user: a wrong one is a bug
  if (!text.startsWith(opener)) throw new Error(`opener "${opener}" is not a prefix of "${text.slice(0, 60)}"`);
  const footnotes = (options.footnotes ?? []).map((note) => ({ ...note, at: note.at ?? text.length }));
  for (const note of footnotes) {
    if (!Number.isInteger(note.at) || note.at < 0 || note.at > text.length) {
      // internal: the spec is written by our code (templates, the Akoma Ntoso reader), never by a user: a wrong one is a bug
      throw new Error(`footnote offset ${note.at} is outside the text (length ${text.length})`);
    }
  }
  // A stable sort keeps footnotes given for the same offset in their given order.
  footnotes.sort((a, b) => a.at - b.at);
  const cuts = [...new Set([0, opener.length, ...footnotes.map((n) => n.at), text.length])].sort((a, b) => a - b);
  const pieces: InlinePiece[] = [];
  let next = 0;
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i] ?? 0;
    while (next < footnotes.length && footnotes[next]?.at === at) {
      const note = footnotes[next++];
      if (note) pieces.push(note.id === undefined ? { footnote: note.text } : { footnote: note.text, id: note.id });
    }
    const end = cuts[i + 1];
    if (end !== undefined && end > at) pieces.push({ text: text.slice(at, end), opener: at < opener.length });
  }
  return pieces;
}
