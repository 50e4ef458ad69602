import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStore } from '../../../electron/store/store.js';
import { retitle } from '../backend/edits.js';
import { connectPeer, synced, tempDir, textOf, waitFor, type Peer } from '../consultation/peers.js';
import { failure, repoRoot, runCli } from './run-cli.js';

type Banner = { url: string; documents: string[]; joinCode: string; facilitatorCode: string };

const children: ChildProcess[] = [];
const peers: Peer[] = [];
afterEach(() => {
  for (const p of peers.splice(0)) p.destroy();
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function startHostCli(args: string[]): { child: ChildProcess; banner: Promise<Banner>; exited: Promise<number | string | null>; stdout: () => string } {
  const child = spawn(process.execPath, ['electron/cli/bin.mjs', 'host', ...args], { cwd: repoRoot });
  children.push(child);
  let out = '';
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const banner = new Promise<Banner>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as Banner);
    });
    child.on('exit', () => reject(new Error(`exited before printing its banner: ${out}`)));
  });
  return { child, banner, exited, stdout: () => out };
}

function join(banner: Banner, role: string, code: string, delegation = 'CAN'): Peer {
  const p = connectPeer(banner.url, banner.documents[0]!, { code, delegation, name: `${delegation} person`, role });
  peers.push(p);
  return p;
}

describe('penholder host', () => {
  it('prints one JSON line, serves the opened file to stock providers by code and role, and keeps every change after SIGTERM', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const file = path.join(repoRoot, 'test/fixtures/backend-import.txt');
    const host = startHostCli(['--data-dir', dataDir, '--bind', '127.0.0.1', '--port', '0', '--open', file]);
    const banner = await host.banner;
    expect(Object.keys(banner)).toEqual(['url', 'documents', 'joinCode', 'facilitatorCode']);
    expect(banner.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
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
});
