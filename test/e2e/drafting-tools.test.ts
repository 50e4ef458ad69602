import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './browser.js';
import { createFromTemplate, useWebShell } from './web-shell-fixture.js';

const env = useWebShell('tools');

const attrs = (page: Page, selector: string, name: string) =>
  page.locator(selector).evaluateAll((els, attr) => els.map((el) => el.getAttribute(attr)), name);

// The cursor at the end of the text of the `index`th operative paragraph, via the outline
// (opened from its rail where the layout keeps it there, as at 1280 px).
async function toEndOfOp(page: Page, index: number): Promise<void> {
  const outline = page.getByRole('navigation', { name: 'Outline' });
  if (!(await outline.isVisible())) await page.getByRole('button', { name: 'Outline', exact: true }).click();
  await outline.getByRole('button', { name: new RegExp(`^OP ${index}:`) }).click();
  // End only reaches the end of a visual line: place the caret in the DOM as a click would.
  await page.locator('.ph-document .ph-op').nth(index - 1).locator('> .ph-text').evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  });
  await page.waitForTimeout(50);
}

const caretOpId = (page: Page) => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('.ph-op')?.getAttribute('data-id'));

// Generous: each test loads the renderer through Vite's dev server, module by module.
describe('toolbar, footnote pane and cross-references in Chromium', { timeout: 120_000 }, () => {
  it('runs structure commands from the toolbar, with arrow keys between its buttons', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await createFromTemplate(page, 'Toolbar under test');
    const toolbar = page.getByRole('toolbar', { name: 'Editing' });
    await toEndOfOp(page, 1);
    const outdent = toolbar.getByRole('button', { name: 'Back one level' });
    await expect.poll(() => outdent.getAttribute('aria-disabled')).toBe('true');
    expect(await toolbar.getByRole('button', { name: 'Insert footnote' }).getAttribute('title')).toMatch(/^Insert footnote \((Ctrl|⌘)\+Alt\+F\)$/);
    expect(await toolbar.getByRole('button', { name: 'Move paragraph down' }).getAttribute('aria-disabled')).toBe('false');
    await screenshot(page, 'tools-toolbar');

    const opIds = await attrs(page, '.ph-document .ph-op', 'data-id');
    await toolbar.getByRole('button', { name: 'New operative paragraph' }).click();
    await expect.poll(() => page.locator('.ph-document .ph-op').count()).toBe(opIds.length + 1);
    await page.keyboard.type('Welcomes the toolbar');
    expect(await page.locator('.ph-document .ph-op').nth(1).locator('.ph-text').textContent()).toBe('Welcomes the toolbar');
    await toolbar.getByRole('button', { name: 'Make subparagraph (a) / (i)' }).click();
    await page.locator('.ph-document .ph-op').first().locator('.ph-sub', { hasText: 'Welcomes the toolbar' }).waitFor();
    await expect.poll(() => outdent.getAttribute('aria-disabled')).toBe('false');
    await outdent.click();
    await page.locator('.ph-document .ph-op[data-label="2."] > .ph-text', { hasText: 'Welcomes the toolbar' }).waitFor();
    // The commands keep the focus in the text: typing goes on where it was.
    await page.keyboard.type('!');
    await page.waitForTimeout(600);
    expect(await page.locator('.ph-document .ph-op').nth(1).locator('.ph-text').textContent()).toBe('Welcomes the toolbar!');

    await toolbar.getByRole('button', { name: 'Move to the preamble' }).click();
    await page.locator('.ph-document .ph-pp > .ph-text', { hasText: 'Welcomes the toolbar!' }).waitFor();
    expect(await page.locator('.ph-document .ph-op').count()).toBe(opIds.length);
    await page.waitForTimeout(600);
    await toolbar.getByRole('button', { name: 'Undo' }).click();
    await page.locator('.ph-document .ph-op > .ph-text', { hasText: 'Welcomes the toolbar!' }).waitFor();

    // One Tab stop; arrows move along the buttons.
    await toolbar.getByRole('button', { name: 'Undo' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Redo');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Quick fix');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Undo');
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('writes footnote text in the footnote pane, through the editor, and renumbers footnotes', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await createFromTemplate(page, 'Footnotes under test');
    const foot = page.getByRole('region', { name: 'Footnotes' });
    // The template's own footnotes all come before OP 1.
    const before = await foot.getByRole('listitem').allTextContents();
    const n = before.length;
    await toEndOfOp(page, 2);
    await page.keyboard.press('Control+Alt+f');
    const field = page.getByRole('textbox', { name: `Text of footnote ${n + 1}` });
    await field.waitFor();
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('See A/78/100.');
    await screenshot(page, 'tools-footnote-pane');
    await page.keyboard.press('Enter');
    await field.waitFor({ state: 'detached' });
    await page.keyboard.type(' More');
    expect(await page.locator('.ph-document .ph-op').nth(1).locator('> .ph-text').textContent()).toMatch(/ More$/);
    expect(await foot.getByRole('listitem').allTextContents()).toEqual([...before, 'See A/78/100.']);
    expect(await page.locator('.ph-document sup.ph-footnote').nth(n).getAttribute('title')).toBe('See A/78/100.');

    // A footnote before it takes its number; it moves one on.
    await toEndOfOp(page, 1);
    await page.keyboard.press('Control+Alt+f');
    await page.getByRole('textbox', { name: `Text of footnote ${n + 1}` }).waitFor();
    await page.keyboard.type('First by place.');
    await page.keyboard.press('Escape');
    expect(await foot.getByRole('listitem').allTextContents()).toEqual([...before, 'First by place.', 'See A/78/100.']);
    expect(await attrs(page, '.ph-document sup.ph-footnote', 'data-label')).toEqual(Array.from({ length: n + 2 }, (_, i) => String(i + 1)));

    // Clicking a marker opens its text; an edit there is one undo step in the editor.
    await page.waitForTimeout(600);
    await page.locator('.ph-document sup.ph-footnote').nth(n + 1).click();
    await page.getByRole('textbox', { name: `Text of footnote ${n + 2}` }).waitFor();
    await page.keyboard.type(' Para. 4.');
    await page.keyboard.press('Escape');
    expect(await foot.getByRole('listitem').nth(n + 1).textContent()).toBe('See A/78/100. Para. 4.');
    await page.waitForTimeout(600);
    await page.keyboard.press('Control+z');
    await expect.poll(() => foot.getByRole('listitem').nth(n + 1).textContent()).toBe('See A/78/100.');
    // Clicking the footnote at the foot opens it too.
    await foot.getByRole('button', { name: new RegExp(`^Edit footnote ${n + 1}:`) }).click();
    await page.getByRole('textbox', { name: `Text of footnote ${n + 1}` }).waitFor();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('inserts a cross-reference picked from a searchable list; its number follows the paragraph and a deleted target shows as broken', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await createFromTemplate(page, 'References under test');
    const opIds = await attrs(page, '.ph-document .ph-op', 'data-id');
    const secondWords = ((await page.locator('.ph-document .ph-op').nth(1).locator('> .ph-text').textContent()) ?? '').split(/\s+/).slice(0, 2).join(' ');
    await toEndOfOp(page, opIds.length);
    await page.keyboard.type(' See');
    await page.keyboard.press('Control+Alt+r');
    const picker = page.getByRole('dialog', { name: 'Insert cross-reference' });
    await picker.waitFor();
    await page.keyboard.type(`OP 2 ${secondWords}`);
    await expect.poll(() => picker.getByRole('option').count()).toBe(1);
    await screenshot(page, 'tools-cross-reference-picker');
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'hidden' });
    // The template has references of its own: this one is in the last OP.
    const xref = page.locator('.ph-document .ph-op').last().locator('.ph-xref');
    expect(await xref.getAttribute('data-target')).toBe(opIds[1]);
    expect(await xref.getAttribute('data-label')).toBe('2');
    expect(await page.locator('.ph-document .ph-op').last().locator('.ph-text').textContent()).toMatch(/ See paragraph $/);
    await page.keyboard.type(' above.');

    // The target moves down: the reference reads its new number.
    await toEndOfOp(page, 2);
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => xref.getAttribute('data-label')).toBe('3');
    expect(await caretOpId(page)).toBe(opIds[1]);

    // The target is deleted (emptied, then joined away): the reference shows as broken and is reported.
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect.poll(() => xref.getAttribute('class')).toContain('ph-xref-broken');
    const problems = page.getByRole('complementary', { name: 'Style problems' });
    await expect.poll(async () => (await problems.textContent()) ?? '').toContain('points to a paragraph that was deleted');
    await screenshot(page, 'tools-cross-reference-broken');
    expect(errors).toEqual([]);
    await page.close();
  });
});
