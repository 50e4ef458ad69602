import { useEffect, useRef, useState } from 'react';
import '../styles/import-export.css';
import { pickFiles } from './import-dialog-files.js';
import type { PickedFile, PickedFiles } from './import-dialog-files.js';
import { t } from '../i18n/index.js';

/** Props of the drop overlay: what a drop of files or folders onto the window does. */
export type DropOverlayProps = { onDrop: (picked: PickedFiles) => void; disabled?: boolean };

// A folder's entries come in batches: readEntries is called until it gives none.
function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

// Every file under `entry`, named by its path from the dropped item ("drafts/L.12.docx").
async function filesOfEntry(entry: FileSystemEntry, into: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    into.push({ name: entry.fullPath.replace(/^\//, '') || file.name, file });
  } else if (entry.isDirectory) {
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await filesOfEntry(child, into);
  }
}

/**
 * The files of a drop, folders walked through (their files named by path, filtered as a
 * chosen folder's are). The entries must be taken during the drop event itself: the
 * DataTransfer is emptied once the event returns.
 */
export async function filesOfDrop(data: DataTransfer): Promise<PickedFiles | null> {
  const items = [...data.items].filter((item) => item.kind === 'file');
  const entries = items.map((item) => item.webkitGetAsEntry?.() ?? null);
  // Files made by a script (no file system behind them) have no entry: their File is used.
  const plain = items.map((item) => item.getAsFile());
  const files: PickedFile[] = [];
  let folder = '';
  for (const [i, entry] of entries.entries()) {
    if (entry?.isDirectory) folder ||= entry.name;
    if (entry) await filesOfEntry(entry, files);
    else {
      const file = plain[i];
      if (file) files.push({ name: file.name, file });
    }
  }
  if (files.length === 0) return null;
  const label = folder && entries.length === 1 ? folder : files.length === 1 ? files[0]?.name ?? '' : t('documents:dropOverlay.files', { count: files.length });
  return pickFiles(files, label, folder !== '');
}

// Only drags carrying files concern the window (text dragged inside the editor does not).
function carriesFiles(event: DragEvent): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

/**
 * Drop files or folders anywhere on the window to import them: while files are dragged over
 * the window a full-window overlay says what a drop does; the drop is taken before the
 * editor sees it (capture phase) and handed to `onDrop`. While `disabled` (an import runs)
 * a drop is refused, never left to the browser.
 */
export function DropOverlay({ onDrop, disabled = false }: DropOverlayProps) {
  const [over, setOver] = useState(false);
  const onDropRef = useRef(onDrop);
  onDropRef.current = onDrop;
  const disabledRef = useRef(disabled);
  disabledRef.current = disabled;
  useEffect(() => {
    // Always taken, even while disabled: a file dropped on a page that does not take it is
    // opened by the browser (the desktop app would navigate away from Penholder).
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = disabledRef.current ? 'none' : 'copy';
      setOver(!disabledRef.current);
    };
    // Leaving the window: the pointer is over nothing of the page.
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setOver(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      event.stopPropagation();
      setOver(false);
      if (disabledRef.current) return;
      void filesOfDrop(event.dataTransfer).then((picked) => picked && onDropRef.current(picked));
    };
    window.addEventListener('dragenter', onDragOver, true);
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('dragleave', onDragLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragenter', onDragOver, true);
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('dragleave', onDragLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, []);
  if (!over) return null;
  return (
    <div className="drop-overlay" role="status" aria-label={t('documents:dropOverlay.dropToImport')}>
      <div className="drop-overlay-card">
        <p className="drop-overlay-title">{t('documents:dropOverlay.dropToImport')}</p>
        <p>{t('documents:dropOverlay.wordDocxAkomaNtoso')}</p>
      </div>
    </div>
  );
}
