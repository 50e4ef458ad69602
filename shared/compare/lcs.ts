/**
 * The length of a longest common subsequence of two id sequences, by the bit-parallel
 * algorithm of Crochemore et al. (2001): one bit per item of `a`, 32 items a machine word,
 * so the work is |b| x ceil(|a| / 32) word steps whatever the two sequences hold, far below
 * a Myers search of the same pair. `|a| + |b| - 2 x lcsLength(a, b)` is the pair's edit
 * distance (insertions plus deletions), which tells before any search whether a paragraph
 * was rewritten past the word diff's budget. Ids must be non-negative.
 */
export function lcsLength(a: Int32Array, b: Int32Array): number {
  const n = a.length;
  if (n === 0 || b.length === 0) return 0;
  const words = (n + 31) >>> 5;
  let distinct = 0;
  for (let i = 0; i < n; i++) distinct = Math.max(distinct, a[i]! + 1);
  // matches[id * words + w]: bit i % 32 of word w set where a[i] is that id.
  const matches = new Uint32Array(distinct * words);
  for (let i = 0; i < n; i++) matches[a[i]! * words + (i >>> 5)]! |= 1 << (i & 31);
  // v: a zero bit per item of `a` taken into the common subsequence so far.
  const v = new Uint32Array(words).fill(0xffffffff);
  for (let j = 0; j < b.length; j++) {
    const id = b[j]!;
    if (id >= distinct) continue;
    const base = id * words;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const x = v[w]!;
      const m = matches[base + w]!;
      // v' = (v + (v & m)) | (v & ~m), the addition carrying across words.
      const sum = x + ((x & m) >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = (sum | (x & ~m)) >>> 0;
    }
  }
  let common = 0;
  for (let w = 0; w < words; w++) {
    // Bits past the end of `a` in the last word are padding, whatever carries left there.
    const bits = w === words - 1 && (n & 31) !== 0 ? n & 31 : 32;
    common += bits - popCount(bits === 32 ? v[w]! : v[w]! & (2 ** bits - 1));
  }
  return common;
}

function popCount(x: number): number {
  let c = x - ((x >>> 1) & 0x55555555);
  c = (c & 0x33333333) + ((c >>> 2) & 0x33333333);
  c = (c + (c >>> 4)) & 0x0f0f0f0f;
  return Math.imul(c, 0x01010101) >>> 24;
}
