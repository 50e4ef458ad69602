import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { ApiClient, ChannelArgs, FileProgress, RevisionSummary } from '../../shared/api/contract.js';
import { ApiError } from '../../shared/api/contract.js';
import { newId } from '../../shared/ids.js';
import { revisionName } from '../document/revision-format.js';
import { messageOf } from '../format.js';
import { provenanceCsv, provenanceFileName, provenanceText } from '../library/provenance-export.js';
import '../styles/import-export.css';
import { DialogFooter } from './dialog-footer.js';
import { ProgressLine, saveFile } from './export-dialog-parts.js';
import { ExportOptions } from './export-dialog-options.js';
import type { ExportChoices } from './export-dialog-options.js';
import { t } from '../i18n/index.js';

/** What the dialog opens with: the view shown, a revision to export instead of now, a revision to show changes from. */
export type ExportPreset = Partial<Pick<ExportChoices, 'format' | 'view' | 'changesFrom'>> & { revisionId?: string };

/** The Export dialog of the open document: opening it (with a preset) and the dialog to place. */
export type ExportDialogTool = { open: (preset?: ExportPreset) => void; dialog: ReactNode };

/**
 * The one Export dialog of the open document (`docId`, null when none is open), opened from
 * the top bar, the views and the Revisions panel; it closes when another document opens.
 */
export function useExportDialog(api: ApiClient, docId: string | null, summary?: DocumentNames): ExportDialogTool {
  const [preset, setPreset] = useState<{ docId: string; preset: ExportPreset } | null>(null);
  const open = useCallback((p: ExportPreset = {}) => setPreset(docId ? { docId, preset: p } : null), [docId]);
  const shown = preset && preset.docId === docId ? preset : null;
  const dialog = shown ? <ExportDialog api={api} docId={shown.docId} names={summary} preset={shown.preset} onClose={() => setPreset(null)} /> : null;
  return { open, dialog };
}

/** Props of the Export dialog. */
export type ExportDialogProps = { api: ApiClient; docId: string; names?: DocumentNames; preset: ExportPreset; onClose: () => void };

/** The open document's title and symbol as the document list has them (for the dialog's lead and the file name shown). */
export type DocumentNames = { title: string; symbol: string };

// The files.export arguments for the choices made.
function exportArgs(docId: string, revisionId: string | undefined, c: ExportChoices & { format: ChannelArgs<'files.export'>['format'] }, jobId: string): ChannelArgs<'files.export'> {
  const compilation = c.view === 'compilation';
  return {
    id: docId,
    format: c.format,
    view: c.view,
    jobId,
    ...(revisionId ? { revisionId } : {}),
    ...(compilation && c.format !== 'akn' ? { tags: c.proposers !== 'none' } : {}),
    ...(compilation && c.format === 'docx' ? { brackets: c.proposers === 'comments' ? 'comments' : 'tags' } : {}),
    ...(c.format === 'docx' && c.changesFrom ? { changesFromRevisionId: c.changesFrom } : {}),
    ...(c.format === 'pdf' ? { paper: c.paper } : {}),
  };
}

/**
 * The Export dialog: format (Word, PDF, Akoma Ntoso, text, or the provenance report of
 * the library: which paragraphs are agreed language, as text or CSV), view (compilation or clean),
 * how proposers of brackets show (tags in the text, Word comments, or not at all), for Word
 * the named revision whose changes since show as tracked changes, for PDF the paper; the
 * file is saved named after the symbol as the backend names it. While the export runs its
 * progress shows and Cancel stops it (files.cancel).
 */
export function ExportDialog({ api, docId, names, preset, onClose }: ExportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [choices, setChoices] = useState<ExportChoices>({
    format: preset.format ?? 'docx',
    view: preset.view ?? 'compilation',
    proposers: 'tags',
    changesFrom: preset.changesFrom ?? '',
    paper: 'a4',
    report: 'txt',
  });
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [job, setJob] = useState<{ id: string; progress: FileProgress | null; cancelling: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const jobRef = useRef<string | null>(null);
  const cancelled = useRef(false);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);
  useEffect(() => {
    let live = true;
    api.invoke('revisions.list', { docId }).then(
      (list) => live && setRevisions(list.filter((r) => r.kind !== 'autosave')),
      (cause: unknown) => live && setError(t('documents:exportDialog.theRevisionsCouldNot', { reason: messageOf(cause) })),
    );
    return () => {
      live = false;
    };
  }, [api, docId]);
  useEffect(
    () =>
      api.on('files.progress', (progress) => {
        if (progress.jobId === jobRef.current) setJob((j) => (j ? { ...j, progress } : j));
      }),
    [api],
  );

  const exported = revisions?.find((r) => r.id === preset.revisionId) ?? null;
  const title = preset.revisionId ? t('documents:exportDialog.exportRevision', { name: exported ? revisionName(exported) : t('documents:exportDialog.revision') }) : t('documents:exportDialog.export');

  const run = async () => {
    const jobId = newId();
    jobRef.current = jobId;
    cancelled.current = false;
    setJob({ id: jobId, progress: null, cancelling: false });
    setError(null);
    try {
      const format = choices.format;
      if (format === 'provenance') {
        const report = await api.invoke('library.provenance', { id: docId, ...(preset.revisionId ? { revisionId: preset.revisionId } : {}) });
        if (cancelled.current) return;
        const name = names?.symbol.trim() || names?.title.trim() || '';
        const csv = choices.report === 'csv';
        saveFile(csv ? provenanceCsv(report) : provenanceText(report, name), provenanceFileName(name, choices.report), csv ? 'text/csv;charset=utf-8' : 'text/plain;charset=utf-8');
        onClose();
        return;
      }
      const file = await api.invoke('files.export', exportArgs(docId, preset.revisionId, { ...choices, format }, jobId));
      saveFile(file.bytes, file.fileName, file.mime);
      onClose();
    } catch (cause) {
      const stopped = cancelled.current || (cause instanceof ApiError && cause.code === 'cancelled');
      setError(stopped ? null : t('documents:exportDialog.theExportFailed', { reason: messageOf(cause) }));
      setJob(null);
    } finally {
      jobRef.current = null;
    }
  };
  const cancel = () => {
    if (!job) return onClose();
    cancelled.current = true;
    setJob({ ...job, cancelling: true });
    void api.invoke('files.cancel', { jobId: job.id }).catch(() => undefined);
  };

  return createPortal(
    <dialog
      ref={dialog}
      className="dialog export-dialog"
      aria-labelledby="export-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
    >
      <h2 id="export-dialog-title">{title}</h2>
      <p className="dialog-lead export-lead" title={names?.title}>
        {preset.revisionId ? t('documents:exportDialog.theTextAsIt', { value: exported ? revisionName(exported) : 'the revision' }) : t('documents:exportDialog.theTextAsIt2')}
        {names?.title.trim() ? t('common:titleAfter', { title: names.title.trim() }) : '.'}
      </p>
      {job ? (
        <ProgressLine text={job.cancelling ? t('documents:exportDialog.cancelling') : t('documents:exportDialog.exporting')} progress={job.progress} onCancel={job.cancelling ? undefined : cancel} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
        >
          <ExportOptions choices={choices} onChange={(c) => setChoices((prev) => ({ ...prev, ...c }))} revisions={(revisions ?? []).filter((r) => r.id !== preset.revisionId)} symbol={names?.symbol ?? ''} />
          <DialogFooter error={error} onCancel={onClose} submit={t('documents:exportDialog.export')} />
        </form>
      )}
    </dialog>,
    document.body,
  );
}
