import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient, ChannelResult, FileProgress, FileTrackedChanges } from '../../shared/api/contract.js';
import { ApiError } from '../../shared/api/contract.js';
import type { Message } from '../../shared/i18n/message.js';
import { newId } from '../../shared/ids.js';
import { messageOf } from '../format.js';
import { isDocx, readPicked, skippedWarning } from './import-dialog-files.js';
import type { PickedFiles } from './import-dialog-files.js';
import { t } from '../i18n/index.js';

/** Tracked changes of the Word files of one import, summed, and the authors that name no delegation. */
export type TrackedFound = { counts: FileTrackedChanges; unknownAuthors: string[]; files: string[] };

/** How the person answered the tracked-changes question. */
export type TrackedAnswer = { mode: 'accept' | 'reject' | 'proposals'; authorDelegations: Record<string, string> };

/** Where an import stands: the dialog's steps ('closed' when no dialog shows). */
export type ImportStep =
  | { step: 'closed' }
  | { step: 'choose'; error: string | null }
  | { step: 'reading'; label: string }
  | { step: 'tracked'; label: string; found: TrackedFound }
  | { step: 'importing'; label: string; progress: FileProgress | null; cancelling: boolean };

/**
 * What an import produced, for the app's banner: the label, the documents in file order, every
 * warning (the files left out, in the interface language, then the readers' messages).
 */
export type ImportOutcome = { label: string; result: ChannelResult<'files.import'>; warnings: (string | Message)[] };

/** What the app does with an import's end: show the outcome, or the failure (null: cancelled, nothing to say). */
export type ImportCallbacks = { onDone: (outcome: ImportOutcome) => void; onFailed: (message: string | null) => void };

/** The import flow: its step, and what the dialog, the file inputs and a drop call. */
export type ImportFlow = {
  state: ImportStep;
  busy: boolean;
  /** Opens the dialog at its first step (choose files or a folder, or drop them). */
  open: () => void;
  /** Closes the dialog (cancels a running import first). */
  close: () => void;
  /** Imports what was picked or dropped: reads it, asks about tracked changes when a Word file has some, imports. */
  start: (picked: PickedFiles) => void;
  /** The answer to the tracked-changes question; the import goes on. */
  answer: (answer: TrackedAnswer) => void;
};

// Sums the tracked changes of the Word files (files.inspect on each); null when none has any.
async function inspectTracked(api: ApiClient, files: readonly { name: string; bytes: Uint8Array }[]): Promise<TrackedFound | null> {
  const found: TrackedFound = { counts: { insertions: 0, deletions: 0, authors: [] }, unknownAuthors: [], files: [] };
  for (const file of files) {
    if (!isDocx(file.name)) continue;
    const inspected = await api.invoke('files.inspect', file);
    const t = inspected.trackedChanges;
    if (!t || t.insertions + t.deletions === 0) continue;
    found.files.push(file.name);
    found.counts.insertions += t.insertions;
    found.counts.deletions += t.deletions;
    for (const a of t.authors) if (!found.counts.authors.includes(a)) found.counts.authors.push(a);
    for (const a of inspected.unknownAuthors) if (!found.unknownAuthors.includes(a)) found.unknownAuthors.push(a);
  }
  return found.files.length > 0 ? found : null;
}

/**
 * The one import path of the app (the Import dialog, the top bar, a drop onto the window):
 * files.inspect on Word files to ask about their tracked changes (accept all, reject all,
 * keep as proposals, and which delegation each unknown author speaks for), then files.import
 * with a job id, whose files.progress the dialog shows and whose Cancel calls files.cancel.
 * A plain single file picked without the dialog open imports without showing it.
 */
