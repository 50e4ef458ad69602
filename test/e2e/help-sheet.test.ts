import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './browser.js';
import { createFromTemplate, useWebShell } from './web-shell-fixture.js';

const env = useWebShell('help-sheet');

const roles = ['Draft a resolution', 'Negotiate the text', 'Host a consultation', 'Join a consultation'];

// The sheet's scroll offset and where its title and first how-to sit in the window.
const placement = (page: Page) =>
  page.locator('dialog.help-sheet').evaluate((el) => ({
    scrollTop: el.scrollTop,
    scrollable: el.scrollHeight > el.clientHeight,
    titleTop: el.querySelector('h2')?.getBoundingClientRect().top ?? -1,
    firstStepBottom: el.querySelector('.help-how-to li')?.getBoundingClientRect().bottom ?? Infinity,
    focused: document.activeElement?.id ?? '',
  }));

describe('help sheet in Chromium at 1366x768', { timeout: 120_000 }, () => {
  it('opens on F1 at the top with a how-to per role and keys in Windows/Linux words, every time', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.setViewportSize({ width: 1366, height: 768 });
    await createFromTemplate(page, 'Help under test');
    await page.locator('.ph-document .ph-op').first().click();

    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Help and keyboard shortcuts' });
    await help.waitFor();
    expect(await help.locator('.help-how-to h3').allTextContents()).toEqual(roles);
    for (const role of roles) expect(await help.getByRole('region', { name: role }).locator('li').count()).toBeGreaterThanOrEqual(3);
    const first = await placement(page);
    // The sheet is longer than the window, and it is shown from its title, not from Close.
    expect(first.scrollable).toBe(true);
    expect(first.scrollTop).toBe(0);
    expect(first.focused).toBe('help-sheet-title');
    expect(first.titleTop).toBeGreaterThanOrEqual(0);
    expect(first.firstStepBottom).toBeLessThanOrEqual(768);
    await screenshot(page, 'help-sheet-1366x768');

    const text = (await help.textContent()) ?? '';
    expect(text).not.toContain('Mod-');
    expect(text).not.toContain('Mod+');
    expect(text).not.toMatch(/[⌘⌥]/);
    for (const keys of ['Ctrl+Alt+2', 'Ctrl+Alt+S', 'Ctrl+Alt+B', 'Ctrl+.', 'Alt+↑', 'Ctrl+P']) expect(text).toContain(keys);
    expect(await help.getByRole('region', { name: 'Negotiate the text' }).textContent()).toContain('(Ctrl+Alt+S)');

    // Read down to Close, shut it, open it again: it is back at the top.
    await help.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    expect((await placement(page)).scrollTop).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await page.keyboard.press('F1');
    await help.waitFor();
    expect((await placement(page)).scrollTop).toBe(0);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('writes the keys as macOS does (⌥⌘2) when the platform is a Mac', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }));
    await page.goto(env.shell.url);
    await createFromTemplate(page, 'Help on a Mac');
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Help and keyboard shortcuts' });
    await help.waitFor();
    const text = (await help.textContent()) ?? '';
    expect(text).not.toContain('Mod-');
    expect(text).not.toContain('Ctrl+');
    for (const keys of ['⌥⌘2', '⌥⌘S', '⌘.', '⌥↑', '⌘P', '⇧Tab']) expect(text).toContain(keys);
    await screenshot(page, 'help-sheet-1366x768-mac');
    await page.close();
  });
});
