import { readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './browser.js';
import { chooseInBar } from './bar-menu.js';
import { joinHosted, useHostedConsultation } from './hosted-consultation.js';
import { createFromTemplate } from './web-shell-fixture.js';

/**
 * Two participants co-edit in Chromium as new users would: each has its own browser shell
 * (backend and data folder); `penholder host` serves the document. One types, the other sees
 * the text and the remote cursor; one loses the network (a TCP relay between it and the
 * host is cut), both edit, the network comes back, both show the same text.
 */

// A TCP relay to `target` that can be cut (every connection dropped, none accepted) and restored on the same port.
async function relay(targetPort: number): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(targetPort, '127.0.0.1');
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (server.listening) server.close(() => resolve());
      else resolve();
    });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return { port, cut: stop, restore: () => listen(port), close: stop };
}

// Two installations (browser shells) and `penholder host` serving the GA compilation text.
const env = useHostedConsultation('consult', { shells: 2 });
const relays: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const r of relays) await r.close();
});

// Whether any file under `dir` holds `needle` (UTF-8), the SQLite database and its journal included.
function anyFileHolds(dir: string, needle: string): boolean {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory() ? anyFileHolds(file, needle) : readFileSync(file).includes(needle)) return true;
  }
  return false;
}

const shellOf = (i: number) => env.shells[i]!;

// Text of the whole document as the page's editor shows it (widgets such as cursor labels excluded).
const editorText = (page: Page) =>
  page.locator('.page .ph-document').evaluate((root) => {
    const clone = root.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('.ph-remote-cursor')) el.remove();
    return clone.textContent ?? '';
  });

const opText = (page: Page, n: number) => page.locator('.page .ph-document .ph-op > .ph-text').nth(n - 1);

// The text of OP `n` without the cursor labels drawn into it.
const plainOpText = (page: Page, n: number) =>
  opText(page, n).evaluate((el) => {
    const clone = el.cloneNode(true) as HTMLElement;
    for (const cursor of clone.querySelectorAll('.ph-remote-cursor')) cursor.remove();
    return clone.textContent ?? '';
  });

// Puts the caret at the end of OP `n` (End would stop at the end of the visual line). Resolves
// once the browser announced the selection (ProseMirror reads it on 'selectionchange') and a frame passed.
async function caretAtEndOfOp(page: Page, n: number): Promise<void> {
  // A real click just right of the paragraph's last character, as a user would place the
  // caret: ProseMirror reads it from the mouse events. A selection set by script is only
  // read on the next selectionchange, and a remote change arriving in between makes the
  // editor restore its previous selection, so the typing would land where the first click was.
  const target = opText(page, n);
  await target.scrollIntoViewIfNeeded();
  const end = await target.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if ((t.textContent ?? '').trim() !== '') last = t as Text;
    if (!last) throw new Error('the paragraph has no text to click');
    const range = document.createRange();
    range.setStart(last, last.length - 1);
    range.setEnd(last, last.length);
    const box = range.getBoundingClientRect();
    return { x: box.right - 1, y: box.top + box.height / 2 };
  });
  await page.mouse.click(end.x, end.y);
  await page.keyboard.press('End');
  await target.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

const statusOf = (page: Page) => page.locator('.document-bar .consultation-status').textContent();

