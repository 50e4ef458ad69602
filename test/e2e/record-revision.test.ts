import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allChangesSaved, openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';
import { runCli } from '../electron/cli/run-cli.js';

const env = useWebShell('record-revision');
const fixture = path.resolve('test/fixtures/e2e/cn15-draft-rev1.txt');

// What a click saves: the download's suggested name, where Chromium put it, its bytes.
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; file: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const file = await (download as Download).path();
  return { name: (download as Download).suggestedFilename(), file, bytes: readFileSync(file) };
}

describe('issuing a revision in Chromium', { timeout: 300_000 }, () => {
  it('issues Rev.1 from the Revisions panel, exports its revision file, and the app and the CLI both verify it; a tampered copy is refused', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByLabel('Text file to import').setInputFiles(fixture);
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    await page.locator('.page .ph-document .ph-op').first().waitFor();

    await page.getByRole('toolbar', { name: 'Document' }).getByRole('button', { name: 'Revisions' }).click();
    const panel = page.getByRole('region', { name: 'Revisions' });
    await allChangesSaved(page);
    await panel.getByRole('button', { name: 'Save revision…' }).click();
    const form = panel.getByRole('form', { name: 'Save revision' });
    await form.getByLabel('Label').fill('Rev.1');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    const item = panel.getByRole('list', { name: 'Named revisions' }).getByRole('listitem', { name: 'Rev.1' });
    await item.waitFor();

    await item.getByRole('button', { name: 'Issue revision…' }).click();
    await item.getByRole('button', { name: 'Issue Rev.1' }).click();
    const note = item.getByRole('status');
    await note.waitFor();
    const noteText = (await note.textContent()) ?? '';
    expect(noteText).toMatch(/^Issued Rev\.1 \(1 in its chain\)\. Fingerprint ([0-9A-F]{4}-){15}[0-9A-F]{4}; content hash [0-9a-f]{64}\.$/);
    const fingerprint = /Fingerprint ([0-9A-F-]+);/.exec(noteText)![1]!;
    await expect.poll(() => item.locator('.record-mark').textContent()).toBe(`Issued · ${fingerprint.slice(0, 9)}…`);

    await item.scrollIntoViewIfNeeded();
    await screenshot(page, 'record-revision-mark');
    const saved = await downloaded(page, () => item.getByRole('button', { name: 'Export revision file…' }).click());
    expect(saved.name).toBe('E_CN.15_2023_L.6_Rev.1.penholder-revision.json');

    await panel.getByLabel('Revision file to verify').setInputFiles(saved.file);
    const valid = panel.locator('.record-valid');
    await valid.waitFor();
    expect(await valid.textContent()).toBe(`Valid: Rev.1, issued by key ${fingerprint}, chain of 1 issued revision unbroken.`);
    await valid.scrollIntoViewIfNeeded();
    await screenshot(page, 'record-revision-issued');

    const cli = runCli(['verify', saved.file, '--key', fingerprint]);
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout.trim())).toMatchObject({ valid: true, label: 'Rev.1', chain: 1, fingerprint: fingerprint.replace(/-/g, '').toLowerCase() });

    const tampered = path.join(path.dirname(saved.file), 'tampered.penholder-revision.json');
    writeFileSync(tampered, saved.bytes.toString('utf8').replace('witnesses', 'witnesbes'));
    await panel.getByLabel('Revision file to verify').setInputFiles(tampered);
    const refused = panel.locator('.record-verify [role=alert]');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/^Not valid: tampered\.penholder-revision\.json\. Content changed: /);
    await screenshot(page, 'record-revision-tampered');

    // Issue 14 point 4: Rev.2 issued after a change; the Rev.1 file the delegation holds is compared with it.
    await page.locator('.page .ph-document .ph-op').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Amended.');
    await allChangesSaved(page);
    await panel.getByRole('button', { name: 'Save revision…' }).click();
    await form.getByLabel('Label').fill('Rev.2');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    const item2 = panel.getByRole('list', { name: 'Named revisions' }).getByRole('listitem', { name: 'Rev.2' });
    await item2.getByRole('button', { name: 'Issue revision…' }).click();
    await item2.getByRole('button', { name: 'Issue Rev.2' }).click();
    await item2.locator('.record-mark').waitFor();
    await panel.getByLabel('Revision file to compare').setInputFiles(saved.file);
    const compared = page.locator('.record-compare-overlay');
    await compared.waitFor();
    expect(await compared.locator('.record-compare-chain').textContent()).toBe('Rev.1 → Rev.2: chain unbroken, no revision between.');
    await expect.poll(() => page.locator('ins, .compare-inserted, [class*=insert]').filter({ hasText: 'Amended' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'record-revision-compare');
    expect(errors).toEqual([]);
    await page.close();
  });
});
