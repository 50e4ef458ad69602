import { afterAll, describe, expect, it } from 'vitest';
import { statusAuthor, statusText } from '../../../shared/negotiation/status-labels.js';
import { i18n } from '../../../renderer/i18n/index.js';
import { statusAuthorShown, statusWordsShown } from '../../../renderer/i18n/status-names.js';

describe('the status author in the interface language', () => {
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('names the facilitator role in the interface language, for what is stored now and for the English an earlier version stored', async () => {
    const stored = [statusAuthor(' Jane Doe '), statusAuthor(''), 'Facilitator (Jane Doe)', 'Facilitator'];
    await i18n.changeLanguage('en');
    expect(stored.map(statusAuthorShown)).toEqual(['Facilitator (Jane Doe)', 'Facilitator', 'Facilitator (Jane Doe)', 'Facilitator']);
    await i18n.changeLanguage('fr');
    expect(stored.map(statusAuthorShown)).toEqual(['Facilitation (Jane Doe)', 'Facilitation', 'Facilitation (Jane Doe)', 'Facilitation']);
  });

  it('tells a reservation in the interface language, with a no-break space before the French colon', async () => {
    const reservation = { state: 'reservation' as const, delegations: ['USA', 'RUS'], linked: [] as string[] };
    await i18n.changeLanguage('en');
    expect(statusText(reservation, () => undefined, statusWordsShown)).toBe('Reservation: USA, RUS');
    await i18n.changeLanguage('fr');
    expect(statusText(reservation, () => undefined, statusWordsShown)).toBe('Réserve\u00a0: USA, RUS');
  });
});
