import { useT } from '../i18n/index.js';

/** Props of the foot of a dialog form. */
export type DialogFooterProps = {
  /** The error to show above the buttons (announced as an alert), or null. */
  error: string | null;
  /** Cancel's action. */
  onCancel: () => void;
  /** The submit button's label. */
  submit: string;
  /** While true, the submit button is disabled and reads `busyLabel` (if given). */
  busy?: boolean;
  /** The submit button's label while busy, e.g. "Saving…". */
  busyLabel?: string;
  /** Disables the submit button for another reason (an empty required field). */
  disabled?: boolean;
  /** For a dialog that is not a form: what the primary button does. */
  onSubmit?: () => void;
};

/**
 * The foot every Penholder dialog shares: the error line, then Cancel and the primary
 * action, right-aligned. The primary button submits the enclosing form unless `onSubmit`
 * is given.
 */
export function DialogFooter({ error, onCancel, submit, busy = false, busyLabel, disabled = false, onSubmit }: DialogFooterProps) {
  const { t } = useT();
  return (
    <>
      <DialogError error={error} />
      <div className="dialog-actions form-actions">
        <button type="button" className="button subtle" onClick={onCancel}>
          {t('common:cancel')}
        </button>
        <button type={onSubmit ? 'button' : 'submit'} className="button primary" disabled={busy || disabled} onClick={onSubmit}>
          {busy && busyLabel ? busyLabel : submit}
        </button>
      </div>
    </>
  );
}

/** The error line of a dialog, announced as an alert; nothing when `error` is null. */
export function DialogError({ error }: { error: string | null }) {
  return error ? (
    <p className="dialog-error" role="alert">
      {error}
    </p>
  ) : null;
}
