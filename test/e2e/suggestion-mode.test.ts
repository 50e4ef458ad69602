import path from 'node:path';
import type { Page } from 'playwright-core';
import { WebSocket as NodeWebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { connectWebSocketApi } from '../../renderer/api/ws-client.js';
import { openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('suggestion-mode');
const title = 'Violence against women migrant workers';

// The centre of the first occurrence of `word` in the first operative paragraph, on screen.
async function wordCentre(page: Page, word: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((w) => {
    const op = document.querySelector('.ph-document .ph-op');
    if (!op) return null;
    const walker = document.createTreeWalker(op, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, word);
  if (!point) throw new Error(`"${word}" is not in the first operative paragraph`);
  return point;
}

const twoFrames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describe('suggestion mode in Chromium', { timeout: 300_000 }, () => {
  it('as a delegation, a typed word is one bracket tagged with it and Delete on a word proposes its deletion', async () => {
    const api = await connectWebSocketApi(`ws://127.0.0.1:${env.shell.port}/api?token=${env.shell.token}`, { WebSocket: NodeWebSocket });
    await api.invoke('profile.set', { name: 'Ana Pereira', delegation: 'CAN' });
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt'));
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) }).click();
    await page.locator('.ph-document .ph-op').first().waitFor();

    // OP1 "Welcomes the report of the Secretary-General;" has no brackets: type a word before "report".
    const op1 = page.locator('.ph-document .ph-op').first();
    const mine = page.locator('.ph-document span.ph-bracket[data-proposed-by="CAN"]');
    await op1.scrollIntoViewIfNeeded();
    const report = await wordCentre(page, 'report');
    await page.mouse.dblclick(report.x, report.y);
    await page.keyboard.press('ArrowLeft');
    await twoFrames(page);
    // Suggestion mode on from the keyboard (the toggle also sits in the document bar's menus).
    await page.keyboard.press('Control+Alt+s');
    const toggle = page.getByRole('button', { name: 'Suggesting as CAN' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.type('annual ', { delay: 40 });
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.first().textContent()).toBe('annual ');
    expect(await op1.textContent()).toContain('Welcomes the annual report of the Secretary-General;');
    await screenshot(page, 'suggestion-insertion');

    // Select "report" and press Delete: a deletion proposal, the word still there, struck through.
    await page.waitForTimeout(1200);
    const again = await wordCentre(page, 'report');
    await page.mouse.dblclick(again.x, again.y);
    await twoFrames(page);
    await page.keyboard.press('Delete');
    const deletion = page.locator('.ph-document span.ph-bracket.ph-bracket-deletion[data-proposed-by="CAN"]');
    await expect.poll(() => deletion.count()).toBe(1);
    expect((await deletion.first().textContent())?.trim()).toBe('report');
    expect(await deletion.first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
    expect(await op1.textContent()).toContain('annual report of the Secretary-General');
    await screenshot(page, 'suggestion-deletion');

    // What only the facilitator does (moving a paragraph) is refused with a notice.
    await page.waitForTimeout(1200);
    const order = await page.locator('.ph-document .ph-op').allTextContents();
    await page.keyboard.press('Alt+ArrowDown');
    const notice = page.locator('.suggestion-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('As a delegation you can propose; the facilitator agrees.');
    expect(await deletion.count()).toBe(1);
    expect(await page.locator('.ph-document .ph-op').allTextContents()).toEqual(order);
    await screenshot(page, 'suggestion-notice');

    // Each proposal is its own undo step: undo takes back the deletion proposal only.
    await page.keyboard.press('Control+z');
    await expect.poll(() => deletion.count()).toBe(0);
    expect(await mine.count()).toBe(1);

    // Cut copies and proposes the deletion; Enter proposes a new paragraph, typed into as CAN's.
    await page.waitForTimeout(1200);
    const secretary = await wordCentre(page, 'Secretary');
    await page.mouse.dblclick(secretary.x, secretary.y);
    await twoFrames(page);
    await page.keyboard.press('Control+x');
    await expect.poll(() => deletion.count()).toBe(1);
    expect((await deletion.first().textContent())?.trim()).toBe('Secretary');
    const opsBefore = await page.locator('.ph-document .ph-op').count();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await twoFrames(page);
    await page.keyboard.type('Requests a report.', { delay: 20 });
    await expect.poll(() => page.locator('.ph-document .ph-op').count()).toBe(opsBefore + 1);
    const proposed = page.locator('.ph-document .ph-op').nth(1);
    expect(await proposed.locator('.ph-text').textContent()).toBe('[Requests a report.] (CAN)');
    await screenshot(page, 'suggestion-paragraph');

    // Saved in the document as proposals of CAN.
    const doc = (await api.invoke('documents.list', {})).find((d) => d.title === title);
    expect(doc).toBeDefined();
    expect(errors).toEqual([]);
  });
});
