import https from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend/index.js';
import { createAdmission, type Admission } from '../../../electron/consultation/admission.js';
import { parseColleagueAnswer } from '../../../electron/consultation/colleague-admission.js';
import { pinnedConnection } from '../../../electron/consultation/participant-tls.js';
import { startHost, type ConsultationHost, type HostOptions } from '../../../electron/consultation/host.js';
import { signJoinToken } from '../../../electron/consultation/join-token.js';
import { reasonShapes, type ReasonKey } from '../../../electron/consultation/refusal-reasons.js';
import { reasonText } from '../../../electron/consultation/refusal-text.js';
import { memoryAdmissions } from '../../../electron/store/admissions.js';
import { messageOf, messageText, msg } from '../../../shared/i18n/message.js';
import { otherHostTls, testHostOptions, testHostTls } from '../../support/host-tls.js';
import { signedTestToken, testKey, type Claim } from '../../support/join-keys.js';
import { storeWithDocument, tempDir, waitFor } from './peers.js';
import { authenticate, awarenessMessage, ownAwarenessMessage, rawClient, type RawClient } from './raw-client.js';

// What real hosts say, read by the participant: every refusal reason our host code makes
// (through a running host where a connection can provoke it, through the admission module for
// a member's answers and a full lobby) is one of the catalogue's keys, whose English is the
// sentence on the wire. A host sentence written anywhere but the catalogue fails here.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const seen = new Set<ReasonKey>();

/** Asserts that `reason` (`kind: sentence`, or the sentence alone) reads as catalogue key `key` with English the sentence itself. */
function readsAs(reason: string, key: ReasonKey, values: Record<string, unknown> = {}): void {
  const read = reasonText(reason);
  const kind = reasonShapes[key].kind;
  expect(read, reason).toMatchObject({ key: `checks:consultation.reason.${key}`, values });
  if (kind !== null) expect(reason.startsWith(`${kind}: `), reason).toBe(true);
  expect(typeof read === 'object' && messageText(read)).toBe(kind === null ? reason : reason.slice(kind.length + 2));
  seen.add(key);
}

async function lobbyHost(): Promise<ConsultationHost> {
  const held = storeWithDocument('d1');
  cleanups.push(() => held.store.close());
  const admit = [{ key: testKey('USA laptop').fingerprint, delegation: 'USA', name: 'Sam', role: 'delegation' as const }];
  const host = await startHost({ tls: testHostTls(), docs: held.docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, admit });
  cleanups.push(() => host.stop());
  return host;
}

/** The reason of a 401 answer to an HTTP request for the document list with `body` (a GET without). */
function listAnswer(host: ConsultationHost, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = https.request(`https://127.0.0.1:${host.port}/penholder/documents`, { method: body === undefined ? 'GET' : 'POST', createConnection: pinnedConnection(testHostTls().fingerprint) as never });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => (res.statusCode === 401 ? resolve((JSON.parse(text) as { reason: string }).reason) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.end(body);
  });
}

/** A host that admits every key at once, with `limits`. */
async function openHost(limits: HostOptions['limits'] = {}): Promise<ConsultationHost> {
  const held = storeWithDocument('d1');
  cleanups.push(() => held.store.close());
  const host = await startHost({ ...testHostOptions(), docs: held.docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, limits });
  cleanups.push(() => host.stop());
  return host;
}

/** A raw connection admitted to `host` as EU delegation Ana (installation `label`). */
async function eu(host: ConsultationHost, label: string): Promise<RawClient> {
  const client = await rawClient(`wss://127.0.0.1:${host.port}`);
  cleanups.push(() => client.ws.terminate());
  expect(await authenticate(client, 'd1', signedTestToken({ code: host.joinCode, delegation: 'EU', name: 'Ana', role: 'delegation' }, 'd1', label))).toBe('authenticated');
  return client;
}

