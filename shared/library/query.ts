import { words } from './normalize.js';

/**
 * FTS5 query strings built from people's text. Nothing of the input reaches FTS5's query
 * syntax: every term is a quoted string holding only letters and digits (words) or the
 * fragment with its double quotes doubled (trigrams), so `"`, `*`, `NEAR(`, `-`, `:`, `^`,
 * AND/OR/NOT and unbalanced quotes are searched as text (or dropped as punctuation), never
 * parsed as operators.
 */

/** The FTS5 query for the exact phrase of `text` (its words in order), or null when it has no words. */
export function phraseQuery(text: string): string | null {
  const terms = words(text);
  return terms.length === 0 ? null : `"${terms.join(' ')}"`;
}

/** The FTS5 query for every word of `text` in any order (at most 64 distinct words), or null when it has none. */
export function wordsQuery(text: string): string | null {
  const terms = [...new Set(words(text))].slice(0, 64);
  return terms.length === 0 ? null : terms.map((t) => `"${t}"`).join(' ');
}

/**
 * The fragments of `text` for the trigram index: its space-separated pieces of at least 3
 * characters (shorter ones cannot be looked up by trigrams), at most 32, as written.
 */
export function partialFragments(text: string): string[] {
  const pieces = text.split(/\s+/u).filter((p) => [...p].length >= 3);
  return [...new Set(pieces)].slice(0, 32);
}

/**
 * The FTS5 query for the trigram index holding every fragment: each fragment's overlapping
 * three-character pieces (folded, as the index folds them), each one quoted term, all
 * required; null when there is none. The index keeps no positions (detail=none, a third of
 * the size), so a hit holds the pieces somewhere and the caller checks the fragment itself.
 */
export function fragmentsQuery(fragments: readonly string[]): string | null {
  const pieces = new Set<string>();
  for (const fragment of fragments) {
    const chars = [...fold(fragment)];
    for (let i = 0; i + 3 <= chars.length; i++) pieces.add(chars.slice(i, i + 3).join(''));
  }
  if (pieces.size === 0) return null;
  return [...pieces].slice(0, 96).map((p) => `"${p.replace(/"/g, '""')}"`).join(' ');
}

/** `text` folded as the trigram index folds it (case, accents), for checking a fragment is really there. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}
