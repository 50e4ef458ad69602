import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FormatError } from '../../shared/formats/types.js';
import { readableExtensions, type InputFile } from './formats.js';
import { naturalOrder } from './zip.js';
import { msg } from '../../shared/i18n/message.js';

/** At most this many files are read from one folder (its subfolders included). */
export const folderLimit = 10_000;

/** Files larger than this (bytes) are refused from their size, before a byte is read. */
export const fileSizeLimit = 128 * 1024 * 1024;

/**
 * The input files at `target`: the file itself, or for a folder its .xml, .docx, .txt and
 * .zip files, subfolders included, in natural order of their relative paths (hidden files
 * and folders left out). Names are the paths as given joined with the relative path. Throws
 * FormatError for a missing or unreadable path, a file over `fileSizeLimit` or not a regular
 * file, and for a folder without such files or with more than `folderLimit`.
 */
export async function readPath(target: string): Promise<InputFile[]> {
  const info = await attempt(target, () => stat(target));
  if (!info.isDirectory()) return [await readOne(target)];
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await attempt(dir, () => readdir(dir, { withFileTypes: true }));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && readableExtensions.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
        found.push(full);
        if (found.length > folderLimit) throw new FormatError(msg('backend:files.folderTooMany', { folder: target, max: folderLimit }));
      }
    }
  };
  await walk(target);
  if (found.length === 0) throw new FormatError(msg('backend:files.folderEmpty', { folder: target }));
  found.sort((a, b) => naturalOrder(path.relative(target, a), path.relative(target, b)));
  const files: InputFile[] = [];
  for (const file of found) files.push(await readOne(file));
  return files;
}

async function readOne(file: string): Promise<InputFile> {
  const info = await attempt(file, () => stat(file));
  if (!info.isFile()) throw new FormatError(msg('backend:files.notRegular', { file }));
  if (info.size > fileSizeLimit) throw new FormatError(msg('backend:files.tooLarge', { file, mb: fileSizeLimit / (1024 * 1024) }));
  return { name: file, bytes: await attempt(file, () => readFile(file)) };
}

async function attempt<T>(file: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FormatError(msg('backend:files.noSuchFile', { file }));
    if (code === 'EACCES' || code === 'EPERM') throw new FormatError(msg('backend:files.permissionDenied', { file }));
    throw new FormatError(msg('backend:files.cannotRead', { file, reason: (err as Error).message }));
  }
}
