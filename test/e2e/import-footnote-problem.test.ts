import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('import-footnote-problem');
const corpus = path.resolve('test/fixtures/corpus/ccpcj32-draft-resolutions-I-III.txt');
const message = 'Footnote 9 of draft resolution II, OP 9: its text was printed after draft resolution III began';

describe('an import problem in the Problems panel, in Chromium at 1366x768', { timeout: 300_000 }, () => {
  it('lists the footnote printed in the next draft on OP 9 of draft resolution II and goes there', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('toolbar', { name: 'Start a document' }).getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose files…' }).click()]);
    await chooser.setFiles(corpus);
    const report = page.getByRole('status', { name: 'Import result' });
    await report.waitFor();
    expect(await report.textContent()).toContain('Imported 3 documents from ccpcj32-draft-resolutions-I-III.txt');
    // The documents in their order in the file; the first one opens.
    expect(await report.locator('.import-documents > li').allTextContents()).toEqual([
      'Resolution: Follow-up to the Fourteenth United Nations Congress on Crime Prevention and Criminal Justice and preparations for the Fifteenth United Nations Congress on Crime Prevention and Criminal Justice',
      'Resolution: Reducing reoffending through rehabilitation and reintegration',
      'Resolution: Enhancing the contributions of the Commission on Crime Prevention and Criminal Justice to the accelerated implementation of the 2030 Agenda for Sustainable Development',
    ]);
    await expect.poll(() => page.locator('.document-bar-title').textContent()).toMatch(/^Follow-up to the Fourteenth/);
    // The banner stays small: well under a third of the window's height.
    const banner = await report.boundingBox();
    expect(banner?.height ?? 768).toBeLessThan(768 / 3);
    await screenshot(page, 'import-footnote-result');

    await page.getByRole('button', { name: 'Open resolution Reducing reoffending through rehabilitation and reintegration' }).click();
    await expect.poll(() => page.locator('.document-bar-title').textContent()).toBe('Reducing reoffending through rehabilitation and reintegration');
    const panel = page.getByRole('complementary', { name: 'Style problems' });
    if (!(await panel.isVisible())) await page.getByRole('button', { name: /Problems/ }).first().click();
    const row = panel.getByRole('listitem').filter({ hasText: 'its text was printed after draft resolution III began' });
    await row.waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.locator('.problem-go').getAttribute('title')).toBe(message);
    expect(await row.locator('.problem-path').textContent()).toBe('Footnote 9 of draft resolution II, OP 9');
    expect(await row.locator('.problem-fix').count()).toBe(0);

    await row.locator('.problem-go').click();
    // The selection is the footnote marker of OP 9: the caret's paragraph is OP 9.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const anchor = window.getSelection()?.anchorNode ?? null;
          const element = anchor instanceof Element ? anchor : (anchor?.parentElement ?? null);
          return element?.closest('.ph-op')?.querySelector('.ph-text')?.textContent?.slice(0, 40) ?? '';
        }),
      )
      .toBe('Takes note of the working paper prepared');
    // Scrolled to: the selected marker is on screen, and it is the underlined problem.
    const top = await page.evaluate(() => window.getSelection()?.getRangeAt(0).getBoundingClientRect().top ?? -1);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(768);
    expect(await page.locator('.ph-op').nth(8).locator('.ph-footnote').getAttribute('aria-label')).toBe('Footnote 7');
    await screenshot(page, 'import-footnote-problem');

    // Draft resolution III does not have the note (nor the footnote).
    await page.getByRole('button', { name: /^Open resolution Enhancing the contributions/ }).click();
    await expect.poll(() => page.locator('.document-bar-title').textContent()).toMatch(/^Enhancing the contributions/);
    await page.waitForTimeout(500);
    expect(await panel.getByRole('listitem').filter({ hasText: 'was printed after' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