/** The reason of the host's refusal of presence message `bytes` sent by a fresh EU connection. */
async function presenceAnswer(host: ConsultationHost, bytes: Uint8Array, label: string): Promise<string> {
  const client = await eu(host, label);
  client.send(bytes);
  await waitFor(() => client.stateless.length > 0, 3000, 'a presence refusal');
  return (JSON.parse(client.stateless[0]!) as { reason: string }).reason;
}

/** The host's answer to one fresh connection authenticating for `doc` with `token`. */
async function answer(host: ConsultationHost, token: string, doc = 'd1'): Promise<string> {
  const client = await rawClient(`wss://127.0.0.1:${host.port}`);
  cleanups.push(() => client.ws.terminate());
  return authenticate(client, doc, token);
}

describe('a real host’s refusals at the participant', () => {
  it('a wrong join code reaches a participant’s backend as the catalogue message, in English and in French', async () => {
    const host = await lobbyHost();
    const backend = await openBackend({ dataDir: tempDir() });
    cleanups.push(() => backend.close());
    const { handlers } = backend.connect(() => undefined);
    const err = await handlers['consultation.documents']({ url: host.url, fingerprint: testHostTls().fingerprint, code: 'WRONG', delegation: 'CAN', name: 'Li', role: 'delegation' }).then(
      () => expect.fail('not refused'),
      (e: unknown) => e,
    );
    const text = messageOf(err);
    expect(text).toEqual(msg('checks:consultation.refusedEntry', { reason: msg('checks:consultation.reason.wrongCode') }));
    expect(text && messageText(text, 'fr')).toBe('L’hôte a refusé de vous laisser entrer\u00a0: ce code n’ouvre pas cette consultation.');
    expect((err as Error).message).toBe('The host refused to let you in: this code does not open this consultation.');
  });

  it('every sentence a running host says to a connection reads as its catalogue key', async () => {
    const host = await lobbyHost();
    const claim = (over: Partial<Claim> = {}): Claim => ({ code: host.joinCode, delegation: 'EU', name: 'Ana (Lead) "B"', role: 'delegation', ...over });
    readsAs(await answer(host, signedTestToken(claim({ code: 'WRONG' }), 'd1', 'wrong')), 'wrongCode');
    readsAs(await answer(host, signedTestToken(claim({ role: 'facilitator' }), 'd1', 'chair')), 'facilitatorNeedsCode');
    readsAs(await answer(host, signedTestToken(claim(), 'd1', 'elsewhere', otherHostTls().fingerprint)), 'badSignature');
    const key = testKey('clock');
    const at = (time: number) => signJoinToken({ ...claim(), fingerprint: testHostTls().fingerprint, document: 'd1', key: key.publicKey, sign: key.privateKey, time });
    readsAs(await answer(host, at(Date.now() - 10 * 60_000)), 'clockBehind', { minutes: 10 });
    readsAs(await answer(host, at(Date.now() + 12 * 60_000)), 'clockAhead', { minutes: 12 });

    const once = signedTestToken(claim(), 'd1', 'EU laptop');
    readsAs(await answer(host, once), 'waitingFacilitator', { delegation: 'EU', role: msg('checks:consultation.role.delegation'), key: expect.stringMatching(/^[0-9A-F]{4}-[0-9A-F]{4}$/) });
    readsAs(await answer(host, once), 'replayed');
    readsAs(await answer(host, signedTestToken(claim({ delegation: 'USA', role: 'observer' }), 'd1', 'USA other')), 'waitingDelegate', {
      member: 'USA',
      delegation: 'USA',
      role: msg('checks:consultation.role.observer'),
    });
    readsAs(await answer(host, signedTestToken(claim({ code: host.delegationCode('USA') }), 'd1', 'USA third')), 'waitingTaken', { delegation: 'USA' });
    readsAs(await answer(host, signedTestToken(claim(), 'd2 "x"', 'USA laptop'), 'd2 "x"'), 'noSuchDocument', { served: 'd1', asked: 'd2 "x"' });

    host.refuse(testKey('EU laptop').fingerprint);
    readsAs(await answer(host, signedTestToken(claim(), 'd1', 'EU laptop')), 'refusedByFacilitator');
  });

  it('every sentence of a member’s answer and of a full lobby reads as its catalogue key', () => {
    const admission: Admission = createAdmission({ records: memoryAdmissions(), codes: { joinCode: 'JOIN', facilitatorCode: 'CHAIR' } });
    const join = { kind: 'join' } as const;
    const hex = (n: number) => n.toString(16).padStart(64, '0');
    admission.preAdmit({ key: hex(1), delegation: 'EU', name: 'Ana (Lead)', role: 'delegation' });
    const member = { participant: { delegation: 'EU', name: 'Ana (Lead)', role: 'delegation' as const }, key: hex(1) };
    const observer = { participant: { delegation: 'EU', name: 'Bo', role: 'observer' as const }, key: hex(1) };
    const notOk = (r: { ok: boolean; reason?: string }) => (r.ok ? expect.fail('accepted') : r.reason!);
    readsAs(notOk(admission.memberAnswer(observer, hex(2), 'admit')), 'notMember');
    readsAs(notOk(admission.memberAnswer(member, hex(2), 'admit')), 'notWaiting', { key: expect.any(String) });
    admission.decide({ key: hex(3), delegation: 'FRA', name: 'Luc', role: 'delegation' }, join);
    readsAs(notOk(admission.memberAnswer(member, hex(3), 'refuse')), 'otherDelegation', { delegation: 'EU' });
    admission.decide({ key: hex(4), delegation: 'EU', name: 'Eve', role: 'delegation' }, join);
    expect(admission.memberAnswer(member, hex(4), 'refuse')).toEqual({ ok: true });
    const refused = admission.decide({ key: hex(4), delegation: 'EU', name: 'Eve', role: 'delegation' }, join);
    readsAs(refused.kind === 'refused' ? refused.reason : expect.fail(refused.kind), 'refusedByMember', { name: 'Ana (Lead)', delegation: 'EU' });
    let last = admission.decide({ key: hex(5), delegation: 'CAN', name: 'Li', role: 'observer' }, join);
    for (let i = 6; last.kind === 'waiting'; i++) last = admission.decide({ key: hex(i), delegation: 'CAN', name: 'Li', role: 'observer' }, join);
    readsAs(last.kind === 'refused' ? last.reason : expect.fail(last.kind), 'lobbyFull', { n: admission.lobby().pending.length });
  });

  it('a request for the document list or a colleague’s answer it cannot read, and a token it cannot read, read as their catalogue keys', async () => {
    const host = await lobbyHost();
    readsAs(await listAnswer(host), 'postTheToken');
    readsAs(await listAnswer(host, 'x'.repeat(20_000)), 'requestTooLong');
    const notJson = await listAnswer(host, 'not json');
    expect(reasonText(notJson)).toEqual(msg('checks:token.notJson', {}));
    const role = await answer(host, JSON.stringify({ ...JSON.parse(signedTestToken({ code: host.joinCode, delegation: 'EU', name: 'Ana', role: 'delegation' }, 'd1')), role: 'chair' }));
    expect(reasonText(role)).toEqual(msg('checks:token.role', { roles: 'facilitator, delegation, observer' }));
    expect(messageText(msg('checks:token.role', { roles: 'délégation' }), 'fr')).toBe('Le rôle doit être l’un des suivants\u00a0: délégation.');
    const key = 'a'.repeat(64);
    const colleague = (value: unknown) => parseColleagueAnswer(typeof value === 'string' ? value : JSON.stringify(value)) as string;
    readsAs(colleague('{'), 'malformedNotJson');
    readsAs(colleague([1]), 'malformedNotObject');
    readsAs(colleague({ type: 'penholder.colleague', key, decision: 'admit', as: 'chair' }), 'malformedFields', { fields: 'as,decision,key,type' });
    readsAs(colleague({}), 'malformedNoFields');
    readsAs(colleague({ type: 'other', key, decision: 'admit' }), 'malformedType', { type: 'penholder.colleague' });
    readsAs(colleague({ type: 'penholder.colleague', key: key.toUpperCase(), decision: 'admit' }), 'malformedKey');
    readsAs(colleague({ type: 'penholder.colleague', key, decision: 'yes' }), 'malformedDecision');
  });

  it('every presence refusal a running host says reads as its catalogue key', async () => {
    const host = await openHost();
    const ana = { delegation: 'EU', name: 'Ana', role: 'delegation' };
    const other = { penholder: { ...ana, delegation: 'USA', role: 'facilitator' } };
    readsAs(await presenceAnswer(host, awarenessMessage('d1', [{ clientId: 901, clock: 1, state: other }]), 'p1'), 'presenceNotYou', {
      delegation: 'EU',
      role: msg('checks:consultation.role.delegation'),
    });
    readsAs(await presenceAnswer(host, awarenessMessage('d1', [{ clientId: 902, clock: 1, state: [1] }]), 'p2'), 'presenceNotObject');
    const big = { penholder: ana, note: 'a'.repeat(9000) };
    readsAs(await presenceAnswer(host, awarenessMessage('d1', [{ clientId: 903, clock: 1, state: big }]), 'p3'), 'presenceTooBig', { bytes: JSON.stringify(big).length, max: 8192 });
    readsAs(await presenceAnswer(host, awarenessMessage('d1', [], new Uint8Array([0x85, 0x01, 0x02, 0xff])), 'p4'), 'presenceUnreadable');
    // One whole entry (client 904, clock 1, state null), then a byte more.
    readsAs(await presenceAnswer(host, awarenessMessage('d1', [], new Uint8Array([0x88, 0x07, 0x01, 0x04, ...Buffer.from('null'), 0x00])), 'p5'), 'presenceTrailing');
    const owner = await eu(host, 'p6');
    const own = ownAwarenessMessage('d1', { penholder: ana });
    owner.send(own.bytes);
    await waitFor(() => host.awareness('d1')!.getStates().has(own.clientId), 3000, 'the presence applied');
    readsAs(await presenceAnswer(host, awarenessMessage('d1', [{ clientId: own.clientId, clock: 9, state: { penholder: ana } }]), 'p7'), 'presenceOthersClient', { client: own.clientId });
  });

  it('a presence refusal reaches a participant’s backend as the catalogue message, in English and in French', async () => {
    // A host that takes presence states of at most 40 bytes: the participant's own is longer.
    const host = await openHost({ maxPresenceBytes: 40 });
    const backend = await openBackend({ dataDir: tempDir() });
    cleanups.push(() => backend.close());
    const { handlers } = backend.connect(() => undefined);
    void handlers['consultation.join']({ url: host.url, fingerprint: testHostTls().fingerprint, docId: 'd1', code: host.joinCode, delegation: 'CAN', name: 'Li', role: 'delegation' }).catch(() => {});
    await waitFor(async () => /presence/.test((await handlers['consultation.status']({})).lastError), 8000, 'the presence refusal told');
    const status = await handlers['consultation.status']({});
    const bytes = Number(/a presence state of (\d+) bytes/.exec(status.lastError)?.[1]);
    expect(status.lastError).toBe(`The host refused your presence: a presence state of ${bytes} bytes (at most 40).`);
    expect(status.lastErrorText && messageText(status.lastErrorText, 'fr')).toBe(
      `L’hôte a refusé votre présence\u00a0: un état de présence de ${bytes} octets (40 au plus).`,
    );
    await handlers['consultation.leave']({});
  });

  it('between them, reached every catalogue key but the two no peer reads', () => {
    // unreadableRequest answers a failure that carries no reason (none of ours does), and
    // requestCutOff a request whose sender is gone.
    const unreachable = ['requestCutOff', 'unreadableRequest'];
    expect([...seen].sort()).toEqual(Object.keys(reasonShapes).filter((k) => !unreachable.includes(k)).sort());
  });
});
