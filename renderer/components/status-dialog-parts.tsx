import { useState } from 'react';
import { statusChanges, type PathOf } from '../../shared/negotiation/status-labels.js';
import { statusAuthorShown, statusNamesShown as statusNames, statusWordsShown } from '../i18n/status-names.js';
import type { ParagraphStatus } from '../../shared/negotiation/model.js';
import { filterDelegations } from '../editor/metadata.js';
import { formatDateTime } from '../format.js';
import { i18n, t } from '../i18n/index.js';
import { delegationName, delegationNameOf } from '../i18n/names.js';

/**
 * Parts of the paragraph status dialog: the delegations holding a reservation, the
 * paragraphs an "agreed pending" paragraph waits for, and the status history.
 */

/** Props of the reservation's delegation chooser: the chosen codes and a change callback. */
export type DelegationChooserProps = { chosen: readonly string[]; onChange: (codes: string[]) => void };

/**
 * The delegations that hold a reservation: chosen ones as removable chips, more found by
 * name or code in the delegation list (as in the profile and sponsor pickers).
 */
export function DelegationChooser({ chosen, onChange }: DelegationChooserProps) {
  const [query, setQuery] = useState('');
  const matches = query.trim() === '' ? [] : filterDelegations(query, chosen, 8);
  return (
    <div className="field delegation-field" role="group" aria-label={t('negotiation:statusDialogParts.delegationsHoldingTheReservation')}>
      <span>{t('negotiation:statusDialogParts.delegationsHoldingTheReservation')}</span>
      {chosen.length > 0 ? (
        <ul className="status-chips" aria-label={t('negotiation:statusDialogParts.chosenDelegations')}>
          {chosen.map((code) => (
            <li key={code} className="sponsor-chip">
              <span className="sponsor-code">{code}</span> {delegationNameOf(code)}
              <button type="button" className="chip-remove" aria-label={t('common:remove', { name: code })} onClick={() => onChange(chosen.filter((c) => c !== code))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <span className="list-empty">{t('negotiation:statusDialogParts.noneChosenYet')}</span>
      )}
      <input type="search" aria-label={t('negotiation:statusDialogParts.findADelegation')} placeholder={t('negotiation:statusDialogParts.nameOrCodeE')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {matches.length > 0 ? (
        <ul className="delegation-options" aria-label={t('negotiation:statusDialogParts.delegations')}>
          {matches.map((d) => (
            <li key={d.code}>
              <button
                type="button"
                aria-label={t('negotiation:statusDialogParts.add', { name: delegationName(d), code: d.code })}
                onClick={() => {
                  onChange([...chosen, d.code]);
                  setQuery('');
                }}
              >
                <span className="sponsor-code">{d.code}</span> {delegationName(d)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {query.trim() !== '' && matches.length === 0 ? <p className="list-empty">{t('negotiation:statusDialogParts.noDelegationMatches')}</p> : null}
    </div>
  );
}

/** A paragraph that can be linked: its id, where it is ("OP 5") and its first words. */
export type LinkTarget = { id: string; path: string; words: string };

/** Props of the linked-paragraph chooser. */
export type LinkChooserProps = { targets: readonly LinkTarget[]; chosen: readonly string[]; onChange: (ids: string[]) => void };

/** The paragraphs an "agreed pending" paragraph waits for: a checkbox per paragraph, by number. */
export function LinkChooser({ targets, chosen, onChange }: LinkChooserProps) {
  return (
    <div className="field" role="group" aria-label={t('negotiation:statusDialogParts.agreedPendingTheseParagraphs')}>
      <span>{t('negotiation:statusDialogParts.agreedPendingTheseParagraphs')}</span>
      <ul className="status-links">
        {targets.map((t) => (
          <li key={t.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(t.id)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, t.id] : chosen.filter((id) => id !== t.id))}
              />
              <span className="xref-path">{t.path}</span>
              <span className="xref-words">{t.words || i18n.t('common:empty')}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Props of the status history: the paragraph's status and how to name linked paragraphs. */
export type StatusHistoryProps = { status: ParagraphStatus; pathOf: PathOf };

/**
 * Every change of the paragraph's status, newest first: when, who, from which state to
 * which, and the reason of a reopening (marked as such).
 */
export function StatusHistory({ status, pathOf }: StatusHistoryProps) {
  const rows = statusChanges(status, pathOf, statusWordsShown).reverse();
  return (
    <section className="status-history" aria-label={t('negotiation:statusDialogParts.statusHistory')}>
      <h3>{t('negotiation:statusDialogParts.history')}</h3>
      {rows.length === 0 ? (
        <p className="list-empty">{t('negotiation:statusDialogParts.theStatusOfThis')}</p>
      ) : (
        <ol reversed>
          {rows.map((row, i) => (
            <li key={`${row.at}-${i}`} className={row.reopening ? 'status-reopening' : undefined}>
              <time dateTime={row.at} title={row.at}>{formatDateTime(row.at)}</time>, {t('negotiation:statusDialogParts.change', { by: statusAuthorShown(row.by), from: statusNames[row.from], to: row.toText })}
              {row.reopening ? ` ${t('common:reopened')}` : ''}
              {row.reason !== '' ? <span className="status-history-reason">{t('negotiation:statusDialogParts.reason')}{' '}{row.reason}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
