import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import '../styles/import-export.css';
import { DialogError } from './dialog-footer.js';
import { filesOfInput, importAccept } from './import-dialog-files.js';
import type { ImportFlow } from './import-dialog-flow.js';
import { TrackedChangesStep } from './import-dialog-tracked.js';
import { ProgressLine } from './export-dialog-parts.js';
import { t } from '../i18n/index.js';

/** Ids of the always-present file inputs the dialog's buttons open. */
const filesInputId = 'import-files-input';
const folderInputId = 'import-folder-input';

/**
 * The two hidden file inputs of the import (always in the page, so the dialog's buttons can
 * open them): files (.docx, .xml, .zip, .txt, several at once) and a folder (every file in
 * it, in file order). What is chosen goes to `flow.start`; the inputs are cleared after each
 * choice so the same file can be chosen again.
 */
export function ImportInputs({ flow }: { flow: ImportFlow }) {
  return (
    <>
      <input
        id={filesInputId}
        className="visually-hidden"
        type="file"
        multiple
        accept={importAccept}
        aria-label={t('documents:importDialog.textFileToImport')}
        tabIndex={-1}
        onChange={(event) => {
          const picked = filesOfInput(event.currentTarget.files);
          event.currentTarget.value = '';
          if (picked) flow.start(picked);
        }}
      />
      <input
        id={folderInputId}
        ref={(el) => {
          if (el) el.webkitdirectory = true;
        }}
        className="visually-hidden"
        type="file"
        aria-label={t('documents:importDialog.folderToImport')}
        tabIndex={-1}
        onChange={(event) => {
          const picked = filesOfInput(event.currentTarget.files);
          event.currentTarget.value = '';
          if (picked) flow.start(picked);
        }}
      />
    </>
  );
}

const choose = (id: string) => document.getElementById(id)?.click();

/**
 * The Import dialog: first where to import from (choose files, choose a folder, or drop
 * them on the window), then, for Word files with tracked changes, what to do with them,
 * then the progress of the import with Cancel. Closed, it renders nothing; Escape cancels.
 */
export function ImportDialog({ flow }: { flow: ImportFlow }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { state } = flow;
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, [state.step]);
  if (state.step === 'closed') return null;
  const title = state.step === 'tracked' ? t('documents:importDialog.importTrackedChanges') : t('documents:importDialog.import');
  return createPortal(
    <dialog
      ref={dialog}
      className="dialog import-dialog"
      aria-labelledby="import-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        flow.close();
      }}
    >
      <h2 id="import-dialog-title">{title}</h2>
      {state.step === 'choose' ? (
        <>
          <p className="dialog-lead">{t('documents:importDialog.resolutionsAndDecisionsAs')}</p>
          <div className="import-drop-zone">
            <p className="import-drop-title">{t('documents:importDialog.dropFilesOrA')}</p>
            <p className="import-formats">{t('documents:importDialog.wordDocxAkomaNtoso')}</p>
            <div className="import-choose">
              <button type="button" className="button primary" aria-controls={filesInputId} onClick={() => choose(filesInputId)}>
                {t('documents:importDialog.chooseFiles')}
              </button>
              <button type="button" className="button" aria-controls={folderInputId} onClick={() => choose(folderInputId)}>
                {t('documents:importDialog.chooseAFolder')}
              </button>
            </div>
          </div>
          <DialogError error={state.error} />
          <div className="dialog-actions form-actions">
            <button type="button" className="button subtle" onClick={flow.close}>
              {t('common:cancel')}
            </button>
          </div>
        </>
      ) : null}
      {state.step === 'reading' ? <ProgressLine text={t('documents:importDialog.reading', { label: state.label })} progress={null} onCancel={flow.close} /> : null}
      {state.step === 'tracked' ? <TrackedChangesStep label={state.label} found={state.found} onAnswer={flow.answer} onCancel={flow.close} /> : null}
      {state.step === 'importing' ? (
        <ProgressLine text={state.cancelling ? t('documents:importDialog.cancelling') : t('documents:importDialog.importing', { label: state.label })} progress={state.progress} onCancel={state.cancelling ? undefined : flow.close} />
      ) : null}
    </dialog>,
    document.body,
  );
}
