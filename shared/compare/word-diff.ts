import { boundedEditScript } from './myers.js';
import { TokenIds, tokenize } from './tokens.js';
import type { WordOp } from './types.js';

/**
 * The word-level diff of two paragraph texts: tokens are words, runs of white space and
 * single punctuation marks (jsdiff's `diffWordsWithSpace` tokens, see tokens.ts, compared as
 * ids by our own bounded Myers diff, `boundedEditScript`). Concatenating the
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
  const ids = new TokenIds();
  const older = tokenize(oldText, ids);
  const newer = tokenize(newText, ids);
  const budget = Math.max(16, Math.ceil(REWRITE_SHARE * (older.ids.length + newer.ids.length)));
  const steps = boundedEditScript(older.ids, newer.ids, budget);
  // Past the budget the paragraph was rewritten rather than edited: a word-by-word diff
  // would read as noise, so it is shown replaced whole (this also bounds the cost).
  if (!steps) return [{ op: 'delete', text: oldText }, { op: 'insert', text: newText }];
  // Each run of equal steps is one piece, cut from the text its tokens come from.
  const pieces: WordOp[] = [];
  let i = 0;
  let j = 0;
  for (let k = 0; k < steps.length; ) {
    const op = steps[k]!;
    let toI = i;
    let toJ = j;
    for (; k < steps.length && steps[k] === op; k++) {
      if (op !== 'insert') toI++;
      if (op !== 'delete') toJ++;
    }
    const text = op === 'insert' ? newText.slice(newer.starts[j], newer.starts[toJ]) : oldText.slice(older.starts[i], older.starts[toI]);
    pieces.push({ op, text });
    i = toI;
    j = toJ;
  }
  return groupChanges(pieces);
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
      // internal: a word diff applied to a text it was not made from: a bug in the caller, not input
      throw new Error(`word diff does not fit the old text at offset ${at}: expected ${JSON.stringify(text)}`);
    }
    at += text.length;
    if (op === 'equal') out += text;
  }
  // internal: a word diff applied to a text it was not made from: a bug in the caller, not input
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
