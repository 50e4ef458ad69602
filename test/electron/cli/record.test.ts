import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openInstallationKey } from '../../../electron/identity/installation-key.js';
import { issueRevision, revisionFileOf } from '../../../electron/store/issue-revision.js';
import { placeUnderSilence, receiveObjection, settleSilence, silenceState } from '../../../electron/store/silence-procedure.js';
import { groupedFingerprint, serializeRevisionFile, signObjection, silenceDeadline } from '../../../shared/record/index.js';
import { storeWithDocument } from '../consultation/peers.js';
import { newSigner } from '../../shared/record/signers.js';
import { sampleResolution } from '../../support/edit-stream.js';
import { failure, runCli } from './run-cli.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-cli-record-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const lastLine = (text: string) => JSON.parse(text.trim().split('\n').at(-1)!) as Record<string, unknown>;

describe('penholder issue and verify', () => {
  fs.writeFileSync(at('rev1.json'), JSON.stringify(sampleResolution(60, 12).toJSON()));
  fs.writeFileSync(at('rev2.json'), JSON.stringify(sampleResolution(60, 13).toJSON()));

  it('issues Rev.1 and Rev.2 after it, and verifies Rev.2 offline with and without --key', () => {
    const one = runCli(['issue', at('rev1.json'), '--label', 'Rev.1', '--data-dir', at('data'), '--out', at('Rev.1.penholder.json')]);
    expect(one.status, one.stderr).toBe(0);
    const first = lastLine(one.stdout);
    expect(Object.keys(first)).toEqual(['label', 'hash', 'fingerprint', 'chain']);
    expect(first).toMatchObject({ label: 'Rev.1', chain: 1 });
    expect(fs.statSync(at('data/installation-key.pem')).mode & 0o777).toBe(0o600);

    const two = runCli(['issue', at('rev2.json'), '--label', 'Rev.2', '--after', at('Rev.1.penholder.json'), '--data-dir', at('data'), '--out', at('Rev.2.penholder.json')]);
    expect(two.status, two.stderr).toBe(0);
    const second = lastLine(two.stdout);
    expect(second).toMatchObject({ label: 'Rev.2', chain: 2, fingerprint: first.fingerprint });
    expect(second.hash).not.toBe(first.hash);

    const verified = runCli(['verify', at('Rev.2.penholder.json')]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    const line = JSON.parse(verified.stdout) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual(['valid', 'label', 'issuer', 'fingerprint', 'chain']);
    expect(line).toMatchObject({ valid: true, label: 'Rev.2', fingerprint: first.fingerprint, chain: 2 });
    expect(runCli(['verify', at('Rev.2.penholder.json'), '--key', groupedFingerprint(String(first.fingerprint))]).status).toBe(0);

    const wrongKey = failure(runCli(['verify', at('Rev.2.penholder.json'), '--key', 'AB'.repeat(32)]));
    expect(wrongKey).toMatchObject({ status: 1, lines: 1, stdout: '' });
    expect(wrongKey.message).toMatch(/unknown key/);
  }, 180_000);

  it('refuses a --doc-id no record could sign, by the records\' own rule, before signing anything', () => {
    for (const docId of ['   ', 'a\u0007b', 'x'.repeat(201)]) {
      const run = failure(runCli(['issue', at('rev1.json'), '--label', 'Rev.1', '--doc-id', docId, '--data-dir', at('data-docid'), '--out', at('docid.json')]));
      expect(run.status).not.toBe(0);
      expect(run.message).toBe('penholder: --doc-id must be an id of 1 to 200 characters, none of them a control character');
      expect(fs.existsSync(at('docid.json'))).toBe(false);
    }
  }, 60_000);

  it('refuses single-byte changes across the file, naming what failed, and refuses to issue after one', () => {
    const good = fs.readFileSync(at('Rev.2.penholder.json'));
    for (const fraction of [0.001, 0.02, 0.3, 0.6, 0.97, 0.9995]) {
      const bytes = Buffer.from(good);
      const i = Math.floor(fraction * (bytes.length - 1));
      bytes[i] = bytes[i]! ^ 0x04;
      fs.writeFileSync(at('bad.json'), bytes);
      const run = failure(runCli(['verify', at('bad.json')]));
      expect(run, `byte ${i}`).toMatchObject({ status: 1, lines: 1, stdout: '' });
      expect(run.message).toMatch(/^penholder: .*bad\.json: (content changed|chain broken|signature invalid|unknown key|not a valid revision file): /);
    }
    const file = JSON.parse(good.toString('utf8')) as { chain: unknown[] };
    file.chain.splice(0, 1);
    fs.writeFileSync(at('short.json'), `${JSON.stringify(file)}\n`);
    expect(failure(runCli(['verify', at('short.json')])).message).toMatch(/chain broken/);
    const after = failure(runCli(['issue', at('rev2.json'), '--label', 'Rev.3', '--after', at('short.json'), '--data-dir', at('data'), '--out', at('Rev.3.json')]));
    expect(after).toMatchObject({ status: 1, lines: 1 });
    expect(after.message).toMatch(/chain broken/);
    expect(fs.existsSync(at('Rev.3.json'))).toBe(false);
  }, 180_000);

  it('prints the silence procedure a file holds after the five keys: outcome, deadline, zone, late objections', async () => {
    const dataDir = at('silence');
    const { store } = storeWithDocument('d1', dataDir);
    try {
      const key = openInstallationKey(dataDir);
      const rev1 = await issueRevision(store, { docId: 'd1', label: 'Rev.1', author: 'Facilitator', delegation: 'NOR', key });
      const deadline = silenceDeadline('2026-12-08', '12:00', 'Europe/Zurich');
      await placeUnderSilence(store, { docId: 'd1', deadline, key, now: new Date('2026-12-08T09:00:00.000Z') });
      const silence = (await silenceState(store, 'd1'))!.silence;
      const objection = (delegation: string, time: string) =>
        signObjection({ silence, label: 'Rev.1', delegation, name: '', paragraphs: ['OP 1'], reason: 'Not yet.', time }, newSigner());
      await receiveObjection(store, { docId: 'd1', objection: await objection('USA', '2026-12-08T10:00:00.000Z'), from: { delegation: 'USA' }, now: new Date('2026-12-08T10:01:00.000Z') });
      await settleSilence(store, { docId: 'd1', key, now: new Date('2026-12-08T11:00:00.000Z') });
      await receiveObjection(store, { docId: 'd1', objection: await objection('FRA', '2026-12-08T10:50:00.000Z'), from: { delegation: 'FRA' }, now: new Date('2026-12-08T11:15:00.000Z') });
      await settleSilence(store, { docId: 'd1', key, now: new Date('2026-12-08T11:16:00.000Z') });
      fs.writeFileSync(at('silence.json'), serializeRevisionFile(await revisionFileOf(store, rev1.revision.id)));
    } finally {
      store.close();
    }
    const run = runCli(['verify', at('silence.json')]);
    expect(run.status, run.stderr).toBe(0);
    const line = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual(['valid', 'label', 'issuer', 'fingerprint', 'chain', 'silence']);
    expect(line).toMatchObject({ valid: true, label: 'Rev.1', chain: 4 });
    expect(line.silence).toEqual({
      deadline: '2026-12-08T11:00:00.000Z', zone: 'Europe/Zurich', local: '2026-12-08 12:00', outcome: 'broken', broken_by: ['USA'],
      late: [{ delegation: 'FRA', signed: '2026-12-08T10:50:00.000Z', arrived: '2026-12-08T11:15:00.000Z' }],
    });
  }, 60_000);
});
