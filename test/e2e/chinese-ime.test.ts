import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { caretToDocumentEnd, openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('chinese-ime');
const title = '扩大联合国难民事务高级专员方案执行委员会';

// What a pinyin input method does while a word is composed: the marked text grows key by key.
async function compose(cdp: CDPSession, page: Page, keys: string): Promise<void> {
  for (let i = 1; i <= keys.length; i++) {
    const partial = keys.slice(0, i);
    await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
    await page.waitForTimeout(30);
  }
}

// A key the input method takes while composing: the page gets its keydown marked as composing
// (keyCode 229, as Chromium reports a key an input method consumed), and no character of its own.
async function keyToInputMethod(cdp: CDPSession, key: 'Enter' | 'Tab' | ' ', code: string): Promise<void> {
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
}

const labels = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.getAttribute('data-label')));
const texts = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.textContent ?? ''));

describe('typing a Chinese resolution through an input method, in Chromium', { timeout: 180_000 }, () => {
  it('composes words without structure commands firing mid-composition; Enter and Tab work once a word is committed', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    // Keydowns as the page sees them, to check the input method's keys really arrived marked as composing.
    await page.evaluate(() => {
      const seen: { key: string; composing: boolean }[] = [];
      (window as unknown as { __keys: typeof seen }).__keys = seen;
      document.addEventListener('keydown', (e) => seen.push({ key: e.key, composing: e.isComposing || e.keyCode === 229 }), true);
    });
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/import/languages/zh.txt'));
    const result = page.getByRole('status', { name: 'Import result' });
    await result.waitFor();
    await result.getByRole('button', { name: new RegExp(title) }).click();
    const doc = page.locator('.ph-document');
    await doc.locator('.ph-op').nth(1).waitFor();
    expect(await doc.getAttribute('lang')).toBe('zh');
    expect(await doc.getAttribute('dir')).toBe('ltr');
    expect(await labels(page, '.ph-op')).toEqual(['1.', '2.']);
    expect(await doc.locator('.ph-un').textContent()).toBe('联合国');

    await caretToDocumentEnd(page, doc.locator('.ph-op').first().locator('.ph-text'));
    await page.keyboard.press('Enter');
    await expect.poll(() => labels(page, '.ph-op')).toEqual(['1.', '2.', '3.']);
    expect((await texts(page, '.ph-op > .ph-text'))[2]).toBe('');
    const cdp = await page.context().newCDPSession(page);
    await page.evaluate('window.__keys.length = 0');

    // An opener composed at the start of the new OP; Enter and Tab go to the input method (choosing
    // a candidate, moving in its list): the paragraph is neither split nor made a subparagraph.
    await compose(cdp, page, 'jueding');
    await keyToInputMethod(cdp, 'Tab', 'Tab');
    await keyToInputMethod(cdp, 'Enter', 'Enter');
    expect(await labels(page, '.ph-op')).toEqual(['1.', '2.', '3.']);
    expect(await page.locator('.ph-sub').count()).toBe(0);
    await cdp.send('Input.insertText', { text: '决定' });
    await compose(cdp, page, 'zaidishiwujie');
    await keyToInputMethod(cdp, 'Enter', 'Enter');
    await cdp.send('Input.insertText', { text: '在第七十五届' });
    await compose(cdp, page, 'huiyi');
    await keyToInputMethod(cdp, ' ', 'Space');
    await cdp.send('Input.insertText', { text: '会议' });
    // A composition that starts and is then committed as typed, as when Enter takes the letters.
    await compose(cdp, page, 'shang');
    await keyToInputMethod(cdp, 'Enter', 'Enter');
    await cdp.send('Input.insertText', { text: '上审议该问题：' });
    await expect.poll(() => texts(page, '.ph-op > .ph-text')).toHaveLength(3);
    expect((await texts(page, '.ph-op > .ph-text'))[2]).toBe('决定在第七十五届会议上审议该问题：');
    expect(await labels(page, '.ph-op')).toEqual(['1.', '2.', '3.']);
    const keys = (await page.evaluate('window.__keys')) as { key: string; composing: boolean }[];
    expect(keys.filter((k) => k.key === 'Enter' || k.key === 'Tab').every((k) => k.composing)).toBe(true);
    expect(keys.filter((k) => k.key === 'Enter').length).toBeGreaterThanOrEqual(3);

    // Once the word is committed, the structure keys work: Enter makes OP 4, Tab makes it (a).
    // (An opener completion list, if one opened a frame later, is closed first: it takes Enter and Tab.)
    const closeCompletion = async () => {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      if (await page.locator('.ph-completion:not([hidden])').count()) await page.keyboard.press('Escape');
    };
    await closeCompletion();
    await page.keyboard.press('Enter');
    await closeCompletion();
    await page.keyboard.press('Tab');
    await compose(cdp, page, 'renquan');
    await cdp.send('Input.insertText', { text: '人权问题；' });
    await closeCompletion();
    await page.keyboard.press('Enter');
    await compose(cdp, page, 'nanmin');
    await keyToInputMethod(cdp, 'Enter', 'Enter');
    await cdp.send('Input.insertText', { text: '难民问题。' });
    await expect.poll(() => labels(page, '.ph-sub')).toEqual(['(a)', '(b)']);
    expect(await texts(page, '.ph-sub > .ph-text')).toEqual(['人权问题；', '难民问题。']);
    expect(await labels(page, '.ph-op')).toEqual(['1.', '2.', '3.']);
    expect(await doc.locator('.ph-op').nth(2).locator('.ph-sub').count()).toBe(2);
    // Nothing of the composition's letters is left behind anywhere in the text.
    expect((await texts(page, '.ph-operative .ph-text')).join('')).not.toMatch(/[a-z]/);
    await page.mouse.move(5, 5);
    await screenshot(page, 'chinese-ime-typed');
    expect(errors).toEqual([]);
  });
});
