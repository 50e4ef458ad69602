import path from 'node:path';
import { WebSocket as NodeWebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { connectWebSocketApi } from '../../renderer/api/ws-client.js';
import { openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('suggestion-ime');
const title = 'Violence against women migrant workers';

describe('suggestion mode with an input method, in Chromium', { timeout: 300_000 }, () => {
  it('text composed with an input method outside own proposals ends in one bracket of the delegation, with nothing left behind', async () => {
    const api = await connectWebSocketApi(`ws://127.0.0.1:${env.shell.port}/api?token=${env.shell.token}`, { WebSocket: NodeWebSocket });
    await api.invoke('profile.set', { name: 'Li Wei', delegation: 'CHN' });
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt'));
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) }).click();
    await page.locator('.ph-document .ph-op').first().waitFor();
    const op1 = page.locator('.ph-document .ph-op').first();
    await op1.scrollIntoViewIfNeeded();
    const point = await op1.evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n.textContent ?? '').indexOf('report');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + 1);
        const r = range.getBoundingClientRect();
        return { x: r.left + 1, y: r.top + r.height / 2 };
      }
      throw new Error('no report');
    });
    await page.mouse.click(point.x, point.y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.keyboard.press('Control+Alt+s');
    await page.getByRole('button', { name: 'Suggesting as CHN' }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    for (const partial of ['n', 'ni', 'nia', 'nian']) {
      await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
      await page.waitForTimeout(80);
    }
    await cdp.send('Input.insertText', { text: '年度' });
    await page.waitForTimeout(500);
    const mine = page.locator('.ph-document span.ph-bracket[data-proposed-by="CHN"]');
    await expect.poll(() => mine.first().textContent()).toBe('年度');
    // A second composition right after it continues the same bracket.
    for (const partial of ['b', 'ba', 'bao']) {
      await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
      await page.waitForTimeout(80);
    }
    await cdp.send('Input.insertText', { text: '报告' });
    await expect.poll(() => mine.first().textContent()).toBe('年度报告');
    expect(await mine.count()).toBe(1);
    expect(await op1.textContent()).toContain('Welcomes the 年度报告report of the Secretary-General;');
    await screenshot(page, 'suggestion-ime');
    expect(errors).toEqual([]);
  });
});
