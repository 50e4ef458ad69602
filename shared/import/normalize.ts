/**
 * Input clean-up before any parsing: line endings, odd spaces, invisible characters,
 * Markdown links left by the UN document system, and the refusal of binary data.
 */

/** Raised when the input holds nothing the importer recognises; the message says why. */
export class ImportError extends Error {
  /** An import failure with a message meant for the user. */
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/**
 * The text with `\n` line endings (CRLF, CR and form feeds converted), tabs expanded to
 * four spaces, no-break and thin spaces made plain, zero-width characters and soft
 * hyphens removed, and Markdown links `[46/152](#)` replaced by their text.
 * Throws an `ImportError` when the input looks binary (NUL bytes or many control
 * characters).
 */
export function normalizeText(input: string): string {
  assertTextual(input);
  return input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|\f|\v|\u2028|\u2029/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u00A0\u2007\u202F\u2009\u200A]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/\[([^[\]\n]{1,300})\]\([^)\n]{0,500}\)/g, '$1');
}

function assertTextual(input: string): void {
  if (input.trim() === '') throw new ImportError('the text is empty');
  let control = 0;
  const sample = input.length > 1_000_000 ? input.slice(0, 1_000_000) : input;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) throw new ImportError('the input is binary data (it contains NUL bytes), not text');
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12 && code !== 11) || code === 0xfffd || code === 0x7f) control++;
  }
  if (control > sample.length * 0.01) {
    throw new ImportError(`the input is binary data, not text (${control} control or undecodable characters)`);
  }
}
