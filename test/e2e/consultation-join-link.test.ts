import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebShell } from '../../electron/web/web-shell.js';
import { parseJoinLink } from '../../shared/consultation/join-link.js';
import { chooseInBar } from './bar-menu.js';
import { isViteClientNoise, launchChromium, screenshot } from './browser.js';
import { createFromTemplate, startE2eShell, started } from './web-shell-fixture.js';

/**
 * Issue 13's e2e, on the real renderer in Chromium through three browser shells (three
 * installations, each with its own data folder and key): the facilitator hosts from the app
 * on 127.0.0.1 (port 0), copies the join link; a participant pastes it and waits in the
 * lobby until the facilitator admits them; a second laptop claiming the same delegation,
 * opened through the link the shell hands over (#join=), waits in the lobby until the first
 * EU laptop, already admitted, admits it (the facilitator's list then says who admitted it).
 */

let browser: Browser | undefined;
const shells: WebShell[] = [];
const dirs: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  for (const name of ['chair', 'eu1', 'eu2']) {
    const dir = mkdtempSync(path.join(tmpdir(), `penholder-e2e-joinlink-${name}-`));
    dirs.push(dir);
    shells.push(await startE2eShell(dir));
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  for (const shell of shells) await shell.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// A page of shell `i` (at `suffix`, e.g. a #join= hash) in its own context, recording page errors.
async function pageOf(i: number, suffix = ''): Promise<{ page: Page; errors: string[] }> {
  const shell = started(shells[i], 'the browser shells');
  const context = await started(browser, 'the browser').newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(shell.url).origin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    if (!isViteClientNoise(error.message)) errors.push(error.message);
  });
  await page.goto(shell.url + suffix);
  return { page, errors };
}

// In the open join dialog: delegation (searched by code), name and role Delegation.
async function whoJoins(page: Page, delegation: string, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Join consultation' });
  if (await dialog.getByRole('button', { name: 'Change' }).count()) await dialog.getByRole('button', { name: 'Change' }).click();
  await dialog.getByLabel('Find your delegation').fill(delegation);
  await dialog.getByRole('button', { name: new RegExp(`\\(${delegation}\\)$`) }).click();
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('radio', { name: /^Delegation/ }).check();
}

const statusOf = (page: Page) => page.locator('.document-bar .consultation-status').first().textContent();

