import type { FileProgress } from '../../shared/api/contract.js';
import { t } from '../i18n/index.js';

/** Props of the progress line: what is happening, how far (null: not yet known) and what Cancel does (none: no button). */
export type ProgressLineProps = { text: string; progress: FileProgress | null; onCancel?: () => void };

/**
 * A long import's or export's progress: the sentence, a progress bar (indeterminate until the
 * backend's first files.progress says how far), the stage the backend names, and Cancel.
 */
export function ProgressLine({ text, progress, onCancel }: ProgressLineProps) {
  const known = progress !== null && progress.total > 0;
  return (
    <div className="progress-line" role="group" aria-label={t('documents:exportDialogParts.progress')}>
      <p className="progress-text" role="status">
        {text}
      </p>
      <progress aria-label={text} {...(known ? { value: progress.done, max: progress.total } : {})} />
      <p className="progress-stage">{known ? t('documents:exportDialogParts.stage', { stage: progress.stage, done: progress.done, total: progress.total }) : '\u00a0'}</p>
      {onCancel ? (
        <div className="dialog-actions form-actions">
          <button type="button" className="button subtle" onClick={onCancel}>
            {t('common:cancel')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Saves bytes as a file named `name`: the browser's download (the desktop app turns it into
 * a save dialog), as "Export text…" does.
 */
export function saveFile(bytes: Uint8Array | string, name: string, mime: string): void {
  const blob = new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
