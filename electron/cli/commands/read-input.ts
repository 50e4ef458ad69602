import { stat } from 'node:fs/promises';
import type { Node } from 'prosemirror-model';
import { ImportError, importText, type ImportResult } from '../../../shared/import/index.js';
import { CliError } from '../cli-error.js';
import { FormatError } from '../../../shared/formats/types.js';
import type { InputFile } from '../../files/formats.js';
import { readPath } from '../../files/read-path.js';
import { decodeInputText, maxFileBytes, maxTextBytes, readFileBounded, readStdinBounded, utf8FromBomlessUtf16 } from './read-bounded.js';

/**
 * Reads FILE (or stdin for `-`) as text: UTF-8 without a byte-order mark, or UTF-16 (with a
 * byte-order mark, or recognised by its NUL bytes), at most 50 MB (read-bounded.ts). Throws a
 * CliError with a one-line reason when the file is missing, unreadable, a directory, larger
 * than that (a FIFO or /dev/zero included), a PDF, binary (NUL bytes), not valid text, or
 * empty (only white space).
 */
export async function readInputText(file: string): Promise<string> {
  const name = file === '-' ? 'standard input' : file;
  const bytes = file === '-' ? await readStdinBounded(maxTextBytes) : await readFileBounded(file, file, maxTextBytes);
  return decodeInputText(name, bytes);
}

/**
 * Imports `text` (read from the input called `name`) with the text importer, writes the
 * importer's warnings to stderr prefixed with `name`, and returns the documents. Throws a
 * CliError when the importer refuses the text or finds no resolution or decision.
 */
export function importInput(text: string, name: string): Node[] {
  let result: ImportResult;
  try {
    result = importText(text);
  } catch (err) {
    if (err instanceof ImportError) throw new CliError(`cannot import ${name}: ${err.message}`);
    throw err;
  }
  for (const warning of result.warnings) process.stderr.write(`penholder: warning: ${name}: ${warning}\n`);
  if (result.documents.length === 0) throw new CliError(`no resolution or decision found in ${name}`);
  return result.documents;
}

/**
 * The input files of FILE: the file, a folder's .xml/.docx/.txt/.zip files (readPath), or
 * standard input for `-` (named "standard input"). A single file or standard input is read
 * with a 128 MB limit (a FIFO or /dev/zero refused past it) and, when it is UTF-16 without a
 * byte-order mark, handed on as UTF-8. Throws a CliError with the reason.
 */
export async function readInputFiles(file: string): Promise<InputFile[]> {
  if (file === '-') return [{ name: 'standard input', bytes: utf8FromBomlessUtf16(await readStdinBounded(maxFileBytes)) }];
  const info = await stat(file).catch(() => null);
  if (info && !info.isDirectory()) return [{ name: file, bytes: utf8FromBomlessUtf16(await readFileBounded(file, file, maxFileBytes)) }];
  try {
    return await readPath(file);
  } catch (err) {
    if (err instanceof FormatError) throw new CliError(err.message);
    throw err;
  }
}
