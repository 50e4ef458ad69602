import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './browser.js';
import { openGaCompilation, pauseForUndo, selectInParagraph } from './ga-compilation.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('negotiation-toolbar');
const phrase = 'the report of the Secretary-General';
const alternative = 'the reports of the Secretary-General and the Special Rapporteur';

const op1Text = (page: Page) => page.locator('.ph-document .ph-op').first().innerText();
const editorHasFocus = (page: Page) => page.evaluate(() => document.activeElement?.closest('.ph-document') !== null);

describe('the negotiation toolbar, in Chromium', { timeout: 300_000 }, () => {
  it('brackets, adds an alternative, attributes it to EU and CAN, chooses it; each step undoes on its own', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await openGaCompilation(page);
    const toolbar = page.getByRole('toolbar', { name: 'Negotiation' });
    const brackets = page.locator('.ph-document span.ph-bracket');
    const before = await brackets.count();
    const original = await op1Text(page);
    const height = async () => (await toolbar.boundingBox())?.height ?? 0;
    const rowHeight = await height();

    await selectInParagraph(page, '.ph-op', 0, phrase);
    const bracketButton = toolbar.getByRole('button', { name: 'Bracket selection' });
    await expect.poll(() => bracketButton.getAttribute('aria-disabled')).toBe('false');
    expect(await bracketButton.getAttribute('aria-keyshortcuts')).toBe('Control+Alt+B');
    expect(await toolbar.getByRole('button', { name: 'Agree bracket' }).getAttribute('aria-disabled')).toBe('true');
    await screenshot(page, 'negotiation-toolbar');
    await bracketButton.click();
    await expect.poll(() => brackets.count()).toBe(before + 1);
    expect(await editorHasFocus(page)).toBe(true);
    const op1Brackets = page.locator('.ph-document .ph-op').first().locator('span.ph-bracket');
    expect(await op1Brackets.first().innerText()).toBe(phrase);

    await pauseForUndo(page);
    await toolbar.getByRole('button', { name: 'Add alternative…' }).click();
    const prompt = page.getByRole('dialog', { name: 'Add an alternative' });
    await prompt.getByLabel('Text of the alternative').fill(alternative);
    await prompt.getByLabel('Text of the alternative').press('Enter');
    await expect.poll(() => op1Brackets.count()).toBe(2);
    expect(await page.locator('.ph-document .ph-op').first().locator('.ph-alternatives').count()).toBe(1);
    expect(await editorHasFocus(page)).toBe(true);

    // The cursor sits in the new alternative: attribute it through the picker.
    await pauseForUndo(page);
    await toolbar.getByRole('button', { name: 'Attribute…' }).click();
    const picker = page.getByRole('dialog', { name: 'Attribution' });
    await expect.poll(() => picker.getByRole('paragraph').first().innerText()).toContain(alternative.slice(0, 40));
    const search = picker.getByRole('searchbox', { name: 'Find a delegation' });
    await search.fill('EU');
    await search.press('Enter');
    await search.fill('canada');
    await search.press('Enter');
    await expect.poll(() => picker.getByRole('checkbox', { name: 'CAN proposed it' }).isChecked()).toBe(true);
    expect(await picker.getByRole('checkbox', { name: 'EU proposed it' }).isChecked()).toBe(true);
    await screenshot(page, 'negotiation-attribution-picker');
    await picker.getByRole('button', { name: 'Apply' }).click();
    const second = op1Brackets.nth(1);
    await expect.poll(() => second.getAttribute('data-proposed-by')).toBe('EU, CAN');
    const tag = await second.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(tag).toBe('"] (EU, CAN)"');
    expect(await editorHasFocus(page)).toBe(true);

    // One "choose" button per alternative, showing its first words.
    const choose = toolbar.getByRole('group', { name: 'Choose an alternative' }).getByRole('button');
    await expect.poll(() => choose.count()).toBe(2);
    expect(await choose.nth(1).getAttribute('aria-label')).toBe(`Choose alternative 2: ${alternative}`);
    expect(await choose.nth(1).innerText()).toMatch(/^2 the reports/);
    // The buttons fit the same row: the page does not jump when the cursor enters a group.
    expect(await height()).toBe(rowHeight);
    await screenshot(page, 'negotiation-toolbar-result');
    await pauseForUndo(page);
    await choose.nth(1).click();
    await expect.poll(() => op1Brackets.count()).toBe(0);
    expect(await op1Text(page)).toContain(`Welcomes ${alternative};`);

    // Undo, one step at a time, with the editor's own key: the toolbar never took the focus.
    await pauseForUndo(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => op1Brackets.count()).toBe(2);
    expect(await second.getAttribute('data-proposed-by')).toBe('EU, CAN');
    await pauseForUndo(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => second.getAttribute('data-proposed-by')).toBe('');
    await pauseForUndo(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => op1Brackets.count()).toBe(1);
    await pauseForUndo(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => op1Brackets.count()).toBe(0);
    expect(await op1Text(page)).toBe(original);
    expect(await brackets.count()).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('from the keyboard alone: a paragraph alternative (Mod-Alt-Shift-n), attributed (Mod-Alt-g), both undone', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await openGaCompilation(page);
    const ops = page.locator('.ph-document .ph-op');
    const count = await ops.count();
    await ops.first().click({ position: { x: 30, y: 8 } });
    // The toolbar follows the cursor: the action applies here.
    const paragraphAlternative = page.getByRole('toolbar', { name: 'Negotiation' }).getByRole('button', { name: 'Add paragraph alternative…' });
    await expect.poll(() => paragraphAlternative.getAttribute('aria-disabled')).toBe('false');
    await page.keyboard.press('Control+Alt+Shift+n');
    const prompt = page.getByRole('dialog', { name: 'Add a paragraph alternative' });
    const field = prompt.getByLabel('Text of the alternative paragraph');
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Welcomes the report of the Special Rapporteur;');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => ops.count()).toBe(count + 1);
    expect(await ops.nth(1).innerText()).toContain('Welcomes the report of the Special Rapporteur;');
    expect(await editorHasFocus(page)).toBe(true);

    await pauseForUndo(page);
    await page.keyboard.press('Control+Alt+g');
    const picker = page.getByRole('dialog', { name: 'Attribution' });
    await expect.poll(() => picker.isVisible()).toBe(true);
    expect(await picker.innerText()).toContain('Paragraph bracketed whole');
    // Down moves from the search into its matches; Enter picks the focused one.
    await page.keyboard.type('mex');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Choose Mexico (MEX)');
    await page.keyboard.press('Enter');
    await expect.poll(() => picker.getByRole('checkbox', { name: 'MEX proposed it' }).isChecked()).toBe(true);
    expect(await picker.getByRole('searchbox', { name: 'Find a delegation' }).evaluate((el) => el === document.activeElement)).toBe(true);
    // Enter in the emptied search applies.
    await page.keyboard.press('Enter');
    await expect.poll(() => picker.isVisible()).toBe(false);
    expect(await editorHasFocus(page)).toBe(true);
    await page.keyboard.press('Control+Alt+g');
    await expect.poll(() => picker.getByLabel('Current attribution').innerText()).toContain('proposed by MEX');
    await page.keyboard.press('Escape');
    await expect.poll(() => picker.isVisible()).toBe(false);
    expect(await editorHasFocus(page)).toBe(true);

    await pauseForUndo(page);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+Alt+g');
    await expect.poll(() => picker.getByLabel('Current attribution').innerText()).toContain('proposed by nobody');
    await page.keyboard.press('Escape');
    await pauseForUndo(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => ops.count()).toBe(count);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('merges a group of three alternatives into the one at the cursor, brackets the paragraph, moves with arrow keys; each undoes', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await openGaCompilation(page);
    const toolbar = page.getByRole('toolbar', { name: 'Negotiation' });
    const op2 = page.locator('.ph-document .ph-op').nth(1);
    const group = op2.locator('.ph-alternatives').first();
    expect(await group.locator(':scope > .ph-bracket').count()).toBe(3);
    // "upon": the style checker may split "Calls upon" into two text nodes.
    await selectInParagraph(page, '.ph-op', 1, 'upon', true);
    const choose = toolbar.getByRole('group', { name: 'Choose an alternative' }).getByRole('button');
    await expect.poll(() => choose.count()).toBe(3);
    expect(await choose.nth(1).getAttribute('aria-label')).toBe('Choose alternative 2: Calls upon');
    expect(await choose.nth(1).getAttribute('aria-keyshortcuts')).toBe('Control+Alt+2');

    const merge = toolbar.getByRole('button', { name: 'Merge alternatives into this one' });
    await expect.poll(() => merge.getAttribute('aria-disabled')).toBe('false');
    await merge.click();
    await expect.poll(() => op2.locator('.ph-alternatives').count()).toBe(1);
    const kept = op2.locator('span.ph-bracket').first();
    expect(await kept.innerText()).toBe('Calls upon');
    // USA's proposal of "Encourages" is not lost: USA is now a proposer of the kept text.
    expect(await kept.getAttribute('data-proposed-by')).toBe('USA');
    await expect.poll(() => choose.count()).toBe(0);

    // The whole paragraph bracketed from the toolbar opens with a drawn "[".
    await pauseForUndo(page);
    const opens = op2.locator('.ph-para-bracket-open');
    const before = await opens.count();
    const paragraphToggle = toolbar.getByRole('button', { name: 'Bracket or unbracket paragraph' });
    expect(await paragraphToggle.getAttribute('aria-pressed')).toBe('false');
    await paragraphToggle.click();
    await expect.poll(() => opens.count()).toBe(before + 1);
    await expect.poll(() => paragraphToggle.getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'negotiation-paragraph-bracket');
    await pauseForUndo(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => opens.count()).toBe(before);
    await pauseForUndo(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => group.locator(':scope > .ph-bracket').count()).toBe(3);
    expect(await editorHasFocus(page)).toBe(true);

    // One Tab stop; the arrow keys move along the buttons.
    await toolbar.getByRole('button', { name: 'Add alternative…' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Attribute…');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Bracket selection');
    expect(errors).toEqual([]);
    await page.close();
  });
});
