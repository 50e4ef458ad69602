import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFingerprintOf, rawPublicKeyHex, shortKey } from '../../../electron/consultation/join-token.js';
import { repoRoot } from '../cli/run-cli.js';
import { tempDir, waitFor } from './peers.js';

// Issue 13, point 2: a stock @hocuspocus/provider joins by the README's protocol. The test
// runs the README's own example, as written there, against the real `penholder host`.

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** The ```js blocks of the README's section on the token, in order (the join, then a delegate admitting a colleague). */
function readmeExamples(): string[] {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Joining a consultation: the token'));
  const end = section.indexOf('\n## ');
  const blocks = [...section.slice(0, end < 0 ? undefined : end).matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
  if (blocks.length < 2) throw new Error(`the README section has ${blocks.length} js examples, not 2`);
  return blocks;
}

/** The first ```js block of the README's section on the token. */
function readmeExample(): string {
  return readmeExamples()[0]!;
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

  it("a delegate's stock provider admits a colleague's key by the README's second example", { timeout: 60_000 }, async () => {
    const dir = path.join(repoRoot, 'node_modules', '.cache', `penholder-readme-colleague-${process.pid}`);
    fs.mkdirSync(dir, { recursive: true });
    const [join, admitting] = readmeExamples() as [string, string];
    const dataDir = tempDir();
    // Both keys made beforehand: the first is admitted for CAN by --admit, the second is its colleague's.
    const keys = ['delegate', 'colleague'].map((who) => {
      const file = path.join(dataDir, `${who}-key.pem`);
      const { privateKey } = generateKeyPairSync('ed25519');
      fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      return { file, fingerprint: keyFingerprintOf(rawPublicKeyHex(privateKey)) };
    });
    const [delegate, colleague] = keys as [(typeof keys)[0], (typeof keys)[0]];
    // The example admits the key its holder reads out; here, the colleague's.
    expect(admitting).toContain("'B035-1088'");
    fs.writeFileSync(path.join(dir, 'delegate.mjs'), `${join}\n${admitting.replace("'B035-1088'", JSON.stringify(shortKey(colleague.fingerprint)))}`);
    fs.writeFileSync(path.join(dir, 'colleague.mjs'), join);
    const admit = path.join(dataDir, 'admit.json');
    fs.writeFileSync(admit, JSON.stringify([{ key: delegate.fingerprint, delegation: 'CAN', name: 'Li Wei', role: 'delegation' }]));
    const h = await host(['--data-dir', dataDir, '--bind', '127.0.0.1', '--port', String(await freePort()), '--open', path.join(repoRoot, 'test/fixtures/backend-import.txt'), '--admit', admit]);
    const [link, document] = [h.banner.link, h.banner.documents[0]!];

    const member = run([path.join(dir, 'delegate.mjs'), link, document], { PENHOLDER_KEY: delegate.file });
    await waitFor(() => /synced \d+ characters/.test(member.out()), 30_000, 'the delegate synced');
    const second = run([path.join(dir, 'colleague.mjs'), link, document], { PENHOLDER_KEY: colleague.file });
    // Waiting, it is told CAN's delegate may admit it; the delegate's example does, and the host says so.
    await waitFor(() => /waiting: the facilitator \(or CAN's admitted delegate\) has not admitted you as CAN/.test(second.out()), 20_000, 'the colleague waiting');
    await waitFor(() => member.out().includes('colleague admit done'), 20_000, "the host's answer to the delegate");
    await waitFor(() => /synced \d+ characters/.test(second.out()), 30_000, 'the colleague synced');
    expect(Number(/synced (\d+) characters/.exec(second.out())![1])).toBeGreaterThan(1000);
    expect(member.out()).not.toMatch(/colleague admit (?!done)/);
    h.child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
