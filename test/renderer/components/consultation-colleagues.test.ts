import { afterAll, describe, expect, it } from 'vitest';
import { answerFailedText, colleagueLine } from '../../../renderer/components/consultation-colleagues.js';
import { admittedByText } from '../../../renderer/components/consultation-lobby.js';
import { applyInterfaceLanguage } from '../../../renderer/i18n/index.js';
import { refusalReason } from '../../../electron/consultation/refusal-reasons.js';
import { reasonText } from '../../../electron/consultation/refusal-text.js';
import { ApiError, apiErrorFromShape } from '../../../shared/api/contract.js';
import { msg } from '../../../shared/i18n/message.js';

const entry = { key: 'b0351088'.repeat(8), keyShort: 'B035-1088', delegation: 'EU', name: 'Second laptop', role: 'delegation' as const, since: '2026-12-07T10:00:00.000Z' };
const member = { by: 'member' as const, delegation: 'EU', name: 'Ana Pereira', keyShort: 'C9F3-9CBD' };

afterAll(async () => {
  await applyInterfaceLanguage('en');
});

describe('a waiting colleague and who admitted a key, in words', () => {
  it('in English', async () => {
    await applyInterfaceLanguage('en');
    expect(colleagueLine(entry)).toBe('A second laptop asks to speak for EU: Second laptop, key B035-1088');
    expect(colleagueLine({ ...entry, role: 'observer' })).toBe('A second laptop asks to follow for EU as an observer: Second laptop, key B035-1088');
    expect(admittedByText(member)).toBe('admitted by Ana Pereira (EU, key C9F3-9CBD)');
    expect(admittedByText({ by: 'facilitator' })).toBe('admitted by the facilitator');
    expect(admittedByText({ by: 'list' })).toBe('admitted by the host’s list');
    expect(admittedByText(undefined)).toBe('');
  });

  it('in French', async () => {
    await applyInterfaceLanguage('fr');
    // French puts a no-break space before the colon (the catalogue's typography).
    expect(colleagueLine(entry)).toMatch(/^Un autre ordinateur demande à parler au nom de EU[\u00a0\u202f]: Second laptop, clé B035-1088$/);
    expect(admittedByText(member)).toBe('admis par Ana Pereira (EU, clé C9F3-9CBD)');
    expect(admittedByText({ by: 'delegation-code' })).toBe('admis par le code de la délégation');
  });
});

describe('an answer to a colleague the host did not take', () => {
  it('is said again in the language switched to afterwards', async () => {
    await applyInterfaceLanguage('en');
    // As the participant's backend rejects it (colleague-participant.ts) and the transport carries it.
    const reason = refusalReason('notWaiting', { key: 'B035-1088' });
    const thrown = new ApiError('invalid-argument', msg('checks:consultation.answerRefused', { kind: 'not-waiting', reason: reasonText(reason) }));
    const cause = apiErrorFromShape({ code: thrown.code, message: thrown.message, text: thrown.text });
    expect(answerFailedText(cause)).toBe('Your answer was not taken: The host did not take your answer: not-waiting: no key B035-1088 waits to be admitted.');
    await applyInterfaceLanguage('fr');
    expect(answerFailedText(cause)).toMatch(/^Votre réponse n’a pas été prise en compte[\u00a0\u202f]: L’hôte n’a pas accepté votre réponse \(not-waiting\)[\u00a0\u202f]: aucune clé B035-1088 n’attend d’être admise\.$/);
  });
});
