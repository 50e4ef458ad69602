import { readFileSync, readdirSync } from 'node:fs';
import { zipSync } from 'fflate';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseInBar } from './bar-menu.js';
import { openPage, screenshot } from './browser.js';
import { clickIn, dragSelect, textOf, twoFrames } from './text-pointer.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('library-panel');
const fixtureDir = path.resolve('test/fixtures/akn/en');
const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.xml'))
  .map((f) => path.join(fixtureDir, f));
const resolution = path.join(fixtureDir, '74_129.xml');

// Chooses `files` in the file chooser the button named `name` inside `scope` opens.
async function chooseFiles(page: Page, scope: ReturnType<Page['getByRole']>, name: string, files: string[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), scope.getByRole('button', { name, exact: true }).click()]);
  await chooser.setFiles(files);
}

const ops = (page: Page) => page.locator('.page .ph-document .ph-op');

describe('the Library panel in Chromium', { timeout: 300_000 }, () => {
  it('adds the 74th-session resolutions, shows where the paragraph under the cursor was agreed, inserts and cites a hit, checks a bracket and reports provenance', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.setViewportSize({ width: 1366, height: 768 });

    // An imported copy of A/RES/74/129 is the draft.
    await page.getByRole('toolbar', { name: 'Start a document' }).getByRole('button', { name: 'Import…' }).click();
    await chooseFiles(page, page.getByRole('dialog', { name: 'Import' }), 'Choose files…', [resolution]);
    await ops(page).first().waitFor();
    expect(await ops(page).count()).toBe(2);
    // An adopted resolution is for general distribution, as its exports print it (not 'Distr.: Limited').
    expect(await page.locator('.page .ph-header-meta div').allTextContents()).toEqual(['Distr.: General', '8 January 2020', 'Original: English']);
    const columnBefore = await page.locator('.page-scroll').evaluate((el) => el.clientWidth);

    await chooseInBar(page, 'View', 'Library');
    const panel = page.getByRole('region', { name: 'Library' });
    await panel.waitFor();
    await screenshot(page, 'library-panel-empty');

    // Add texts: the five fixture files, then the same files again (nothing changes).
    await panel.getByRole('tab', { name: 'Add texts' }).click();
    await chooseFiles(page, panel, 'Add files…', fixtures);
    const result = panel.locator('.library-result');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toMatch(/^Added “5 files”: \d+ texts, [\d,]+ paragraphs\.$/);
    const added = Number(/: (\d+) texts/.exec((await result.textContent()) ?? '')?.[1]);
    expect(added).toBeGreaterThanOrEqual(5);
    await expect.poll(() => panel.getByLabel('Library size').textContent()).toMatch(new RegExp(`^Library: ${added} texts · [\\d,]+ paragraphs · `));
    await screenshot(page, 'library-panel-added');
    await chooseFiles(page, panel, 'Add files…', fixtures);
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toMatch(/^Added “5 files”: 0 texts, 0 paragraphs; 5 already there unchanged\.$/);

    // The cursor in OP 2: the panel finds 74/129 OP 2, word for word.
    await panel.getByRole('tab', { name: 'Agreed language' }).click();
    await clickIn(page, '.page .ph-document .ph-op', 1, 'additional members');
    const hits = panel.getByRole('list', { name: 'Library hits' }).locator('.library-hit');
    const first = hits.first();
    await expect.poll(() => first.getAttribute('data-label'), { timeout: 10_000 }).toBe('OP 2');
    expect(await first.getAttribute('data-symbol')).toBe('A/RES/74/129');
    expect(await panel.locator('.library-following').textContent()).toBe('Paragraphs like OP 2');
    expect(await first.locator('.library-hit-summary').textContent()).toBe('Agreed language from 74/129 OP 2, word for word');
    const agreedText = await first.locator('.library-hit-text').textContent();
    expect(agreedText).toContain('Requests the Economic and Social Council to elect the additional members');

    // One word changed: the hit says so and marks it.
    await dragSelect(page, '.page .ph-document .ph-op', 1, 'elect');
    await page.keyboard.type('appoint');
    await expect.poll(() => first.locator('.library-hit-summary').textContent(), { timeout: 10_000 }).toBe('Agreed language from 74/129 OP 2, except elect → appoint');
    expect(await first.locator('del').allTextContents()).toEqual(['elect']);
    expect(await first.locator('ins').allTextContents()).toEqual(['appoint']);
    await screenshot(page, 'library-panel-diff');

    // Insert after OP 2: a third OP with the agreed text, its own id and its opener marked.
    const idsBefore = await ops(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
    await first.getByRole('button', { name: 'Insert after OP 2' }).click();
    await expect.poll(() => ops(page).count()).toBe(3);
    const inserted = ops(page).nth(2);
    expect(await textOf(inserted.locator('.ph-text').first())).toBe(agreedText?.replace(/\s+/g, ' ').trim());
    expect(await inserted.locator('em.ph-opener').textContent()).toBe('Requests');
    expect(idsBefore).not.toContain(await inserted.getAttribute('data-id'));
    expect(await textOf(ops(page).nth(1).locator('.ph-text').first())).toContain('to appoint the additional members');

    // Cite: the cursor is in the new OP 3 (word for word now); a footnote citing 74/129 OP 2 appears.
    await expect.poll(() => panel.locator('.library-following').textContent(), { timeout: 10_000 }).toBe('Paragraphs like OP 3');
    await expect.poll(() => first.locator('.library-hit-summary').textContent()).toBe('Agreed language from 74/129 OP 2, word for word');
    const footnotes = page.locator('.page .ph-document .ph-footnote');
    const footnotesBefore = await footnotes.count();
    await first.getByRole('button', { name: 'Cite' }).click();
    await expect.poll(() => footnotes.count()).toBe(footnotesBefore + 1);
    expect(await inserted.locator('.ph-footnote').count()).toBe(1);
    // The cursor was at the end of the inserted paragraph: the footnote follows its text, the opener stays first.
    const afterFootnote = await inserted.locator('.ph-text').first().evaluate((el) => {
      const range = document.createRange();
      range.setStartAfter(el.querySelector('.ph-footnote') ?? el);
      range.setEnd(el, el.childNodes.length);
      return range.toString();
    });
    expect(afterFootnote).toBe('');
    expect(await inserted.locator('em.ph-opener').textContent()).toBe('Requests');
    await expect.poll(() => page.getByRole('region', { name: 'Footnotes' }).textContent()).toContain('Resolution 74/129, OP 2.');

    // A phrase selected in OP 1 is searched as a phrase; bracketed, the panel says how many resolutions agreed it.
    const phrase = 'the United Nations';
    await dragSelect(page, '.page .ph-document .ph-op', 0, phrase);
    await expect.poll(() => panel.locator('.library-following').textContent(), { timeout: 10_000 }).toBe('The selected phrase in OP 1');
    await expect.poll(() => panel.getByRole('list', { name: 'Library hits' }).getAttribute('aria-busy')).toBe('false');
    expect(await hits.count()).toBeGreaterThan(1);
    expect(await panel.locator('.library-hit-text mark').count()).toBeGreaterThanOrEqual(await hits.count());
    for (const mark of await panel.locator('.library-hit-text mark').allTextContents()) expect(mark.toLowerCase()).toBe(phrase.toLowerCase());
    await page.keyboard.press('Control+Alt+B');
    await expect.poll(() => ops(page).first().locator('span.ph-bracket').count()).toBe(1);
    await clickIn(page, '.page .ph-document .ph-op .ph-bracket', 0, 'United');
    const verdict = panel.locator('.library-bracket-verdict');
    await expect.poll(() => verdict.textContent(), { timeout: 10_000 }).toMatch(/^This alternative is agreed language in \d+ resolutions\.$/);
    const agreedIn = Number(/in (\d+) resolutions/.exec((await verdict.textContent()) ?? '')?.[1]);
    // Every fixture but the 74/129 itself also speaks of the United Nations.
    const withPhrase = fixtures.filter((f) => readFileSync(f, 'utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').includes(phrase)).length;
    expect(agreedIn).toBeGreaterThanOrEqual(withPhrase);
    await screenshot(page, 'library-panel-bracket');

    // Provenance: the share of agreed language, saved as CSV.
    await panel.getByRole('tab', { name: 'Provenance' }).click();
    await panel.getByRole('button', { name: 'Check provenance' }).click();
    const share = panel.locator('.library-share');
    await expect.poll(() => share.textContent(), { timeout: 30_000 }).toMatch(/^\d+% agreed language: \d+ verbatim, \d+ near, \d+ new of \d+ paragraphs$/);
    const [verbatim, near] = [...((await share.textContent()) ?? '').matchAll(/(\d+) (?:verbatim|near)/g)].map((m) => Number(m[1]));
    expect(verbatim).toBeGreaterThanOrEqual(1);
    expect(near).toBeGreaterThanOrEqual(1);
    const rows = panel.getByRole('list', { name: 'Provenance of the paragraphs' }).locator('li');
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'library-panel-provenance');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Save .csv' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Provenance .+\.csv$/);
    const csv = readFileSync((await download.path()) ?? '', 'utf8').split('\r\n');
    expect(csv[0]).toBe('label,status,similarity,source,source_label,source_date,adopted,text');
    expect(csv.filter((line) => line !== '').length).toBe((await rows.count()) + 1);
    expect(csv.some((line) => line.startsWith('OP 3,verbatim,') && line.includes('A/RES/74/129,OP 2'))).toBe(true);

    const [textDownload] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Save .txt' }).click()]);
    const report = readFileSync((await textDownload.path()) ?? '', 'utf8');
    expect(report.split('\n').slice(0, 2)).toEqual(['Provenance of A/RES/74/129', (await share.textContent()) ?? '']);
    expect(report).toContain('OP 3: verbatim (Resolution 74/129, OP 2, 8 January 2020)');

    // The same report is one of the Export dialog's formats.
    await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await exportDialog.getByText('Provenance', { exact: true }).click();
    expect(await exportDialog.getByRole('radio', { name: 'Compilation (with brackets)' }).count()).toBe(0);
    await exportDialog.getByRole('radio', { name: 'CSV table' }).check();
    await screenshot(page, 'export-dialog-provenance');
    const [exported] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(exported.suggestedFilename()).toBe('Provenance A_RES_74_129.csv');
    expect(readFileSync((await exported.path()) ?? '', 'utf8').split('\r\n')).toEqual(csv);
    await expect.poll(() => exportDialog.count()).toBe(0);

    // The tabs answer the arrow keys.
    await panel.getByRole('tab', { name: 'Provenance' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await panel.getByRole('tab', { name: 'Add texts' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await panel.getByRole('tab', { name: 'Agreed language' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('library-tab-search');

    // Closed again, the text column is as wide as before.
    await chooseInBar(page, 'View', 'Library');
    await panel.waitFor({ state: 'detached' });
    await twoFrames(page);
    expect(await page.locator('.page-scroll').evaluate((el) => el.clientWidth)).toBe(columnBefore);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the progress of a long add and cancels it, keeping what was added; adds this document', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('.doc-item').first().click();
    await ops(page).first().waitFor();
    await chooseInBar(page, 'View', 'Library');
    const panel = page.getByRole('region', { name: 'Library' });
    await panel.getByRole('tab', { name: 'Add texts' }).click();
    const size = panel.getByLabel('Library size');
    await expect.poll(() => size.textContent()).toMatch(/^Library: \d+ texts/);
    const textsIn = async () => Number(/^Library: (\d+) texts/.exec((await size.textContent()) ?? '')?.[1]);
    const before = await textsIn();

    // The search box: a phrase, all words, parts of words; every hit holds what was asked.
    await panel.getByRole('tab', { name: 'Agreed language' }).click();
    const box = panel.getByRole('searchbox', { name: 'Search the library' });
    const mode = panel.getByRole('combobox', { name: 'Search for' });
    const hitTexts = panel.getByRole('list', { name: 'Library hits' }).locator('.library-hit-text');
    const searchFor = async (query: string, how: string) => {
      await mode.selectOption({ label: how });
      await box.fill(query);
      await expect.poll(() => panel.locator('.library-following').textContent()).toBe(`${how}: “${query}”`);
      await expect.poll(() => panel.getByRole('list', { name: 'Library hits' }).getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
      return (await hitTexts.allTextContents()).map((t) => t.toLowerCase().replace(/\s+/g, ' '));
    };
    const phraseHits = await searchFor('post adjustment multipliers', 'Exact phrase');
    expect(phraseHits.length).toBeGreaterThan(0);
    for (const t of phraseHits) expect(t).toContain('post adjustment multipliers');
    const wordHits = await searchFor('Commission statute', 'All words');
    expect(wordHits.length).toBeGreaterThan(0);
    for (const t of wordHits) expect(t.includes('commission') && t.includes('statute')).toBe(true);
    const partialHits = await searchFor('adjustm multipl', 'Parts of words');
    expect(partialHits.length).toBeGreaterThan(0);
    for (const t of partialHits) expect(t.includes('adjustm') && t.includes('multipl')).toBe(true);
    const marked = await panel.locator('.library-hit-text mark').allTextContents();
    expect(new Set(marked.map((m) => m.toLowerCase()))).toEqual(new Set(['adjustm', 'multipl']));
    await screenshot(page, 'library-panel-search');
    await box.fill('');
    await panel.getByRole('tab', { name: 'Add texts' }).click();

    // A session-sized zip: 600 distinct copies of a 37 KB resolution (each its own source).
    const base = readFileSync(path.join(fixtureDir, '74_255.xml'), 'utf8');
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i < 600; i++) entries[`copy-${String(i).padStart(4, '0')}.xml`] = new TextEncoder().encode(`${base}<!-- copy ${i} -->`);
    const zip = zipSync(entries, { level: 1 });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel.getByRole('button', { name: 'Add files…', exact: true }).click()]);
    await chooser.setFiles({ name: 'session.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    const progress = panel.locator('.library-progress-label');
    await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toMatch(/^Adding “session\.zip”… \d+ of 600 · session\.zip\/copy-\d{4}\.xml$/);
    await screenshot(page, 'library-panel-progress');
    await panel.getByRole('button', { name: 'Cancel' }).click();
    const result = panel.locator('.library-result');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toBe('Adding “session.zip” was cancelled; what was added before stays.');
    await expect.poll(textsIn).toBeGreaterThanOrEqual(before);
    const afterCancel = await textsIn();
    expect(afterCancel).toBeLessThan(before + 600 * 2);

    // This document: one more text, searchable at once.
    await panel.getByRole('button', { name: 'Add this document' }).click();
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(/^Added “this document”: 1 text, \d+ paragraphs\.$/);
    await expect.poll(textsIn).toBe(afterCancel + 1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
