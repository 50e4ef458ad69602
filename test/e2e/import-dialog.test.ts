import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('import-dialog');
const tracked = path.resolve('test/fixtures/e2e/tracked-two-authors.docx');
const twoDrafts = path.resolve('test/fixtures/e2e/two-draft-resolutions.txt');

// The closing brackets of the compilation view as drawn (the proposers' tags are in ::after).
const closings = (page: Page) => page.locator('.negotiation-page .ph-document .ph-bracket').evaluateAll((els) => els.map((el) => getComputedStyle(el, '::after').content));

// A new page at 1366x768.
async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(env.browser, env.shell.url);
  await opened.page.setViewportSize({ width: 1366, height: 768 });
  return opened;
}

describe('the Import dialog and dropping files on the window, in Chromium', { timeout: 300_000 }, () => {
  it('imports a Word file with tracked changes by two authors as proposals of the delegations they speak for', async () => {
    const { page, errors } = await newPage();
    await page.getByRole('toolbar', { name: 'Start a document' }).getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByRole('button', { name: 'Choose a folder…' }).waitFor();
    await screenshot(page, 'import-dialog-choose');

    const chooseTracked = async () => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose files…' }).click()]);
      expect(chooser.isMultiple()).toBe(true);
      await chooser.setFiles(tracked);
    };
    await chooseTracked();
    const question = page.getByRole('dialog', { name: 'Import: tracked changes' });
    await question.waitFor();
    // Cancelled at the question: nothing is imported.
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'hidden' });
    await page.waitForTimeout(500);
    expect(await page.getByRole('status', { name: 'Import result' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Document list' }).textContent()).toContain('No documents yet');
    await page.getByRole('toolbar', { name: 'Start a document' }).getByRole('button', { name: 'Import…' }).click();
    await chooseTracked();
    await question.waitFor();
    expect(await question.textContent()).toContain('1 insertion and 1 deletion by European Union and Jane Smith.');
    expect(await question.getByRole('radio', { name: /^Keep them as proposals/ }).isChecked()).toBe(true);
    // "European Union" names a delegation; "Jane Smith" does not, and is asked about.
    const jane = question.getByRole('group', { name: 'Delegation of Jane Smith' });
    expect(await question.getByRole('group', { name: /^Delegation of / }).count()).toBe(1);
    await jane.getByLabel('Find the delegation of Jane Smith').fill('Mexico');
    await jane.getByRole('button', { name: 'Choose Mexico (MEX)' }).click();
    await jane.getByText('MEX', { exact: true }).waitFor();
    await screenshot(page, 'import-dialog-tracked');
    await question.getByRole('button', { name: 'Import', exact: true }).click();

    const report = page.getByRole('status', { name: 'Import result' });
    await report.waitFor();
    expect(await report.textContent()).toContain('Imported 1 document from tracked-two-authors.docx');
    // The imported document opens by itself.
    await page.locator('.page .ph-document .ph-op').first().waitFor();
    expect(await page.locator('.document-bar-title').textContent()).toBe('Protection of migrant domestic workers');
    await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Compilation' }).click();
    await expect.poll(() => closings(page)).toEqual(['" (EU)]"', '" (MEX: delete)]"']);
    const text = await page.locator('.negotiation-page .ph-document').innerText();
    expect(text).toContain('including their right to rest');
    expect(text).toContain('and without delay');
    await screenshot(page, 'import-dialog-proposals');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports a file dropped anywhere on the window, and a folder in file order with what it left out', async () => {
    const { page, errors } = await newPage();
    const bytes = [...readFileSync(twoDrafts)];
    const data = await page.evaluateHandle((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(content)], 'two-draft-resolutions.txt', { type: 'text/plain' }));
      return transfer;
    }, bytes);
    const target = page.locator('.start-screen');
    await target.dispatchEvent('dragenter', { dataTransfer: data });
    await target.dispatchEvent('dragover', { dataTransfer: data });
    const overlay = page.getByRole('status', { name: 'Drop to import' });
    await overlay.waitFor();
    await screenshot(page, 'import-drop-overlay');
    await target.dispatchEvent('drop', { dataTransfer: data });
    await overlay.waitFor({ state: 'hidden' });
    const report = page.getByRole('status', { name: 'Import result' });
    await report.waitFor();
    expect(await report.textContent()).toContain('Imported 2 documents from two-draft-resolutions.txt');
    await expect.poll(() => page.locator('.document-bar-title').textContent()).toBe('Strengthening access to legal aid in rural areas');

    // A folder: its files in file order (L.2 before L.10), a picture left out and said.
    const folder = mkdtempSync(path.join(tmpdir(), 'penholder-import-folder-'));
    try {
      const drafts = path.join(folder, 'drafts');
      mkdirSync(drafts);
      writeFileSync(path.join(drafts, 'L.10.txt'), readFileSync(twoDrafts, 'utf8').split('Draft resolution II')[1] ?? '');
      writeFileSync(path.join(drafts, 'L.2.txt'), readFileSync(twoDrafts, 'utf8').split('Draft resolution II')[0] ?? '');
      copyFileSync(path.resolve('test/fixtures/e2e/README.md'), path.join(drafts, 'notes.md'));
      await page.getByRole('toolbar', { name: 'Start a document' }).getByRole('button', { name: 'Import…' }).click();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('dialog', { name: 'Import' }).getByRole('button', { name: 'Choose a folder…' }).click()]);
      await chooser.setFiles(drafts);
      await expect.poll(() => report.textContent()).toContain('Imported 2 documents from drafts');
      expect(await report.locator('.import-documents > li').allTextContents()).toEqual(['Resolution: Strengthening access to legal aid in rural areas', 'Resolution: Cooperation among courts on the protection of witnesses']);
      expect(await report.getByRole('list', { name: 'Import warnings' }).textContent()).toContain('Left out 1 file that is not .docx, .xml, .zip or .txt: drafts/notes.md.');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
