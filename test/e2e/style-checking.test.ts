import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, placeCaret, screenshot } from './browser.js';
import { createFromTemplate, useWebShell } from './web-shell-fixture.js';

const env = useWebShell('style');

const opText = (page: Page, index: number) => page.locator('.ph-op > .ph-text').nth(index);

describe('style checking and openers in Chromium', { timeout: 120_000 }, () => {
  it('underlines a broken final punctuation, lists it, and fixes it with the button and with Mod-.', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await createFromTemplate(page, 'Style checking at work');
    const panel = page.getByRole('complementary', { name: 'Style problems' });
    await panel.getByText('No style problems.').waitFor();

    const first = opText(page, 0);
    await placeCaret(first);
    await page.keyboard.press('Backspace');
    await page.keyboard.type(',');
    const underline = page.locator('.ph-op .ph-problem').first();
    await underline.waitFor();
    expect(await underline.textContent()).toBe(',');
    expect(await underline.getAttribute('title')).toMatch(/^OP 1: ends with "," where a semicolon is expected/);
    expect(await underline.evaluate((el) => getComputedStyle(el).textDecorationStyle)).toBe('wavy');
    const item = panel.getByRole('listitem');
    expect(await item.count()).toBe(1);
    expect(await item.locator('.problem-path').textContent()).toBe('OP 1');
    await screenshot(page, 'style-problem-shown');

    await panel.getByRole('button', { name: 'Replace "," with ";" (OP 1)' }).click();
    await panel.getByText('No style problems.').waitFor();
    expect(await first.textContent()).toBe('Takes note of the report of the Secretary-General;');
    expect(await page.locator('.ph-problem').count()).toBe(0);
    // The fix is one undo step of its own: undo brings back exactly the typed comma.
    await page.keyboard.press('Control+z');
    await panel.getByRole('listitem').waitFor();
    expect(await first.textContent()).toBe('Takes note of the report of the Secretary-General,');
    await page.keyboard.press('Control+y');
    await panel.getByText('No style problems.').waitFor();

    await placeCaret(first);
    await page.keyboard.press('Backspace');
    await page.keyboard.type('.');
    await page.locator('.ph-op .ph-problem').first().waitFor();
    await page.keyboard.press('Control+Period');
    await panel.getByText('No style problems.').waitFor();
    expect(await first.textContent()).toBe('Takes note of the report of the Secretary-General;');

    // A click in the panel selects the problem's text in the editor.
    await placeCaret(first);
    await page.keyboard.press('Backspace');
    await panel.getByRole('button', { name: /^OP 1/ }).click();
    const selected = await page.evaluate(() => window.getSelection()?.toString());
    expect(selected).toBe('l');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('completes a new operative opener from the phrase lists, offering "Also requests" first', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await createFromTemplate(page, 'Completing openers');
    await placeCaret(opText(page, 3));
    await page.keyboard.press('Enter');
    await page.locator('.ph-op').nth(5).waitFor();
    const fresh = opText(page, 4);
    await page.keyboard.type('Req');
    const list = page.getByRole('listbox', { name: 'Opening phrases' });
    await list.waitFor();
    const options = list.getByRole('option');
    expect(await options.allTextContents()).toEqual(['Also requests', 'Requests']);
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await screenshot(page, 'style-opener-completion');
    await page.keyboard.press('ArrowDown');
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await list.waitFor({ state: 'hidden' });
    await page.keyboard.type('the Secretary-General to report to the General Assembly;');
    expect(await fresh.textContent()).toBe('Also requests the Secretary-General to report to the General Assembly;');
    expect(await fresh.locator('.ph-opener').allTextContents()).toEqual(['Also requests']);
    expect(await page.locator('.ph-op').nth(4).getAttribute('data-label')).toBe('5.');

    // Typed by hand, an opener is marked as soon as it matches; Escape dismisses the list.
    const third = opText(page, 2);
    await placeCaret(third, true);
    await page.keyboard.type('Urg');
    await list.waitFor();
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
    await page.keyboard.type('es all States to act;');
    expect(await third.locator('.ph-opener').allTextContents()).toEqual(['Urges']);
    await screenshot(page, 'style-opener-typed');
    expect(await page.getByRole('complementary', { name: 'Style problems' }).getByText('No style problems.').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
