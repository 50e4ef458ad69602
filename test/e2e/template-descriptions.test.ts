import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('template-descriptions');

describe('template descriptions in Chromium', { timeout: 300_000 }, () => {
  it('offers the CCPCJ and CND commission templates, each card saying what differs, and starts a CND resolution', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('toolbar', { name: 'Start a document' }).getByRole('button', { name: 'New from template' }).click();
    const picker = page.getByRole('dialog', { name: 'New from template' });
    const card = (id: string) => picker.locator(`[data-template-id="${id}"]`);
    await card('cnd-resolution').waitFor();
    expect(await card('ccpcj-resolution').locator('.template-name').textContent()).toBe('Functional commission resolution (Commission on Crime Prevention and Criminal Justice)');
    expect(await card('ccpcj-resolution').locator('.template-description').textContent()).toContain('E/CN.15/YYYY/L.N');
    expect(await card('cnd-resolution').locator('.template-description').textContent()).toContain('“The Commission on Narcotic Drugs,”');
    expect(await card('ecosoc-resolution').locator('.template-description').textContent()).toContain('recommends to the Council for adoption');
    await screenshot(page, 'template-descriptions-1366');
    await card('cnd-resolution').click();
    await expect.poll(() => page.locator('.page .ph-document .ph-body-line').first().textContent()).toContain('The Commission on Narcotic Drugs,');
    expect(errors).toEqual([]);
    await page.close();
  });
});
