import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('negotiation');
const title = 'Violence against women migrant workers';

describe('facilitator actions in the editor, in Chromium', { timeout: 300_000 }, () => {
  it('draws brackets with literal [ ] and tags, brackets a word from the keyboard, agrees it, and undo brings it back', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt'));
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) }).click();
    await page.locator('.ph-document .ph-op').first().waitFor();
    const brackets = page.locator('.ph-document span.ph-bracket');
    const before = await brackets.count();
    expect(before).toBeGreaterThan(0);
    const opening = await brackets.first().evaluate((el) => getComputedStyle(el, '::before').content);
    expect(opening).toBe('"["');
    await screenshot(page, 'negotiation-brackets');

    // A word of the last operative paragraph, selected by double click, bracketed from the keyboard.
    const op = page.locator('.ph-document .ph-op').last();
    const box = await op.boundingBox();
    if (!box) throw new Error('no operative paragraph on screen');
    await op.scrollIntoViewIfNeeded();
    await op.dblclick({ position: { x: Math.min(200, box.width / 2), y: 8 } });
    await page.keyboard.press('Control+Alt+b');
    await expect.poll(() => brackets.count()).toBe(before + 1);
    // Agreed at once, and undone at once: Yjs's undo manager joins changes less than 500 ms
    // apart (right for typing), but each decision is its own step, so Ctrl+Z undoes the
    // agreement and the bracket is back.
    await page.keyboard.press('Control+Alt+a');
    await expect.poll(() => brackets.count()).toBe(before);
    await page.keyboard.press('Control+z');
    await expect.poll(() => brackets.count()).toBe(before + 1);
    await screenshot(page, 'negotiation-bracketed');
    await page.keyboard.press('Control+z');
    await expect.poll(() => brackets.count()).toBe(before);
    expect(errors).toEqual([]);
  });
});
