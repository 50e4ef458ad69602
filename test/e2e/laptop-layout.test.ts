import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { WebSocket as NodeWebSocket } from 'ws';
import { connectWebSocketApi } from '../../renderer/api/ws-client.js';
import { barMenuButton, chooseInBar } from './bar-menu.js';
import { screenshot } from './browser.js';
import { GA_COMPILATION_TITLE, openGaCompilation } from './ga-compilation.js';
import { startE2eShell, useWebShell } from './web-shell-fixture.js';

const env = useWebShell('laptop-layout');

/**
 * Delegations' laptops (issue 17): 1366x768 and 1280x800 at 100% and at 125% scaling, which
 * Chromium shows as a viewport of 1/1.25 the CSS pixels at a device scale factor of 1.25.
 */
const sizes = [
  { name: '1366x768', width: 1366, height: 768, scale: 1 },
  { name: '1366x768-125', width: 1093, height: 614, scale: 1.25 },
  { name: '1280x800', width: 1280, height: 800, scale: 1 },
  { name: '1280x800-125', width: 1024, height: 640, scale: 1.25 },
] as const;

async function openAt(browser: Browser, url: string, size: (typeof sizes)[number]): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return { page, errors };
}

// Opens the compilation text whether the document list is docked or folded to its rail.
async function openCompilation(page: Page): Promise<void> {
  const rail = page.getByRole('button', { name: 'Documents', exact: true });
  const empty = page.getByText('No documents yet');
  await page.getByRole('list', { name: 'Documents' }).or(rail).or(empty).first().waitFor();
  if (await empty.isVisible()) {
    // The first import opens the imported document itself (the list may fold to its rail meanwhile).
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt'));
    await page.locator('.page-editor[data-ready="true"] .ph-document .ph-op').first().waitFor();
  } else if (await rail.isVisible()) {
    await rail.click();
    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(GA_COMPILATION_TITLE) }).first().click();
    await page.locator('.page-editor[data-ready="true"] .ph-document .ph-op').first().waitFor();
  } else {
    await openGaCompilation(page);
  }
  const later = page.getByRole('button', { name: 'Later' });
  if (await later.isVisible()) await later.click();
}

/** The width (CSS px) of the page's text: the editor's content box. */
const textColumn = (page: Page) => page.locator('.ph-document').evaluate((el) => el.getBoundingClientRect().width);

/**
 * The document bar's title and states as laid out: whether the title is on one line (its box
 * one line tall) with its full text in its tooltip, the states whose text is clipped or
 * wrapped onto a second line, and those reaching past their row.
 */
function barFigures(page: Page) {
  return page.evaluate(() => {
    const title = document.querySelector('.document-bar-title') as HTMLElement;
    const lineHeight = parseFloat(getComputedStyle(title).lineHeight) || parseFloat(getComputedStyle(title).fontSize) * 1.4;
    const states = [...document.querySelectorAll<HTMLElement>('.document-bar-states > *')].filter((el) => el.getBoundingClientRect().width > 0);
    // A state's text on more than one line is a wrapped chip.
    const lines = (el: HTMLElement) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      // Boxes that overlap vertically are one line (a status dot sits a little higher than its words).
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).sort((x, y) => x.top - y.top);
      let count = 0;
      let bottom = -Infinity;
      for (const r of rects) {
        if (r.top >= bottom - 2) count++;
        bottom = Math.max(bottom, r.bottom);
      }
      return count;
    };
    const clipped = states.filter((el) => el.scrollWidth > el.clientWidth + 1 || lines(el) > 1).map((el) => el.textContent);
    const row = (document.querySelector('.document-bar-states') as HTMLElement).getBoundingClientRect();
    const outside = states.filter((el) => el.getBoundingClientRect().right > row.right + 1).map((el) => el.textContent);
    return { titleOneLine: title.getBoundingClientRect().height < 1.6 * lineHeight, titleTooltip: title.title, clipped, outside };
  });
}

