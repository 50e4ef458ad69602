import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { findTemplate } from '../../seeds/index.js';
import { computeNumbering } from '../../shared/document/numbering.js';
import { beforeContent, openPage, screenshot } from './browser.js';
import { createFromTemplate, useWebShell } from './web-shell-fixture.js';

// What the General Assembly template holds, read from the seed itself (not restated here).
const template = findTemplate('general-assembly-resolution');
if (!template) throw new Error('seed template general-assembly-resolution is missing');
const templateDoc = resolutionSchema.nodeFromJSON(template.doc);
const numbering = computeNumbering(templateDoc);
const kindCount = (kind: string) => numbering.entries.filter((e) => e.kind === kind).length;
const firstFootnote = templateDoc.nodeAt(numbering.entries.find((e) => e.kind === 'footnote')?.pos ?? -1);

const env = useWebShell('shell');


const texts = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.textContent ?? ''));
const attrs = (page: Page, selector: string, name: string) =>
  page.locator(selector).evaluateAll((els, attr) => els.map((el) => el.getAttribute(attr)), name);

// Generous: each test loads the renderer through Vite's dev server, module by module.
describe('browser shell in Chromium', { timeout: 120_000 }, () => {
  it('creates a General Assembly resolution and shows it laid out with computed numbering', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await createFromTemplate(page, 'Access to legal aid for all', 'web-shell-template-picker');

    const editor = page.getByRole('textbox', { name: 'Document text' });
    expect(await editor.count()).toBe(1);
    expect(await page.locator('.ph-title').textContent()).toBe('Access to legal aid for all');
    expect(await page.locator('.ph-body-line').textContent()).toBe('The General Assembly,');
    expect(await page.locator('.ph-pp').count()).toBe(kindCount('pp'));

    const opCount = kindCount('op');
    const opLabels = Array.from({ length: opCount }, (_, i) => `${i + 1}.`);
    expect(await attrs(page, '.ph-op', 'data-label')).toEqual(opLabels);
    for (let i = 0; i < opCount; i++) expect(await beforeContent(page, '.ph-op', i)).toBe(`${i + 1}.`);
    expect(await attrs(page, '.ph-op', 'aria-label')).toEqual(opLabels.map((_, i) => `Operative paragraph ${i + 1}`));

    expect(await beforeContent(page, '.ph-sub', 0)).toBe('(a)');
    expect(await beforeContent(page, '.ph-sub', 1)).toBe('(b)');

    const openerStyles = await page.locator('.ph-opener').evaluateAll((els) => els.map((el) => getComputedStyle(el).fontStyle));
    expect(openerStyles.length).toBeGreaterThanOrEqual(kindCount('pp'));
    expect(new Set(openerStyles)).toEqual(new Set(['italic']));
    expect(await page.locator('.ph-op .ph-text').first().evaluate((el) => getComputedStyle(el).fontStyle)).toBe('normal');
    expect(await page.locator('.ph-pp .ph-text').first().evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/Times|serif/);

    expect(await beforeContent(page, '.ph-document .ph-footnote', 0)).toBe('1');
    const foot = page.getByRole('region', { name: 'Footnotes' }).getByRole('listitem');
    expect(await foot.count()).toBe(kindCount('footnote'));
    expect(await foot.first().textContent()).toBe(firstFootnote?.textContent);

    expect(await page.getByRole('list', { name: 'Documents' }).getByRole('button').count()).toBe(1);
    expect(await page.locator('.ph-header .ph-organ').textContent()).toBe('General Assembly');
    await screenshot(page, 'web-shell-document');
    await page.locator('.page-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await screenshot(page, 'web-shell-document-end');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends what is typed to the backend: another window sees it live, and it survives a restart', async () => {
    const first = await openPage(env.browser, env.shell.url);
    await createFromTemplate(first.page, 'Typing reaches the backend');
    const second = await openPage(env.browser, env.shell.url);
    await second.page.getByRole('button', { name: 'Open resolution Typing reaches the backend' }).click();
    await second.page.locator('.ph-document .ph-op').first().waitFor();

    const target = first.page.locator('.ph-op > .ph-text').nth(1);
    await target.click();
    await target.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      range.collapse(false);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    });
    await first.page.keyboard.type(' Zanzibar');
    await first.page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await second.page.locator('.ph-op > .ph-text', { hasText: 'Zanzibar' }).waitFor();
    expect(await second.page.locator('.ph-op').nth(1).getAttribute('data-label')).toBe('2.');
    await screenshot(second.page, 'web-shell-live-update');
    expect([...first.errors, ...second.errors]).toEqual([]);
    await first.page.close();
    await second.page.close();

    await env.restart();
    const third = await openPage(env.browser, env.shell.url);
    await third.page.getByRole('button', { name: 'Open resolution Typing reaches the backend' }).click();
    await third.page.locator('.ph-op > .ph-text', { hasText: 'Zanzibar' }).waitFor();
    expect(await texts(third.page, '.ph-op > .ph-text').then((all) => all[1])).toMatch(/ Zanzibar$/);
    await third.page.close();
  });

  it('opens a new blank resolution with placeholders and the cursor in its title', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.getByRole('toolbar', { name: 'Start a document' }).getByRole('button', { name: 'New from template' }).click();
    await page.getByRole('dialog', { name: 'New from template' }).locator('[data-template-id="blank-resolution"]').click();
    await page.locator('.ph-document .ph-title.ph-empty').waitFor();
    expect(await attrs(page, '.ph-empty', 'data-placeholder')).toEqual([
      'Title of the resolution',
      'Preambular paragraph: Recalling …,',
      'Operative paragraph: Requests …;',
    ]);
    await page.locator('.ph-document.ProseMirror-focused').waitFor();
    await page.keyboard.type('Protecting journalists');
    await page.locator('.ph-title', { hasText: 'Protecting journalists' }).waitFor();
    expect(await page.locator('.ph-title.ph-empty').count()).toBe(0);
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await page.getByRole('button', { name: 'Open resolution Protecting journalists' }).waitFor();
    await screenshot(page, 'web-shell-blank-title-typed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports a text file through the file input and lists the documents it held', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/e2e/two-draft-resolutions.txt'));
    const report = page.getByRole('status', { name: 'Import result' });
    await report.waitFor();
    expect(await report.textContent()).toContain('Imported 2 documents from two-draft-resolutions.txt');
    const list = page.getByRole('list', { name: 'Documents' });
    await list.getByRole('button', { name: /Cooperation among courts on the protection of witnesses/ }).waitFor();
    await list.getByRole('button', { name: /Strengthening access to legal aid in rural areas/ }).waitFor();
    await screenshot(page, 'web-shell-import');

    await report.getByRole('button', { name: /Cooperation among courts/ }).click();
    await page.locator('.ph-document .ph-op').first().waitFor();
    expect(await attrs(page, '.ph-op', 'data-label')).toEqual(['1.', '2.']);
    expect(await attrs(page, '.ph-sub', 'data-label')).toEqual(['(a)', '(b)']);
    expect(await page.locator('.ph-pp').count()).toBe(1);
    await screenshot(page, 'web-shell-imported-document');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a clear error when the file is not a resolution', async () => {
    const { page } = await openPage(env.browser, env.shell.url);
    await page.getByLabel('Text file to import').setInputFiles({ name: 'shopping.txt', mimeType: 'text/plain', buffer: Buffer.from('Milk\nBread\n') });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Importing “shopping.txt” failed: /);
    await screenshot(page, 'web-shell-import-error');
    await page.close();
  });
});
