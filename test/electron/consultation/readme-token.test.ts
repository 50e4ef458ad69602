import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/run-cli.js';
import { tempDir, waitFor } from './peers.js';

// Issue 13, point 2: a stock @hocuspocus/provider joins by the README's protocol. The test
// runs the README's own example, as written there, against the real `penholder host`.

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** The first ```js block of the README's section on the token. */
function readmeExample(): string {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Joining a consultation: the token'));
  const match = /```js\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('no js example in the README section');
  return match[1]!;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; out: () => string } {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env } });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, out: () => out };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function host(args: string[]): Promise<{ child: ChildProcess; banner: { link: string; documents: string[] } }> {
  const h = run(['electron/cli/bin.mjs', 'host', ...args]);
  await waitFor(() => h.out().includes('\n') && h.out().includes('"link"'), 20_000, 'the host banner');
  const line = h.out().split('\n').find((l) => l.startsWith('{'))!;
  return { child: h.child, banner: JSON.parse(line) as { link: string; documents: string[] } };
}

describe('the README token example', () => {
  it('a stock provider waits in the lobby of a headless host, and joins once its key is admitted (--admit, host restarted)', { timeout: 60_000 }, async () => {
    // Inside node_modules/.cache so its bare imports resolve to this repository's packages.
    const dir = path.join(repoRoot, 'node_modules', '.cache', `penholder-readme-${process.pid}`);
    fs.mkdirSync(dir, { recursive: true });
    const script = path.join(dir, 'join.mjs');
    fs.writeFileSync(script, readmeExample());
    const dataDir = tempDir();
    const keyFile = path.join(dataDir, 'participant-key.pem');
    const args = ['--data-dir', dataDir, '--bind', '127.0.0.1', '--port', String(await freePort()), '--open', path.join(repoRoot, 'test/fixtures/backend-import.txt')];

    const first = await host(args);
    const join = run([script, first.banner.link, first.banner.documents[0]!], { PENHOLDER_KEY: keyFile });
    await waitFor(() => /waiting: the facilitator has not admitted you as CAN/.test(join.out()), 20_000, 'waiting in the lobby');
    expect(join.out()).not.toContain('synced');
    const fingerprint = /key fingerprint ([0-9a-f]{64})/.exec(join.out())![1]!;
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    first.child.kill('SIGTERM');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const admit = path.join(dataDir, 'admit.json');
    fs.writeFileSync(admit, JSON.stringify([{ key: fingerprint, delegation: 'CAN', name: 'Li Wei', role: 'delegation' }]));
    const again = await host([...args, '--admit', admit]);
    expect(again.banner.link).toBe(first.banner.link);
    await waitFor(() => /synced \d+ characters/.test(join.out()), 30_000, 'the example synced');
    expect(Number(/synced (\d+) characters/.exec(join.out())![1])).toBeGreaterThan(1000);
    again.child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
