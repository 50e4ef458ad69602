import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { findDelegation } from '../../seeds/index.js';
import type { Delegation } from '../../seeds/index.js';
import { filterDelegations } from '../editor/metadata.js';
import { t } from '../i18n/index.js';
import { delegationName } from '../i18n/names.js';

/** Props of the delegation search: what it is for, which codes to leave out, and what picking one does. */
export type DelegationSearchProps = {
  /** Accessible name of the search field, e.g. "Find a delegation". */
  label: string;
  placeholder?: string;
  /** Codes not offered (already chosen). */
  exclude?: readonly string[];
  /** How many matches to list at most. */
  limit?: number;
  /** Called with the picked delegation; the field is cleared. */
  onPick: (delegation: Delegation) => void;
};

/**
 * A search field over the delegation list (seeds/delegations.json) with its matches below
 * as buttons ("Choose Brazil (BRA)"): type a name or code; Enter picks the first match,
 * Down moves to the matches (Up/Down between them, Enter or a click picks one), Escape
 * clears the search. Enter in an empty field is left to the surrounding form (to submit it).
 */
export function DelegationSearch({ label, placeholder = t('documents:delegationSearch.nameOrCodeE'), exclude = [], limit = 8, onPick }: DelegationSearchProps) {
  const [query, setQuery] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const matches = query.trim() === '' ? [] : filterDelegations(query, exclude, limit);
  const pick = (delegation: Delegation | undefined) => {
    if (!delegation) return;
    onPick(delegation);
    setQuery('');
    field.current?.focus();
  };
  const options = () => [...(list.current?.querySelectorAll('button') ?? [])];
  const onFieldKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && query.trim() !== '') {
      event.preventDefault();
      pick(matches[0]);
    } else if (event.key === 'ArrowDown' && matches.length > 0) {
      event.preventDefault();
      options()[0]?.focus();
    } else if (event.key === 'Escape' && query !== '') {
      // The first Escape clears the search; the next one is the dialog's.
      event.preventDefault();
      setQuery('');
    }
  };
  const onListKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const buttons = options();
    const at = buttons.findIndex((b) => b === document.activeElement);
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) field.current?.focus();
    else buttons[Math.min(next, buttons.length - 1)]?.focus();
  };
  return (
    <div className="delegation-search">
      <input ref={field} type="search" aria-label={label} placeholder={placeholder} value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onFieldKey} />
      {matches.length > 0 ? (
        <ul ref={list} className="delegation-options" aria-label={t('documents:delegationSearch.delegations')} onKeyDown={onListKey}>
          {matches.map((d) => (
            <li key={d.code}>
              <button type="button" aria-label={t('documents:delegationSearch.choose', { name: delegationName(d), code: d.code })} onClick={() => pick(d)}>
                <span className="sponsor-code">{d.code}</span> {delegationName(d)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {query.trim() !== '' && matches.length === 0 ? <p className="list-empty">{t('documents:delegationSearch.noDelegationMatches')}</p> : null}
    </div>
  );
}

/** Props of the delegation field: the chosen code ('' for none) and what choosing or clearing does. */
export type DelegationFieldProps = {
  delegation: string;
  onChange: (code: string) => void;
  /** The label of the button that clears the choice, e.g. "Change" or "Clear". */
  clearLabel: string;
  /** Whether the search stays shown once a delegation is chosen (picking again replaces it). */
  searchWhenChosen: boolean;
};

/**
 * The "Delegation" field of a form: the chosen delegation (code and name, announced when it
 * changes) with a button to clear it, or "None chosen", and a DelegationSearch to pick one.
 */
export function DelegationField({ delegation, onChange, clearLabel, searchWhenChosen }: DelegationFieldProps) {
  const chosen = delegation ? findDelegation(delegation) : undefined;
  return (
    <div className="field delegation-field" role="group" aria-label={t('documents:delegationSearch.delegation')}>
      <span>{t('documents:delegationSearch.delegation')}</span>
      <div className="profile-chosen" aria-live="polite">
        {chosen ? (
          <>
            <span className="sponsor-code">{chosen.code}</span> {delegationName(chosen)}{' '}
            <button type="button" className="link-button" onClick={() => onChange('')}>
              {clearLabel}
            </button>
          </>
        ) : (
          <span className="list-empty">{t('documents:delegationSearch.noneChosen')}</span>
        )}
      </div>
      {chosen && !searchWhenChosen ? null : <DelegationSearch label={t('documents:delegationSearch.findYourDelegation')} onPick={(d) => onChange(d.code)} />}
    </div>
  );
}
