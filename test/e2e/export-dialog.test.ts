import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allChangesSaved, openPage, placeCaret, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('export-dialog');
const fixture = path.resolve('test/fixtures/e2e/cn15-draft-rev1.txt');
const title = 'Strengthening the protection of witnesses in criminal proceedings';
const fileBase = 'E_CN.15_2023_L.6_Rev.1';
const added = 'Encourages States to protect the families of witnesses;';

type Saved = { name: string; file: string; bytes: Buffer };

// What a click saves: the download's suggested name, where Chromium put it, its bytes.
async function downloaded(page: Page, click: () => Promise<void>): Promise<Saved> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const file = await (download as Download).path();
  return { name: (download as Download).suggestedFilename(), file, bytes: readFileSync(file) };
}

// pandoc's plain text of a .docx (an independent reader), with tracked changes accepted or rejected.
function pandocText(file: string, changes: 'accept' | 'reject' = 'accept'): string {
  return execFileSync('pandoc', [`--track-changes=${changes}`, '-f', 'docx', '-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });
}

// A new page at 1366x768 with the fixture imported and open.
async function openFixture(page: Page, importIt: boolean): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  if (importIt) {
    await page.getByLabel('Text file to import').setInputFiles(fixture);
    await page.getByRole('status', { name: 'Import result' }).waitFor();
  } else await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) }).click();
  await page.locator('.page .ph-document .ph-op').first().waitFor();
}

describe('the Export dialog in Chromium', { timeout: 300_000 }, () => {
  it('exports the open document to Word and to PDF, each saved under the symbol', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await openFixture(page, true);
    const exportButton = page.getByRole('banner').getByRole('button', { name: 'Export…' });
    await exportButton.click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: /^Word \.docx/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'Compilation (with brackets)' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('group', { name: 'Who proposed each bracket' }).getByRole('radio').count()).toBe(3);
    expect(await dialog.locator('.export-name-note').textContent()).toBe(`Saved as ${fileBase}.docx, after the document symbol.`);
    await screenshot(page, 'export-dialog-word');

    const word = await downloaded(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    expect(word.name).toBe(`${fileBase}.docx`);
    expect(word.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const wordText = pandocText(word.file);
    expect(wordText).toContain(title);
    expect(wordText).toContain('Invites Member States to share practices on the protection of witnesses');
    await dialog.waitFor({ state: 'hidden' });

    await exportButton.click();
    await dialog.getByText('PDF', { exact: true }).click();
    await dialog.getByRole('radio', { name: 'US Letter' }).check();
    expect(await dialog.getByRole('combobox').count()).toBe(0);
    await screenshot(page, 'export-dialog-pdf');
    const pdf = await downloaded(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    expect(pdf.name).toBe(`${fileBase}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfText = execFileSync('pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdfText).toContain('Strengthening the protection of witnesses');
    expect(execFileSync('pdfinfo', [pdf.file], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts/);

    await exportButton.click();
    await dialog.getByText('Akoma Ntoso', { exact: true }).click();
    expect(await dialog.getByRole('group', { name: 'Who proposed each bracket' }).count()).toBe(0);
    const akn = await downloaded(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    expect(akn.name).toBe(`${fileBase}.xml`);
    expect(akn.bytes.toString('utf8')).toMatch(/<akomaNtoso[\s>][\s\S]*Strengthening the protection of witnesses/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports the clean view from the view bar, and Rev.2 with the changes from Rev.1 from the Revisions panel', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await openFixture(page, false);

    // The view's Export… opens the dialog on that view.
    await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Without brackets' }).click();
    await page.getByRole('toolbar', { name: 'View options' }).getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    expect(await dialog.getByRole('radio', { name: 'Text without brackets' }).isChecked()).toBe(true);
    await dialog.getByText('Plain text', { exact: true }).click();
    const text = await downloaded(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    expect(text.name).toBe(`${fileBase}.txt`);
    expect(text.bytes.toString('utf8')).toContain('1. *Invites* Member States');
    await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Editing' }).click();

    // Rev.1, a new operative paragraph 2, Rev.2.
    await page.getByRole('toolbar', { name: 'Document' }).getByRole('button', { name: 'Revisions' }).click();
    const panel = page.getByRole('region', { name: 'Revisions' });
    const save = async (label: string) => {
      await allChangesSaved(page);
      await panel.getByRole('button', { name: 'Save revision…' }).click();
      const form = panel.getByRole('form', { name: 'Save revision' });
      await form.getByLabel('Label').fill(label);
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      await panel.getByRole('list', { name: 'Named revisions' }).getByRole('listitem', { name: label }).waitFor();
    };
    await save('Rev.1');
    await placeCaret(page.locator('.page .ph-document .ph-op > .ph-text').first());
    await page.keyboard.press('Enter');
    await page.keyboard.type(added);
    if (await page.locator('.ph-completion:not([hidden])').count()) await page.keyboard.press('Escape');
    await page.locator('.page .ph-document .ph-op', { hasText: added }).waitFor();
    await save('Rev.2');

    const rev2 = panel.getByRole('listitem', { name: 'Rev.2' });
    await rev2.getByRole('button', { name: 'Export Rev.2 with changes from Rev.1…' }).click();
    const revDialog = page.getByRole('dialog', { name: 'Export Rev.2' });
    await revDialog.waitFor();
    expect(await revDialog.getByRole('radio', { name: /^Word \.docx/ }).isChecked()).toBe(true);
    const since = revDialog.getByLabel('Changes since (shown as tracked changes)');
    expect(await since.locator('option:checked').textContent()).toMatch(/^Rev\.1 /);
    await screenshot(page, 'export-dialog-revision');
    const tracked = await downloaded(page, () => revDialog.getByRole('button', { name: 'Export', exact: true }).click());
    expect(tracked.name).toBe(`${fileBase}.docx`);
    const accepted = pandocText(tracked.file, 'accept');
    const rejected = pandocText(tracked.file, 'reject');
    expect(accepted).toContain(`2. ${added}`);
    expect(accepted).toContain('3. Requests the United Nations Office on Drugs and Crime');
    expect(rejected).not.toContain('families of witnesses');
    expect(rejected).toContain('2. Requests the United Nations Office on Drugs and Crime');
    expect(errors).toEqual([]);
    await page.close();
  });
});
