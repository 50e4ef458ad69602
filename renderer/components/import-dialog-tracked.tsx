import { useState } from 'react';
import { findDelegation } from '../../seeds/index.js';
import { countOf } from '../format.js';
import { DelegationSearch } from './delegation-search.js';
import { DialogFooter } from './dialog-footer.js';
import type { TrackedAnswer, TrackedFound } from './import-dialog-flow.js';

/** Props of the tracked-changes step: what the Word files hold, and what answering or cancelling does. */
export type TrackedChangesStepProps = { label: string; found: TrackedFound; onAnswer: (answer: TrackedAnswer) => void; onCancel: () => void };

const modes: { mode: TrackedAnswer['mode']; title: string; detail: string }[] = [
  { mode: 'proposals', title: 'Keep them as proposals', detail: 'The text before the changes, each change a bracket proposed by its author’s delegation.' },
  { mode: 'accept', title: 'Accept all changes', detail: 'The text as it reads with every change made.' },
  { mode: 'reject', title: 'Reject all changes', detail: 'The text as it read before the changes.' },
];

// "A", "A and B", "A, B and C".
function listed(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'an unnamed author';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
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
  const where = found.files.length === 1 ? `“${found.files[0] ?? label}”` : `${found.files.length} Word files in “${label}”`;
  return (
    <form
      className="import-tracked"
      onSubmit={(event) => {
        event.preventDefault();
        onAnswer({ mode, authorDelegations: mode === 'proposals' ? chosen : {} });
      }}
    >
      <p className="dialog-lead">
        {where} {found.files.length === 1 ? 'has' : 'have'} tracked changes: {countOf(insertions, 'insertion')} and {countOf(deletions, 'deletion')} by {listed(authors)}.
      </p>
      <fieldset className="io-group">
        <legend>Tracked changes</legend>
        {modes.map((m) => (
          <label key={m.mode} className="io-choice">
            <input type="radio" name="tracked-mode" value={m.mode} checked={mode === m.mode} onChange={() => setMode(m.mode)} />
            <span className="io-choice-text">
              <span className="io-choice-title">{m.title}</span>
              <span className="io-choice-detail">{m.detail}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode === 'proposals' && found.unknownAuthors.length > 0 ? (
        <fieldset className="io-group author-delegations">
          <legend>Which delegation does each author speak for?</legend>
          {found.unknownAuthors.map((author) => {
            const delegation = chosen[author] ? findDelegation(chosen[author]) : undefined;
            return (
              <div key={author} className="author-row" role="group" aria-label={`Delegation of ${author}`}>
                <span className="author-name">{author}</span>
                {delegation ? (
                  <span className="author-chosen" aria-live="polite">
                    <span className="sponsor-code">{delegation.code}</span> {delegation.name}{' '}
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
                      Change
                    </button>
                  </span>
                ) : (
                  <DelegationSearch label={`Find the delegation of ${author}`} limit={5} onPick={(d) => setChosen((c) => ({ ...c, [author]: d.code }))} />
                )}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <DialogFooter error={null} onCancel={onCancel} submit="Import" />
    </form>
  );
}
