import { findDelegation, type Delegation } from '../../seeds/index.js';
import { countryName } from '../../shared/i18n/delegation-names.js';
import { i18n } from './index.js';

/**
 * Names of seed data in the interface language: delegations (the list's UN English names in
 * English; in French the 'delegations' catalogue where the UN's name differs from CLDR's or the
 * delegation is a group or an organization, else the platform's CLDR name of its State) and
 * templates (the 'templates' catalogue, by template id, the backend's English as a fallback).
 */

/** The name of `delegation` in the interface language ("Allemagne", "Fédération de Russie", "Union européenne" in French). */
export function delegationName(delegation: Pick<Delegation, 'code' | 'name'>): string {
  const language = i18n.language;
  if (language === 'en') return delegation.name;
  const key = `delegations:${delegation.code}`;
  if (i18n.exists(key)) return i18n.t(key);
  return countryName(delegation.code, language) ?? delegation.name;
}

/** A template's name and description in the interface language (`templates:<id>.name` / `.description`), the given English when the catalogue has none. */
export function templateText(template: { id: string; name: string; description: string }): { name: string; description: string } {
  return {
    name: i18n.t(`templates:${template.id}.name`, { defaultValue: template.name }),
    description: i18n.t(`templates:${template.id}.description`, { defaultValue: template.description }),
  };
}

/** The interface-language name of the delegation with this code or (English) name, or the text itself when none has it (a sponsor typed freely). */
export function delegationNameOf(codeOrName: string): string {
  const found = findDelegation(codeOrName);
  return found ? delegationName(found) : codeOrName;
}