/**
 * Every command of the editing and negotiation toolbars is either wholly in view in the row or
 * an entry of the "More" menu (one click away): returns the names of those that are neither.
 */
async function unreachableCommands(page: Page): Promise<string[]> {
  const buttons = await page.locator('.command-scroller .toolbar-button').evaluateAll((els) => {
    const row = (document.querySelector('.command-scroller') as HTMLElement).getBoundingClientRect();
    return els.map((el) => {
      const r = el.getBoundingClientRect();
      // Named as the "More" menu names it: aria-label, else the tooltip's name.
      const tooltip = /^(.*) \(([^()]*)\)$/.exec(el.getAttribute('title') ?? '');
      return { name: el.getAttribute('aria-label') ?? tooltip?.[1] ?? el.textContent ?? '', inView: r.width > 0 && r.left >= row.left - 1 && r.right <= row.right + 1 };
    });
  });
  const hidden = buttons.filter((b) => !b.inView).map((b) => b.name);
  if (hidden.length === 0) return [];
  const more = page.locator('.command-more').getByRole('button', { name: 'More' });
  expect(await more.isVisible()).toBe(true);
  await more.click();
  const listed = await page.getByRole('menu', { name: 'More' }).getByRole('menuitem').allTextContents();
  await page.keyboard.press('Escape');
  return hidden.filter((name) => !listed.some((entry) => entry.startsWith(name)));
}

