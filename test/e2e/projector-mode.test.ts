import path from 'node:path';
import { WebSocket as NodeWebSocket } from 'ws';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { connectWebSocketApi } from '../../renderer/api/ws-client.js';
import { setParagraphStatus } from '../../shared/negotiation/paragraph-ops.js';
import { replicaOf } from '../electron/backend/edits.js';
import { act, paragraphPos } from '../electron/backend/negotiation-edits.js';
import { chooseInBar } from './bar-menu.js';
import { openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

/**
 * Issue 17, point 1's two added modes in Chromium at 1366x768: the focus mode shows the page
 * alone (every panel and bar hidden, a text column of at least 560 px) and Esc brings the
 * layout back as it was; the projector mode shows the compilation with statuses in words, in
 * type larger than the editor's, without chrome, and highlights the paragraph holding the
 * editor's cursor as the facilitator moves it with the keys.
 */
const env = useWebShell('projector-mode');
const title = 'Violence against women migrant workers';

// What of the chrome is shown: the document bar, the command strip, the panels and rails.
const chrome = ['.top-bar', '.sidebar', '.document-bar', '.command-strip', '.outline-panel', '.side-panels', '.problems-panel', '.panel-rail', '.warnings-rail'];
async function visibleChrome(page: Page): Promise<string[]> {
  const shown: string[] = [];
  for (const selector of chrome) {
    const all = page.locator(selector);
    for (let i = 0; i < (await all.count()); i++) if (await all.nth(i).isVisible()) shown.push(selector);
  }
  return shown;
}

// The geometry of every shown part of the layout, to compare before and after a mode (inside
// the page's scroller without the height on screen: the cursor moved while projecting scrolls it).
const layoutOf = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.document-view *')]
      .filter((el) => el instanceof HTMLElement && el.offsetParent !== null && !el.closest('.ph-document'))
      .map((el) => {
        const r = el.getBoundingClientRect();
        const y = el.closest('.page-scroll') && !el.classList.contains('page-scroll') ? '' : Math.round(r.y);
        return `${el.tagName}.${el.className}:${Math.round(r.x)},${y},${Math.round(r.width)},${Math.round(r.height)}`;
      })
      .join('\n'),
  );

describe('focus and projector modes at 1366x768 in Chromium', { timeout: 300_000 }, () => {
  it('shows the page alone, then the compilation projected following the cursor, and restores the layout', async () => {
    const api = await connectWebSocketApi(`ws://127.0.0.1:${env.shell.port}/api?token=${env.shell.token}`, { WebSocket: NodeWebSocket });
    await api.invoke('profile.set', { name: 'Jane Doe', delegation: 'CHE' });
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt'));
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    const doc = (await api.invoke('documents.list', {})).find((d) => d.title === title);
    if (!doc) throw new Error('the import did not create the document');
    const id = doc.id;
    const replica = replicaOf((await api.invoke('documents.open', { id })).state);
    await act(
      (update) => api.invoke('documents.applyUpdate', { id, update }),
      replica,
      (s) => setParagraphStatus(s, paragraphPos(s.doc, 'Welcomes'), { state: 'agreed', by: 'Facilitator (Jane Doe)', at: '2026-12-07T10:00:00.000Z' }),
    );
    api.close();

    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) }).click();
    const editor = page.locator('.page-editor .ph-document');
    await editor.locator('.ph-op').first().waitFor();
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    if (await dismiss.isVisible()) await dismiss.click();
    await editor.locator('.ph-op').first().click();
    const before = await layoutOf(page);
    expect(await visibleChrome(page)).toEqual(expect.arrayContaining(['.top-bar', '.sidebar', '.document-bar', '.command-strip']));

    // Focus mode by its key: nothing but the page, a text column of 560 px or more.
    await page.keyboard.press('Control+Shift+F');
    await expect.poll(() => visibleChrome(page)).toEqual([]);
    const column = await editor.boundingBox();
    if (!column) throw new Error('the text is not laid out');
    expect(column.width).toBeGreaterThanOrEqual(560);
    // The page's scroller fills the window: nothing above it, nothing beside it.
    const scroller = await page.locator('.page-scroll').boundingBox();
    expect(scroller).toEqual({ x: 0, y: 0, width: 1366, height: 768 });
    await screenshot(page, 'focus-mode-1366');
    await page.keyboard.press('Escape');
    await expect.poll(() => layoutOf(page)).toBe(before);

    // Projector mode from the View menu: the compilation, its statuses in words, large type, no chrome.
    await chooseInBar(page, 'View', 'Projector mode');
    const projector = page.getByRole('region', { name: 'Projector' });
    const projected = projector.locator('.ph-document');
    await projected.locator('.ph-op').first().waitFor();
    expect(await projected.locator('.ph-op').first().locator(':scope > .ph-view-status').textContent()).toBe('Agreed');
    expect(await visibleChrome(page)).toEqual([]);
    const size = (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const projectedSize = await size('.projector-view .ph-op');
    const editorSize = await size('.page-editor .ph-op');
    expect(projectedSize).toBeGreaterThanOrEqual(editorSize * 1.5);

    // The cursor is in OP 1 (clicked above): that paragraph is highlighted; the keys move it on.
    const caretId = () => page.locator('.page-editor .ph-caret').first().getAttribute('data-id');
    const highlighted = () => projector.getAttribute('data-current');
    const firstId = await caretId();
    expect(firstId).toBeTruthy();
    await expect.poll(highlighted).toBe(firstId);
    const background = (pid: string | null) => projected.locator(`[data-id="${pid}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background(firstId)).toBe('rgb(255, 244, 194)');
    for (let i = 0; i < 12 && (await caretId()) === firstId; i++) await page.keyboard.press('ArrowDown');
    const nextId = await caretId();
    expect(nextId).not.toBe(firstId);
    await expect.poll(highlighted).toBe(nextId);
    expect(await background(nextId)).toBe('rgb(255, 244, 194)');
    expect(await background(firstId)).not.toBe('rgb(255, 244, 194)');
    await screenshot(page, 'projector-mode-1366');

    await page.keyboard.press('Escape');
    expect(await projector.count()).toBe(0);
    // The cursor back where it was (the toolbar offers per-paragraph tools), the layout is as before.
    await editor.locator('.ph-op').first().click();
    await expect.poll(() => layoutOf(page)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
