import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStore } from '../../../electron/store/store.js';
import { retitle } from '../backend/edits.js';
import { connectPeer, synced, tempDir, textOf, waitFor, type Peer } from '../consultation/peers.js';
import { failure, repoRoot, runCli } from './run-cli.js';
import { testKey } from '../../support/join-keys.js';
import { parseJoinLink } from '../../../shared/consultation/join-link.js';

type Banner = { url: string; documents: string[]; joinCode: string; facilitatorCode: string; fingerprint: string; link: string };

/** An --admit file in `dir` admitting the test keys of these participants (join-keys.ts labels). */
function admitFile(dir: string, who: [delegation: string, role: string][]): string {
  const file = path.join(dir, 'admit.json');
  fs.writeFileSync(file, JSON.stringify(who.map(([delegation, role]) => ({ key: testKey(`${delegation}/${delegation} person/${role}`).fingerprint, delegation, role }))));
  return file;
}

const children: ChildProcess[] = [];
const peers: Peer[] = [];
afterEach(() => {
  for (const p of peers.splice(0)) p.destroy();
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function startHostCli(args: string[]): { child: ChildProcess; banner: Promise<Banner>; exited: Promise<number | string | null>; stdout: () => string; stderr: () => string } {
  const child = spawn(process.execPath, ['electron/cli/bin.mjs', 'host', ...args], { cwd: repoRoot });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const banner = new Promise<Banner>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as Banner);
    });
    child.on('exit', () => reject(new Error(`exited before printing its banner: ${out}`)));
  });
  return { child, banner, exited, stdout: () => out, stderr: () => err };
}

/** Starts the host with `args`, waits for its banner, and returns it with a stop (SIGTERM, exit 0) and its stderr. */
async function hostRun(args: string[]): Promise<{ banner: Banner; stderr: () => string; stop: () => Promise<void> }> {
  const run = startHostCli(args);
  const banner = await run.banner;
  return {
    banner,
    stderr: run.stderr,
    stop: async () => {
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    },
  };
}

