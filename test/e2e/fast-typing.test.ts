import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('fast-typing');

async function newBlankResolution(page: Page): Promise<void> {
  await page.getByRole('toolbar', { name: 'Start a document' }).getByRole('button', { name: 'New from template' }).click();
  await page.getByRole('dialog', { name: 'New from template' }).locator('[data-template-id="blank-resolution"]').click();
  await page.locator('.ph-document .ph-title.ph-empty').waitFor();
  await page.locator('.ph-document.ProseMirror-focused').waitFor();
}

// Enter and the next key sent together over CDP, so the browser handles both before it
// renders a frame: the case a fast typist hits now and then, made certain.
async function enterThenKey(page: Page, key: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const code = `Key${key.toUpperCase()}`;
  const vk = key.toUpperCase().charCodeAt(0);
  await Promise.all([
    cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', unmodifiedText: '\r' }),
    cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 }),
    cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code, windowsVirtualKeyCode: vk, text: key, unmodifiedText: key }),
    cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: vk }),
  ]);
  await cdp.detach();
}

const texts = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.textContent ?? ''));

// A delegate typing at full speed: nothing waits between an Enter and the next paragraph's
// first character. Chromium decides whether a new `content-visibility: auto` paragraph is
// on screen only at its next frame; a character typed before then used to leave the caret
// before itself, so the rest of the paragraph landed in front of its first letter
// ("nvites donors number 7;" with the "I" carried on to the end of the document). Once a
// paragraph goes wrong, every later one is created non-empty, so the whole run counts.
describe('fast typing in Chromium', { timeout: 240_000 }, () => {
  it('keeps every character of paragraphs typed right after Enter in order', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await newBlankResolution(page);
    await page.keyboard.type('Fast typing');
    await page.keyboard.press('Enter');
    const pps = ['Recalling its resolution 70/1,', 'Affirming the role of legal aid,', 'Noting the report,'];
    for (const text of pps) {
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.press('Enter'); // the empty fourth PP: on to the operative part
    const ops: string[] = [];
    for (let i = 1; i <= 30; i++) {
      const text = `${['Invites', 'Affirms', 'Requests'][i % 3]} donors number ${i};`;
      ops.push(text);
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    }
    ops.push('Decides to remain seized of the matter.');
    await page.keyboard.type(ops[ops.length - 1]!);
    expect(await texts(page, '.ph-pp > .ph-text')).toEqual(pps);
    expect(await texts(page, '.ph-op > .ph-text')).toEqual(ops);
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the first character in place when it arrives in the same frame as the Enter', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await newBlankResolution(page);
    await page.keyboard.type('Same frame');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Recalling its resolution 70/1,');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const ops = Array.from({ length: 8 }, (_, i) => `Invites donors number ${i + 1};`);
    await page.keyboard.type(ops[0]!);
    for (const text of ops.slice(1)) {
      await enterThenKey(page, text.charAt(0));
      await page.keyboard.type(text.slice(1));
    }
    expect(await texts(page, '.ph-op > .ph-text')).toEqual(ops);
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
