import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import '../styles/import-export.css';
import { DialogError } from './dialog-footer.js';
import { filesOfInput, importAccept } from './import-dialog-files.js';
import type { ImportFlow } from './import-dialog-flow.js';
import { TrackedChangesStep } from './import-dialog-tracked.js';
import { ProgressLine } from './export-dialog-parts.js';

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
        aria-label="Text file to import, Word document, Akoma Ntoso XML or zip"
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
        aria-label="Folder to import"
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
  const title = state.step === 'tracked' ? 'Import: tracked changes' : 'Import';
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
          <p className="dialog-lead">Resolutions and decisions as delegations exchange them: each file or folder becomes one document per resolution it holds.</p>
          <div className="import-drop-zone">
            <p className="import-drop-title">Drop files or a folder anywhere on the window</p>
            <p className="import-formats">Word (.docx) · Akoma Ntoso (.xml) · a .zip of them · plain text (.txt)</p>
            <div className="import-choose">
              <button type="button" className="button primary" aria-controls={filesInputId} onClick={() => choose(filesInputId)}>
                Choose files…
              </button>
              <button type="button" className="button" aria-controls={folderInputId} onClick={() => choose(folderInputId)}>
                Choose a folder…
              </button>
            </div>
          </div>
          <DialogError error={state.error} />
          <div className="dialog-actions form-actions">
            <button type="button" className="button subtle" onClick={flow.close}>
              Cancel
            </button>
          </div>
        </>
      ) : null}
      {state.step === 'reading' ? <ProgressLine text={`Reading “${state.label}”…`} progress={null} onCancel={flow.close} /> : null}
      {state.step === 'tracked' ? <TrackedChangesStep label={state.label} found={state.found} onAnswer={flow.answer} onCancel={flow.close} /> : null}
      {state.step === 'importing' ? (
        <ProgressLine text={state.cancelling ? 'Cancelling…' : `Importing “${state.label}”…`} progress={state.progress} onCancel={state.cancelling ? undefined : flow.close} />
      ) : null}
    </dialog>,
    document.body,
  );
}
