import { readFile } from 'node:fs/promises';
import type { Node } from 'prosemirror-model';
import { ImportError, importText, type ImportResult } from '../../../shared/import/index.js';
import { CliError } from '../cli-error.js';
import { FormatError } from '../../../shared/formats/types.js';
import type { InputFile } from '../../files/formats.js';
import { readPath } from '../../files/read-path.js';

/**
 * Reads FILE (or stdin for `-`) as UTF-8 text, without a byte-order mark. Throws a
 * CliError with a one-line reason when the file is missing, unreadable, a directory,
 * binary (NUL bytes), not valid UTF-8, or empty (only white space).
 */
export async function readInputText(file: string): Promise<string> {
  const name = file === '-' ? 'standard input' : file;
  const bytes = file === '-' ? await readStdin() : await readFileBytes(file);
  if (bytes.includes(0)) throw new CliError(`${name} is a binary file, not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${name} is not valid UTF-8 text`);
  }
  if (text.trim() === '') throw new CliError(`${name} is empty`);
  return text;
}

async function readFileBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`cannot read ${file}: no such file`);
    if (code === 'EISDIR') throw new CliError(`cannot read ${file}: it is a directory`);
    if (code === 'EACCES' || code === 'EPERM') throw new CliError(`cannot read ${file}: permission denied`);
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
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
 * standard input for `-` (named "standard input"). Throws a CliError with the reason.
 */
export async function readInputFiles(file: string): Promise<InputFile[]> {
  if (file === '-') return [{ name: 'standard input', bytes: await readStdin() }];
  try {
    return await readPath(file);
  } catch (err) {
    if (err instanceof FormatError) throw new CliError(err.message);
    throw err;
  }
}
