import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient, FileProgress, RevisionSummary } from '../../shared/api/contract.js';
import { ApiError } from '../../shared/api/contract.js';
import { messageText, type Message } from '../../shared/i18n/message.js';
import { newId } from '../../shared/ids.js';
import { messageOf } from '../format.js';
import { filesOfInput, importAccept, readPicked, skippedWarning } from './import-dialog-files.js';
import type { PickedFiles } from './import-dialog-files.js';
import { t, useT } from '../i18n/index.js';

/** Props of the Add tab: the API, the open document's id, and a callback after anything was added (the size is read again). */
export type LibraryAddProps = { api: ApiClient; docId: string; onAdded: () => void };

type Source = { label: string; args: { files?: { name: string; bytes: Uint8Array }[]; documentIds?: string[]; revisionIds?: string[] }; skipped?: string[] };

type AddState =
  | { step: 'idle'; result: string | null; warnings: (string | Message)[]; error: string | null }
  | { step: 'adding'; label: string; progress: FileProgress | null; cancelling: boolean };

const idle: AddState = { step: 'idle', result: null, warnings: [], error: null };

/**
 * The Add tab of the Library panel: files, a folder or a zip (Akoma Ntoso, Word, text; the
 * same picking as the Import dialog), this document, or one of its named revisions go into
 * the library, as adopted texts or as drafts. A long add shows its files.progress and can be
 * cancelled (files.cancel); what was added before the cancel stays.
 */
