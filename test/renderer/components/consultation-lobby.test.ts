import { describe, expect, it } from 'vitest';
import type { ConsultationStatus } from '../../../shared/api/contract.js';
import { hostingDetails } from '../../../renderer/components/consultation-hosting-view.js';
import { joinLinkFromHash, waitingDetail } from '../../../renderer/components/consultation-join-link.js';
import { lobbyBadge, lobbyEntryLine } from '../../../renderer/components/consultation-lobby.js';
import { lastErrorShown } from '../../../renderer/components/consultation-text.js';
import { i18n } from '../../../renderer/i18n/index.js';
import { reasonText } from '../../../electron/consultation/refusal-text.js';
import { messageText, msg } from '../../../shared/i18n/message.js';

const entry = { key: 'c9f39cbd'.repeat(8), keyShort: 'C9F3-9CBD', delegation: 'EU', name: 'Ana Pereira', role: 'delegation' as const, since: '2026-12-07T07:00:00.000Z' };

const hosting: ConsultationStatus = {
  state: 'hosting',
  docId: 'd1',
  role: 'facilitator',
  unsyncedChanges: 0,
  participants: [],
  url: 'wss://127.0.0.1:4455',
  joinCode: 'K8K1-8YNZ',
  facilitatorCode: 'WBBF-74X8',
  lastError: '',
  fingerprint: 'ab'.repeat(32),
  link: 'penholder://join?x',
  lobby: 1,
};

describe('lobby words', () => {
  it('writes a key as the facilitator reads it, with the role when it is not a delegation', () => {
    expect(lobbyEntryLine(entry)).toBe('EU, Ana Pereira, key C9F3-9CBD');
    expect(lobbyEntryLine({ ...entry, role: 'observer', name: '' })).toBe('EU, Unnamed (observer), key C9F3-9CBD');
    expect(lobbyBadge(0)).toBe('');
    expect(lobbyBadge(3)).toBe('3 waiting');
  });

  it('shows the host sentence about the wait without repeating the title', () => {
    expect(waitingDetail('Waiting for the facilitator to admit you: the facilitator has not admitted you as EU (delegation) yet. Your key is C9F3-9CBD.')).toBe(
      'The facilitator has not admitted you as EU (delegation) yet. Your key is C9F3-9CBD.',
    );
    expect(waitingDetail('')).toMatch(/lobby/);
  });

  it('says the wait and the last error in the interface language from the backend\'s message, the English unchanged', async () => {
    // What the participant's backend sets for a key in the lobby (refusal-text.ts reads the host's sentence into it).
    const text = msg('checks:consultation.waiting', { reason: reasonText('waiting: the facilitator has not admitted you as EU (delegation) yet. Your key is C9F3-9CBD; this window keeps trying.') });
    const english = messageText(text);
    expect(english).toBe('Waiting for the facilitator to admit you: the facilitator has not admitted you as EU (delegation) yet. Your key is C9F3-9CBD; this window keeps trying.');
    expect(waitingDetail(english, text)).toBe('The facilitator has not admitted you as EU (delegation) yet. Your key is C9F3-9CBD; this window keeps trying.');
    await i18n.changeLanguage('fr');
    try {
      expect(waitingDetail(english, text)).toBe('Le facilitateur ne vous a pas encore admis comme EU (délégation). Votre clé est C9F3-9CBD\u00a0; cette fenêtre continue d’essayer.');
      expect(lastErrorShown({ lastError: english, lastErrorText: text })).toMatch(/^En attente de l’admission par le facilitateur\u00a0: le facilitateur ne vous a pas encore admis/);
      expect(lastErrorShown({ lastError: 'A sentence from an older backend.' })).toBe('A sentence from an older backend.');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});

describe('hosting details and links handed to the page', () => {
  it('are complete only while hosting this document', () => {
    expect(hostingDetails(hosting, 'd1')).toEqual({ url: hosting.url, joinCode: hosting.joinCode, facilitatorCode: hosting.facilitatorCode, fingerprint: hosting.fingerprint, link: hosting.link });
    expect(hostingDetails(hosting, 'd2')).toBeNull();
    expect(hostingDetails({ ...hosting, fingerprint: null }, 'd1')).toBeNull();
    expect(hostingDetails({ ...hosting, state: 'connected' }, 'd1')).toBeNull();
  });

  it('reads a join link from the page hash, and nothing else', () => {
    const link = 'penholder://join?url=wss%3A%2F%2Fh%3A1&code=A&fp=' + 'ab'.repeat(32);
    expect(joinLinkFromHash(`#join=${encodeURIComponent(link)}`)).toBe(link);
    expect(joinLinkFromHash('#other=1')).toBeNull();
    expect(joinLinkFromHash('#join=')).toBeNull();
    expect(joinLinkFromHash('')).toBeNull();
    expect(joinLinkFromHash(`#join=${'x'.repeat(100_000)}`)!.length).toBeLessThanOrEqual(16 * 1024);
  });
});
