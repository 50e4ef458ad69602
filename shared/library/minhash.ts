import { hash32 } from './normalize.js';

/**
 * Near-duplicate detection for paragraphs: word shingles, MinHash signatures and LSH bands
 * (Broder 1997; Leskovec, Rajaraman and Ullman, Mining of Massive Datasets, ch. 3).
 * Two paragraphs whose shingle sets have Jaccard resemblance J share at least one band with
 * probability 1 - (1 - J^rows)^bands: with 32 bands of 2 rows (64 hashes), 0.95 at J = 0.3
 * and above 0.99 at J = 0.4 (a few words changed in a long paragraph, or one in a short
 * one), while unrelated paragraphs (J about 0.05) do for 8 %; candidates are ranked by how
 * many bands they share and only the best few hundred are compared exactly. Two rows per
 * band keep the band index at 32 rows per paragraph, its inserts being most of indexing.
 */

/** Words per shingle. */
export const shingleSize = 3;
/** Rows (MinHash values) per LSH band. */
export const bandRows = 2;
/** LSH bands per paragraph. */
export const bandCount = 32;
/** MinHash values per signature. */
export const signatureSize = bandRows * bandCount;

// Fixed seeds, so signatures are the same in every run and every version: the bands are stored.
const seeds = Uint32Array.from({ length: signatureSize }, (_, i) => mix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

/** MurmurHash3's 32-bit finalizer: a bijective mix of the bits of `x`. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The hashed word shingles of `tokens` (each run of `shingleSize` consecutive words). A
 * paragraph shorter than a shingle gives one shingle of all its words; no words give none.
 */
export function shingles(tokens: readonly string[]): Set<number> {
  const out = new Set<number>();
  if (tokens.length === 0) return out;
  if (tokens.length < shingleSize) {
    out.add(hash32(tokens.join(' ')));
    return out;
  }
  for (let i = 0; i + shingleSize <= tokens.length; i++) out.add(hash32(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`));
  return out;
}

/**
 * The MinHash signature of a shingle set: per seed, the least hash of the shingles permuted
 * by that seed (xor, an odd multiply and a shift: shingles are already FNV hashes, so this
 * cheap family suffices and keeps a paragraph's signature at a few microseconds); all
 * 0xffffffff for an empty set.
 */
export function signature(set: ReadonlySet<number>): Uint32Array {
  const sig = new Uint32Array(signatureSize).fill(0xffffffff);
  const values = Int32Array.from(set);
  for (let i = 0; i < signatureSize; i++) {
    const seed = seeds[i]! | 0;
    let least = 0xffffffff;
    for (let j = 0; j < values.length; j++) {
      let h = Math.imul(values[j]! ^ seed, 0x9e3779b1);
      h = (h ^ (h >>> 15)) >>> 0;
      if (h < least) least = h;
    }
    sig[i] = least;
  }
  return sig;
}

/**
 * The LSH band keys of a signature: for band b, b * 2^32 + a 32-bit hash of its rows, so one
 * integer column with one index finds every paragraph sharing a band. An empty shingle set
 * has no bands (it resembles nothing).
 */
export function bandKeys(sig: Uint32Array): number[] {
  if (sig[0] === 0xffffffff && sig.every((v) => v === 0xffffffff)) return [];
  const keys: number[] = [];
  for (let b = 0; b < bandCount; b++) {
    let h = 0x2545f491 ^ b;
    for (let r = 0; r < bandRows; r++) h = mix32(Math.imul(h, 31) ^ sig[b * bandRows + r]!);
    keys.push(b * 0x100000000 + h);
  }
  return keys;
}

/** |a ∩ b| / |a ∪ b|; 1 for two empty sets. */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

/**
 * Word-level Dice coefficient of two token lists as multisets: 2·|common| / (|a| + |b|),
 * forgiving a changed word more than shingles are; 1 for two empty lists.
 */
export function wordDice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/**
 * How alike two paragraphs are, 0..1, from their words: the mean of the shingle Jaccard
 * (order and wording) and the word Dice (vocabulary), so a reworded paragraph still scores
 * well above an unrelated one on the same subject. 1 exactly when the word lists are equal.
 */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === b.length && a.every((w, i) => w === b[i])) return 1;
  return Math.min(0.999, (jaccard(shingles(a), shingles(b)) + wordDice(a, b)) / 2);
}