export function LibraryAdd({ api, docId, onAdded }: LibraryAddProps) {
  const [state, setState] = useState<AddState>(idle);
  const { language } = useT();
  const [adopted, setAdopted] = useState(true);
  const [revisions, setRevisions] = useState<readonly RevisionSummary[]>([]);
  const [revision, setRevision] = useState('');
  const job = useRef<string | null>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    api.invoke('revisions.list', { docId }).then(
      (list) => setRevisions(list.filter((r) => r.kind !== 'autosave')),
      () => setRevisions([]),
    );
  }, [api, docId]);

  useEffect(
    () =>
      api.on('files.progress', (progress) => {
        if (progress.jobId === job.current) setState((s) => (s.step === 'adding' ? { ...s, progress } : s));
      }),
    [api],
  );

  const add = useCallback(
    async (source: () => Promise<Source | null>) => {
      const jobId = newId();
      job.current = jobId;
      let label = '';
      try {
        const picked = await source();
        if (!picked) return;
        label = picked.label;
        setState({ step: 'adding', label, progress: null, cancelling: false });
        // Unticked, the backend tells adopted texts from drafts by each symbol (A/RES/… against …/L.…).
        const result = await api.invoke('library.add', { ...picked.args, ...(adopted ? {} : { adopted: false }), jobId });
        const skippedNote = skippedWarning(picked.skipped ?? []);
        const unchanged = result.skipped ? t('library:libraryAdd.alreadyThereUnchanged', { skipped: result.skipped }) : '';
        setState({
          step: 'idle',
          result: t('library:libraryAdd.added', { label, texts: t('library:libraryAdd.texts', { count: result.documents }), paragraphs: t('library:libraryAdd.paragraphs', { count: result.paragraphs }), unchanged }),
          // The readers' messages, said in the interface language when shown; English when the backend sent none.
          warnings: [...(skippedNote ? [skippedNote] : []), ...(result.messages?.length === result.warnings.length ? result.messages : result.warnings)],
          error: null,
        });
      } catch (cause) {
        const cancelled = cause instanceof ApiError && cause.code === 'cancelled';
        setState({ step: 'idle', warnings: [], result: cancelled ? t('library:libraryAdd.addingWasCancelledWhat', { label }) : null, error: cancelled ? null : t('library:libraryAdd.addingFailed', { label, reason: messageOf(cause) }) });
      } finally {
        job.current = null;
        onAdded();
      }
    },
    [api, adopted, onAdded],
  );

  const fromInput = (picked: PickedFiles | null) => {
    if (!picked) return;
    void add(async () => ({ label: picked.label, args: { files: await readPicked(picked.files) }, skipped: picked.skipped }));
  };
  const cancel = () => {
    const jobId = job.current;
    if (!jobId) return;
    setState((s) => (s.step === 'adding' ? { ...s, cancelling: true } : s));
    void api.invoke('files.cancel', { jobId }).catch(() => undefined);
  };

  if (state.step === 'adding') {
    const { progress } = state;
    return (
      <div className="library-add" aria-busy="true">
        <p className="library-progress-label" role="status">
          {state.cancelling ? t('library:libraryAdd.cancelling') : t('library:libraryAdd.adding', { label: state.label })} {progress ? t('library:libraryAdd.of', { done: progress.done, total: progress.total, value: progress.stage ? ` · ${progress.stage}` : '' }) : ''}
        </p>
        <progress max={progress?.total || 1} value={progress ? progress.done : undefined} aria-label={t('library:libraryAdd.addingToTheLibrary')} />
        <button type="button" className="button subtle" disabled={state.cancelling} onClick={cancel}>
          {t('common:cancel')}
        </button>
      </div>
    );
  }
  return (
    <div className="library-add">
      <p className="library-help">{t('library:libraryAdd.addAdoptedResolutionsAkoma')}</p>
      <label className="library-check">
        <input type="checkbox" checked={!adopted} onChange={(e) => setAdopted(!e.target.checked)} />{' '}{t('library:libraryAdd.addAsDraftsNot')}
      </label>
      <div className="library-add-buttons">
        <button type="button" className="button" onClick={() => filesInput.current?.click()}>
          {t('library:libraryAdd.addFiles')}
        </button>
        <button type="button" className="button" onClick={() => folderInput.current?.click()}>
          {t('library:libraryAdd.addFolder')}
        </button>
        <button type="button" className="button" onClick={() => void add(async () => ({ label: 'this document', args: { documentIds: [docId] } }))}>
          {t('library:libraryAdd.addThisDocument')}
        </button>
      </div>
      <input ref={filesInput} type="file" multiple accept={importAccept} hidden aria-label={t('library:libraryAdd.filesToAddTo')} onChange={(e) => { fromInput(filesOfInput(e.target.files)); e.target.value = ''; }} />
      <input
        ref={(el) => {
          folderInput.current = el;
          if (el) el.webkitdirectory = true;
        }}
        type="file"
        hidden
        aria-label={t('library:libraryAdd.folderToAddTo')}
        onChange={(e) => { fromInput(filesOfInput(e.target.files)); e.target.value = ''; }} />
      {revisions.length > 0 ? (
        <div className="library-add-revision">
          <select value={revision} aria-label={t('library:libraryAdd.revisionToAdd')} onChange={(e) => setRevision(e.target.value)}>
            <option value="">{t('library:libraryAdd.chooseARevision')}</option>
            {revisions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label || r.kind} · {new Date(r.createdAt).toLocaleDateString('en-GB')}
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={!revision} onClick={() => void add(async () => ({ label: revisions.find((r) => r.id === revision)?.label || 'the revision', args: { revisionIds: [revision] } }))}>
            {t('library:libraryAdd.addRevision')}
          </button>
        </div>
      ) : null}
      {state.result ? <p className="library-result" role="status">{state.result}</p> : null}
      {state.error ? <p className="panel-error" role="alert">{state.error}</p> : null}
      {state.warnings.length > 0 ? (
        <ul className="library-warnings" aria-label={t('library:libraryAdd.warnings')}>
          {state.warnings.slice(0, 20).map((w, i) => (
            <li key={i}>{typeof w === 'string' ? w : messageText(w, language)}</li>
          ))}
          {state.warnings.length > 20 ? <li>{t('library:libraryAdd.more', { count: state.warnings.length - 20 })}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
