import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineText, deadlineTitle, objectionTimes, objectionTitle } from '../../../renderer/document/record-format.js';
import { i18n } from '../../../renderer/i18n/index.js';

// A silence deadline set in Geneva at noon, read on a computer in New York, and an objection signed and received.
const deadline = { date: '2026-12-07', time: '12:00', zone: 'Europe/Zurich', instant: '2026-12-07T11:00:00.000Z' };
const objection = { time: '2026-12-07T10:07:09.433Z', arrived: '2026-12-07T10:08:00.000Z' };

describe('the record’s instants for people', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });
  afterAll(async () => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
    await i18n.changeLanguage('en');
  });

  it('writes the silence deadline in its own zone and in the interface language, the local time and exact instant in its title', async () => {
    await i18n.changeLanguage('en');
    expect(deadlineText(deadline)).toBe('7 December 2026, 12:00 (Europe/Zurich)');
    expect(deadlineTitle(deadline)).toBe('Your local time: 7 December 2026, 06:00 (2026-12-07T11:00:00.000Z)');
    await i18n.changeLanguage('fr');
    expect(deadlineText(deadline)).toBe('7 décembre 2026, 12:00 (Europe/Zurich)');
    expect(i18n.t('record:silence.pending', { label: 'Rev.2', deadline: deadlineText(deadline) })).toBe('Rev.2 est soumise à la procédure d’accord tacite jusqu’au 7 décembre 2026, 12:00 (Europe/Zurich).');
  });

  it('keeps the date and time as typed when the zone is not one it knows', async () => {
    await i18n.changeLanguage('en');
    expect(deadlineText({ ...deadline, zone: 'Geneva time' })).toBe('2026-12-07 12:00 (Geneva time)');
  });

  it('shows when an objection was signed and arrived as local date and time, the instants in its title', async () => {
    await i18n.changeLanguage('fr');
    expect(objectionTimes(objection)).toEqual({ time: '7 décembre 2026, 05:07', arrived: '7 décembre 2026, 05:08' });
    expect(objectionTimes({ ...objection, arrived: null }).arrived).toBe('—');
    expect(objectionTitle(objection)).toBe('signée le 2026-12-07T10:07:09.433Z, reçue le 2026-12-07T10:08:00.000Z');
    expect(objectionTimes(objection).time).not.toContain('T10:07');
  });
});
