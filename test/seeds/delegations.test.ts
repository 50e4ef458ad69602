import { describe, expect, it } from 'vitest';
import { delegations } from '../../seeds/index.js';

const byCode = new Map(delegations.map((d) => [d.code, d]));

describe('delegations', () => {
  it('has unique codes and unique names', () => {
    expect(new Set(delegations.map((d) => d.code)).size).toBe(delegations.length);
    expect(new Set(delegations.map((d) => d.name)).size).toBe(delegations.length);
  });

  it('uses short upper-case codes', () => {
    for (const d of delegations) expect(d.code, d.name).toMatch(/^[A-Z0-9]{2,8}$/);
  });

  it('lists exactly the 193 Member States, each under a three-letter ISO code', () => {
    const members = delegations.filter((d) => d.type === 'member');
    expect(members.length).toBe(193);
    for (const m of members) expect(m.code, m.name).toMatch(/^[A-Z]{3}$/);
  });

  it('lists the two observer States', () => {
    const observers = delegations.filter((d) => d.type === 'observer-state');
    expect(observers.map((d) => [d.code, d.name])).toEqual([
      ['VAT', 'Holy See'],
      ['PSE', 'State of Palestine'],
    ]);
  });

  it('uses the short names the UN uses', () => {
    const expected: Record<string, string> = {
      CAN: 'Canada',
      JPN: 'Japan',
      GBR: 'United Kingdom of Great Britain and Northern Ireland',
      USA: 'United States of America',
      RUS: 'Russian Federation',
      CHN: 'China',
      BOL: 'Bolivia (Plurinational State of)',
      IRN: 'Iran (Islamic Republic of)',
      KOR: 'Republic of Korea',
      PRK: 'Democratic People’s Republic of Korea',
      TUR: 'Türkiye',
      VNM: 'Viet Nam',
      CIV: 'Côte d’Ivoire',
      CZE: 'Czechia',
      SWZ: 'Eswatini',
      MKD: 'North Macedonia',
      NLD: 'Netherlands (Kingdom of the)',
      TZA: 'United Republic of Tanzania',
    };
    for (const [code, name] of Object.entries(expected)) expect(byCode.get(code)?.name, code).toBe(name);
  });

  it('holds the usual negotiating groups and organizations', () => {
    const groups = ['G77', 'AG', 'ARAB', 'NONALIGN', 'AOSIS', 'LDC', 'LMDC', 'CELAC', 'GRULAC', 'WEOG', 'APG', 'EEG', 'JUSCANZ'];
    for (const code of groups) expect(byCode.get(code)?.type, code).toBe('group');
    for (const code of ['EU', 'CARICOM']) expect(byCode.get(code)?.type, code).toBe('organization');
    expect(byCode.get('G77')?.name).toBe('Group of 77 and China');
    expect(byCode.get('EU')?.name).toBe('European Union');
  });

  it('keeps States first, then groups, then organizations', () => {
    const order = ['member', 'observer-state', 'group', 'organization'];
    const ranks = delegations.map((d) => order.indexOf(d.type));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});
