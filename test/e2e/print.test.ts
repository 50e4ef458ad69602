import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, openPage, screenshot } from './browser.js';
import { chooseInBar } from './bar-menu.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('print');
const title = 'Strengthening regional cooperation against wildlife trafficking';

describe('printing in Chromium', { timeout: 300_000 }, () => {
  it('Ctrl+P and View > Print… print; in print media only the page shows, full width, with its footnotes, and the printed PDF holds the text, not the chrome', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    // window.print opens no dialog in headless Chromium; counting the calls shows what the keys and the menu do.
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => void w.printed++;
    });
    const printed = () => page.evaluate(() => (window as unknown as { printed: number }).printed);
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/style/clean-draft.txt'));
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) }).click();
    await page.locator('.ph-document .ph-op').first().waitFor();
    await page.locator('.page .ph-document .ph-op > .ph-text').first().click();

    await page.keyboard.press('Control+p');
    await expect.poll(printed).toBe(1);
    await chooseInBar(page, 'View', 'Print…');
    await expect.poll(printed).toBe(2);

    const chrome = [
      page.getByRole('banner'),
      page.getByRole('toolbar', { name: 'Document' }),
      page.getByRole('list', { name: 'Documents' }),
      // The outline, or its rail where the layout keeps it there (1280 px).
      page.getByRole('navigation', { name: 'Outline' }).or(page.getByRole('button', { name: 'Outline', exact: true })),
      page.locator('.command-strip'),
    ];
    for (const part of chrome) expect(await part.first().isVisible()).toBe(true);
    const pageArticle = page.getByRole('article', { name: `Page: ${title}` });
    const screenWidth = (await pageArticle.boundingBox())?.width ?? 0;

    await page.emulateMedia({ media: 'print' });
    for (const part of chrome) expect(await part.first().isVisible()).toBe(false);
    expect(await pageArticle.isVisible()).toBe(true);
    const box = await pageArticle.boundingBox();
    const viewport = page.viewportSize();
    expect(box?.x).toBeLessThan(2);
    expect(box?.width ?? 0).toBeGreaterThan((viewport?.width ?? 0) - 4);
    expect(box?.width ?? 0).toBeGreaterThan(screenWidth);
    expect(await pageArticle.getByText('A/78/123.').isVisible()).toBe(true);
    expect(await pageArticle.getByText('Training of customs officials;').isVisible()).toBe(true);
    await screenshot(page, 'print-media');

    // What Chromium prints: the document's text on A4 pages, none of the app's buttons or panels.
    const pdf = path.join(ARTIFACTS_DIR, 'print.pdf');
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).toMatch(/Page size:.*\(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const line of [title, 'The General Assembly,', 'Requests the Secretary-General to support States', '(a)', 'Training of customs officials;', 'A/78/123.']) expect(text).toContain(line);
    for (const word of ['Negotiation', 'Consultation', 'Close', 'All changes saved', 'Outline', 'Keyboard shortcuts', 'Import']) expect(text).not.toContain(word);

    await page.emulateMedia({ media: 'screen' });
    for (const part of chrome) expect(await part.first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('prints the negotiation view shown (the compilation, with its brackets), not the editor behind it nor the view bar', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    const negotiated = 'Violence against women migrant workers';
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt'));
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(negotiated) }).click();
    await page.locator('.ph-document .ph-op').first().waitFor();
    await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Compilation' }).click();
    const view = page.locator('.negotiation-page');
    await view.locator('.ph-op').first().waitFor();

    await page.emulateMedia({ media: 'print' });
    expect(await view.isVisible()).toBe(true);
    expect(await page.getByRole('toolbar', { name: 'View options' }).isVisible()).toBe(false);
    expect(await page.getByRole('radiogroup', { name: 'View' }).isVisible()).toBe(false);
    expect(await page.locator('.document-body > .page-scroll').isVisible()).toBe(false);
    await screenshot(page, 'print-media-compilation');
    const pdf = path.join(ARTIFACTS_DIR, 'print-compilation.pdf');
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(negotiated);
    expect(text).toMatch(/\(EU, CAN\)\]/);
    for (const word of ['Editing', 'Without brackets', 'Export', 'Negotiation']) expect(text).not.toContain(word);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });
});
