import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Delegation } from '../../seeds/index.js';
import { filterDelegations } from '../editor/metadata.js';

/** Props of the delegation search: what it is for, which codes to leave out, and what picking one does. */
export type DelegationSearchProps = {
  /** Accessible name of the search field, e.g. "Find a delegation". */
  label: string;
  placeholder?: string;
  /** Codes not offered (already chosen). */
  exclude?: readonly string[];
  /** How many matches to list at most. */
  limit?: number;
  autoFocus?: boolean;
  /** Called with the picked delegation; the field is cleared. */
  onPick: (delegation: Delegation) => void;
};

/**
 * A search field over the delegation list (seeds/delegations.json) with its matches below,
 * as a combobox: type a name or code, Up/Down move through the matches, Enter picks the
 * highlighted one (the first by default), a click picks any. Enter in an empty field is left
 * to the surrounding form (e.g. to submit it).
 */
export function DelegationSearch({ label, placeholder = 'Name or code, e.g. Brazil or BRA', exclude = [], limit = 8, autoFocus, onPick }: DelegationSearchProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = query.trim() === '' ? [] : filterDelegations(query, exclude, limit);
  const pick = (delegation: Delegation | undefined) => {
    if (!delegation) return;
    onPick(delegation);
    setQuery('');
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && matches.length > 0) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' && query.trim() !== '') {
      event.preventDefault();
      pick(matches[active]);
    } else if (event.key === 'Escape' && query !== '') {
      // The first Escape clears the search; the next one is the dialog's.
      event.preventDefault();
      setQuery('');
    }
  };
  const optionId = (code: string) => `${listId}-${code}`;
  const activeMatch = matches[active];
  return (
    <div className="delegation-search">
      <input
        type="search"
        role="combobox"
        aria-label={label}
        aria-controls={listId}
        aria-expanded={matches.length > 0}
        aria-activedescendant={activeMatch ? optionId(activeMatch.code) : undefined}
        aria-autocomplete="list"
        placeholder={placeholder}
        value={query}
        autoFocus={autoFocus}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} className="delegation-options" role="listbox" aria-label="Matching delegations" hidden={matches.length === 0}>
        {matches.map((d, i) => (
          <li
            key={d.code}
            id={optionId(d.code)}
            role="option"
            aria-selected={i === active}
            className="delegation-option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(d)}
          >
            <span className="sponsor-code">{d.code}</span> {d.name}
          </li>
        ))}
      </ul>
      {query.trim() !== '' && matches.length === 0 ? <p className="list-empty">No delegation matches.</p> : null}
    </div>
  );
}
