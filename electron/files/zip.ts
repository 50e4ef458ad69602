import { unzipSync, type UnzipFileInfo } from 'fflate';
import { FormatError } from '../../shared/formats/types.js';
import { msg } from '../../shared/i18n/message.js';

/** Limits on what a zip may unpack to; a whole session's AKN zip (313 files, 14 MB) is far below. */
export const zipLimits = {
  /** Files in one zip. */
  entries: 10_000,
  /** Uncompressed bytes of one file. */
  entryBytes: 64 * 1024 * 1024,
  /** Uncompressed bytes of the whole zip. */
  totalBytes: 512 * 1024 * 1024,
  /** Uncompressed / compressed size above which a file over 1 MB is taken for a zip bomb. */
  ratio: 200,
} as const;

/** One file of a zip: its path inside the zip and its bytes. */
export type ZipEntry = { name: string; bytes: Uint8Array };

/** True when `bytes` start like a zip archive (a local file header, or an empty zip's end record). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The paths of the files in a zip (directories left out), without unpacking any. Throws FormatError for a broken zip. */
export function zipNames(bytes: Uint8Array, name: string): string[] {
  const names: string[] = [];
  guard(name, () =>
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    }),
  );
  return names.filter((n) => !n.endsWith('/'));
}

/**
 * Unpacks the files of the zip `name` that `wanted` selects, in natural order of their paths
 * (74_2.xml before 74_10.xml), refusing with a FormatError a zip of more than
 * `zipLimits.entries` files, a file or a total beyond the size limits, or a file compressed
 * suspiciously well (a zip bomb), before inflating anything. Memory is bounded by the sizes
 * the zip declares (the inflater writes into a buffer of that size).
 */
export function unzipBounded(bytes: Uint8Array, name: string, wanted: (path: string) => boolean = () => true): ZipEntry[] {
  const infos: UnzipFileInfo[] = [];
  guard(name, () =>
    unzipSync(bytes, {
      filter: (file) => {
        infos.push(file);
        return false;
      },
    }),
  );
  if (infos.length > zipLimits.entries) throw new FormatError(msg('backend:files.zipTooMany', { name, n: infos.length, max: zipLimits.entries }));
  let total = 0;
  for (const info of infos) {
    if (info.name.endsWith('/') || !wanted(info.name)) continue;
    if (info.originalSize > zipLimits.entryBytes) {
      throw new FormatError(msg('backend:files.zipEntryTooLarge', { name, entry: info.name, mb: mb(info.originalSize), max: mb(zipLimits.entryBytes) }));
    }
    if (info.originalSize > 1024 * 1024 && info.originalSize > zipLimits.ratio * Math.max(1, info.size)) {
      throw new FormatError(msg('backend:files.zipBomb', { name, entry: info.name, mb: mb(info.originalSize), bytes: info.size }));
    }
    total += info.originalSize;
    if (total > zipLimits.totalBytes) throw new FormatError(msg('backend:files.zipTooLarge', { name, max: mb(zipLimits.totalBytes) }));
  }
  const files = guard(name, () => unzipSync(bytes, { filter: (file) => !file.name.endsWith('/') && wanted(file.name) }));
  return Object.keys(files)
    .sort(naturalOrder)
    .map((path) => ({ name: path, bytes: files[path]! }));
}

/** Compares two paths as people sort numbered files: 74_2 before 74_10, case-insensitive. */
export function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

function guard<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof FormatError) throw err;
    throw new FormatError(msg('backend:files.notZip', { name, reason: (err as Error).message }));
  }
}

function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
