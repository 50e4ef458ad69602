/**
 * The word diff of two renderings of one paragraph (or footnote), as the pieces the run
 * writer turns into tracked changes. Each paragraph is flattened to a string (a footnote is
 * one private-use character, so it is one token) and compared with the compare engine's
 * word diff (shared/compare `wordDiff`); the pieces keep each character's formatting and
 * bracket author, and a footnote on both sides keeps both contents so its own text can be
 * compared in turn.
 */
import { wordDiff } from '../../compare/index.js';
import type { Inline } from './write-inline.js';

/** One character of a rendering (a UTF-16 unit; "\t" a tab), or a footnote (`note` set). */
export type Atom = { ch: string; italic: boolean; author: string; note: Inline[] | null };

/** Whether a piece is kept, inserted or deleted. */
export type Rev = 'none' | 'ins' | 'del';

/**
 * A piece of a paragraph to write: a character or footnote with its revision (`was` the
 * old side's atom of a kept one, to show a formatting change or compare a footnote's
 * text), or zero-width markup (comment marks) written as it is.
 */
export type Piece = { kind: 'atom'; atom: Atom; rev: Rev; was: Atom | null } | { kind: 'anchor'; xml: string };

/** The stand-in character of a footnote in a flattened paragraph. */
export const noteChar = '\uE000';

type Flat = { atoms: Atom[]; text: string; anchors: Map<number, string[]> };

function flatten(inlines: readonly Inline[]): Flat {
  const atoms: Atom[] = [];
  const anchors = new Map<number, string[]>();
  let text = '';
  for (const inline of inlines) {
    if (inline.kind === 'text') {
      for (let i = 0; i < inline.text.length; i++) atoms.push({ ch: inline.text[i] ?? '', italic: inline.italic, author: inline.author, note: null });
      text += inline.text;
    } else if (inline.kind === 'note') {
      atoms.push({ ch: noteChar, italic: false, author: inline.author, note: inline.content });
      text += noteChar;
    } else {
      const list = anchors.get(atoms.length);
      if (list) list.push(inline.xml);
      else anchors.set(atoms.length, [inline.xml]);
    }
  }
  return { atoms, text, anchors };
}

/**
 * The pieces of a paragraph: with both renderings, the word diff turning `older` into
 * `newer`; with only `newer`, its content inserted (`tracked`) or simply kept; with only
 * `older`, its content deleted. Zero-width markup comes from `newer` only, at its place.
 * Kept and inserted pieces read `newer`, kept and deleted ones `older`, in order.
 */
export function diffPieces(older: readonly Inline[] | null, newer: readonly Inline[] | null, tracked: boolean): Piece[] {
  const n = flatten(newer ?? []);
  const pieces: Piece[] = [];
  let at = 0;
  const anchorsUpTo = (index: number): void => {
    for (; at <= index; at++) for (const xml of n.anchors.get(at) ?? []) pieces.push({ kind: 'anchor', xml });
  };
  const take = (atom: Atom, rev: Rev, was: Atom | null, newIndex: number | null): void => {
    if (newIndex !== null) anchorsUpTo(newIndex);
    pieces.push({ kind: 'atom', atom, rev, was });
  };
  if (older === null) {
    n.atoms.forEach((atom, i) => take(atom, tracked ? 'ins' : 'none', null, i));
  } else {
    const o = flatten(older);
    let i = 0;
    let j = 0;
    for (const { op, text } of newer === null ? [{ op: 'delete' as const, text: o.text }] : wordDiff(o.text, n.text)) {
      for (let k = 0; k < text.length; k++) {
        if (op === 'equal') take(n.atoms[j]!, 'none', o.atoms[i]!, j);
        else if (op === 'insert') take(n.atoms[j]!, 'ins', null, j);
        else take(o.atoms[i]!, 'del', null, null);
        if (op !== 'insert') i++;
        if (op !== 'delete') j++;
      }
    }
  }
  anchorsUpTo(n.atoms.length);
  return pieces;
}