export function useImportFlow(api: ApiClient, callbacks: ImportCallbacks): ImportFlow {
  const [state, setState] = useState<ImportStep>({ step: 'closed' });
  const shown = useRef(state);
  shown.current = state;
  const [busy, setBusy] = useState(false);
  const job = useRef<string | null>(null);
  const cancelled = useRef(false);
  // Each start is an attempt; closing the dialog before files.import abandons the current one.
  const attempts = useRef(0);
  const pending = useRef<{ picked: PickedFiles; files: { name: string; bytes: Uint8Array }[] } | null>(null);
  const cb = useRef(callbacks);
  cb.current = callbacks;

  useEffect(
    () =>
      api.on('files.progress', (progress) => {
        if (progress.jobId !== job.current) return;
        setState((s) => (s.step === 'importing' ? { ...s, progress } : s));
      }),
    [api],
  );

  const run = useCallback(
    async (picked: PickedFiles, files: { name: string; bytes: Uint8Array }[], answer: TrackedAnswer | null, showProgress: boolean) => {
      const jobId = newId();
      job.current = jobId;
      cancelled.current = false;
      if (showProgress) setState({ step: 'importing', label: picked.label, progress: null, cancelling: false });
      try {
        const result = await api.invoke('files.import', {
          files,
          jobId,
          ...(answer ? { trackedChanges: answer.mode, authorDelegations: answer.authorDelegations } : {}),
        });
        const skipped = skippedWarning(picked.skipped);
        // A backend that sends no messages (or not one per warning) leaves the English sentences.
        const found: (string | Message)[] = result.messages?.length === result.warnings.length ? result.messages : result.warnings;
        cb.current.onDone({ label: picked.label, result, warnings: skipped ? [skipped, ...found] : found });
        setState({ step: 'closed' });
      } catch (cause) {
        setState({ step: 'closed' });
        const stopped = cancelled.current || (cause instanceof ApiError && cause.code === 'cancelled');
        cb.current.onFailed(stopped ? null : t('documents:importDialogFlow.importingFailed', { label: picked.label, reason: messageOf(cause) }));
      } finally {
        job.current = null;
        setBusy(false);
      }
    },
    [api],
  );

  const start = useCallback(
    (picked: PickedFiles) => {
      if (picked.files.length === 0) {
        const why = skippedWarning(picked.skipped) ?? 'it holds no file.';
        setState({ step: 'choose', error: t('documents:importDialogFlow.nothingToImportIn', { label: picked.label, why }) });
        return;
      }
      setBusy(true);
      cb.current.onFailed(null);
      const dialogShown = shown.current.step !== 'closed';
      const long = picked.files.length > 1 || picked.files.some((f) => /\.zip$/i.test(f.name));
      const attempt = ++attempts.current;
      void (async () => {
        try {
          if (dialogShown || long) setState({ step: 'reading', label: picked.label });
          const files = await readPicked(picked.files);
          const found = await inspectTracked(api, files);
          // Cancelled while the files were read or inspected: nothing was imported.
          if (attempt !== attempts.current) return;
          if (found) {
            pending.current = { picked, files };
            setState({ step: 'tracked', label: picked.label, found });
            return;
          }
          await run(picked, files, null, dialogShown || long);
        } catch (cause) {
          if (attempt !== attempts.current) return;
          setState({ step: 'closed' });
          setBusy(false);
          cb.current.onFailed(t('documents:importDialogFlow.importingFailed', { label: picked.label, reason: messageOf(cause) }));
        }
      })();
    },
    [api, run],
  );

  const answer = useCallback(
    (a: TrackedAnswer) => {
      const next = pending.current;
      pending.current = null;
      if (next) void run(next.picked, next.files, a, true);
    },
    [run],
  );

  const close = useCallback(() => {
    const jobId = job.current;
    if (jobId) {
      cancelled.current = true;
      setState((s) => (s.step === 'importing' ? { ...s, cancelling: true } : s));
      void api.invoke('files.cancel', { jobId }).catch(() => undefined);
      return;
    }
    // Before files.import: the files being read or inspected, or the tracked-changes question.
    attempts.current += 1;
    pending.current = null;
    setBusy(false);
    setState({ step: 'closed' });
  }, [api]);

  const open = useCallback(() => setState((s) => (s.step === 'closed' ? { step: 'choose', error: null } : s)), []);
  return { state, busy, open, close, start, answer };
}
