import { useState } from 'react';
import type { RevisionSummary } from '../../shared/api/contract.js';
import { authorName, dateTime, revisionName } from '../document/revision-format.js';
import { messageOf } from '../format.js';
import { DialogFooter } from './dialog-footer.js';

/** Props of the "since you last looked" banner. */
export type LastViewedBannerProps = { revision: RevisionSummary; onCompare: () => void; onDismiss: () => void };

/** A calm note that the document changed since this user last looked, offering that comparison. */
export function LastViewedBanner({ revision, onCompare, onDismiss }: LastViewedBannerProps) {
  const what = revision.kind === 'autosave' ? `on ${dateTime(revision.createdAt)}` : `(${revisionName(revision)}, ${dateTime(revision.createdAt)})`;
  return (
    <section className="banner banner-info last-viewed-banner" aria-label="Changed since you last looked">
      <span className="banner-text">This document changed since you last looked at it {what}.</span>
      <span className="banner-actions">
        <button type="button" className="button primary" onClick={onCompare}>
          Compare with what you last saw
        </button>
        <button type="button" className="button subtle" onClick={onDismiss}>
          Not now
        </button>
      </span>
    </section>
  );
}

/** Props of the restore confirmation. */
export type RestoreDialogProps = { revision: RevisionSummary; onRestore: () => Promise<void>; onCancel: () => void };

/** Asks before restoring a revision, and says what restoring does: a new change, nothing lost. */
export function RestoreDialog({ revision, onRestore, onCancel }: RestoreDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = revisionName(revision);
  return (
    <dialog ref={(d) => {
            if (d && !d.open) d.showModal();
          }} className="dialog" aria-labelledby="restore-title" onCancel={onCancel}>
      <h2 id="restore-title">Restore {name}?</h2>
      <p className="dialog-lead">
        The text becomes what it was in {name} ({authorName(revision.author, revision.delegation)}, {dateTime(revision.createdAt)}). The restore is itself a
        change, recorded under your name and sent to everyone editing this document; the current text and every earlier state stay in the history and can
        be restored in turn.
      </p>
      <DialogFooter
        error={error}
        onCancel={onCancel}
        submit={`Restore ${name}`}
        busy={busy}
        busyLabel="Restoring…"
        onSubmit={() => {
          setBusy(true);
          setError(null);
          onRestore().catch((cause: unknown) => {
            setBusy(false);
            setError(`${name} could not be restored: ${messageOf(cause)}`);
          });
        }}
      />
    </dialog>
  );
}
