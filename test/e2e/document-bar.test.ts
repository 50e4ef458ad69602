import path from 'node:path';
import type { Page } from 'playwright-core';
import { WebSocket as NodeWebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { connectWebSocketApi } from '../../renderer/api/ws-client.js';
import { barMenuButton, barMenuItem, chooseInBar } from './bar-menu.js';
import { openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('document-bar');
const fixture = path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt');

type Box = { left: number; top: number; right: number; bottom: number };

// The visible children of the document bar as boxes, and how many rows they make.
async function barLayout(page: Page): Promise<{ rows: number; height: number; boxes: Box[] }> {
  return page.locator('.document-bar').evaluate((bar) => {
    const boxes = [...bar.children]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
    const centres = boxes.map((b) => (b.top + b.bottom) / 2).sort((a, b) => a - b);
    const rows = centres.filter((c, i) => i === 0 || c - centres[i - 1]! > 12).length;
    return { rows, height: bar.getBoundingClientRect().height, boxes };
  });
}

const overlapping = (boxes: Box[]): boolean =>
  boxes.some((a, i) => boxes.some((b, j) => j > i && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1));

const focusedName = (page: Page) => page.evaluate(() => `${document.activeElement?.getAttribute('role') ?? ''}:${document.activeElement?.textContent ?? ''}`);

describe('the document bar, in Chromium', { timeout: 300_000 }, () => {
  it('fits one row at 1280x800 with its secondary actions in keyboard-operable menus, and two rows at most at 1024x768', async () => {
    const api = await connectWebSocketApi(`ws://127.0.0.1:${env.shell.port}/api?token=${env.shell.token}`, { WebSocket: NodeWebSocket });
    await api.invoke('profile.set', { name: 'Anne Tremblay', delegation: 'CAN' });
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.getByLabel('Text file to import').setInputFiles(fixture);
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    await page.getByRole('list', { name: 'Documents' }).getByRole('button').first().click();
    await page.locator('.ph-document .ph-op').first().waitFor();
    await expect.poll(() => page.locator('.document-bar .sync-status').textContent()).toBe('All changes saved');

    const first = await barLayout(page);
    expect(first.rows).toBe(1);
    expect(first.height).toBeLessThan(60);
    expect(overlapping(first.boxes)).toBe(false);
    await screenshot(page, 'document-bar-1280');

    // Keyboard: Down opens the menu on its first entry, Down / End / Home move, Escape closes and returns focus.
    const negotiation = barMenuButton(page, 'Negotiation');
    expect(await negotiation.getAttribute('aria-haspopup')).toBe('menu');
    await negotiation.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: 'Negotiation' });
    await menu.waitFor();
    expect(await negotiation.getAttribute('aria-expanded')).toBe('true');
    expect(await focusedName(page)).toBe('menuitem:Start negotiation…');
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toBe('menuitemcheckbox:Suggest as CAN');
    expect(await menu.getByRole('menuitemcheckbox', { name: 'Suggest as CAN' }).getAttribute('aria-checked')).toBe('false');
    await page.keyboard.press('End');
    expect(await focusedName(page)).toBe('menuitemcheckbox:Dashboard');
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toBe('menuitem:Start negotiation…');
    await screenshot(page, 'document-bar-negotiation-menu');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await negotiation.getAttribute('aria-expanded')).toBe('false');
    expect(await negotiation.evaluate((el) => el === document.activeElement)).toBe(true);

    // Enter on an entry chooses it: suggestion mode on, shown under the title while it lasts.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const suggesting = page.getByRole('toolbar', { name: 'Document' }).getByRole('button', { name: 'Suggesting as CAN' });
    await suggesting.waitFor();
    expect(await suggesting.getAttribute('aria-pressed')).toBe('true');
    expect(await (await barMenuItem(page, 'Negotiation', 'Suggest as CAN')).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Escape');

    // A click outside closes a menu; zoom steps keep the View menu open and the zoom shows on its button.
    await barMenuButton(page, 'View').click();
    await page.getByRole('menu', { name: 'View' }).waitFor();
    await page.locator('.page').click({ position: { x: 20, y: 20 } });
    await page.getByRole('menu', { name: 'View' }).waitFor({ state: 'detached' });
    await chooseInBar(page, 'View', 'Zoom in');
    await expect.poll(() => barMenuButton(page, 'View').textContent()).toContain('110%');
    expect(await page.getByRole('menu', { name: 'View' }).count()).toBe(1);
    await page.getByRole('menu', { name: 'View' }).getByRole('menuitem', { name: 'Zoom 110%, reset to 100%' }).click();
    await expect.poll(() => barMenuButton(page, 'View').textContent()).not.toContain('%');
    await page.keyboard.press('Escape');

    // In negotiation and suggesting, still one row; the indicator stays in sight.
    await chooseInBar(page, 'Negotiation', 'Start negotiation…');
    const start = page.getByRole('dialog', { name: 'Start negotiation' });
    await start.getByLabel('Label of the new revision').fill('Rev.1');
    await start.getByRole('button', { name: 'Start negotiation' }).click();
    const indicator = page.getByRole('toolbar', { name: 'Document' }).getByRole('status').filter({ hasText: 'In negotiation' });
    await expect.poll(() => indicator.textContent()).toBe('In negotiation on Rev.1');
    expect(await (await barMenuItem(page, 'Negotiation', 'Stop negotiation')).count()).toBe(1);
    await page.keyboard.press('Escape');
    const busy = await barLayout(page);
    expect(busy.rows).toBe(1);
    expect(overlapping(busy.boxes)).toBe(false);
    await screenshot(page, 'document-bar-1280-negotiating');

    await page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(async () => (await barLayout(page)).rows).toBeLessThanOrEqual(2);
    expect(overlapping((await barLayout(page)).boxes)).toBe(false);
    await screenshot(page, 'document-bar-1024');
    expect(errors).toEqual([]);
    api.close();
  });
});
