/**
 * The word diff's tokens, as numbers. A text is cut exactly as jsdiff's `diffWordsWithSpace`
 * cuts it (one newline, optionally after a carriage return; a run of word characters, those
 * of its `extendedWordChars`; a run of other white space; any other single code point), and
 * each token becomes an id, equal tokens getting equal ids. Why not jsdiff's tokenizer and a
 * Map of strings: a compare of two far-apart revisions cuts ~30,000 tokens, and building
 * each as a string only to hash it was a third of the word diff's time; here a token is a
 * range of its text, hashed while scanned, and strings are made only for whole pieces.
 */

/** A text's tokens: `ids[t]` is token t's id, `starts[t]` its offset; `starts` ends with the text's length. */
export type Tokens = { ids: Int32Array; starts: Int32Array };

/**
 * Ids for tokens, by their characters, shared by the texts that are compared with each
 * other: ids are 0, 1, 2, ... in order of first appearance. An open-addressing hash table
 * over ranges of the texts (FNV-1a), so no token string is built.
 */
export class TokenIds {
  private slots = new Int32Array(64);
  private readonly texts: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly hashes: number[] = [];

  /** How many distinct tokens have an id. */
  get size(): number {
    return this.texts.length;
  }

  /** The id of the token `text.slice(start, end)`, a new one if that token is new. */
  idOf(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) break;
      if (this.hashes[entry - 1] === hash && this.same(entry - 1, text, start, end)) return entry - 1;
    }
    const id = this.texts.length;
    this.texts.push(text);
    this.starts.push(start);
    this.ends.push(end);
    this.hashes.push(hash);
    // Kept at most half full, so probe runs stay short.
    if (2 * this.texts.length > slots.length) {
      this.slots = new Int32Array(slots.length * 2);
      for (let i = 0; i < this.texts.length; i++) this.place(i);
    } else this.place(id);
    return id;
  }

  private same(id: number, text: string, start: number, end: number): boolean {
    const other = this.texts[id]!;
    const from = this.starts[id]!;
    if (this.ends[id]! - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (other.charCodeAt(from + i) !== text.charCodeAt(start + i)) return false;
    return true;
  }

  private place(id: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = this.hashes[id]! & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = id + 1;
  }
}

/** Cuts `text` into tokens (see the module comment) and numbers them with `ids`. */
export function tokenize(text: string, ids: TokenIds): Tokens {
  const n = text.length;
  // At most one token per character; the arrays are cut to size at the end.
  const idList = new Int32Array(n);
  const startList = new Int32Array(n + 1);
  let count = 0;
  let i = 0;
  while (i < n) {
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 10) i++;
    else if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else if (isWordChar(c)) {
      do i++;
      while (i < n && isWordChar(text.charCodeAt(i)));
    } else if (isSpace(c)) {
      do i++;
      while (i < n && isSpace(text.charCodeAt(i)));
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1))) i += 2;
    else i++;
    idList[count] = ids.idOf(text, start, i);
    startList[count++] = start;
  }
  startList[count] = n;
  return { ids: idList.subarray(0, count), starts: startList.subarray(0, count + 1) };
}

// jsdiff's extendedWordChars: a-zA-Z0-9_ and Latin letters with diacritics.
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return c === 0xad || (c >= 0xc0 && c <= 0xd6) || (c >= 0xd8 && c <= 0xf6) || (c >= 0xf8 && c <= 0x2c6) || (c >= 0x2c8 && c <= 0x2d7) || (c >= 0x2de && c <= 0x2ff) || (c >= 0x1e00 && c <= 0x1eff);
}

// JavaScript's \s (white space and line terminators) without \n and \r.
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || c === 9 || c === 11 || c === 12;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
