import { useEffect, useRef, useState } from 'react';
import { findDelegation } from '../../seeds/index.js';
import type { Parties } from '../../shared/negotiation/facilitator-ops.js';
import type { BracketTarget } from '../editor/negotiation/negotiation-actions.js';
import { DelegationSearch } from './delegation-search.js';
import { t } from '../i18n/index.js';
import { delegationName } from '../i18n/names.js';

/** A delegation's part in a bracket: proposer, and supporter or opponent (never both). */
type Role = { proposed: boolean; stance: 'supports' | 'opposes' | null };

/** Props of the attribution picker: the bracket (null: closed), and what Apply and closing do. */
export type AttributionPickerProps = {
  target: BracketTarget | null;
  /** Called with the new lists when the user applies them (as one change). */
  onApply: (parties: Parties) => void;
  /** Called when the dialog closes without applying (Cancel, Escape). */
  onClose: () => void;
};

const excerpt = (text: string, max = 80): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const listed = (codes: readonly string[]): string => (codes.length > 0 ? codes.join(', ') : 'nobody');

function rolesOf(target: BracketTarget): Map<string, Role> {
  const roles = new Map<string, Role>();
  const role = (code: string): Role => {
    const known = roles.get(code);
    if (known) return known;
    const fresh: Role = { proposed: false, stance: null };
    roles.set(code, fresh);
    return fresh;
  };
  for (const code of target.attribution.proposedBy) role(code).proposed = true;
  for (const code of target.attribution.supportedBy) role(code).stance = 'supports';
  for (const code of target.attribution.opposedBy) role(code).stance = 'opposes';
  return roles;
}

function partiesOf(roles: Map<string, Role>): Parties {
  const entries = [...roles.entries()];
  return {
    proposedBy: entries.filter(([, r]) => r.proposed).map(([code]) => code),
    supportedBy: entries.filter(([, r]) => r.stance === 'supports').map(([code]) => code),
    opposedBy: entries.filter(([, r]) => r.stance === 'opposes').map(([code]) => code),
  };
}

/**
 * The "Attribute…" dialog: shows who proposed, supports and opposes the bracket now, and
 * lets the facilitator change it: find delegations by name or code (Enter adds the first
 * match with the role chosen in "Add as"), tick Proposed / Supports / Opposes per
 * delegation, remove one. Apply (or Enter in the empty search) changes the bracket as one
 * step; Cancel or Escape changes nothing.
 */
export function AttributionPicker({ target, onApply, onClose }: AttributionPickerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [roles, setRoles] = useState<Map<string, Role>>(new Map());
  const [addAs, setAddAs] = useState<'proposed' | 'supports' | 'opposes'>('proposed');

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (target) setRoles(rolesOf(target));
    if (target && !el.open) el.showModal();
    if (target) el.querySelector<HTMLElement>('input[type="search"]')?.focus();
    if (!target && el.open) el.close();
  }, [target]);

  const update = (code: string, change: (role: Role) => Role | null) => {
    setRoles((current) => {
      const next = new Map(current);
      const role = change(next.get(code) ?? { proposed: false, stance: null });
      if (role) next.set(code, role);
      else next.delete(code);
      return next;
    });
  };
  const now = target?.attribution;
  const parties = partiesOf(roles);
  return (
    <dialog ref={dialog} className="dialog attribution-picker" aria-labelledby="attribution-title" onClose={() => target && onClose()}>
      <h2 id="attribution-title">{t('negotiation:attributionPicker.attribution')}</h2>
      {target && now ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onApply(parties);
          }}
        >
          <p className="dialog-lead">
            {target.kind === 'paragraph' ? t('negotiation:attributionPicker.paragraphBracketedWhole') : t('negotiation:attributionPicker.bracket')}
            <q className="attribution-text">{excerpt(target.text) || t('common:empty')}</q>
          </p>
          <p className="attribution-now" aria-label={t('negotiation:attributionPicker.currentAttribution')}>
            {t('negotiation:attributionPicker.nowProposedBy')}{' '}<strong>{listed(now.proposedBy)}</strong>{t('negotiation:attributionPicker.supportedBy')}{' '}<strong>{listed(now.supportedBy)}</strong>{t('negotiation:attributionPicker.opposedBy')}{' '}<strong>{listed(now.opposedBy)}</strong>
          </p>
          <div className="attribution-add" role="group" aria-label={t('negotiation:attributionPicker.addADelegation')}>
            <label className="attribution-add-as">
              <span>{t('negotiation:attributionPicker.addAs')}</span>
              <select value={addAs} onChange={(e) => setAddAs(e.target.value as typeof addAs)}>
                <option value="proposed">{t('negotiation:attributionPicker.proposer')}</option>
                <option value="supports">{t('negotiation:attributionPicker.supporter')}</option>
                <option value="opposes">{t('negotiation:attributionPicker.opponent')}</option>
              </select>
            </label>
            <DelegationSearch
              label={t('negotiation:attributionPicker.findADelegation')}
              exclude={[...roles.keys()]}
              onPick={(d) => update(d.code, (r) => (addAs === 'proposed' ? { ...r, proposed: true } : { ...r, stance: addAs }))}
            />
          </div>
          <table className="attribution-table" aria-label={t('negotiation:attributionPicker.delegationsAttributed')}>
            <thead>
              <tr>
                <th scope="col">{t('negotiation:attributionPicker.delegation')}</th>
                <th scope="col">{t('negotiation:attributionPicker.proposed')}</th>
                <th scope="col">{t('negotiation:attributionPicker.supports')}</th>
                <th scope="col">{t('negotiation:attributionPicker.opposes')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('negotiation:attributionPicker.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...roles.entries()].map(([code, role]) => {
                const found = findDelegation(code);
                const name = found ? delegationName(found) : code;
                return (
                  <tr key={code}>
                    <th scope="row">
                      <span className="sponsor-code">{code}</span> {name}
                    </th>
                    <td>
                      <input type="checkbox" aria-label={t('negotiation:attributionPicker.proposedIt', { code })} checked={role.proposed} onChange={(e) => update(code, (r) => ({ ...r, proposed: e.target.checked }))} />
                    </td>
                    <td>
                      <input type="checkbox" aria-label={t('negotiation:attributionPicker.supportsIt', { code })} checked={role.stance === 'supports'} onChange={(e) => update(code, (r) => ({ ...r, stance: e.target.checked ? 'supports' : null }))} />
                    </td>
                    <td>
                      <input type="checkbox" aria-label={t('negotiation:attributionPicker.opposesIt', { code })} checked={role.stance === 'opposes'} onChange={(e) => update(code, (r) => ({ ...r, stance: e.target.checked ? 'opposes' : null }))} />
                    </td>
                    <td>
                      <button type="button" className="link-button" aria-label={t('common:remove', { name: code })} onClick={() => update(code, () => null)}>
                        {t('negotiation:attributionPicker.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
              {roles.size === 0 ? (
                <tr>
                  <td colSpan={5} className="list-empty">
                    {t('negotiation:attributionPicker.noDelegationYetFind')}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <p className="attribution-result" aria-live="polite">
            {t('negotiation:attributionPicker.willReadProposedBy')}{' '}{listed(parties.proposedBy)}{t('negotiation:attributionPicker.supportedBy')}{' '}{listed(parties.supportedBy)}{t('negotiation:attributionPicker.opposedBy')}{' '}{listed(parties.opposedBy)}
          </p>
          <div className="dialog-actions form-actions">
            <button type="button" className="button subtle" onClick={onClose}>
              {t('common:cancel')}
            </button>
            <button type="submit" className="button primary">
              {t('negotiation:attributionPicker.apply')}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
