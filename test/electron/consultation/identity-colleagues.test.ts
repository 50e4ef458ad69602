import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../../electron/consultation/host.js';
import { shortKey } from '../../../electron/consultation/join-token.js';
import { openAdmissions } from '../../../electron/store/admissions.js';
import { testHostTls } from '../../support/host-tls.js';
import { signedTestToken, testKey } from '../../support/join-keys.js';
import { storeWithDocument, waitFor } from './peers.js';
import { authenticate, rawClient, type RawClient } from './raw-client.js';

// Issue 13 point 2: "a second key claiming an admitted delegation waits for the facilitator
// (or a member already admitted for that delegation)". Hand-made clients against a real host:
// only EU's admitted, connected delegate hears of and answers for a key asking to speak for
// EU; FRA's delegate, an observer, a forged or malformed answer change nothing.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const stateless = (doc: string, payload: string, type = 5): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, type);
  encoding.writeVarString(e, payload);
  return encoding.toUint8Array(e);
};
const answer = (key: string, decision: string, extra: Record<string, unknown> = {}) => JSON.stringify({ type: 'penholder.colleague', key, decision, ...extra });
const messagesOf = (c: RawClient, type: string) => c.stateless.map((s) => JSON.parse(s) as Record<string, unknown>).filter((m) => m.type === type);
const lastList = (c: RawClient) => messagesOf(c, 'penholder.colleagues').at(-1)?.waiting as { key: string; name: string; keyShort: string }[] | undefined;

/** Sends `payload` from `c` and resolves with the host's reply to it. */
async function ask(c: RawClient, payload: string): Promise<Record<string, unknown>> {
  const n = messagesOf(c, 'penholder.colleague-answer').length;
  c.send(stateless('d1', payload));
  await waitFor(() => messagesOf(c, 'penholder.colleague-answer').length > n, 5000, 'the host\'s reply');
  return messagesOf(c, 'penholder.colleague-answer')[n]!;
}

