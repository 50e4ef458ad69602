import { afterAll, describe, expect, it } from 'vitest';
import { delegations, templates } from '../../../seeds/index.js';
import { catalogues } from '../../../shared/i18n/catalogues.js';
import { countryName, isoAlpha2 } from '../../../shared/i18n/delegation-names.js';
import { i18n } from '../../../renderer/i18n/index.js';
import { delegationName, delegationNameOf, templateText } from '../../../renderer/i18n/names.js';
import { filterDelegations } from '../../../renderer/editor/metadata.js';

const fr = catalogues.fr.delegations as Readonly<Record<string, string>>;
const en = catalogues.en.delegations as Readonly<Record<string, string>>;

describe('delegation and template names in the interface language', () => {
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('maps every State of the list to an ISO alpha-2 code with a French CLDR name, and names every group and organization in the catalogue', () => {
    const states = delegations.filter((d) => d.type === 'member' || d.type === 'observer-state');
    expect(states.length).toBe(195);
    expect(states.filter((d) => !isoAlpha2(d.code) || !countryName(d.code, 'fr')).map((d) => d.code)).toEqual([]);
    // One State, one code: no two list codes share a CLDR region.
    expect(new Set(states.map((d) => isoAlpha2(d.code))).size).toBe(states.length);
    const others = delegations.filter((d) => d.type === 'group' || d.type === 'organization');
    expect(others.filter((d) => !fr[d.code]).map((d) => d.code)).toEqual([]);
    // The English catalogue repeats the list's names (same keys as French, the UN's English).
    for (const [code, name] of Object.entries(en)) expect(delegations.find((d) => d.code === code)?.name, code).toBe(name);
  });

  it('gives the UN French names in French: CLDR where it agrees, the catalogue where the UN writes otherwise', async () => {
    await i18n.changeLanguage('fr');
    const named = (code: string) => delegationNameOf(code);
    expect(named('DEU')).toBe('Allemagne');
    expect(named('CIV')).toBe('Côte d’Ivoire');
    expect(named('MKD')).toBe('Macédoine du Nord');
    expect(named('RUS')).toBe('Fédération de Russie');
    expect(named('GBR')).toBe('Royaume-Uni de Grande-Bretagne et d’Irlande du Nord');
    expect(named('VAT')).toBe('Saint-Siège');
    expect(named('BLR')).toBe('Bélarus');
    expect(named('EU')).toBe('Union européenne');
    expect(named('G77')).toBe('Groupe des 77 et la Chine');
    expect(named('Not a delegation')).toBe('Not a delegation');
    // Searching finds a State by its French name too, and still by its English name and code.
    expect(filterDelegations('allemagne').map((d) => d.code)).toContain('DEU');
    expect(filterDelegations('Germany').map((d) => d.code)).toContain('DEU');
    const ga = templates.find((t) => t.id === 'general-assembly-resolution');
    expect(ga && templateText(ga).name).toBe('Résolution de l’Assemblée générale');
    expect(templates.every((t) => templateText(t).name !== t.name && templateText(t).description !== t.description)).toBe(true);
  });

  it('keeps the list’s English names and the templates’ own text in English', async () => {
    await i18n.changeLanguage('en');
    expect(delegations.every((d) => delegationName(d) === d.name)).toBe(true);
    expect(templates.every((t) => templateText(t).name === t.name && templateText(t).description === t.description)).toBe(true);
  });
});