describe('consultation dialogs in Chromium', { timeout: 120_000 }, () => {
  it('offers hosting on all interfaces or this machine, and says what is wrong with a join before calling anyone', async () => {
    const { page, errors } = await openPage(env.browser, shellOf(0).url);
    await createFromTemplate(page, 'Consultation dialogs');
    await chooseInBar(page, 'Consultation', 'Start consultation…');
    const hostDialog = page.getByRole('dialog', { name: 'Start consultation' });
    await expect.poll(() => hostDialog.getByRole('radio', { name: /Everyone on this network/ }).isChecked()).toBe(true);
    await hostDialog.getByLabel(/Port/).fill('99999');
    await hostDialog.getByRole('button', { name: 'Start consultation' }).click();
    await expect.poll(() => hostDialog.getByRole('alert').textContent()).toMatch(/1 to 65535/);
    await screenshot(page, 'consultation-host-form');
    await hostDialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Join consultation…' }).click();
    const joinDialog = page.getByRole('dialog', { name: 'Join consultation' });
    await joinDialog.getByLabel('Address', { exact: true }).fill('http://10.0.0.2:4455');
    await joinDialog.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => joinDialog.getByRole('alert').textContent()).toMatch(/must start with wss:\/\//);
    // A pasted join link fills the address, the code and the certificate fingerprint.
    await joinDialog.getByLabel('Join link').fill(`penholder://join?url=${encodeURIComponent('wss://10.0.0.2:4455')}&code=abc-def&fp=${'3f2a9c1b'.repeat(8)}`);
    expect(await joinDialog.getByLabel('Address', { exact: true }).inputValue()).toBe('wss://10.0.0.2:4455');
    expect(await joinDialog.getByLabel('Code', { exact: true }).inputValue()).toBe('abc-def');
    expect(await joinDialog.getByLabel('Certificate fingerprint').inputValue()).toBe(Array(8).fill('3F2A-9C1B').join('-'));
    await joinDialog.getByRole('button', { name: 'Join' }).click();
    await expect.poll(() => joinDialog.getByRole('alert').textContent()).toMatch(/Choose your delegation/);
    await joinDialog.getByLabel('Find your delegation').fill('bra');
    await joinDialog.getByRole('button', { name: /\(BRA\)$/ }).click();
    await joinDialog.getByLabel('Your name').fill('Rafael Souza');
    await screenshot(page, 'consultation-join-form');
    await joinDialog.getByRole('button', { name: 'Cancel' }).click();

    // A private note on OP 1, kept across moving the cursor away and back.
    const note = 'Red line: no new mandate without a budget line';
    await caretAtEndOfOp(page, 1);
    await chooseInBar(page, 'Consultation', 'Private notes');
    const notes = page.getByRole('region', { name: 'Private notes' });
    expect(await notes.locator('.private-badge').textContent()).toBe('Private — never shared');
    await notes.getByLabel('Your note on OP 1').fill(note);
    await expect.poll(() => notes.locator('.private-note-state').textContent(), { timeout: 10_000 }).toBe('Saved on this computer');
    await expect.poll(() => notes.getByRole('list', { name: 'All private notes' }).textContent()).toContain(note);
    await caretAtEndOfOp(page, 2);
    await expect.poll(() => notes.getByLabel('Your note on OP 2').inputValue()).toBe('');
    await caretAtEndOfOp(page, 1);
    await expect.poll(() => notes.getByLabel('Your note on OP 1').inputValue()).toBe(note);
    await screenshot(page, 'consultation-private-note');
    await chooseInBar(page, 'Consultation', 'Private notes');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('hosting from the app', { timeout: 120_000 }, () => {
  it('shows the address and join code as text and QR, hides the facilitator code until asked, and stops', async () => {
    const { page, errors } = await openPage(env.browser, shellOf(0).url);
    await createFromTemplate(page, 'Hosted from the app');
    await chooseInBar(page, 'Consultation', 'Start consultation…');
    const dialog = page.getByRole('dialog', { name: 'Start consultation' });
    await dialog.getByRole('radio', { name: /This machine only/ }).check();
    await dialog.getByRole('button', { name: 'Start consultation' }).click();
    const running = page.getByRole('dialog', { name: 'Consultation running' });
    await running.waitFor();
    const url = await running.locator('.hosting-url').textContent();
    expect(url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    expect((await running.locator('.join-code').textContent())?.length).toBeGreaterThanOrEqual(16);
    await expect.poll(() => running.getByRole('img', { name: /QR code: the join link/ }).count()).toBe(1);
    expect(await running.locator('.facilitator-code').count()).toBe(0);
    await expect.poll(() => statusOf(page)).toBe('Hosting · 0 connected');
    await screenshot(page, 'consultation-hosting');
    await running.getByRole('button', { name: 'Show the facilitator code' }).click();
    expect((await running.locator('.facilitator-code').textContent())?.length).toBeGreaterThanOrEqual(16);
    await running.getByRole('button', { name: 'Stop hosting' }).click();
    await running.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.document-bar .consultation-status').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('two participants in Chromium', { timeout: 300_000 }, () => {
  it('see each other type and point, and converge after one of them was offline', async () => {
    const { banner } = env;
    const cable = await relay(Number(new URL(banner.url).port));
    relays.push(cable);
    const a = await openPage(env.browser, shellOf(0).url);
    const b = await openPage(env.browser, shellOf(1).url);
    await joinHosted(a.page, banner, 'SWE', 'Facilitator', { name: 'Ingrid Berg' });
    await joinHosted(b.page, banner, 'BRA', 'Facilitator', { url: `wss://127.0.0.1:${cable.port}`, name: 'Rafael Souza' });
    // New users: the name and delegation given to join are who they are from now on.
    await expect.poll(() => b.page.getByRole('button', { name: 'Profile: Rafael Souza, BRA' }).count()).toBe(1);
    expect(await b.page.getByRole('region', { name: 'Who is writing' }).count()).toBe(0);
    await expect.poll(() => statusOf(a.page), { timeout: 20_000 }).toMatch(/^Connected/);
    await expect.poll(() => statusOf(b.page), { timeout: 20_000 }).toMatch(/^Connected/);

    // A types; B sees the words and A's cursor, labelled SWE, in that paragraph; both list each other.
    await caretAtEndOfOp(a.page, 1);
    await a.page.keyboard.type(' Typed by Sweden.');
    await expect.poll(() => opText(b.page, 1).textContent(), { timeout: 20_000 }).toContain('Typed by Sweden.');
    const cursorOfA = b.page.locator('.ph-remote-cursor[data-delegation="SWE"]');
    await expect.poll(() => cursorOfA.count(), { timeout: 20_000 }).toBe(1);
    expect(await cursorOfA.locator('.ph-remote-cursor-label').textContent()).toBe('SWE');
    expect(await cursorOfA.evaluate((el) => el.closest('.ph-op > .ph-text')?.textContent ?? '')).toContain('Typed by Sweden.');
    const panelB = b.page.getByRole('region', { name: 'Consultation' });
    await expect.poll(() => panelB.locator('.participant-code').allTextContents(), { timeout: 20_000 }).toContain('SWE');
    await screenshot(b.page, 'consultation-remote-cursor');

    // Following: A goes to the last OP far down the page; B's view follows.
    await panelB.getByRole('checkbox', { name: 'Follow the facilitator' }).check();
    const opCount = await a.page.locator('.page .ph-document .ph-op > .ph-text').count();
    await caretAtEndOfOp(a.page, opCount);
    const visibleInB = () => opText(b.page, opCount).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    await expect.poll(visibleInB, { timeout: 20_000 }).toBe(true);
    await panelB.getByRole('checkbox', { name: 'Follow the facilitator' }).uncheck();

    // B loses the network; both keep editing.
    await cable.cut();
    await expect.poll(() => statusOf(b.page), { timeout: 30_000 }).toMatch(/^(Reconnecting|Offline)/);
    await caretAtEndOfOp(b.page, 2);
    await b.page.keyboard.type(' Offline words from Brazil.');
    await caretAtEndOfOp(a.page, 3);
    await a.page.keyboard.type(' Online words from Sweden.');
    await expect.poll(() => statusOf(b.page), { timeout: 20_000 }).toMatch(/\d+ unsynced changes?$/);
    await screenshot(b.page, 'consultation-offline');
    expect(await opText(a.page, 2).textContent()).not.toContain('Offline words from Brazil.');
    expect(await opText(b.page, 3).textContent()).not.toContain('Online words from Sweden.');

    // The network comes back: both show the same text, holding both edits.
    await cable.restore();
    await expect.poll(() => statusOf(b.page), { timeout: 60_000 }).toBe('Connected');
    await expect.poll(async () => (await editorText(a.page)) === (await editorText(b.page)), { timeout: 30_000 }).toBe(true);
    const text = await editorText(a.page);
    for (const words of ['Typed by Sweden.', 'Offline words from Brazil.', 'Online words from Sweden.']) expect(text).toContain(words);
    expect(await plainOpText(a.page, 1)).toMatch(/Typed by Sweden\.$/);
    expect(await plainOpText(a.page, 2)).toMatch(/Offline words from Brazil\.$/);
    // After the reconnection each again sees the other in the participant list.
    const panelA = a.page.getByRole('region', { name: 'Consultation' });
    await expect.poll(() => panelA.locator('.participant-code').allTextContents(), { timeout: 20_000 }).toContain('BRA');

    // B writes a private note on OP 1 while connected: it stays in B's store and nowhere else.
    const canary = 'Red line CANARY-5e1c: no new mandate without budget';
    await caretAtEndOfOp(b.page, 1);
    await chooseInBar(b.page, 'Consultation', 'Private notes');
    const notes = b.page.getByRole('region', { name: 'Private notes' });
    await expect.poll(() => notes.locator('.private-badge').textContent()).toBe('Private — never shared');
    const field = notes.getByLabel('Your note on OP 1');
    await field.fill(canary);
    await expect.poll(() => notes.locator('.private-note-state').textContent(), { timeout: 10_000 }).toBe('Saved on this computer');
    await expect.poll(() => notes.getByRole('list', { name: 'All private notes' }).textContent()).toContain(canary);
    await screenshot(b.page, 'consultation-private-note');
    await caretAtEndOfOp(b.page, 2);
    await expect.poll(() => notes.getByLabel('Your note on OP 2').inputValue()).toBe('');
    await caretAtEndOfOp(b.page, 1);
    await expect.poll(() => notes.getByLabel('Your note on OP 1').inputValue()).toBe(canary);
    await a.page.waitForTimeout(1500);
    expect(await editorText(a.page)).not.toContain('CANARY-5e1c');
    expect(anyFileHolds(env.hostDir, 'CANARY-5e1c')).toBe(false);
    expect(anyFileHolds(env.shellDirs[0]!, 'CANARY-5e1c')).toBe(false);
    expect(anyFileHolds(env.shellDirs[1]!, 'CANARY-5e1c')).toBe(true);

    await screenshot(a.page, 'consultation-converged-a');
    await screenshot(b.page, 'consultation-converged-b');
    expect([...a.errors, ...b.errors]).toEqual([]);
  });
});