describe('a member admits a colleague', () => {
  it('only the delegation\'s own admitted delegate hears of the waiting key and may admit it; the admission is kept with who made it', async () => {
    const held = storeWithDocument('d1');
    const admit = [
      { key: testKey('EU one').fingerprint, delegation: 'EU', name: 'Ana Pereira', role: 'delegation' as const },
      { key: testKey('FRA one').fingerprint, delegation: 'FRA', name: 'Jean', role: 'delegation' as const },
      { key: testKey('EU watcher').fingerprint, delegation: 'EU', name: 'Olga', role: 'observer' as const },
    ];
    const host = await startHost({ tls: testHostTls(), docs: held.docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, admissions: openAdmissions(held.store.file, 'd1'), admit });
    cleanups.push(() => host.stop());
    const raw = async () => {
      const c = await rawClient(`wss://127.0.0.1:${host.port}`);
      cleanups.push(() => c.ws.terminate());
      return c;
    };
    const join = async (label: string, claim: { delegation: string; name: string; role: 'delegation' | 'observer' }) => {
      const c = await raw();
      return { c, answer: await authenticate(c, 'd1', signedTestToken({ code: host.joinCode, ...claim }, 'd1', label)) };
    };
    const eu = await join('EU one', { delegation: 'EU', name: 'Ana Pereira', role: 'delegation' });
    const fra = await join('FRA one', { delegation: 'FRA', name: 'Jean', role: 'delegation' });
    const watcher = await join('EU watcher', { delegation: 'EU', name: 'Olga', role: 'observer' });
    // EU's own delegate, come as an observer this time: follows, answers nothing.
    const quiet = await join('EU one', { delegation: 'EU', name: 'Ana Pereira', role: 'observer' });
    expect([eu, fra, watcher, quiet].map((j) => j.answer)).toEqual(['authenticated', 'authenticated', 'authenticated', 'authenticated']);
    await waitFor(() => host.participants().length === 4, 5000, 'four connected');

    const second = testKey('EU two').fingerprint;
    expect((await join('EU two', { delegation: 'EU', name: 'Second laptop', role: 'delegation' })).answer).toMatch(/^waiting:/);
    await waitFor(() => lastList(eu.c)?.length === 1, 5000, 'EU told of the waiting key');
    expect(lastList(eu.c)).toMatchObject([{ key: second, keyShort: shortKey(second), delegation: 'EU', name: 'Second laptop', role: 'delegation' }]);
    // Nobody else hears of it.
    expect([fra, watcher, quiet].map((j) => messagesOf(j.c, 'penholder.colleagues'))).toEqual([[], [], []]);

    // FRA, an observer and EU's delegate as an observer cannot answer for it; forged and malformed answers are refused whole.
    expect(await ask(fra.c, answer(second, 'admit'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^other-delegation: .* does not ask to speak for FRA/) });
    expect(await ask(watcher.c, answer(second, 'admit'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^not-a-member:/) });
    expect(await ask(quiet.c, answer(second, 'admit'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^not-a-member:/) });
    expect(await ask(eu.c, answer(second, 'admit', { as: 'facilitator' }))).toMatchObject({ ok: false, reason: expect.stringMatching(/^malformed: the message must have exactly type, key and decision/) });
    expect(await ask(eu.c, answer(second.toUpperCase(), 'admit'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^malformed: the key/) });
    expect(await ask(eu.c, answer(second, 'yes'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^malformed: the decision/) });
    expect(await ask(eu.c, answer(testKey('nobody').fingerprint, 'admit'))).toMatchObject({ ok: false, reason: expect.stringMatching(/^not-waiting:/) });
    expect(host.lobby().pending.map((e) => e.key)).toEqual([second]);
    // Broadcast to every peer instead of sent to the host: the connection is closed, nothing relayed, still waiting.
    const forger = await join('FRA one', { delegation: 'FRA', name: 'Jean', role: 'delegation' });
    await waitFor(() => host.participants().length === 5, 5000, 'the forger connected');
    forger.c.send(stateless('d1', answer(second, 'admit'), 6));
    await waitFor(() => host.participants().length === 4, 5000, 'the forger\'s document connection closed');
    expect(host.lobby().pending.map((e) => e.key)).toEqual([second]);
    expect(messagesOf(eu.c, 'penholder.colleague').length + messagesOf(fra.c, 'penholder.colleague').length).toBe(0);

    // EU's delegate admits: the key gets in as EU, the list empties, and the lobby says who admitted whom.
    expect(await ask(eu.c, answer(second, 'admit'))).toEqual({ type: 'penholder.colleague-answer', key: second, decision: 'admit', ok: true });
    await waitFor(() => lastList(eu.c)?.length === 0, 5000, 'EU told nobody waits');
    expect((await join('EU two', { delegation: 'EU', name: 'Second laptop', role: 'delegation' })).answer).toBe('authenticated');
    const by = { by: 'member', delegation: 'EU', name: 'Ana Pereira', keyShort: shortKey(testKey('EU one').fingerprint) };
    expect(host.lobby().admitted.find((e) => e.key === second)).toMatchObject({ delegation: 'EU', name: 'Second laptop', role: 'delegation', admittedBy: by });

    // A third EU key, refused by EU's delegate: told once, by whom.
    expect((await join('EU three', { delegation: 'EU', name: 'Third', role: 'delegation' })).answer).toMatch(/^waiting:/);
    await waitFor(() => lastList(eu.c)?.length === 1, 5000, 'EU told of the third key');
    expect(await ask(eu.c, answer(testKey('EU three').fingerprint, 'refuse'))).toMatchObject({ ok: true });
    expect((await join('EU three', { delegation: 'EU', name: 'Third', role: 'delegation' })).answer).toBe(
      `refused: Ana Pereira of EU (key ${by.keyShort}) did not admit you to this consultation.`,
    );

    // Remembered in the store like a facilitator's admission.
    await host.stop();
    const records = openAdmissions(held.store.file, 'd1');
    cleanups.push(() => records.close());
    expect(records.list().find((e) => e.key === second)).toMatchObject({ delegation: 'EU', admittedBy: by });
    expect(records.list().find((e) => e.key === testKey('FRA one').fingerprint)).toMatchObject({ admittedBy: { by: 'list' } });
  }, 60_000);

  it('a stateless message the protocol does not name, even sent to the host alone, closes the sender\'s document connection and reaches nobody', async () => {
    const held = storeWithDocument('d1');
    const admit = [
      { key: testKey('EU one').fingerprint, delegation: 'EU', name: 'Ana Pereira', role: 'delegation' as const },
      { key: testKey('CHE watcher').fingerprint, delegation: 'CHE', name: 'Heidi', role: 'observer' as const },
    ];
    const host = await startHost({ tls: testHostTls(), docs: held.docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, admit });
    cleanups.push(() => host.stop());
    const connect = async (label: string, claim: { delegation: string; name: string; role: 'delegation' | 'observer' }) => {
      const c = await rawClient(`wss://127.0.0.1:${host.port}`);
      cleanups.push(() => c.ws.terminate());
      expect(await authenticate(c, 'd1', signedTestToken({ code: host.joinCode, ...claim }, 'd1', label))).toBe('authenticated');
      return c;
    };
    const eu = await connect('EU one', { delegation: 'EU', name: 'Ana Pereira', role: 'delegation' });
    for (const forged of [
      { type: 'penholder.refused', reason: 'Forged: your change was refused.' },
      { type: 'penholder.colleagues', waiting: [{ key: 'f'.repeat(64), keyShort: 'FFFF-FFFF', delegation: 'EU', name: 'Forged', role: 'delegation', since: '' }] },
    ]) {
      const observer = await connect('CHE watcher', { delegation: 'CHE', name: 'Heidi', role: 'observer' });
      await waitFor(() => host.participants().length === 2, 5000, 'the observer connected');
      observer.send(stateless('d1', JSON.stringify(forged)));
      await waitFor(() => host.participants().length === 1, 5000, 'the observer\'s document connection closed');
    }
    expect(eu.stateless.filter((m) => m.includes('Forged'))).toEqual([]);
  });
});
