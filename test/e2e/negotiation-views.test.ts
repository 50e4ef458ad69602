import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { exportText } from '../../shared/document/export-text.js';
import { importText } from '../../shared/import/index.js';
import { delegationProposals, delegationProposalsText } from '../../shared/negotiation/views.js';
import { openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';
import { chooseInBar } from './bar-menu.js';

const env = useWebShell('negotiation-views');
const fixture = path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt');
const title = 'Violence against women migrant workers';
const imported = importText(readFileSync(fixture, 'utf8')).documents[0];

// The text of a download started by `click`.
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await (download as Download).path();
  return { name: (download as Download).suggestedFilename(), text: readFileSync(file, 'utf8') };
}

describe('negotiation views in Chromium', { timeout: 300_000 }, () => {
  it('shows the compilation, clean and proposals views of an imported compilation text, exports them, and jumps back to the editor', async () => {
    if (!imported) throw new Error('the fixture holds no document');
    const { page, errors } = await openPage(env.browser, env.shell.url);
    // The user's delegation, whose proposals the Proposals view shows first.
    const profile = page.getByRole('dialog', { name: 'Your profile' });
    // Clicked again if the page was still starting (a click before React's first commit is lost).
    await expect
      .poll(async () => {
        if (!(await profile.isVisible())) await page.getByRole('button', { name: 'Set your name and delegation' }).first().click();
        return profile.isVisible();
      })
      .toBe(true);
    await profile.getByLabel('Your name').fill('Ana Pereira');
    await profile.getByLabel('Find your delegation').fill('Canada');
    await profile.getByRole('button', { name: 'Choose Canada (CAN)' }).click();
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await profile.waitFor({ state: 'hidden' });
    await page.getByLabel('Text file to import').setInputFiles(fixture);
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) }).click();
    await page.locator('.ph-document .ph-op').first().waitFor();
    const views = page.getByRole('radiogroup', { name: 'View' });
    await expect.poll(() => views.getByRole('radio', { name: 'Editing' }).getAttribute('aria-checked')).toBe('true');

    // Compilation, reached from the keyboard: brackets with their tags, a whole paragraph's tag after its text.
    await views.getByRole('radio', { name: 'Editing' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => views.getByRole('radio', { name: 'Compilation' }).getAttribute('aria-checked')).toBe('true');
    const compilation = page.locator('.negotiation-page .ph-document');
    await compilation.locator('.ph-op').first().waitFor();
    expect(await page.locator('.document-body > .page-scroll').isHidden()).toBe(true);
    const closings = () => compilation.locator('.ph-bracket').evaluateAll((els) => els.map((el) => getComputedStyle(el, '::after').content));
    expect(await closings()).toContain('" (EU, CAN)]"');
    expect(await closings()).toContain('" (RUS: delete)]"');
    expect(await compilation.innerText()).toContain('[');
    await expect.poll(() => compilation.locator('.ph-view-close').allTextContents()).toEqual([' (MEX, PHL)]', ' (USA)]', ' (RUS, CHN)]']);
    await screenshot(page, 'negotiation-view-compilation');
    // The projected page follows the document view's zoom.
    await chooseInBar(page, 'View', 'Zoom in');
    await expect.poll(() => page.locator('.negotiation-page').evaluate((el) => getComputedStyle(el).zoom)).not.toBe('1');
    await page.getByRole('menu', { name: 'View' }).getByRole('menuitem', { name: /^Zoom \d+%, reset/ }).click();
    // The zoom items leave the menu open; where the document bar wraps at 1280 px it lies over the view's buttons.
    if (await page.getByRole('menu', { name: 'View' }).isVisible()) await page.keyboard.press('Escape');
    await page.getByRole('menu', { name: 'View' }).waitFor({ state: 'hidden' });
    const full = await downloaded(page, () => page.getByRole('button', { name: 'Export text…' }).click());
    expect(full.text).toBe(exportText(imported, { view: 'compilation', tags: true }));
    expect(full.name).toBe(`${title} - compilation text.txt`);

    // Without tags: plain closing brackets, and the export follows.
    await page.getByRole('toolbar', { name: 'View options' }).getByRole('button', { name: 'Tags' }).click();
    expect(new Set(await closings())).toEqual(new Set(['"]"']));
    expect(await compilation.locator('.ph-view-tag').first().isHidden()).toBe(true);
    await screenshot(page, 'negotiation-view-compilation-no-tags');
    const untagged = await downloaded(page, () => page.getByRole('button', { name: 'Export text…' }).click());
    expect(untagged.text).toBe(exportText(imported, { view: 'compilation', tags: false }));

    // Clean: no bracket at all, bracketed paragraphs gone, the rest numbered as it stands.
    await views.getByRole('radio', { name: 'Without brackets' }).click();
    const clean = page.locator('.negotiation-page .ph-document');
    await expect.poll(() => clean.evaluate((el) => el.classList.contains('ph-view-clean'))).toBe(true);
    const cleanText = await clean.innerText();
    expect(cleanText).not.toContain('[');
    expect(await clean.locator('.ph-bracket').count()).toBe(0);
    expect(cleanText).not.toContain('Requests the Secretary-General to submit');
    expect(await clean.locator('.ph-op').count()).toBe(5);
    await screenshot(page, 'negotiation-view-clean');
    const cleanFile = await downloaded(page, () => page.getByRole('button', { name: 'Export text…' }).click());
    expect(cleanFile.text).toBe(exportText(imported, { view: 'clean' }));
    expect(cleanFile.name).toBe(`${title} - text without brackets.txt`);

    // Proposals of the user's delegation first, then of the EU, chosen in the picker.
    await views.getByRole('radio', { name: 'Proposals of CAN' }).click();
    const ours = page.getByRole('region', { name: 'Proposals of CAN' });
    await expect.poll(() => ours.getByRole('listitem').count()).toBe(delegationProposals(imported, 'CAN').length);
    await page.getByRole('toolbar', { name: 'View options' }).getByLabel('Delegation').selectOption('EU');
    const expected = delegationProposals(imported, 'EU');
    const list = page.getByRole('region', { name: 'Proposals of EU' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(expected.length);
    expect(await views.getByRole('radio', { name: 'Proposals of EU' }).getAttribute('aria-checked')).toBe('true');
    const rows = await list.getByRole('listitem').allInnerTexts();
    expect(rows.some((row) => row.includes('OP 2') && row.includes('regardless of their migration status') && row.includes('with MEX'))).toBe(true);
    await screenshot(page, 'negotiation-view-proposals');
    const proposalsFile = await downloaded(page, () => page.getByRole('button', { name: 'Export text…' }).click());
    expect(proposalsFile.text).toBe(delegationProposalsText(imported, 'EU'));
    expect(proposalsFile.name).toBe(`${title} - proposals of EU.txt`);

    // A proposal clicked is selected in the editor.
    const target = expected.find((p) => p.path === 'OP 2');
    if (!target) throw new Error('no EU proposal in OP 2');
    await list.getByRole('button', { name: new RegExp(`^OP 2: ${target.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
    await expect.poll(() => views.getByRole('radio', { name: 'Editing' }).getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(target.text);
    await screenshot(page, 'negotiation-view-jumped');

    // Typing still works, and the compilation shows what was typed.
    const last = page.locator('.ph-document .ph-op').last();
    await last.scrollIntoViewIfNeeded();
    await last.locator('.ph-text').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Typed after the views.');
    await expect.poll(() => page.locator('.page-editor .ph-document .ph-op').last().innerText()).toContain('Typed after the views.');
    await views.getByRole('radio', { name: 'Compilation' }).click();
    await expect.poll(() => page.locator('.negotiation-page .ph-op').last().textContent()).toContain('Typed after the views.');

    // Live: what another window types appears in the compilation shown here.
    const other = await openPage(env.browser, env.shell.url);
    await other.page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) }).click();
    const otherFirst = other.page.locator('.ph-document .ph-op').first();
    await otherFirst.waitFor();
    await otherFirst.locator('.ph-text').click();
    await other.page.keyboard.press('End');
    await other.page.keyboard.type(' Live from another window.');
    await expect.poll(() => page.locator('.negotiation-page .ph-op').first().textContent(), { timeout: 15_000 }).toContain('Live from another window.');
    await page.locator('.negotiation-page .ph-op').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'negotiation-view-live');
    await other.page.close();
    expect(other.errors).toEqual([]);
    await views.getByRole('radio', { name: 'Editing' }).click();
    expect(await page.locator('.document-body > .page-scroll').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows the editor\'s stable labels in the compilation while in negotiation, and the clean text numbered as it stands', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/negotiation/hrc-right-to-education.txt'));
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: /The right to education/ }).click();
    await page.locator('.ph-document .ph-op').first().waitFor();
    const bar = page.getByRole('toolbar', { name: 'Document' });
    await chooseInBar(page, 'Negotiation', 'Start negotiation…');
    const start = page.getByRole('dialog', { name: 'Start negotiation' });
    await start.getByLabel('Label of the new revision').fill('Rev.1');
    await start.getByRole('button', { name: 'Start negotiation' }).click();
    await expect.poll(() => bar.getByRole('status').filter({ hasText: 'In negotiation' }).textContent()).toBe('In negotiation on Rev.1');

    // A paragraph after OP 2 is "2 bis." in the editor and in the compilation.
    const first = page.locator('.page-editor .ph-document .ph-op > .ph-text').nth(1);
    await first.click();
    await first.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      range.collapse(false);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    await page.keyboard.press('Enter');
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    await page.keyboard.type('Encourages States to share good practices;');
    const labels = (scope: string) => page.locator(`${scope} .ph-document .ph-op`).evaluateAll((els) => els.map((el) => el.getAttribute('data-label') ?? ''));
    await expect.poll(() => labels('.page-editor')).toContain('2 bis.');
    const views = page.getByRole('radiogroup', { name: 'View' });
    await views.getByRole('radio', { name: 'Compilation' }).click();
    await expect.poll(() => labels('.negotiation-page')).toEqual(await labels('.page-editor'));
    expect(await labels('.negotiation-page')).toContain('2 bis.');
    await page.locator('.negotiation-page .ph-op').nth(2).scrollIntoViewIfNeeded();
    await screenshot(page, 'negotiation-view-compilation-stable');
    // The exported compilation is numbered as shown, for the facilitator to circulate.
    const exported = await downloaded(page, () => page.getByRole('button', { name: 'Export text…' }).click());
    expect(exported.text).toMatch(/\n2 bis\. \*?Encourages\*? States to share good practices;\n/);
    expect(exported.text).toMatch(/\n3\. /);
    await views.getByRole('radio', { name: 'Without brackets' }).click();
    await expect.poll(() => page.locator('.negotiation-page .ph-document').evaluate((el) => el.classList.contains('ph-view-clean'))).toBe(true);
    expect((await labels('.negotiation-page')).slice(0, 3)).toEqual(['1.', '2.', '3.']);
    expect(await page.locator('.negotiation-page .ph-op').nth(2).textContent()).toContain('Encourages States to share good practices;');
    const cleanText = await downloaded(page, () => page.getByRole('button', { name: 'Export text…' }).click());
    expect(cleanText.text).not.toContain(' bis.');
    expect(errors).toEqual([]);
  });
});
