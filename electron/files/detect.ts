import { FormatError } from '../../shared/formats/types.js';
import { isZip, zipNames } from './zip.js';
import { msg } from '../../shared/i18n/message.js';

/**
 * What a file is, told by its content (the extension is only a hint for people): a Word
 * package, a zip of other files, XML (`text` decoded, for the Akoma Ntoso reader to check)
 * or plain text (decoded from UTF-8, or UTF-16 with a byte-order mark).
 */
export type Detected = { kind: 'docx' } | { kind: 'zip' } | { kind: 'xml'; text: string } | { kind: 'text'; text: string };

/**
 * Tells what the file `name` holds. Throws FormatError naming the file for what Penholder
 * does not read: a PDF, an old binary Word .doc, other binary data, text that is not valid
 * UTF-8 (or UTF-16 with a byte-order mark), an empty file.
 */
export function detectFormat(name: string, bytes: Uint8Array): Detected {
  if (isZip(bytes)) return zipNames(bytes, name).includes('word/document.xml') ? { kind: 'docx' } : { kind: 'zip' };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new FormatError(msg('backend:files.isPdf', { name }));
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new FormatError(msg('backend:files.oldWord', { name }));
  }
  const text = decodeText(name, bytes);
  if (text.trim() === '') throw new FormatError(msg('backend:files.empty', { name }));
  return text.trimStart().startsWith('<') ? { kind: 'xml', text } : { kind: 'text', text };
}

/**
 * Decodes text: UTF-16 LE or BE when it starts with that byte-order mark, otherwise UTF-8
 * (a UTF-8 byte-order mark dropped). Throws FormatError for NUL bytes in UTF-8 (binary data)
 * and for invalid sequences.
 */
export function decodeText(name: string, bytes: Uint8Array): string {
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : null;
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new FormatError(msg('backend:files.badEncoding', { name, encoding: utf16.toUpperCase() }));
    }
  }
  if (bytes.includes(0)) throw new FormatError(msg('backend:files.binary', { name }));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FormatError(msg('backend:files.badEncoding', { name, encoding: 'UTF-8' }));
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
