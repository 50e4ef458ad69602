import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { findTemplate } from '../../seeds/index.js';
import { computeNumbering } from '../../shared/document/numbering.js';
import { openPage, screenshot } from './browser.js';
import { createFromTemplate, useWebShell } from './web-shell-fixture.js';
import { barMenuButton, chooseInBar } from './bar-menu.js';

const template = findTemplate('general-assembly-resolution');
if (!template) throw new Error('seed template general-assembly-resolution is missing');
const numbering = computeNumbering(resolutionSchema.nodeFromJSON(template.doc));
const ppCount = numbering.entries.filter((e) => e.kind === 'pp').length;
const opCount = numbering.entries.filter((e) => e.kind === 'op').length;

const env = useWebShell('panels');


const attrs = (page: Page, selector: string, name: string) =>
  page.locator(selector).evaluateAll((els, attr) => els.map((el) => el.getAttribute(attr)), name);

describe('outline, details, zoom and help in Chromium', { timeout: 120_000 }, () => {
  it('jumps and reorders from the outline, edits metadata, zooms and shows the shortcuts', async () => {
    expect(opCount).toBeGreaterThanOrEqual(2);
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await createFromTemplate(page, 'Panels under test');
    // At 1280 px the layout keeps the outline on its rail beside the document list (the text
    // column keeps 560 px); folding the list to its rail docks the outline.
    await page.getByRole('button', { name: 'Fold the document list to the rail' }).click();

    const outline = page.getByRole('navigation', { name: 'Outline' });
    const rows = outline.locator('.outline-row');
    await expect.poll(() => rows.count()).toBe(ppCount + opCount);
    expect(await outline.getByRole('region', { name: 'Operative part' }).locator('.outline-row > .outline-item .outline-number').allTextContents()).toEqual(
      Array.from({ length: opCount }, (_, i) => `OP ${i + 1}`),
    );
    await screenshot(page, 'panels-outline');

    // Click: the cursor lands in the last operative paragraph.
    const opIds = await attrs(page, '.ph-document .ph-op', 'data-id');
    await outline.getByRole('button', { name: new RegExp(`^OP ${opCount}:`) }).click();
    const caretIn = () => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('.ph-op')?.getAttribute('data-id'));
    expect(await caretIn()).toBe(opIds[opCount - 1]);

    // Subparagraphs are nested under their paragraph with their labels; a click lands in one.
    const subIds = await attrs(page, '.ph-document .ph-op .ph-sub', 'data-id');
    expect(subIds.length).toBeGreaterThanOrEqual(2);
    expect(await outline.locator('.outline-sub .outline-number').allTextContents()).toEqual(await attrs(page, '.ph-document .ph-op .ph-sub', 'data-label'));
    await outline.getByRole('button', { name: /^OP \d+ \(b\):/ }).first().click();
    const caretInSub = () => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('.ph-sub')?.getAttribute('data-id'));
    expect(await caretInSub()).toBe(subIds[1]);
    await screenshot(page, 'panels-outline-nested');

    // Drag OP 1 onto the lower half of the last OP row: it moves to the end, numbers follow.
    const opRows = outline.getByRole('region', { name: 'Operative part' }).locator('.outline-row');
    const last = opRows.nth(opCount - 1);
    const box = await last.boundingBox();
    await opRows.first().dragTo(last, { targetPosition: { x: 20, y: (box?.height ?? 20) - 3 } });
    await expect.poll(() => attrs(page, '.ph-document .ph-op', 'data-id')).toEqual([...opIds.slice(1), opIds[0]]);
    expect(await attrs(page, '.ph-document .ph-op', 'data-label')).toEqual(Array.from({ length: opCount }, (_, i) => `${i + 1}.`));
    expect(await opRows.nth(opCount - 1).getAttribute('data-id')).toBe(opIds[0]);

    // Drag the first PP onto the operative part's heading: it becomes the last OP.
    const ppIds = await attrs(page, '.ph-document .ph-pp', 'data-id');
    await outline.getByRole('region', { name: 'Preamble' }).locator('.outline-row').first().dragTo(outline.getByRole('heading', { name: 'Operative part' }));
    await expect.poll(() => page.locator('.ph-document .ph-op').count()).toBe(opCount + 1);
    expect((await attrs(page, '.ph-document .ph-op', 'data-id')).at(-1)).toBe(ppIds[0]);

    // Details: French labels and a sponsor picked from the delegation list.
    await chooseInBar(page, 'View', 'Details');
    const details = page.getByRole('region', { name: 'Document details' });
    expect(await attrs(page, '.ph-document .ph-sub', 'data-label')).toContain('(a)');
    await details.getByLabel('Language').selectOption('fr');
    await expect.poll(() => attrs(page, '.ph-document .ph-sub', 'data-label')).toContain('a)');
    expect(await attrs(page, '.ph-document .ph-sub', 'data-label')).not.toContain('(a)');
    await details.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.locator('.ph-document').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('article.page').getAttribute('dir')).toBe('rtl');
    await details.getByLabel('Language').selectOption('fr');
    await expect.poll(() => page.locator('.ph-document').getAttribute('dir')).toBe('ltr');
    await details.getByLabel('Find a delegation').fill('japan');
    await details.getByRole('button', { name: 'Add sponsor Japan (JPN)' }).click();
    await details.getByLabel('Find a delegation').fill('MEX');
    await details.getByRole('button', { name: /Add sponsor .* \(MEX\)/ }).click();
    const chosen = details.getByRole('list', { name: 'Chosen sponsors' }).locator('.sponsor-code');
    const codes = await chosen.allTextContents();
    expect(codes.slice(-2)).toEqual(['JPN', 'MEX']);
    await expect.poll(async () => (await page.locator('.ph-document .ph-header').textContent()) ?? '').toMatch(/Japan.*Mexico/);
    await details.getByLabel('Symbol').fill('A/C.3/78/L.42');
    await expect.poll(async () => (await page.locator('.ph-document .ph-header').textContent()) ?? '').toContain('A/C.3/78/L.42');
    await screenshot(page, 'panels-details');
    await details.getByRole('button', { name: 'Remove sponsor Japan' }).click();
    await expect.poll(() => chosen.allTextContents()).toEqual(codes.slice(0, -2).concat('MEX'));

    // Zoom with the keyboard, then the help sheet with F1.
    await page.keyboard.press('Control+=');
    await page.keyboard.press('Control+=');
    await expect.poll(() => barMenuButton(page, 'View').textContent()).toContain('125%');
    expect(await page.locator('.page').evaluate((el) => getComputedStyle(el).zoom)).toBe('1.25');
    await screenshot(page, 'panels-zoom');
    await page.keyboard.press('Control+0');
    await expect.poll(() => barMenuButton(page, 'View').textContent()).not.toContain('%');
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Undo');
    expect(await help.textContent()).toContain('Alt+↑');
    await screenshot(page, 'panels-help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
