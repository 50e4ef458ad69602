import { useState } from 'react';
import type { RevisionSummary } from '../../shared/api/contract.js';
import { authorName, dateTime, revisionName } from '../document/revision-format.js';
import { messageOf } from '../format.js';
import { DialogFooter } from './dialog-footer.js';
import { t } from '../i18n/index.js';

/** Props of the "since you last looked" banner. */
export type LastViewedBannerProps = { revision: RevisionSummary; onCompare: () => void; onDismiss: () => void };

/** A calm note that the document changed since this user last looked, offering that comparison. */
export function LastViewedBanner({ revision, onCompare, onDismiss }: LastViewedBannerProps) {
  const time = dateTime(revision.createdAt);
  const sentence = revision.kind === 'autosave' ? t('revisions:revisionNotices.changedSinceAutosave', { time }) : t('revisions:revisionNotices.changedSinceRevision', { name: revisionName(revision), time });
  return (
    <section className="banner banner-info last-viewed-banner" aria-label={t('revisions:revisionNotices.changedSinceYouLast')}>
      <span className="banner-text" title={revision.createdAt}>{sentence}</span>
      <span className="banner-actions">
        <button type="button" className="button primary" onClick={onCompare}>
          {t('revisions:revisionNotices.compareWithWhatYou')}
        </button>
        <button type="button" className="button subtle" onClick={onDismiss}>
          {t('revisions:revisionNotices.notNow')}
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
      <h2 id="restore-title">{t('revisions:revisionNotices.restore')}{' '}{name}?</h2>
      <p className="dialog-lead">
        {t('revisions:revisionNotices.theTextBecomesWhat')}{' '}{name} ({authorName(revision.author, revision.delegation)}, <time dateTime={revision.createdAt} title={revision.createdAt}>{dateTime(revision.createdAt)}</time>{t('revisions:revisionNotices.theRestoreIsItself')}
      </p>
      <DialogFooter
        error={error}
        onCancel={onCancel}
        submit={t('revisions:revisionNotices.restoreName', { name })}
        busy={busy}
        busyLabel={t('revisions:revisionNotices.restoring')}
        onSubmit={() => {
          setBusy(true);
          setError(null);
          onRestore().catch((cause: unknown) => {
            setBusy(false);
            setError(t('revisions:revisionNotices.couldNotBeRestored', { name, reason: messageOf(cause) }));
          });
        }}
      />
    </dialog>
  );
}
