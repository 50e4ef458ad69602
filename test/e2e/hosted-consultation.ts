import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import { openInstallationKey } from '../../electron/identity/installation-key.js';
import type { WebShell } from '../../electron/web/web-shell.js';
import { connectPeer, synced, type Peer } from '../electron/consultation/peers.js';
import { launchChromium } from './browser.js';
import { startE2eShell, started } from './web-shell-fixture.js';

/** The first line `penholder host` prints: where to join and with which codes. */
export type HostBanner = { url: string; documents: string[]; joinCode: string; facilitatorCode: string; fingerprint: string; link: string };

/**
 * A consultation for the e2e tests of one file: `penholder host` serving the GA compilation
 * text, browser shells and Chromium for the participants, and `chair`, a stock provider
 * joined with the facilitator code (MEX), synced. Read the fields inside tests.
 */
export type HostedConsultation = {
  readonly browser: Browser;
  /** The first browser shell. */
  readonly shell: WebShell;
  /** Every browser shell, each a backend with its own data folder (`shellDirs`, same order). */
  readonly shells: readonly WebShell[];
  readonly shellDirs: readonly string[];
  /** The data folder of `penholder host`. */
  readonly hostDir: string;
  readonly banner: HostBanner;
  readonly chair: Peer;
};

/**
 * How many browser shells (participants' installations) to start, one by default; `admit`:
 * as which delegation and role the host admits each shell's key (same order), passed to
 * `penholder host --admit` (a shell not listed waits in the lobby unless it joins with the
 * facilitator code).
 */
export type HostedConsultationOptions = { shells?: number; admit?: { delegation: string; role: 'delegation' | 'observer' | 'facilitator' }[] };

/**
 * Registers beforeAll/afterAll hooks that start the consultation (temporary folders named
 * after `name`) and stop and remove all of it.
 */
export function useHostedConsultation(name: string, options: HostedConsultationOptions = {}): HostedConsultation {
  let browser: Browser | undefined;
  const shells: WebShell[] = [];
  const shellDirs: string[] = [];
  let hostDir: string | undefined;
  let host: ChildProcess | undefined;
  let banner: HostBanner | undefined;
  let chair: Peer | undefined;
  const dirs: string[] = [];
  const tempDir = (part: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), `penholder-e2e-${name}-${part}-`));
    dirs.push(dir);
    return dir;
  };
  const startHostCli = (admitFile: string[]): Promise<HostBanner> => {
    const file = path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt');
    const child = spawn(process.execPath, ['electron/cli/bin.mjs', 'host', '--data-dir', hostDir!, '--bind', '127.0.0.1', '--port', '0', '--open', file, ...admitFile], { cwd: process.cwd() });
    host = child;
    let out = '';
    return new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const nl = out.indexOf('\n');
        if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as HostBanner);
      });
      child.on('exit', (code) => reject(new Error(`penholder host exited (${code}): ${out}`)));
    });
  };
  beforeAll(async () => {
    hostDir = tempDir('host');
    for (let i = 0; i < (options.shells ?? 1); i++) shellDirs.push(tempDir(`shell${i}`));
    // Each shell's installation key exists before the host starts, so the host can admit it.
    const admit = (options.admit ?? []).map((a, i) => ({ key: openInstallationKey(shellDirs[i]!).fingerprint, ...a }));
    const admitFile = path.join(hostDir, 'admit.json');
    writeFileSync(admitFile, JSON.stringify(admit));
    banner = await startHostCli(admit.length > 0 ? ['--admit', admitFile] : []);
    for (const dir of shellDirs) shells.push(await startE2eShell(dir));
    browser = await launchChromium();
    chair = connectPeer(banner.url, banner.documents[0]!, { code: banner.facilitatorCode, delegation: 'MEX', name: 'Chair', role: 'facilitator' }, banner.fingerprint);
    await synced(chair, 20_000);
  }, 120_000);
  afterAll(async () => {
    chair?.destroy();
    await browser?.close();
    for (const shell of shells) await shell.close();
    if (host && host.exitCode === null) {
      host.kill('SIGTERM');
      await new Promise((resolve) => host!.once('exit', resolve));
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get browser() {
      return started(browser, 'the browser');
    },
    get shell() {
      return started(shells[0], 'the browser shell');
    },
    get shells() {
      return started(shells.length ? shells : undefined, 'the browser shells');
    },
    get shellDirs() {
      return shellDirs;
    },
    get hostDir() {
      return started(hostDir, 'the host');
    },
    get banner() {
      return started(banner, 'the host');
    },
    get chair() {
      return started(chair, 'the chair');
    },
  };
}

/** Where and as whom to join, when not the defaults: another address (a relay), a name. */
export type JoinOptions = { url?: string; name?: string };

/**
 * Joins the consultation from the open page as `delegation` (chosen in the dialog when the
 * profile has another), named "CODE delegate" unless `options.name`, in `role`: pastes the
 * host's join link, then the facilitator code for a facilitator; waits for the text (a key
 * the host keeps in its lobby must be admitted meanwhile).
 */
export async function joinHosted(page: Page, banner: HostBanner, delegation: string, role: 'Facilitator' | 'Delegation' | 'Observer', options: JoinOptions = {}): Promise<void> {
  await page.getByRole('button', { name: 'Join consultation…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Join consultation' });
  // The join link fills the address, the join code and the certificate fingerprint; a relay's
  // address or the facilitator code then replace theirs (the fingerprint stays: same host).
  await dialog.getByLabel('Join link').fill(banner.link);
  if (options.url) await dialog.getByLabel('Address', { exact: true }).fill(options.url);
  if (role === 'Facilitator') await dialog.getByLabel('Code', { exact: true }).fill(banner.facilitatorCode);
  if ((await dialog.locator('.profile-chosen').textContent())?.includes(delegation) !== true) {
    if (await dialog.getByRole('button', { name: 'Change' }).count()) await dialog.getByRole('button', { name: 'Change' }).click();
    await dialog.getByLabel('Find your delegation').fill(delegation);
    await dialog.getByRole('button', { name: new RegExp(`\\(${delegation}\\)$`) }).click();
  }
  await dialog.getByLabel('Your name').fill(options.name ?? `${delegation} delegate`);
  await dialog.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
  await dialog.getByRole('button', { name: 'Join' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.ph-document .ph-op').first().waitFor();
}
