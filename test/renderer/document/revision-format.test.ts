import { afterAll, describe, expect, it } from 'vitest';
import type { HistoryEntry, RevisionSummary } from '../../../shared/api/contract.js';
import { authorName, dateTime, groupHistoryByDay, revisionName, suggestLabel } from '../../../renderer/document/revision-format.js';
import { i18n } from '../../../renderer/i18n/index.js';

const revision = (label: string, kind: RevisionSummary['kind'] = 'revision'): RevisionSummary => ({
  id: label || kind,
  docId: 'd',
  kind,
  label,
  author: 'Ana',
  delegation: 'BRA',
  createdAt: '2026-11-20T10:00:00.000Z',
  seq: 1,
});

const entry = (to: string, seqTo: number, origin: HistoryEntry['origin'] = 'local'): HistoryEntry => ({
  author: 'Ana',
  delegation: 'BRA',
  origin,
  from: to,
  to,
  count: 1,
  seqFrom: seqTo,
  seqTo,
});

describe('suggestLabel', () => {
  it('suggests the revision number after the highest Rev.N, whatever its spelling', () => {
    expect(suggestLabel('revision', [])).toBe('Rev.1');
    expect(suggestLabel('revision', [revision('Rev.1'), revision('rev 3'), revision('Zero draft', 'zero-draft'), revision('Rev.2')])).toBe('Rev.4');
    expect(suggestLabel('zero-draft', [])).toBe('Zero draft');
    expect(suggestLabel('final', [])).toBe('Final');
    expect(suggestLabel('l-document', [revision('Rev.1')])).toBe('');
  });
});

describe('revisionName and authorName', () => {
  it('falls back to the kind and to whatever is known of the author', () => {
    expect(revisionName(revision('', 'autosave'))).toBe('Autosave');
    expect(revisionName(revision('A/C.3/80/L.12', 'l-document'))).toBe('A/C.3/80/L.12');
    expect(authorName('Ana Pereira', 'BRA')).toBe('Ana Pereira (BRA)');
    expect(authorName('', 'BRA')).toBe('BRA');
    expect(authorName('', '')).toBe('Unknown author');
  });
});

describe('groupHistoryByDay', () => {
  it('groups runs by local day, newest day and newest run first, naming today and yesterday', () => {
    const now = new Date(2026, 10, 23, 15, 0);
    const at = (d: number, h: number) => new Date(2026, 10, d, h, 0).toISOString();
    const days = groupHistoryByDay([entry(at(20, 9), 1, 'template'), entry(at(22, 10), 2), entry(at(23, 9), 3, 'remote'), entry(at(23, 11), 4, 'restore')], now);
    expect(days.map((d) => d.heading)).toEqual(['Today', 'Yesterday', 'Friday 20 November 2026']);
    expect(days[0]?.entries.map((e) => e.seqTo)).toEqual([4, 3]);
    expect(days.flatMap((d) => d.entries).length).toBe(4);
  });
});

describe('dates and times in the interface language', () => {
  const zone = process.env.TZ;
  afterAll(async () => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
    await i18n.changeLanguage('en');
  });

  it('shows an instant as local date and time, month written out, in English and in French', async () => {
    process.env.TZ = 'Europe/Paris';
    await i18n.changeLanguage('en');
    expect(dateTime('2026-12-07T11:07:09.433Z')).toBe('7 December 2026, 12:07');
    expect(dateTime('not a date')).toBe('not a date');
    await i18n.changeLanguage('fr');
    expect(dateTime('2026-12-07T11:07:09.433Z')).toBe('7 décembre 2026, 12:07');
    process.env.TZ = 'America/New_York';
    expect(dateTime('2026-12-07T11:07:09.433Z')).toBe('7 décembre 2026, 06:07');
  });

  it('heads the days of history in the interface language', async () => {
    await i18n.changeLanguage('fr');
    const now = new Date(2026, 10, 23, 15, 0);
    const at = (d: number, h: number) => new Date(2026, 10, d, h, 0).toISOString();
    const days = groupHistoryByDay([entry(at(20, 9), 1), entry(at(22, 10), 2), entry(at(23, 9), 3)], now);
    expect(days.map((d) => d.heading)).toEqual(['Aujourd’hui', 'Hier', 'vendredi 20 novembre 2026']);
  });
});
