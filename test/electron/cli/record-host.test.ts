import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachRecordParticipant } from '../../../electron/consultation/record-participant.js';
import { openInstallationKey } from '../../../electron/identity/installation-key.js';
import { issueRevision, verifyStoredChain } from '../../../electron/store/issue-revision.js';
import { placeUnderSilence } from '../../../electron/store/silence-procedure.js';
import { openStore } from '../../../electron/store/store.js';
import { silenceDeadline, verifyRevisionFile, type ChainRecord } from '../../../shared/record/index.js';
import { testKey } from '../../support/join-keys.js';
import { connectPeer, storeWithDocument, tempDir, waitFor, type Peer } from '../consultation/peers.js';
import { repoRoot } from './run-cli.js';
import { messageText } from '../../../shared/i18n/message.js';

const children: ChildProcess[] = [];
const peers: Peer[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const p of peers.splice(0)) p.destroy();
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** `penholder host` on `dataDir` as a child process: its banner (first stdout line) and a stop that expects exit 0. */
async function headlessHost(args: string[]): Promise<{ banner: { url: string; joinCode: string; fingerprint: string }; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['electron/cli/bin.mjs', 'host', ...args], { cwd: repoRoot });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const banner = await new Promise<{ url: string; joinCode: string; fingerprint: string }>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)));
    });
    child.on('exit', () => reject(new Error(`exited before its banner: ${err}`)));
  });
  return {
    banner,
    stop: async () => {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
  };
}

describe('penholder host and the silence procedure', () => {
  it("records the outcome with its own key when it issued the chain, and a delegation connecting later receives it", async () => {
    const dataDir = tempDir('penholder-record-host-');
    dirs.push(dataDir);
    const { store } = storeWithDocument('d1', dataDir);
    const key = openInstallationKey(dataDir);
    await issueRevision(store, { docId: 'd1', label: 'Rev.1', author: 'Facilitator', delegation: 'NOR', key });
    // Placed under silence until 1 December 2026, 12:00 in Geneva: the deadline passed while nobody hosted.
    await placeUnderSilence(store, { docId: 'd1', deadline: silenceDeadline('2026-12-01', '12:00', 'Europe/Zurich'), key, now: new Date('2026-11-30T09:00:00.000Z') });
    store.close();
    const admit = path.join(dataDir, 'admit.json');
    fs.writeFileSync(admit, JSON.stringify([{ key: testKey('USA/USA person/delegation').fingerprint, delegation: 'USA', role: 'delegation' }]));

    const host = await headlessHost(['--data-dir', dataDir, '--bind', '127.0.0.1', '--port', '0', '--admit', admit]);
    const usaDir = tempDir('penholder-record-host-usa-');
    dirs.push(usaDir);
    const usa = openStore({ dataDir: usaDir });
    const peer = connectPeer(host.banner.url, 'd1', { code: host.banner.joinCode, delegation: 'USA', name: 'USA person', role: 'delegation' }, host.banner.fingerprint);
    peers.push(peer);
    const errors: string[] = [];
    attachRecordParticipant(usa, 'd1', peer.provider, { setError: (m) => errors.push(typeof m === 'string' ? m : messageText(m)), statusChanged: () => undefined });
    await waitFor(() => usa.records.received('d1').at(-1)?.n === 3, 15_000, 'the outcome from the headless host');
    const held = await verifyRevisionFile(usa.records.received('d1').at(-1)!.file, { key: key.fingerprint, docId: 'd1' });
    expect(held.silence).toMatchObject({ outcome: 'agreed', brokenBy: [], deadline: { instant: '2026-12-01T11:00:00.000Z' } });
    expect(errors).toEqual([]);
    peer.destroy();
    usa.close();
    await host.stop();

    // The host's store holds the outcome, signed by the data folder's key, and the whole chain verifies.
    const after = openStore({ dataDir });
    try {
      expect(await verifyStoredChain(after, 'd1')).toBe(3);
      const outcome = JSON.parse(after.records.chain('d1').at(-1)!.text) as ChainRecord;
      expect(outcome).toMatchObject({ type: 'penholder-silence-record', event: 'outcome', docId: 'd1', fingerprint: key.fingerprint });
    } finally {
      after.close();
    }
  }, 60_000);
});
