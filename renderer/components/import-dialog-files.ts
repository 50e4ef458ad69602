import { t } from '../i18n/index.js';
/**
 * The files an import is made of, as the Import dialog, the top bar's file input and a
 * drop onto the window hand them over: each with the path it had inside a chosen or dropped
 * folder, in file order, and the ones no reader takes left out with a warning.
 */

/** One file picked or dropped: its name as the importer sees it (the path inside a folder) and its content. */
export type PickedFile = { name: string; file: Blob };

/** What was picked: the files (in file order), a label for the result ("drafts", "a.docx"), and what was left out. */
export type PickedFiles = { files: PickedFile[]; label: string; skipped: string[] };

/** The endings of the files Penholder reads: Word, Akoma Ntoso XML, a zip of them, plain text. */
export const importableEndings = ['.docx', '.xml', '.zip', '.txt'] as const;

/** The `accept` attribute of the file inputs. */
export const importAccept = importableEndings.join(',');

// More than this in one import is refused before anything is read (the WebSocket frame limit
// is 64 MB after base64).
const maxImportBytes = 40 * 1024 * 1024;

/** Whether `name` ends in one of `importableEndings` (case-insensitive). */
export function isImportable(name: string): boolean {
  const lower = name.toLowerCase();
  return importableEndings.some((ending) => lower.endsWith(ending));
}

/** Whether a file is a Word document, by its name. */
export function isDocx(name: string): boolean {
  return name.toLowerCase().endsWith('.docx');
}

// Hidden files (".DS_Store") and Word's lock files ("~$draft.docx") are never documents.
function isHidden(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.startsWith('.') || base.startsWith('~$');
}

/**
 * Puts files in file order (by path, numbers compared as numbers: "L.2" before "L.10") and,
 * when they came from a folder, leaves out hidden files and files no reader takes (named in
 * `skipped`). Files chosen one by one are all kept: the backend tells the format by content.
 */
export function pickFiles(files: readonly PickedFile[], label: string, fromFolder: boolean): PickedFiles {
  const skipped: string[] = [];
  const kept: PickedFile[] = [];
  for (const f of files) {
    if (fromFolder && (isHidden(f.name) || !isImportable(f.name))) skipped.push(f.name);
    else kept.push(f);
  }
  kept.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }));
  return { files: kept, label, skipped };
}

/** The files of a file input: with `webkitdirectory`, each named by its path inside the folder, labelled by the folder's name. */
export function filesOfInput(list: FileList | null): PickedFiles | null {
  const all = [...(list ?? [])];
  if (all.length === 0) return null;
  const folder = all[0]?.webkitRelativePath ? all[0].webkitRelativePath.split('/')[0] ?? '' : '';
  const files = all.map((file) => ({ name: file.webkitRelativePath || file.name, file }));
  return pickFiles(files, folder || (all.length === 1 ? all[0]?.name ?? '' : t('documents:importDialogFiles.files', { count: all.length })), folder !== '');
}

/** The warning for the files a folder import left out, or null when none was. */
export function skippedWarning(skipped: readonly string[]): string | null {
  if (skipped.length === 0) return null;
  const shown = skipped.slice(0, 5).join(', ');
  return skipped.length > 5
    ? t('documents:importDialogFiles.leftOutMore', { count: skipped.length, shown, more: skipped.length - 5 })
    : t('documents:importDialogFiles.leftOut', { count: skipped.length, shown });
}

/** Reads the files' content for files.import; throws a sentence naming the size when they are too large for one import. */
export async function readPicked(files: readonly PickedFile[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  const total = files.reduce((sum, f) => sum + f.file.size, 0);
  if (total > maxImportBytes) {
    throw new Error(t('documents:importDialogFiles.theFilesHoldMb', { round: Math.round(total / 1024 / 1024), value: maxImportBytes / 1024 / 1024 }));
  }
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.file.arrayBuffer()) })));
}