describe('joining by the copied link, admitted from the lobby or by a colleague', { timeout: 300_000 }, () => {
  it('hosts, copies the link, admits the first EU laptop, and the first admits the second', async () => {
    // The facilitator hosts a new document on this machine only.
    const chair = await pageOf(0);
    await createFromTemplate(chair.page, 'Trusted consultation');
    await chooseInBar(chair.page, 'Consultation', 'Start consultation…');
    const start = chair.page.getByRole('dialog', { name: 'Start consultation' });
    await start.getByRole('radio', { name: /This machine only/ }).check();
    await start.getByRole('button', { name: 'Start consultation' }).click();
    const running = chair.page.getByRole('dialog', { name: 'Consultation running' });
    await running.waitFor();
    expect(await running.locator('.hosting-url').textContent()).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    const fingerprint = (await running.locator('.fingerprint').textContent()) ?? '';
    expect(fingerprint).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    expect(await running.locator('.join-code .projected-group').count()).toBeGreaterThanOrEqual(4);
    await screenshot(chair.page, 'join-link-host-dialog');

    await running.getByRole('button', { name: 'Copy join link' }).click();
    await expect.poll(() => running.getByRole('button', { name: 'Copy join link' }).textContent()).toMatch(/^Copied/);
    const link = await chair.page.evaluate(() => navigator.clipboard.readText());
    const parsed = parseJoinLink(link);
    expect(parsed.url).toBe(await running.locator('.hosting-url').textContent());
    expect(parsed.fingerprint.toUpperCase()).toBe(fingerprint.replace(/-/g, ''));
    // A delegation's own code, with a join link carrying it, for the facilitator to send ahead.
    await running.locator('.delegation-codes summary').click();
    await running.getByLabel('Delegation to give a code').fill('CAN');
    await running.getByRole('button', { name: /\(CAN\)$/ }).click();
    await expect.poll(() => running.locator('.delegation-code').textContent()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);
    expect(await running.getByRole('button', { name: 'Copy CAN join link' }).count()).toBe(1);
    await screenshot(chair.page, 'join-link-delegation-code');
    await running.getByRole('button', { name: 'Done' }).click();

    // The first EU laptop pastes the link: address, code and fingerprint are filled in.
    const eu1 = await pageOf(1);
    await eu1.page.getByRole('button', { name: 'Join consultation…' }).click();
    const join1 = eu1.page.getByRole('dialog', { name: 'Join consultation' });
    await join1.getByLabel('Join link').fill('https://example.org/not-a-join-link');
    await expect.poll(() => join1.getByRole('alert').textContent()).toMatch(/not a join link: it starts with "https:"/);
    await join1.getByLabel('Join link').fill(link);
    expect(await join1.getByLabel('Address', { exact: true }).inputValue()).toBe(parsed.url);
    expect(await join1.getByLabel('Code', { exact: true }).inputValue()).toBe(parsed.code);
    expect(await join1.getByLabel('Certificate fingerprint').inputValue()).toBe(fingerprint);
    await whoJoins(eu1.page, 'EU', 'Ana Pereira');
    await screenshot(eu1.page, 'join-link-join-dialog');
    await join1.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => join1.locator('.join-waiting-title').textContent(), { timeout: 30_000 }).toBe('Waiting for the facilitator to admit you');
    await screenshot(eu1.page, 'join-link-waiting');

    // The facilitator notices (badge in the bar), sees who asks, and admits them.
    await expect.poll(() => chair.page.locator('.document-bar .lobby-badge').textContent(), { timeout: 20_000 }).toBe('1 waiting');
    const lobby = chair.page.getByRole('region', { name: 'Lobby' });
    // The consultation panel: the lobby's waiting keys, who is connected, then the admitted keys.
    const panel = chair.page.getByRole('region', { name: 'Consultation' });
    const pending = lobby.getByRole('list', { name: 'Waiting to be admitted' }).getByRole('listitem');
    await expect.poll(() => pending.count()).toBe(1);
    expect(await pending.first().locator('.lobby-line').textContent()).toMatch(/^EU, Ana Pereira, key [0-9A-F]{4}-[0-9A-F]{4}$/);
    await screenshot(chair.page, 'join-link-lobby');
    await lobby.getByRole('button', { name: /^Admit EU, Ana Pereira/ }).click();
    await join1.waitFor({ state: 'detached', timeout: 30_000 });
    await eu1.page.locator('.ph-document .ph-op').first().waitFor();
    await expect.poll(() => statusOf(eu1.page), { timeout: 20_000 }).toMatch(/^Connected/);
    await expect.poll(() => chair.page.locator('.document-bar .lobby-badge').count()).toBe(0);
    await expect.poll(() => statusOf(chair.page), { timeout: 20_000 }).toBe('Hosting · 1 connected');

    // A second laptop claiming EU, opened by the link the shell hands over: it waits.
    const eu2 = await pageOf(2, `#join=${encodeURIComponent(link)}`);
    const join2 = eu2.page.getByRole('dialog', { name: 'Join consultation' });
    await join2.waitFor();
    expect(await join2.getByLabel('Certificate fingerprint').inputValue()).toBe(fingerprint);
    expect(await join2.getByText('Filled in from the join link').count()).toBe(1);
    await whoJoins(eu2.page, 'EU', 'Second laptop');
    // A fingerprint that is not the host's: refused before anything is sent, in the backend's words.
    await join2.getByLabel('Certificate fingerprint').fill('ab'.repeat(32));
    await join2.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => join2.getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(
      /^The host's certificate is not the one in the join link \(expected ABAB-ABAB…, got [0-9A-F]{4}-[0-9A-F]{4}…\): someone may be in between\.$/,
    );
    await screenshot(eu2.page, 'join-link-certificate-mismatch');
    await join2.getByLabel('Certificate fingerprint').fill(fingerprint);
    await join2.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => join2.locator('.join-waiting-title').textContent(), { timeout: 30_000 }).toBe('Waiting for the facilitator to admit you');
    await expect.poll(() => pending.first().locator('.lobby-line').textContent(), { timeout: 20_000 }).toMatch(/^EU, Second laptop, key /);
    await expect.poll(() => chair.page.locator('.document-bar .lobby-badge').textContent()).toBe('1 waiting');
    await panel.locator('.lobby-admitted summary').click();
    expect(await panel.getByRole('list', { name: 'Admitted keys' }).textContent()).toContain('EU, Ana Pereira, key');
    await screenshot(chair.page, 'join-link-second-waits');
    expect(await eu2.page.locator('.ph-document .ph-op').count()).toBe(0);

    // The first EU laptop, already admitted for EU, is asked too, and admits its colleague itself.
    const colleagues = eu1.page.getByRole('region', { name: 'Colleagues waiting' });
    await expect.poll(() => colleagues.locator('.lobby-line').textContent(), { timeout: 20_000 }).toMatch(/^A second laptop asks to speak for EU: Second laptop, key [0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(await eu1.page.locator('.document-bar .lobby-badge').textContent()).toBe('1 waiting');
    await screenshot(eu1.page, 'join-link-colleague-asks');
    await colleagues.getByRole('button', { name: 'Admit Second laptop for EU' }).click();
    await join2.waitFor({ state: 'detached', timeout: 30_000 });
    await eu2.page.locator('.ph-document .ph-op').first().waitFor();
    await expect.poll(() => statusOf(eu2.page), { timeout: 20_000 }).toMatch(/^Connected/);
    await expect.poll(() => colleagues.count()).toBe(0);
    // The facilitator's list says who admitted whom.
    await expect.poll(() => panel.getByRole('list', { name: 'Admitted keys' }).textContent(), { timeout: 20_000 }).toMatch(/EU, Second laptop, key [0-9A-F-]{9} · admitted by Ana Pereira \(EU, key [0-9A-F]{4}-[0-9A-F]{4}\)/);
    await panel.getByText(/admitted by Ana Pereira/).scrollIntoViewIfNeeded();
    await screenshot(chair.page, 'join-link-admitted-by-colleague');

    // Every connected laptop is listed in the facilitator's panel and seen there as it opens
    // (scrolled to its top, admitted keys unfolded): a 'Connected (2)' above one row is a bug.
    await expect.poll(() => panel.locator('.panel-subtitle', { hasText: /^Connected/ }).textContent(), { timeout: 20_000 }).toBe('Connected (2)');
    await chair.page.locator('.side-panels').evaluate((el) => el.scrollTo(0, 0));
    const rows = panel.getByRole('list', { name: 'Participants' }).getByRole('listitem');
    expect(await rows.allTextContents()).toEqual(['EUAna PereiraDelegation', 'EUSecond laptopDelegation']);
    const shown = await chair.page.locator('.side-panels').evaluate((scroller) => {
      const box = scroller.getBoundingClientRect();
      return [...scroller.querySelectorAll('.participant-list .participant')].map((row) => {
        const r = row.getBoundingClientRect();
        return r.height > 0 && r.top >= box.top && r.bottom <= box.bottom;
      });
    });
    await screenshot(chair.page, 'join-link-connected-list');
    expect(shown).toEqual([true, true]);

    expect([...chair.errors, ...eu1.errors, ...eu2.errors]).toEqual([]);
  });
});
