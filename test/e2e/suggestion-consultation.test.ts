import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startWebShell, type WebShell } from '../../electron/web/web-shell.js';
import { collectBrackets } from '../../shared/negotiation/index.js';
import { yDocToDoc } from '../../shared/ydoc.js';
import { connectPeer, synced, waitFor, type Peer } from '../electron/consultation/peers.js';
import { barMenuButton } from './bar-menu.js';
import { launchChromium, openPage, screenshot } from './browser.js';

/**
 * The role decides the editing mode in a consultation: a participant who joins as a
 * delegation always suggests (the toggle is locked on) and its proposals are accepted by the
 * host; an observer cannot edit. The host is `penholder host` serving the GA compilation text;
 * a stock provider with the facilitator code watches what the host accepted.
 */

type Banner = { url: string; documents: string[]; joinCode: string; facilitatorCode: string };

let browser: Browser | undefined;
let shell: WebShell | undefined;
let host: ChildProcess | undefined;
let banner: Banner | undefined;
let chair: Peer | undefined;
const dirs: string[] = [];

const tempDir = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `penholder-e2e-suggest-${name}-`));
  dirs.push(dir);
  return dir;
};

function startHostCli(): Promise<Banner> {
  const file = path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt');
  const child = spawn(process.execPath, ['electron/cli/bin.mjs', 'host', '--data-dir', tempDir('host'), '--bind', '127.0.0.1', '--port', '0', '--open', file], { cwd: process.cwd() });
  host = child;
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as Banner);
    });
    child.on('exit', (code) => reject(new Error(`penholder host exited (${code}): ${out}`)));
  });
}

beforeAll(async () => {
  banner = await startHostCli();
  shell = await startWebShell({ dataDir: tempDir('shell'), port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  chair = connectPeer(banner.url, banner.documents[0]!, { code: banner.facilitatorCode, delegation: 'MEX', name: 'Chair', role: 'facilitator' });
  await synced(chair, 20_000);
}, 120_000);

afterAll(async () => {
  chair?.destroy();
  await browser?.close();
  await shell?.close();
  if (host && host.exitCode === null) {
    host.kill('SIGTERM');
    await new Promise((resolve) => host!.once('exit', resolve));
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function join(page: Page, delegation: string, role: 'Delegation' | 'Observer'): Promise<void> {
  await page.getByRole('button', { name: 'Join consultation…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Join consultation' });
  await dialog.getByLabel('Address', { exact: true }).fill(banner!.url);
  await dialog.getByLabel('Code', { exact: true }).fill(banner!.joinCode);
  if ((await dialog.locator('.profile-chosen').textContent())?.includes(delegation) !== true) {
    if (await dialog.getByRole('button', { name: 'Change' }).count()) await dialog.getByRole('button', { name: 'Change' }).click();
    await dialog.getByLabel('Find your delegation').fill(delegation);
    await dialog.getByRole('button', { name: new RegExp(`\\(${delegation}\\)$`) }).click();
  }
  await dialog.getByLabel('Your name').fill(`${delegation} delegate`);
  await dialog.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
  await dialog.getByRole('button', { name: 'Join' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.ph-document .ph-op').first().waitFor();
}

// Double-clicks `word` in the first operative paragraph (scrolled into view) and waits two frames.
async function dblclickWord(page: Page, word: string): Promise<void> {
  const op = page.locator('.ph-document .ph-op').first();
  await op.scrollIntoViewIfNeeded();
  const point = await op.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`no "${w}" in OP 1`);
  }, word);
  await page.mouse.dblclick(point.x, point.y);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const chairBrackets = () => collectBrackets(yDocToDoc(chair!.doc));

describe('suggestion mode follows the consultation role, in Chromium', { timeout: 300_000 }, () => {
  it('a delegation always suggests and the host accepts its proposals; an observer cannot edit', async () => {
    const { page, errors } = await openPage(browser!, shell!.url);
    await join(page, 'CAN', 'Delegation');
    const locked = page.getByRole('button', { name: 'Suggesting as CAN' });
    await locked.waitFor();
    expect(await locked.isDisabled()).toBe(true);
    expect(await locked.getAttribute('aria-pressed')).toBe('true');
    // Facilitator actions on the negotiation base are not offered to a delegation.
    await barMenuButton(page, 'Negotiation').click();
    await page.getByRole('menu', { name: 'Negotiation' }).getByRole('menuitemcheckbox', { name: 'Dashboard' }).waitFor();
    expect(await page.getByRole('menu', { name: 'Negotiation' }).getByRole('menuitem', { name: /negotiation|clean text/i }).count()).toBe(0);
    await page.keyboard.press('Escape');

    await dblclickWord(page, 'report');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('annual ', { delay: 40 });
    await waitFor(() => chairBrackets().some((b) => b.proposedBy.join() === 'CAN' && b.text === 'annual '), 15_000, 'the host to accept the insertion');
    await page.waitForTimeout(1200);
    await dblclickWord(page, 'Welcomes');
    await page.keyboard.type('Notes');
    await waitFor(() => chairBrackets().some((b) => b.proposedBy.join() === 'CAN' && b.text === 'Notes'), 15_000, 'the host to accept the replacement');
    // Undo of the replacement is accepted too: the text goes back as it was, at the host.
    // (Yjs joins keystrokes less than 500 ms apart into one undo step; on a loaded machine a word may take several.)
    const groups = page.locator('.ph-document .ph-op').first().locator('.ph-alternatives');
    for (let i = 0; i < 6 && (await groups.count()) > 0; i++) {
      await page.waitForTimeout(600);
      await page.keyboard.press('Control+z');
    }
    expect(await groups.count()).toBe(0);
    await waitFor(() => !chairBrackets().some((b) => b.text.startsWith('N')), 15_000, 'the host to accept the undo');
    expect(chairBrackets().some((b) => b.text === 'annual ')).toBe(true);
    expect(await page.locator('.consultation-panel [role="alert"]').count()).toBe(0);
    await screenshot(page, 'suggestion-consultation-delegation');

    await page.getByRole('button', { name: 'Leave the consultation' }).click();
    await page.getByRole('button', { name: 'Join consultation…' }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await join(page, 'CAN', 'Observer');
    await page.getByText('Read only (observer)').waitFor();
    expect(await page.locator('.ph-document').getAttribute('contenteditable')).toBe('false');
    const before = await page.locator('.ph-document .ph-op').first().textContent();
    await dblclickWord(page, 'report');
    await page.keyboard.type('xyz');
    await page.waitForTimeout(500);
    expect(await page.locator('.ph-document .ph-op').first().textContent()).toBe(before);
    await screenshot(page, 'suggestion-consultation-observer');
    expect(errors).toEqual([]);
  });
});