/** A TCP port free on 127.0.0.1 now, so a host can be restarted with the very same command line. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function documentCount(dataDir: string): number {
  const store = openStore({ dataDir });
  try {
    return store.listDocuments().length;
  } finally {
    store.close();
  }
}

function join(banner: Banner, role: string, code: string, delegation = 'CAN'): Peer {
  const p = connectPeer(banner.url, banner.documents[0]!, { code, delegation, name: `${delegation} person`, role }, banner.fingerprint);
  peers.push(p);
  return p;
}

describe('penholder host', () => {
  it('prints one JSON line, serves the opened file to stock providers by code and role, and keeps every change after SIGTERM', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const file = path.join(repoRoot, 'test/fixtures/backend-import.txt');
    const admit = admitFile(dataDir, [['CAN', 'delegation'], ['CHE', 'observer']]);
    const host = startHostCli(['--data-dir', dataDir, '--bind', '127.0.0.1', '--port', '0', '--open', file, '--admit', admit]);
    const banner = await host.banner;
    expect(Object.keys(banner)).toEqual(['url', 'documents', 'joinCode', 'facilitatorCode', 'fingerprint', 'link']);
    expect(banner.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    expect(parseJoinLink(banner.link)).toEqual({ url: banner.url, code: banner.joinCode, fingerprint: banner.fingerprint });
    expect(fs.readFileSync(path.join(dataDir, 'host-tls', 'cert.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
    await waitFor(() => host.stderr().includes(`admitted 2 key(s) from ${admit}`), 5000, 'the admission line');
    expect(banner.documents).toHaveLength(2);

    const right = join(banner, 'delegation', banner.joinCode);
    const wrong = join(banner, 'delegation', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    const observer = join(banner, 'observer', banner.joinCode, 'CHE');
    const chair = join(banner, 'facilitator', banner.facilitatorCode, 'MEX');
    await Promise.all([synced(right), synced(observer), synced(chair)]);
    expect(textOf(right.doc).length).toBeGreaterThan(50);
    await waitFor(() => wrong.failures.length > 0);
    expect(wrong.doc.share.size === 0 || textOf(wrong.doc) === '').toBe(true);

    Y.applyUpdate(observer.doc, retitle(observer.doc, 'Written by an observer'));
    Y.applyUpdate(chair.doc, retitle(chair.doc, 'Written by the chair'));
    await waitFor(() => textOf(right.doc).includes('Written by the chair'));
    await new Promise((r) => setTimeout(r, 200));
    expect(textOf(right.doc)).not.toContain('Written by an observer');

    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    expect(host.stdout().split('\n').filter((l) => l !== '')).toHaveLength(1);
    const store = openStore({ dataDir });
    try {
      const ydoc = new Y.Doc({ gc: false });
      for (const u of store.readUpdates(banner.documents[0]!)) Y.applyUpdate(ydoc, u.data);
      expect(textOf(ydoc)).toContain('Written by the chair');
      expect(textOf(ydoc)).not.toContain('Written by an observer');
      expect(store.readUpdates(banner.documents[0]!).at(-1)).toMatchObject({ origin: 'remote', author: 'MEX person', delegation: 'MEX' });
    } finally {
      store.close();
    }
  });

  it('serves the documents already in the store when given no file, with the same codes unless --new-codes, and refuses an empty store', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const empty = failure(runCli(['host', '--data-dir', dataDir, '--bind', '127.0.0.1']));
    expect(empty.status).toBe(1);
    expect(empty.message).toBe('penholder: there is no document to host: the store is empty; pass --open FILE');
    const json = path.join(dataDir, 'doc.json');
    fs.writeFileSync(json, fs.readFileSync(path.join(repoRoot, 'test/fixtures/backend-resolution.json')));
    const first = startHostCli(['--data-dir', dataDir, '--bind', '127.0.0.1', '--open', json]);
    const { documents, joinCode, facilitatorCode } = await first.banner;
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    // Restarted on the same folder, the host keeps its codes: its participants reconnect by themselves.
    const again = startHostCli(['--data-dir', dataDir, '--bind', '127.0.0.1']);
    expect(await again.banner).toMatchObject({ documents, joinCode, facilitatorCode });
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    const renewed = startHostCli(['--data-dir', dataDir, '--bind', '127.0.0.1', '--new-codes']);
    const fresh = await renewed.banner;
    expect([fresh.joinCode, fresh.facilitatorCode]).not.toContain(joinCode);
    expect(fresh.facilitatorCode).not.toBe(facilitatorCode);
    renewed.child.kill('SIGTERM');
    expect(await renewed.exited).toBe(0);
  });

  it('restarted with the same --open serves the documents imported the first time, with the same codes, and a participant who edited offline converges; a changed file is continued, --reimport starts afresh', { timeout: 90_000 }, async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'draft.txt');
    fs.copyFileSync(path.join(repoRoot, 'test/fixtures/backend-import.txt'), file);
    const args = ['--data-dir', dataDir, '--bind', '127.0.0.1', '--port', String(await freePort()), '--open', file, '--admit', admitFile(dataDir, [['BRA', 'delegation']])];

    const first = await hostRun(args);
    expect(first.banner.documents).toHaveLength(2);
    expect(first.stderr()).toContain(`penholder host: imported ${file} as 2 documents`);
    const chair = join(first.banner, 'facilitator', first.banner.facilitatorCode, 'MEX');
    await synced(chair);
    await first.stop();
    // The host is down: the chair keeps working on its replica, its provider retrying the same address.
    Y.applyUpdate(chair.doc, retitle(chair.doc, 'Retitled while the host was down'));

    const again = await hostRun(args);
    expect(again.banner).toEqual(first.banner);
    expect(again.stderr()).toContain(`penholder host: continuing the 2 documents imported from ${file} on `);
    const newcomer = join(again.banner, 'delegation', again.banner.joinCode, 'BRA');
    await waitFor(() => textOf(newcomer.doc).includes('Retitled while the host was down'), 15_000, 'the offline edit at a newcomer');
    await again.stop();
    expect(documentCount(dataDir)).toBe(2);

    // The file changed since: the consultation goes on with the documents imported then, and the host says how to start afresh.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Vienna', 'Nairobi'));
    const changed = await hostRun(args);
    expect(changed.banner).toEqual(first.banner);
    expect(changed.stderr()).toContain(`penholder host: ${file} has changed since it was imported on `);
    expect(changed.stderr()).toContain('to start a new consultation from the new text (new documents, new codes), add --reimport');
    await changed.stop();
    expect(documentCount(dataDir)).toBe(2);

    const fresh = await hostRun([...args, '--reimport']);
    expect(fresh.banner.documents).toHaveLength(2);
    expect(fresh.banner.documents.filter((id) => first.banner.documents.includes(id))).toEqual([]);
    expect([fresh.banner.joinCode, fresh.banner.facilitatorCode]).not.toContain(first.banner.joinCode);
    expect(fresh.stderr()).toContain(`penholder host: imported ${file} again as 2 documents (--reimport)`);
    await fresh.stop();
    expect(documentCount(dataDir)).toBe(4);
    // From now on the same command line continues the new import.
    const afterwards = await hostRun(args);
    expect(afterwards.banner).toEqual(fresh.banner);
    expect(afterwards.stderr()).toContain('(same content, not imported again)');
    await afterwards.stop();
  });
});