describe('the layout on delegations’ laptops, 1366x768 and 1280x800 at 100% and 125%', { timeout: 300_000 }, () => {
  it('keeps a 560 px text column, the title and states on one line, and every command one click away', async () => {
    for (const size of sizes) {
      const { page, errors } = await openAt(env.browser, env.shell.url, size);
      await openCompilation(page);
      await page.waitForTimeout(300);

      expect(await textColumn(page), `text column at ${size.name}`).toBeGreaterThanOrEqual(560);
      const bar = await barFigures(page);
      expect(bar.titleOneLine, size.name).toBe(true);
      expect(bar.titleTooltip).toBe(GA_COMPILATION_TITLE);
      expect(bar.clipped, size.name).toEqual([]);
      expect(bar.outside, size.name).toEqual([]);
      expect(await unreachableCommands(page), size.name).toEqual([]);
      await screenshot(page, `laptop-${size.name}`);

      // The negotiation dashboard, the widest panel: the layout folds what it must, the text keeps 560 px.
      await chooseInBar(page, 'Negotiation', 'Dashboard');
      await page.getByRole('region', { name: /dashboard/i }).first().waitFor();
      await page.waitForTimeout(300);
      expect(await textColumn(page), `text column with the dashboard at ${size.name}`).toBeGreaterThanOrEqual(560);
      await screenshot(page, `laptop-${size.name}-dashboard`);
      await chooseInBar(page, 'Negotiation', 'Dashboard');
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('folds a panel group to its icon rail and finds it folded after a restart of the window', async () => {
    const { page, errors } = await openAt(env.browser, env.shell.url, sizes[0]);
    await openCompilation(page);
    const problems = page.getByRole('complementary', { name: 'Style problems' });
    const problemsRail = page.getByRole('button', { name: /^Problems( \(\d+ warnings?\))?$/ });
    await problems.waitFor();
    const before = await textColumn(page);
    await page.getByRole('button', { name: 'Fold the problems panel to the rail' }).click();
    await problemsRail.waitFor();
    expect(await problems.count()).toBe(0);
    // The count of warnings stays on the rail, and the page took the room.
    await expect.poll(() => problemsRail.getAttribute('aria-label')).toMatch(/warning/);
    expect(await textColumn(page)).toBeGreaterThanOrEqual(before);
    await screenshot(page, 'laptop-1366x768-problems-folded');

    // The outline, which the layout kept on its rail at this width beside the problems, now docks in the room they left.
    await page.getByRole('navigation', { name: 'Outline' }).waitFor();
    expect(await textColumn(page)).toBeGreaterThanOrEqual(560);

    // Kept in the app's settings (the backend's settings table), not only in the page: the
    // page's own storage emptied, the reloaded window still finds the panel folded.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await openCompilation(page);
    await problemsRail.waitFor();
    expect(await problems.count()).toBe(0);

    // The rail's button unfolds it again, and that is remembered too.
    await problemsRail.click();
    await problems.waitFor();
    expect(await page.getByRole('button', { name: 'Outline', exact: true }).isVisible()).toBe(true);
    await page.reload();
    await openCompilation(page);
    await problems.waitFor();
    expect(await problemsRail.count()).toBe(0);
    expect(await barMenuButton(page, 'View').isVisible()).toBe(true);

    // Folded again, then the app restarted (a new backend on the same data folder) and a new
    // window opened on it, with storage of its own: the panel is still folded.
    await page.getByRole('button', { name: 'Fold the problems panel to the rail' }).click();
    await problemsRail.waitFor();
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    await page.close();
    await env.restart();
    const again = await openAt(env.browser, env.shell.url, sizes[0]);
    await openCompilation(again.page);
    await again.page.getByRole('button', { name: /^Problems( \(\d+ warnings?\))?$/ }).waitFor();
    expect(await again.page.getByRole('complementary', { name: 'Style problems' }).count()).toBe(0);
    await screenshot(again.page, 'laptop-1366x768-after-restart');
    expect(again.errors).toEqual([]);
    await again.page.close();
  });
});

describe('the document list follows edits', { timeout: 120_000 }, () => {
  it("moves the open document's Changed time after an edit in another window on the same backend", async () => {
    const size = sizes[0];
    const a = await openAt(env.browser, env.shell.url, size);
    const b = await openAt(env.browser, env.shell.url, size);
    await openCompilation(a.page);
    await openCompilation(b.page);
    const changed = (page: Page) =>
      page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(GA_COMPILATION_TITLE) }).locator('time').getAttribute('datetime');
    const before = await changed(a.page);
    // Window B types (what a peer's edit is to window A: an update pushed into its open document).
    await b.page.locator('.ph-document .ph-op').first().click();
    await b.page.keyboard.press('End');
    await b.page.keyboard.type(' Edited elsewhere.');
    await expect.poll(() => a.page.locator('.ph-document .ph-op').first().textContent(), { timeout: 10_000 }).toContain('Edited elsewhere.');
    await expect.poll(() => changed(a.page), { timeout: 10_000 }).not.toBe(before);
    expect(Date.parse((await changed(a.page)) ?? '')).toBeGreaterThan(Date.parse(before ?? ''));
    // And its own edits: window A types, its list follows too.
    const mid = await changed(a.page);
    await a.page.waitForTimeout(50);
    await a.page.locator('.ph-document .ph-op').nth(1).click();
    await a.page.keyboard.type('x');
    await expect.poll(() => changed(a.page), { timeout: 10_000 }).not.toBe(mid);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.page.close();
    await b.page.close();
  });
});

describe('a notice over the page', { timeout: 120_000 }, () => {
  it("says an action is the facilitator's without moving the text down", async () => {
    const api = await connectWebSocketApi(`ws://127.0.0.1:${env.shell.port}/api?token=${env.shell.token}`, { WebSocket: NodeWebSocket });
    await api.invoke('profile.set', { name: 'Anne Tremblay', delegation: 'CAN' });
    const { page, errors } = await openAt(env.browser, env.shell.url, sizes[1]);
    await openCompilation(page);
    await chooseInBar(page, 'Negotiation', 'Suggest as CAN');
    const op = page.locator('.ph-document .ph-op').first();
    await op.click();
    await page.waitForTimeout(300);
    const before = (await op.boundingBox())!.y;
    // Moving a paragraph is the facilitator's: refused with a notice.
    await page.keyboard.press('Alt+ArrowDown');
    const notice = page.locator('.suggestion-notice');
    await notice.waitFor();
    expect((await op.boundingBox())!.y).toBe(before);
    // It floats over the top of the page, in view.
    const box = (await notice.boundingBox())!;
    const scroller = (await page.locator('.page-scroll').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(scroller.y);
    expect(box.y + box.height).toBeLessThan(scroller.y + scroller.height);
    await screenshot(page, 'laptop-1366x768-125-notice');
    expect(errors).toEqual([]);
    await page.close();
    await api.invoke('profile.set', { name: '', delegation: '' });
    api.close();
  });
});

describe('consultation presence, hosted from the app', { timeout: 180_000 }, () => {
  it('shows the participant the hosting facilitator in the connected list, with a cursor; the hosting chip stays whole at 125%', async () => {
    const apiA = await connectWebSocketApi(`ws://127.0.0.1:${env.shell.port}/api?token=${env.shell.token}`, { WebSocket: NodeWebSocket });
    await apiA.invoke('profile.set', { name: 'Chair Person', delegation: 'MEX' });
    const a = await openAt(env.browser, env.shell.url, sizes[1]);
    await openCompilation(a.page);
    const docId = (await apiA.invoke('documents.list', {})).find((d) => d.title === GA_COMPILATION_TITLE)!.id;
    const hosted = await apiA.invoke('consultation.host', { docId, bind: '127.0.0.1', port: 0 });
    const chip = a.page.getByRole('toolbar', { name: 'Document' }).locator('.consultation-status');
    await expect.poll(() => chip.textContent(), { timeout: 10_000 }).toMatch(/^Hosting · 0 connected/);
    // The facilitator's cursor, in OP 2.
    await a.page.locator('.ph-document .ph-op').nth(1).click();

    const dirB = mkdtempSync(path.join(tmpdir(), 'penholder-e2e-laptop-presence-'));
    const shellB = await startE2eShell(dirB);
    const apiB = await connectWebSocketApi(`ws://127.0.0.1:${shellB.port}/api?token=${shellB.token}`, { WebSocket: NodeWebSocket });
    try {
      const joining = apiB.invoke('consultation.join', { url: hosted.url, code: hosted.joinCode, delegation: 'CAN', name: 'Anne Tremblay', role: 'delegation', fingerprint: hosted.fingerprint });
      // A new key waits in the lobby until the facilitator admits it.
      let key = '';
      await expect.poll(async () => (key = (await apiA.invoke('consultation.lobby', {})).pending[0]?.key ?? ''), { timeout: 20_000 }).not.toBe('');
      await apiA.invoke('consultation.admit', { key });
      await joining;
      await expect.poll(() => chip.textContent(), { timeout: 10_000 }).toMatch(/^Hosting · 1 connected/);

      const b = await openAt(env.browser, shellB.url, sizes[0]);
      await openCompilation(b.page);
      const participants = b.page.getByRole('region', { name: 'Consultation' }).getByRole('list', { name: 'Participants' });
      await expect.poll(() => participants.textContent(), { timeout: 15_000 }).toContain('Chair Person');
      expect(await participants.textContent()).toContain('MEX');
      expect(await participants.textContent()).toContain('Anne Tremblay');
      await expect.poll(() => b.page.locator('.ph-document .ph-remote-cursor').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await screenshot(b.page, 'laptop-1366x768-participant-sees-facilitator');

      // The host's bar at 125%: the chip whole on one line, the title on one line.
      await screenshot(a.page, 'laptop-1366x768-125-hosting');
      const bar = await barFigures(a.page);
      expect(bar.clipped).toEqual([]);
      expect(bar.outside).toEqual([]);
      expect(bar.titleOneLine).toBe(true);
      expect(a.errors).toEqual([]);
      expect(b.errors).toEqual([]);
      await b.page.close();
    } finally {
      await apiB.invoke('consultation.leave', {}).catch(() => undefined);
      await apiA.invoke('consultation.stopHosting', {}).catch(() => undefined);
      await apiA.invoke('profile.set', { name: '', delegation: '' });
      apiA.close();
      apiB.close();
      await shellB.close();
      rmSync(dirB, { recursive: true, force: true });
      await a.page.close();
    }
  });
});
