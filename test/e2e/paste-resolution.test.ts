import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { computeNumbering } from '../../shared/document/numbering.js';
import { importText } from '../../shared/import/index.js';
import { openPage, screenshot } from './browser.js';
import { createFromTemplate, useWebShell } from './web-shell-fixture.js';

const env = useWebShell('paste-resolution');

const corpus = readFileSync('test/fixtures/corpus/ccpcj32-draft-resolutions-I-III.txt', 'utf8');
const resolution = corpus.slice(corpus.indexOf('Draft resolution I\n'), corpus.indexOf('Draft resolution II\n'));
const imported = importText(resolution).documents[0]!;
const numbering = computeNumbering(resolutionSchema.nodeFromJSON(imported.toJSON()));
const count = (kind: string) => numbering.entries.filter((e) => e.kind === kind).length;

async function paste(page: Page, text: string, html?: string): Promise<void> {
  await page.locator('.ph-document').evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data.text);
    if (data.html) transfer.setData('text/html', data.html);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, { text, html });
}

// The resolution as a browser copies it from a web page: HTML with <sup> footnote markers,
// <i> openers and links, and beside it a plain text where the markers are ordinary digits.
const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const fromWebPage = {
  html: resolution
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${line.replace(/\*([^*]+)\*/g, '<i>$1</i>').replace(/\[([^\]]+)\]\(#\)/g, '<a href="#">$1</a>').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (m) => `<sup>${[...m].map((c) => superscripts.indexOf(c)).join('')}</sup>`)}</p>`)
    .join(''),
  text: resolution.replace(/\*([^*]+)\*/g, '$1').replace(/\[([^\]]+)\]\(#\)/g, '$1').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(superscripts.indexOf(c))),
};

describe('pasting a real resolution over a new document in Chromium', { timeout: 120_000 }, () => {
  it('replaces the template with every paragraph and footnote, and walks the warnings with F8 and Ctrl+.', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await createFromTemplate(page, 'Pasted from a report');
    await page.locator('.ph-document .ph-pp > .ph-text').first().click();
    await page.keyboard.press('Control+a');
    await paste(page, resolution);

    const ops = page.locator('.ph-document .ph-op');
    await expect.poll(() => ops.count()).toBe(count('op'));
    expect(await page.locator('.ph-document .ph-pp').count()).toBe(count('pp'));
    expect(await page.locator('.ph-document .ph-title').textContent()).toMatch(/^Follow-up to the Fourteenth United Nations Congress/);
    expect(await ops.last().getAttribute('data-label')).toBe(`${count('op')}.`);
    expect(await page.locator('.ph-footnotes li').count()).toBe(count('footnote'));
    expect(await page.locator('.ph-footnotes').textContent()).toContain('E/CN.15/2023/11');
    await screenshot(page, 'paste-resolution-done');

    // The warnings: F8 selects the first problem, Ctrl+. fixes it, one fewer is listed.
    const panel = page.getByRole('complementary', { name: 'Style problems' });
    const items = panel.getByRole('listitem');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    expect(await panel.textContent()).toContain('F8');
    const before = await items.count();
    await page.locator('.ph-document .ph-title').click();
    await page.keyboard.press('F8');
    expect((await page.evaluate(() => window.getSelection()?.toString())) ?? '').not.toBe('');
    await page.keyboard.press('Control+Period');
    await expect.poll(() => items.count()).toBe(before - 1);
    await screenshot(page, 'paste-resolution-fixed');

    // One undo takes back the fix, not the paste.
    await page.keyboard.press('Control+z');
    await expect.poll(() => items.count()).toBe(before);
    expect(await ops.count()).toBe(count('op'));
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the footnotes of a resolution copied from a web page, whose plain text has the markers as digits', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await createFromTemplate(page, 'Pasted from a web page');
    await page.locator('.ph-document .ph-pp > .ph-text').first().click();
    await page.keyboard.press('Control+a');
    await paste(page, fromWebPage.text, fromWebPage.html);
    const ops = page.locator('.ph-document .ph-op');
    await expect.poll(() => ops.count()).toBe(count('op'));
    expect(await page.locator('.ph-document .ph-pp').count()).toBe(count('pp'));
    expect(await page.locator('.ph-footnotes li').count()).toBe(count('footnote'));
    expect(await page.locator('.ph-document .ph-pp').last().textContent()).toMatch(/Criminal Justice,$/);
    expect(await page.locator('.ph-document .ph-op .ph-opener').first().textContent()).toBe('Reiterates');
    expect(errors).toEqual([]);
    await page.close();
  });
});
