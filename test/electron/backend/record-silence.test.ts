import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend/index.js';
import { openStore } from '../../../electron/store/store.js';
import { messageText, msg } from '../../../shared/i18n/message.js';
import type { Handlers } from '../../../shared/api/contract.js';
import { replicaOf, retitle } from './edits.js';
import { errorOf } from './error-of.js';
import { dispatch } from '../../../shared/api/dispatch.js';
import { installationKeyFile } from '../../../electron/identity/installation-key.js';
import { acceptRevisionFile } from '../../../electron/consultation/record-participant.js';
import * as Y from 'yjs';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function start(): Promise<Handlers> {
  return (await startIn()).handlers;
}

async function startIn(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-silence-'))): Promise<{ handlers: Handlers; dir: string; close(): Promise<void> }> {
  const backend = await openBackend({ dataDir: dir });
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }), () => backend.close());
  return { handlers: backend.connect(() => {}).handlers, dir, close: () => backend.close() };
}


/** A document with named revisions Rev.1..Rev.n, the title changed before each. */
async function revisions(handlers: Handlers, n: number) {
  const { id } = await handlers['documents.createFromTemplate']({ templateId: 'blank-resolution', title: 'Safer streets' });
  const replica = replicaOf((await handlers['documents.open']({ id })).state);
  const revs = [];
  for (let i = 1; i <= n; i++) {
    await handlers['documents.applyUpdate']({ id, update: retitle(replica, `Safer streets ${i}`) });
    revs.push(await handlers['revisions.create']({ docId: id, kind: 'revision', label: `Rev.${i}` }));
  }
  return { id, revs };
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe('silence and comparison channels through the real backend', () => {
  it('compares a revision file held earlier with the current issued revision and says whether the chain is unbroken', async () => {
    const handlers = await start();
    const { id, revs } = await revisions(handlers, 3);
    await handlers['record.issue']({ id, revisionId: revs[0]!.id });
    const rev1File = (await handlers['record.exportFile']({ id, revisionId: revs[0]!.id })).bytes;
    expect((await handlers['record.compareFile']({ id, bytes: rev1File })).chain).toMatchObject({ unbroken: true, same: true, between: [] });
    await handlers['record.issue']({ id, revisionId: revs[1]!.id });
    await handlers['record.issue']({ id, revisionId: revs[2]!.id });
    const compared = await handlers['record.compareFile']({ id, bytes: rev1File });
    expect(compared.chain).toEqual({ unbroken: true, same: false, between: ['Rev.2'], words: 'Rev.1 → Rev.3: chain unbroken, 1 revision between (Rev.2)' });
    expect(compared.older!.label).toBe('Rev.1');
    expect(compared.newer!.label).toBe('Rev.3');
    expect(JSON.stringify(compared.older!.document)).toContain('Safer streets 1');
    expect(JSON.stringify(compared.newer!.document)).toContain('Safer streets 3');

    // A file of another chain (another installation issued the same label) does not continue this one.
    const other = await start();
    const elsewhere = await revisions(other, 1);
    await other['record.issue']({ id: elsewhere.id, revisionId: elsewhere.revs[0]!.id });
    const foreign = (await other['record.exportFile']({ id: elsewhere.id, revisionId: elsewhere.revs[0]!.id })).bytes;
    const broken = await handlers['record.compareFile']({ id, bytes: foreign });
    expect(broken.check.valid).toBe(true);
    expect(broken.chain).toMatchObject({ unbroken: false });
    expect(broken.chain!.words).toMatch(/chain broken at record 1 \(Rev.1\)/);
    // A changed byte is the file's own failure, before any comparison.
    const changed = new Uint8Array(rev1File);
    changed[changed.length - 10] = changed[changed.length - 10]! ^ 1;
    expect((await handlers['record.compareFile']({ id, bytes: changed })).check.valid).toBe(false);
  });

  it('places the last issued revision under silence with a date, time and IANA zone, lists it, and states it in the exports', async () => {
    const handlers = await start();
    const { id, revs } = await revisions(handlers, 2);
    expect(await errorOf(handlers['record.placeSilence']({ id, date: tomorrow(), time: '12:00', zone: 'Europe/Zurich' }))).toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/issue a revision first/) });
    await handlers['record.issue']({ id, revisionId: revs[1]!.id });
    expect((await handlers['record.silence']({ id })).canPlace).toBe(true);
    expect(await errorOf(handlers['record.placeSilence']({ id, date: tomorrow(), time: '12:00', zone: 'Europe/Geneva' }))).toMatchObject({ message: expect.stringMatching(/not an IANA time zone/) });
    expect(await errorOf(handlers['record.placeSilence']({ id, date: '2020-01-01', time: '12:00', zone: 'UTC' }))).toMatchObject({ message: expect.stringMatching(/has passed/) });
    const placed = await handlers['record.placeSilence']({ id, date: tomorrow(), time: '18:30', zone: 'Asia/Tokyo' });
    expect(placed).toMatchObject({ label: 'Rev.2', outcome: 'pending', deadline: { date: tomorrow(), time: '18:30', zone: 'Asia/Tokyo', instant: `${tomorrow()}T09:30:00.000Z` } });
    expect(placed.words).toMatch(/^under silence until \d+ \w+ \d{4}, 18:30 \(Asia\/Tokyo\)$/);
    const info = await handlers['record.silence']({ id });
    expect(info).toMatchObject({ canPlace: false, silence: { outcome: 'pending' }, mine: [] });
    const list = await handlers['record.list']({ id });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ label: 'Rev.2', chain: 1, silence: { outcome: 'pending' } });

    const text = await handlers['files.export']({ jobId: 'j1', id, revisionId: revs[1]!.id, format: 'text' });
    expect(new TextDecoder().decode(text.bytes).trimEnd().split('\n').at(-1)).toBe(`Rev.2: under silence procedure until ${tomorrow()} 18:30 (Asia/Tokyo).`);
    const docx = await handlers['files.export']({ jobId: 'j2', id, revisionId: revs[1]!.id, format: 'docx' });
    const custom = strFromU8(unzipSync(docx.bytes)['docProps/custom.xml']!);
    expect(custom).toContain('silenceProcedure');
    expect(custom).toContain(`Rev.2: under silence procedure until ${tomorrow()} 18:30 (Asia/Tokyo)`);
    // The revision file carries the silence: verify still passes, with the placed record in the chain.
    const file = (await handlers['record.exportFile']({ id, revisionId: revs[1]!.id })).bytes;
    expect(await handlers['record.verifyFile']({ bytes: file })).toMatchObject({ valid: true, label: 'Rev.2', chain: 2 });
  });

  it("answers placing a silence with an installation key it cannot read as the installation's failure, not as refused input", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-silence-'));
    fs.writeFileSync(path.join(dir, installationKeyFile), 'not a key\n');
    const { handlers } = await startIn(dir);
    const { id } = await revisions(handlers, 1);
    const result = await dispatch(handlers, 'record.placeSilence', { id, date: tomorrow(), time: '12:00', zone: 'Europe/Zurich' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/installation-key\.pem does not hold a private key/), text: { key: 'checks:keyFile.noPrivateKey' } } });
    // What it does refuse stays 'invalid-argument' (here: nothing issued yet, a StoreError 'refused').
    fs.rmSync(path.join(dir, installationKeyFile));
    const refused = await dispatch(handlers, 'record.placeSilence', { id, date: tomorrow(), time: '12:00', zone: 'Europe/Zurich' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument', text: { key: 'backend:silence.nothingIssued' } } });
  });

  it("answers an objection that the installation key cannot sign as the installation's failure, on a participant's received chain", async () => {
    // The host's side: Rev.1 issued and under silence, its revision file as a participant receives it.
    const host = await startIn();
    const { id, revs } = await revisions(host.handlers, 1);
    await host.handlers['record.issue']({ id, revisionId: revs[0]!.id });
    await host.handlers['record.placeSilence']({ id, date: tomorrow(), time: '18:30', zone: 'Asia/Tokyo' });
    const file = new TextDecoder().decode((await host.handlers['record.exportFile']({ id, revisionId: revs[0]!.id })).bytes);
    await host.close();
    const hostStore = openStore({ dataDir: host.dir });
    const doc = { id, meta: hostStore.getDocument(id)!, update: Y.mergeUpdates(hostStore.readUpdates(id).map((u) => u.data)), origin: 'remote' as const };
    hostStore.close();
    // The participant's store holds the document and the verified file, as a joined consultation leaves them.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-silence-'));
    const own = openStore({ dataDir: dir });
    own.createDocuments([doc]);
    await acceptRevisionFile(own, id, file, (JSON.parse(file) as { issuer: { fingerprint: string } }).issuer.fingerprint);
    own.close();
    fs.writeFileSync(path.join(dir, installationKeyFile), 'not a key\n');
    const { handlers } = await startIn(dir);
    await handlers['profile.set']({ name: 'Ana Pereira', delegation: 'PRT' });
    const result = await dispatch(handlers, 'record.breakSilence', { id, paragraphs: ['OP 1'], reason: 'Too far.' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', text: { key: 'checks:keyFile.noPrivateKey' } } });
  });

  it('lists an own objection the host refused with its English words and, when the host gave one, the same as a catalogue message', async () => {
    const { handlers, dir, close } = await startIn();
    const { id, revs } = await revisions(handlers, 1);
    await handlers['record.issue']({ id, revisionId: revs[0]!.id });
    await handlers['record.placeSilence']({ id, date: tomorrow(), time: '18:30', zone: 'Asia/Tokyo' });
    await handlers['profile.set']({ name: 'Ana Pereira', delegation: 'PRT' });
    const mine = await handlers['record.breakSilence']({ id, paragraphs: ['OP 1'], reason: 'Too far.' });
    expect(mine).toMatchObject({ state: 'pending' });
    // The host's answer, as record-participant.ts keeps it (no host here: written to the store between two runs of the app).
    await close();
    const store = openStore({ dataDir: dir });
    const reason = msg('backend:silence.otherDelegation', { signed: 'PRT', admitted: 'ESP' });
    const [pending] = store.records.outgoing(id);
    expect(store.records.settleOutgoing(pending!.signature, 'refused', null, messageText(reason), reason)).toBe(true);
    store.close();
    const [listed] = (await (await startIn(dir)).handlers['record.silence']({ id })).mine;
    expect(listed).toMatchObject({ state: 'refused', message: 'This objection is signed for PRT, but you are admitted as ESP.', text: reason });
  });
});
