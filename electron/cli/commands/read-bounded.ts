import { open } from 'node:fs/promises';
import { CliError } from '../cli-error.js';

/**
 * Reading the CLI's input with a size limit, whatever it is: a regular file larger than the
 * limit is refused from its size before a byte is read; a FIFO, a device (`/dev/zero`) or
 * standard input is read in chunks and refused as soon as it passes the limit, so at most
 * the limit is ever held in memory. And telling text encodings apart: UTF-8, UTF-16 with a
 * byte-order mark, UTF-16 without one (recognised by its NUL bytes), a PDF named as such.
 */

/** The most bytes read as text (a resolution file, document JSON): 50 MB. */
export const maxTextBytes = 50 * 1024 * 1024;

/** The most bytes read from one input file of `penholder import` (Word, zips): 128 MB. */
export const maxFileBytes = 128 * 1024 * 1024;

const chunkBytes = 1024 * 1024;

function tooLarge(name: string, limit: number): CliError {
  return new CliError(`${name} is larger than ${limit / (1024 * 1024)} MB, the most Penholder reads from one input`);
}

/**
 * The bytes of `file` (named `name` in errors), at most `limit` of them. Throws a CliError
 * for a missing, unreadable or directory path and for input past the limit.
 */
export async function readFileBounded(file: string, name: string, limit: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`cannot read ${name}: no such file`);
    if (code === 'EACCES' || code === 'EPERM') throw new CliError(`cannot read ${name}: permission denied`);
    throw new CliError(`cannot read ${name}: ${(err as Error).message}`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new CliError(`cannot read ${name}: it is a directory`);
    if (info.isFile() && info.size > limit) throw tooLarge(name, limit);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw tooLarge(name, limit);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read ${name}: ${(err as Error).message}`);
  } finally {
    await handle.close();
  }
}

/** Standard input, at most `limit` bytes; throws a CliError (and stops reading) past it. */
export async function readStdinBounded(limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += bytes.length;
    if (total > limit) {
      process.stdin.destroy();
      throw tooLarge('standard input', limit);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/**
 * The encoding of text without a byte-order mark that is UTF-16 by its NUL bytes: mostly
 * Latin text in UTF-16 has a NUL in every other byte (the odd ones in little-endian, the even
 * ones in big-endian) and almost none in the others. Null when the bytes do not look so
 * (text in other scripts needs its byte-order mark).
 */
export function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4 || bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = length / 2;
  if (odd >= pairs * 0.4 && even <= pairs * 0.02) return 'utf-16le';
  if (even >= pairs * 0.4 && odd <= pairs * 0.02) return 'utf-16be';
  return null;
}

/**
 * Decodes the input `name` as text: UTF-16 LE or BE (with a byte-order mark or recognised by
 * `bomlessUtf16`), else UTF-8 without its byte-order mark. Throws a CliError naming a PDF
 * as such, and for binary data (NUL bytes), invalid text or an empty input.
 */
export function decodeInputText(name: string, bytes: Uint8Array): string {
  if (isPdf(bytes)) throw new CliError(`${name} is a PDF file: Penholder reads text here; extract its text first (for example: pdftotext -layout FILE.pdf FILE.txt)`);
  const bom = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  const utf16 = bom ?? bomlessUtf16(bytes);
  let text: string;
  if (utf16) {
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bom ? bytes.subarray(2) : bytes);
    } catch {
      throw new CliError(`${name} is not valid ${utf16.toUpperCase()} text`);
    }
    if (text.includes('\u0000')) throw new CliError(`${name} is a binary file, not text`);
  } else {
    if (bytes.includes(0)) throw new CliError(`${name} is a binary file, not text`);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new CliError(`${name} is not valid UTF-8 text`);
    }
  }
  if (text.trim() === '') throw new CliError(`${name} is empty`);
  return text;
}

/** True when `bytes` start like a PDF file ("%PDF-"). */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/**
 * `bytes` re-encoded as UTF-8 when they are UTF-16 without a byte-order mark (see
 * `bomlessUtf16`), so readers that know only UTF-8 and marked UTF-16 read them; otherwise
 * (or when they do not decode) `bytes` unchanged.
 */
export function utf8FromBomlessUtf16(bytes: Uint8Array): Uint8Array {
  const utf16 = bomlessUtf16(bytes);
  if (!utf16) return bytes;
  try {
    return new TextEncoder().encode(new TextDecoder(utf16, { fatal: true }).decode(bytes));
  } catch {
    return bytes;
  }
}
