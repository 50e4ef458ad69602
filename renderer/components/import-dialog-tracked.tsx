import { useState } from 'react';
import { findDelegation } from '../../seeds/index.js';
import { delegationName } from '../i18n/names.js';
import { DelegationSearch } from './delegation-search.js';
import { DialogFooter } from './dialog-footer.js';
import type { TrackedAnswer, TrackedFound } from './import-dialog-flow.js';
import { listOf, t } from '../i18n/index.js';

/** Props of the tracked-changes step: what the Word files hold, and what answering or cancelling does. */
export type TrackedChangesStepProps = { label: string; found: TrackedFound; onAnswer: (answer: TrackedAnswer) => void; onCancel: () => void };

// The answers, in the order offered; their words are documents:importDialogTracked.mode.<mode>.
const modes: TrackedAnswer['mode'][] = ['proposals', 'accept', 'reject'];

// "A", "A and B", "A, B and C" in the interface language.
function listed(names: readonly string[]): string {
  return names.length === 0 ? t('documents:importDialogTracked.unnamedAuthor') : listOf(names);
}

/**
 * The Import dialog's question for Word files with tracked changes: how many insertions and
 * deletions by whom, then accept all, reject all, or keep them as proposals (the default);
 * when kept as proposals, which delegation each author who names none speaks for (picked
 * with the delegation search; an author left unset is imported without a delegation).
 */
export function TrackedChangesStep({ label, found, onAnswer, onCancel }: TrackedChangesStepProps) {
  const [mode, setMode] = useState<TrackedAnswer['mode']>('proposals');
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const { insertions, deletions, authors } = found.counts;
  const where = found.files.length === 1 ? t('documents:importDialogTracked.text', { value: found.files[0] ?? label }) : t('documents:importDialogTracked.wordFilesIn', { length: found.files.length, label });
  return (
    <form
      className="import-tracked"
      onSubmit={(event) => {
        event.preventDefault();
        onAnswer({ mode, authorDelegations: mode === 'proposals' ? chosen : {} });
      }}
    >
      <p className="dialog-lead">
        {t('documents:importDialogTracked.summary', {
          count: found.files.length,
          where,
          insertions: t('documents:importDialogTracked.insertions', { count: insertions }),
          deletions: t('documents:importDialogTracked.deletions', { count: deletions }),
          authors: listed(authors),
        })}
      </p>
      <fieldset className="io-group">
        <legend>{t('documents:importDialogTracked.trackedChanges2')}</legend>
        {modes.map((m) => (
          <label key={m} className="io-choice">
            <input type="radio" name="tracked-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            <span className="io-choice-text">
              <span className="io-choice-title">{t(`documents:importDialogTracked.mode.${m}.title`)}</span>
              <span className="io-choice-detail">{t(`documents:importDialogTracked.mode.${m}.detail`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode === 'proposals' && found.unknownAuthors.length > 0 ? (
        <fieldset className="io-group author-delegations">
          <legend>{t('documents:importDialogTracked.whichDelegationDoesEach')}</legend>
          {found.unknownAuthors.map((author) => {
            const delegation = chosen[author] ? findDelegation(chosen[author]) : undefined;
            return (
              <div key={author} className="author-row" role="group" aria-label={t('documents:importDialogTracked.delegationOf', { author })}>
                <span className="author-name">{author}</span>
                {delegation ? (
                  <span className="author-chosen" aria-live="polite">
                    <span className="sponsor-code">{delegation.code}</span> {delegationName(delegation)}{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        setChosen((c) => {
                          const rest = { ...c };
                          delete rest[author];
                          return rest;
                        })
                      }
                    >
                      {t('documents:importDialogTracked.change')}
                    </button>
                  </span>
                ) : (
                  <DelegationSearch label={t('documents:importDialogTracked.findTheDelegationOf', { author })} limit={5} onPick={(d) => setChosen((c) => ({ ...c, [author]: d.code }))} />
                )}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <DialogFooter error={null} onCancel={onCancel} submit={t('documents:importDialogTracked.import')} />
    </form>
  );
}
