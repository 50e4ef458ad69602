import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allChangesSaved, beforeContent, openPage, placeCaret, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';
import { chooseInBar } from './bar-menu.js';

const env = useWebShell('clean-text');
const title = 'Violence against women migrant workers';

const opLabels = (page: Page) => page.locator('.page .ph-document .ph-op').evaluateAll((els) => els.map((el) => el.getAttribute('data-label') ?? ''));


// Puts the caret at the end of OP `n` (1-based).
const caretAtEndOfOp = (page: Page, n: number) => placeCaret(page.locator('.page .ph-document .ph-op > .ph-text').nth(n - 1));

describe('stable numbering and "Issue renumbered revision" in Chromium', { timeout: 300_000 }, () => {
  it('puts the GA compilation text in negotiation, labels a new paragraph after OP 1 "1 bis", issues a renumbered revision with its number table and renumbers', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt'));
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) }).click();
    await page.locator('.ph-document .ph-op').first().waitFor();
    const bar = page.getByRole('toolbar', { name: 'Document' });

    // In negotiation on a revision saved now.
    await chooseInBar(page, 'Negotiation', 'Start negotiation…');
    const start = page.getByRole('dialog', { name: 'Start negotiation' });
    expect(await start.getByLabel('Base revision').inputValue()).toBe('now');
    await start.getByLabel('Label of the new revision').fill('Rev.1');
    await screenshot(page, 'clean-text-start');
    await start.getByRole('button', { name: 'Start negotiation' }).click();
    await expect.poll(() => bar.getByRole('status').filter({ hasText: 'In negotiation' }).textContent()).toBe('In negotiation on Rev.1');

    // A new operative paragraph after OP 1 is "1 bis"; the ones after keep their numbers.
    const before = await opLabels(page);
    await caretAtEndOfOp(page, 1);
    await page.keyboard.press('Enter');
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    await page.keyboard.type('Also welcomes the contributions of civil society;');
    if (await page.locator('.ph-completion:not([hidden])').count()) await page.keyboard.press('Escape');
    await expect.poll(() => opLabels(page)).toEqual([before[0], '1 bis.', ...before.slice(1)]);
    expect(await beforeContent(page, '.page .ph-document .ph-op', 1)).toBe('1 bis.');
    expect(await page.locator('.page .ph-document .ph-op').nth(1).getAttribute('aria-label')).toBe('Operative paragraph 1 bis');
    expect(await beforeContent(page, '.page .ph-document .ph-pp', 3)).toBe('PP 4');
    const outline = page.getByRole('navigation', { name: 'Outline' });
    // At 1280 px the layout keeps the outline on its rail (the text column keeps 560 px): open it there.
    if (!(await outline.isVisible())) await page.getByRole('button', { name: 'Outline', exact: true }).click();
    await outline.getByRole('button', { name: /^OP 1 bis: Also welcomes/ }).waitFor();
    await page.keyboard.press('Escape');
    await screenshot(page, 'clean-text-bis');

    // Issue the renumbered revision: the table maps OP 1 bis to OP 2, and the text is renumbered.
    await allChangesSaved(page);
    await chooseInBar(page, 'Negotiation', 'Issue renumbered revision…');
    const issue = page.getByRole('dialog', { name: 'Issue renumbered revision' });
    expect(await issue.getByLabel('Label').inputValue()).toBe('Rev.2');
    await issue.getByRole('button', { name: 'Issue revision' }).click();
    const result = page.getByRole('dialog', { name: 'Renumbered revision issued: Rev.2' });
    const table = result.getByRole('table', { name: 'Old and new paragraph numbers' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent ?? '').join(' -> ')));
    expect(rows).toContain('OP 1 bis -> OP 2');
    expect(rows).toContain('OP 2 -> OP 3');
    expect(rows).toContain('PP 1 -> PP 1');
    await screenshot(page, 'clean-text-table');

    const download = page.waitForEvent('download');
    await result.getByRole('button', { name: 'Export .csv' }).click();
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('old,new');
    expect(csv).toContain('OP 1 bis,OP 2\r\n');

    await result.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => bar.getByRole('status').filter({ hasText: 'In negotiation' }).textContent()).toBe('In negotiation on Rev.2');
    await expect.poll(async () => (await opLabels(page)).slice(0, 4)).toEqual(['1.', '2.', '3.', '4.']);
    if (!(await outline.isVisible())) await page.getByRole('button', { name: 'Outline', exact: true }).click();
    await outline.getByRole('button', { name: /^OP 2: Also welcomes/ }).waitFor();
    await screenshot(page, 'clean-text-renumbered');
    expect(errors).toEqual([]);
  });
});
