/**
 * Input clean-up before any parsing: line endings, odd spaces, invisible characters,
 * Markdown links left by the UN document system, and the refusal of binary data.
 */
import { messageText, msg, type Message } from '../i18n/message.js';

/**
 * Raised when the input holds nothing the importer recognises: `text` says why as a
 * catalogue message (namespace `formats`), `message` is its English sentence.
 */
export class ImportError extends Error {
  /** Why the import failed, for an interface in any language. */
  readonly text: Message;

  /** An import failure saying `text` to the user; `options.cause` keeps what revealed it. */
  constructor(text: Message, options?: ErrorOptions) {
    super(messageText(text), options);
    this.name = 'ImportError';
    this.text = text;
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
  if (input.trim() === '') throw new ImportError(msg('formats:text.empty'));
  let control = 0;
  const sample = input.length > 1_000_000 ? input.slice(0, 1_000_000) : input;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) throw new ImportError(msg('formats:text.binaryNul'));
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12 && code !== 11) || code === 0xfffd || code === 0x7f) control++;
  }
  if (control > sample.length * 0.01) {
    throw new ImportError(msg('formats:text.binaryControl', { control }));
  }
}
