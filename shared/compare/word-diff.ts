import { wordsWithSpaceDiff } from 'diff';
import { boundedEditScript } from './myers.js';
import type { WordOp } from './types.js';

/**
 * The word-level diff of two paragraph texts: tokens are words, runs of white space and
 * single punctuation marks (jsdiff's `diffWordsWithSpace` tokens, compared as interned ids
 * by our own bounded Myers diff, `editScript`). Concatenating the
 * 'equal' and 'delete' texts gives `oldText`, the 'equal' and 'insert' texts `newText`.
 * Each run of changes is one 'delete' then one 'insert' (white space between two changed
 * words is folded into both); adjacent pieces never share an op; no piece is empty. A
 * paragraph whose edit distance exceeds `REWRITE_SHARE` of its tokens is one deletion of
 * the old text and one insertion of the new (this bounds the cost of rewritten paragraphs).
 */
export function wordDiff(oldText: string, newText: string): WordOp[] {
  if (oldText === newText) return oldText === '' ? [] : [{ op: 'equal', text: oldText }];
  if (oldText === '') return [{ op: 'insert', text: newText }];
  if (newText === '') return [{ op: 'delete', text: oldText }];
  const oldTokens = wordsWithSpaceDiff.tokenize(oldText);
  const newTokens = wordsWithSpaceDiff.tokenize(newText);
  const budget = Math.max(16, Math.ceil(REWRITE_SHARE * (oldTokens.length + newTokens.length)));
  const ids = new Map<string, number>();
  const steps = boundedEditScript(interned(oldTokens, ids), interned(newTokens, ids), budget);
  // Past the budget the paragraph was rewritten rather than edited: a word-by-word diff
  // would read as noise, so it is shown replaced whole (this also bounds the cost).
  if (!steps) return [{ op: 'delete', text: oldText }, { op: 'insert', text: newText }];
  const pieces: WordOp[] = [];
  let i = 0;
  let j = 0;
  for (const step of steps) {
    const text = step === 'insert' ? newTokens[j]! : oldTokens[i]!;
    if (step !== 'insert') i++;
    if (step !== 'delete') j++;
    const last = pieces[pieces.length - 1];
    if (last?.op === step) last.text += text;
    else pieces.push({ op: step, text });
  }
  return groupChanges(pieces);
}

// The tokens as numbers, equal tokens getting equal numbers (`ids` is shared by both texts).
function interned(tokens: readonly string[], ids: Map<string, number>): Int32Array {
  const out = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    let id = ids.get(token);
    if (id === undefined) ids.set(token, (id = ids.size));
    out[i] = id;
  }
  return out;
}

/**
 * Share of the two texts' tokens (words, white-space runs, punctuation marks) that may be
 * inserted or deleted before a paragraph counts as rewritten (never fewer than 16).
 */
export const REWRITE_SHARE = 0.4;

// Folds white space kept between two changes into them ("[-an online-]{+a hybrid+}" rather
// than "[-an-]{+a+} [-online-]{+hybrid+}") and writes each run of changes as one deletion
// followed by one insertion, so readers see phrases replaced, not interleaved words.
function groupChanges(pieces: readonly WordOp[]): WordOp[] {
  const out: WordOp[] = [];
  let removed = '';
  let added = '';
  const flush = (): void => {
    if (removed !== '') out.push({ op: 'delete', text: removed });
    if (added !== '') out.push({ op: 'insert', text: added });
    removed = '';
    added = '';
  };
  pieces.forEach((piece, i) => {
    const inChange = removed !== '' || added !== '';
    const next = pieces[i + 1];
    if (piece.op === 'delete') removed += piece.text;
    else if (piece.op === 'insert') added += piece.text;
    else if (inChange && next && next.op !== 'equal' && piece.text.trim() === '') {
      removed += piece.text;
      added += piece.text;
    } else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'equal') last.text += piece.text;
      else out.push({ ...piece });
    }
  });
  flush();
  return out;
}

/**
 * Applies a word diff to `oldText` and returns the new text. Throws an Error when the
 * diff does not fit: an 'equal' or 'delete' piece that is not the old text at that point,
 * or old text left over at the end.
 */
export function applyWordDiff(oldText: string, ops: readonly WordOp[]): string {
  let at = 0;
  let out = '';
  for (const { op, text } of ops) {
    if (op === 'insert') {
      out += text;
      continue;
    }
    if (!oldText.startsWith(text, at)) {
      throw new Error(`word diff does not fit the old text at offset ${at}: expected ${JSON.stringify(text)}`);
    }
    at += text.length;
    if (op === 'equal') out += text;
  }
  if (at !== oldText.length) throw new Error(`word diff leaves ${oldText.length - at} characters of the old text unaccounted for`);
  return out;
}

/**
 * A one-line rendering of a word diff for terminals and logs: deletions as `[-text-]`,
 * insertions as `{+text+}`, and unchanged text shortened to `context` words next to each
 * change (elided words shown as "..."; a diff without changes is shown whole). Line
 * breaks become spaces.
 */
export function formatWordDiff(ops: readonly WordOp[], context = 4): string {
  const parts = ops.map(({ op, text }, i) => {
    const flat = text.replace(/\s+/g, ' ');
    if (op === 'delete') return `[-${flat}-]`;
    if (op === 'insert') return `{+${flat}+}`;
    return ops.length === 1 ? flat : shorten(flat, i > 0 ? context : 0, i < ops.length - 1 ? context : 0);
  });
  return parts.join('');
}

// Keeps `head` words at the start and `tail` words at the end of an unchanged run.
function shorten(text: string, head: number, tail: number): string {
  const words = [...text.matchAll(/\S+/g)];
  if (words.length <= head + tail) return text;
  const headWord = words[head - 1];
  const tailWord = words[words.length - tail];
  const left = headWord ? `${text.slice(0, headWord.index + headWord[0].length)} ` : '';
  const right = tailWord ? ` ${text.slice(tailWord.index)}` : '';
  return `${left}...${right}`;
}
