import type { Unit, UnitKind } from './types.js';

/**
 * A one-to-one matching of old units to new units (indices into the two unit lists).
 * `newToOld[n]` is the old index matched to new unit n, or -1; `oldToNew` the inverse;
 * `by[n]` how new unit n was matched ('id', 'text' for equal or similar text, null).
 */
export type Matching = { newToOld: number[]; oldToNew: number[]; by: ('id' | 'text' | null)[] };

/** Lowest Dice similarity (on word bigrams) for two units without a shared id to be paired. */
export const similarityThreshold = 0.5;

/**
 * Matches units of two versions: first by stable id (non-empty; with duplicates in one
 * version only the first occurrence takes part), then units left over with exactly the same
 * text (in document order), then the rest by word-bigram Dice similarity of at least
 * `similarityThreshold`, best first, one to one, preferring the same kind and a nearby
 * relative position. Headings (title, body line, annex) only pair with their own kind; the
 * paragraph kinds pair with each other. The similarity pass visits only pairs sharing a
 * word bigram (an inverted index) and keeps each new unit's 8 best candidates, so it is
 * near linear for texts that share little and at worst quadratic (in cheap integer steps)
 * in the units left unmatched by the first two passes.
 */
export function matchUnits(oldUnits: readonly Unit[], newUnits: readonly Unit[]): Matching {
  const matching: Matching = {
    newToOld: newUnits.map(() => -1),
    oldToNew: oldUnits.map(() => -1),
    by: newUnits.map(() => null),
  };
  const pair = (o: number, n: number, by: 'id' | 'text'): void => {
    matching.newToOld[n] = o;
    matching.oldToNew[o] = n;
    matching.by[n] = by;
  };
  matchById(oldUnits, newUnits, pair);
  matchSameText(oldUnits, newUnits, matching, pair);
  matchSimilar(oldUnits, newUnits, matching, pair);
  return matching;
}

function matchById(oldUnits: readonly Unit[], newUnits: readonly Unit[], pair: (o: number, n: number, by: 'id') => void): void {
  const oldById = new Map<string, number>();
  for (const unit of oldUnits) if (unit.id !== '' && !oldById.has(unit.id)) oldById.set(unit.id, unit.index);
  const seen = new Set<string>();
  for (const unit of newUnits) {
    if (unit.id === '' || seen.has(unit.id)) continue;
    seen.add(unit.id);
    const o = oldById.get(unit.id);
    if (o !== undefined) pair(o, unit.index, 'id');
  }
}

function family(kind: UnitKind): string {
  return kind === 'title' || kind === 'body' || kind === 'annex' ? kind : 'paragraph';
}

function matchSameText(oldUnits: readonly Unit[], newUnits: readonly Unit[], m: Matching, pair: (o: number, n: number, by: 'text') => void): void {
  const queues = new Map<string, number[]>();
  for (const unit of oldUnits) {
    if (m.oldToNew[unit.index] !== -1 || unit.text === '') continue;
    const key = `${family(unit.kind)}\u0000${unit.text}`;
    const queue = queues.get(key);
    if (queue) queue.push(unit.index);
    else queues.set(key, [unit.index]);
  }
  for (const unit of newUnits) {
    if (m.newToOld[unit.index] !== -1 || unit.text === '') continue;
    const o = queues.get(`${family(unit.kind)}\u0000${unit.text}`)?.shift();
    if (o !== undefined) pair(o, unit.index, 'text');
  }
}

/**
 * The word features of a text for similarity: lower-cased word bigrams with their counts
 * (a one-word text has its word as its only feature; markup and punctuation are ignored).
 */
export function wordFeatures(text: string): Map<string, number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const features = new Map<string, number>();
  const add = (f: string): void => {
    features.set(f, (features.get(f) ?? 0) + 1);
  };
  if (words.length === 1) add(words[0] ?? '');
  for (let i = 1; i < words.length; i++) add(`${words[i - 1] ?? ''} ${words[i] ?? ''}`);
  return features;
}

/** Dice similarity (0..1) of two texts on their `wordFeatures` (multisets); 0 when either has none. */
export function diceSimilarity(a: string, b: string): number {
  const fa = wordFeatures(a);
  const fb = wordFeatures(b);
  let shared = 0;
  for (const [f, count] of fa) shared += Math.min(count, fb.get(f) ?? 0);
  const total = sizeOf(fa) + sizeOf(fb);
  return total === 0 ? 0 : (2 * shared) / total;
}

function sizeOf(features: ReadonlyMap<string, number>): number {
  let size = 0;
  for (const count of features.values()) size += count;
  return size;
}

type Candidate = { o: number; n: number; priority: number };

// Candidates kept per new unit: the best few are enough for a one-to-one greedy pairing and
// keep the sort small when every paragraph shares some word pairs with every other.
const candidatesPerUnit = 8;

function matchSimilar(oldUnits: readonly Unit[], newUnits: readonly Unit[], m: Matching, pair: (o: number, n: number, by: 'text') => void): void {
  // Features are interned as small integers, and shared counts accumulated in a typed
  // array indexed by old unit, so the inner loop does no string hashing.
  const featureIds = new Map<string, number>();
  const postings: { o: number; count: number }[][] = [];
  const oldSize = new Float64Array(oldUnits.length);
  for (const unit of oldUnits) {
    if (m.oldToNew[unit.index] !== -1) continue;
    for (const [f, count] of wordFeatures(unit.text)) {
      let id = featureIds.get(f);
      if (id === undefined) {
        id = postings.push([]) - 1;
        featureIds.set(f, id);
      }
      postings[id]?.push({ o: unit.index, count });
      oldSize[unit.index] = (oldSize[unit.index] ?? 0) + count;
    }
  }
  if (postings.length === 0) return;
  const shared = new Float64Array(oldUnits.length);
  const candidates: Candidate[] = [];
  for (const unit of newUnits) {
    if (m.newToOld[unit.index] !== -1) continue;
    const touched: number[] = [];
    let size = 0;
    for (const [f, count] of wordFeatures(unit.text)) {
      size += count;
      for (const post of postings[featureIds.get(f) ?? -1] ?? []) {
        if (shared[post.o] === 0) touched.push(post.o);
        shared[post.o] = (shared[post.o] ?? 0) + Math.min(count, post.count);
      }
    }
    const mine: Candidate[] = [];
    for (const o of touched) {
      const common = shared[o] ?? 0;
      shared[o] = 0;
      const old = oldUnits[o];
      if (!old || family(old.kind) !== family(unit.kind)) continue;
      const dice = (2 * common) / (size + (oldSize[o] ?? 0));
      if (dice < similarityThreshold) continue;
      const distance = Math.abs(o / oldUnits.length - unit.index / newUnits.length);
      mine.push({ o, n: unit.index, priority: dice + (old.kind === unit.kind ? 0.05 : 0) - 0.1 * distance });
    }
    mine.sort(byPriority);
    candidates.push(...mine.slice(0, candidatesPerUnit));
  }
  candidates.sort(byPriority);
  for (const { o, n } of candidates) {
    if (m.oldToNew[o] === -1 && m.newToOld[n] === -1) pair(o, n, 'text');
  }
}

function byPriority(a: Candidate, b: Candidate): number {
  return b.priority - a.priority || a.n - b.n || a.o - b.o;
}
