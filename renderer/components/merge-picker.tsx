import { useEffect, useRef } from 'react';
import type { MergeTarget } from '../editor/negotiation/negotiation-actions.js';
import { t } from '../i18n/index.js';
import { mergeWordsText, shownNotice } from '../i18n/notices.js';

/** Props of the merge picker: the bracket at the cursor and its candidates (null: closed), and what choosing and closing do. */
export type MergePickerProps = {
  target: MergeTarget | null;
  /** Called with the id of the proposal to merge into the target. */
  onChoose: (fromId: string) => void;
  /** Called when the dialog closes without a choice (Cancel, Escape). */
  onClose: () => void;
};

const excerpt = (text: string, max = 70): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text || '(empty)');
const tag = (codes: readonly string[], deletion: boolean): string =>
  codes.length === 0 ? (deletion ? ' (delete)' : '') : ` (${codes.join(', ')}${deletion ? ': delete' : ''})`;

/**
 * "Merge with another proposal…": lists the other proposals of the paragraph holding the
 * bracket at the cursor, each as a button saying what merging it does ("keeps “annually”;
 * “each year” goes; AUS joins it"); a proposal that cannot be merged into it is listed
 * without a button, with the reason. Choosing one merges it as one step.
 */
export function MergePicker({ target, onChoose, onClose }: MergePickerProps) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (target && !el.open) el.showModal();
    if (target) el.querySelector<HTMLElement>('.merge-choice, .dialog-actions button')?.focus();
    if (!target && el.open) el.close();
  }, [target]);

  return (
    <dialog ref={dialog} className="dialog merge-picker" aria-labelledby="merge-title" onClose={() => target && onClose()}>
      <h2 id="merge-title">{t('negotiation:mergePicker.mergeWithAnotherProposal')}</h2>
      {target ? (
        <>
          <p className="dialog-lead">
            {t('negotiation:mergePicker.into')}{' '}<q className="attribution-text">{excerpt(target.text)}</q>{t('negotiation:mergePicker.theResultIsOne')}
          </p>
          {target.candidates.length === 0 ? (
            <p className="list-empty" role="status">
              {t('negotiation:mergePicker.thereIsNoOther')}
            </p>
          ) : (
            <ul className="merge-candidates" aria-label={t('negotiation:mergePicker.proposalsOfThisParagraph')}>
              {target.candidates.map((c) => (
                <li key={c.id}>
                  {c.refusal === '' ? (
                    <button type="button" className="merge-choice" onClick={() => onChoose(c.id)}>
                      <span className="merge-text">
                        [{excerpt(c.text)}
                        {tag(c.proposedBy, c.deletion)}]
                      </span>
                      <span className="merge-effect">{c.words ? mergeWordsText(c.words) : c.effect}</span>
                    </button>
                  ) : (
                    <div className="merge-refused">
                      <span className="merge-text">
                        [{excerpt(c.text)}
                        {tag(c.proposedBy, c.deletion)}]
                      </span>
                      <span className="merge-effect">{shownNotice(c.refusal, c.words ?? undefined)}</span>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
          <div className="dialog-actions form-actions">
            <button type="button" className="button subtle" onClick={onClose}>
              {t('common:cancel')}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
