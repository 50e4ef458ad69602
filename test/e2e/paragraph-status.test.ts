import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('paragraph-status');
const title = 'Violence against women migrant workers';


async function setProfile(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Set your name and delegation' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Your profile' });
  await dialog.getByLabel('Your name').fill('Jane Doe');
  await dialog.getByLabel('Find your delegation').fill('CAN');
  await dialog.getByRole('button', { name: 'Choose Canada (CAN)' }).click();
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

// The label is beside OP 1's text on its inline-end side (left in right-to-left text) and inside the page.
async function inMargin(page: Page, label: Locator): Promise<void> {
  const text = await page.locator('.ph-document .ph-op > .ph-text').first().boundingBox();
  const sheet = await page.locator('.page').boundingBox();
  const box = await label.boundingBox();
  if (!text || !sheet || !box) throw new Error('OP 1, the page or the label is not on screen');
  const rtl = (await page.locator('.ph-document').getAttribute('dir')) === 'rtl';
  if (rtl) {
    expect(box.x + box.width).toBeLessThanOrEqual(text.x + 1);
    expect(box.x).toBeGreaterThanOrEqual(sheet.x);
  } else {
    expect(box.x).toBeGreaterThanOrEqual(text.x + text.width - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(sheet.x + sheet.width);
  }
}

// The Details panel: a document bar button, or an entry of its View menu.
async function showDetails(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Details', exact: true });
  if ((await button.count()) > 0) return button.click();
  await page.getByRole('toolbar', { name: 'Document' }).getByRole('button', { name: /^View/ }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Details' }).click();
}

describe('paragraph status in the margin and its dialog, in Chromium', { timeout: 300_000 }, () => {
  it('agrees OP 1, refuses to reopen it without a reason, reopens it with one, lists the history, sets a reservation and undoes it', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await setProfile(page);
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt'));
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) }).click();
    const op1 = page.locator('.ph-document .ph-op').first();
    await op1.waitFor();

    // From the keyboard: Mod-Alt-Shift-s in OP 1 opens the dialog for OP 1.
    await op1.locator('.ph-text').click({ position: { x: 200, y: 6 } });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('ph-document') && document.getSelection()?.anchorNode?.parentElement?.closest('.ph-op') === document.querySelector('.ph-document .ph-op')))
      .toBe(true);
    await page.keyboard.press('Control+Alt+Shift+S');
    const dialog = page.getByRole('dialog', { name: 'Status of OP 1' });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain('Facilitator (Jane Doe)');
    await dialog.getByRole('radio', { name: 'Agreed', exact: true }).check();
    await screenshot(page, 'paragraph-status-dialog');
    await dialog.getByRole('button', { name: 'Set status' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const label = page.getByRole('button', { name: 'Status of OP 1: Agreed' });
    await expect.poll(() => label.textContent()).toBe('Agreed');
    const colour = await label.evaluate((el) => getComputedStyle(el).borderInlineStartColor);
    // OP 2 is pending: its label is there (under the pointer) but hidden from assistive technology, in another colour.
    const pending = page.locator('.ph-document .ph-op').nth(1).locator('.ph-status-pending');
    expect(await pending.getAttribute('aria-hidden')).toBe('true');
    expect(colour).not.toBe(await pending.locator('button').evaluate((el) => getComputedStyle(el).borderInlineStartColor));
    await screenshot(page, 'paragraph-status-agreed');

    // The label sits in the inline-end margin: beside the text column, inside the page.
    await inMargin(page, label);

    // Reopening from the margin label (at once: each decision is its own undo step): refused without a reason, done with one.
    await label.click();
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Under discussion' }).check();
    await expect.poll(() => dialog.textContent()).toContain('Reopening an agreed paragraph is a deliberate act');
    await dialog.getByRole('button', { name: 'Reopen as under discussion' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('OP 1 is agreed: reopening it needs a reason');
    await screenshot(page, 'paragraph-status-reopen-refused');
    await dialog.getByLabel('Reason for reopening (required)').fill('The capital of one delegation asked for more time');
    await dialog.getByRole('button', { name: 'Reopen as under discussion' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const reopened = page.getByRole('button', { name: 'Status of OP 1: Under discussion (reopened)' });
    await reopened.waitFor();

    // The history: who, when, from -> to, and the reason.
    await reopened.click();
    await dialog.waitFor();
    const history = dialog.getByRole('region', { name: 'Status history' });
    const rows = history.getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(/Facilitator \(Jane Doe\): Agreed → Under discussion \(reopened\)Reason: The capital of one delegation asked for more time/);
    expect(await rows.nth(1).textContent()).toMatch(/Facilitator \(Jane Doe\): Pending → Agreed$/);
    await screenshot(page, 'paragraph-status-history');

    // A reservation by two delegations, as one undo step.
    await dialog.getByRole('radio', { name: 'Reservation' }).check();
    await dialog.getByRole('button', { name: 'Set status' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Choose the delegations');
    for (const [query, name] of [['USA', 'United States of America (USA)'], ['RUS', 'Russian Federation (RUS)']]) {
      await dialog.getByLabel('Find a delegation').fill(query ?? '');
      await dialog.getByRole('button', { name: `Add ${name}` }).click();
    }
    await dialog.getByRole('button', { name: 'Set status' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Status of OP 1: Reservation: USA, RUS' }).waitFor();
    await screenshot(page, 'paragraph-status-reservation');
    await page.keyboard.press('Control+z');
    await reopened.waitFor();

    // The reopening stays visible in the document's history, with its reason.
    await page.getByRole('button', { name: 'Revisions', exact: true }).click();
    await page.getByRole('tab', { name: 'History' }).click();
    const changes = page.getByRole('region', { name: 'Paragraph status changes' }).getByRole('listitem');
    await expect.poll(() => changes.allTextContents()).toEqual([
      expect.stringMatching(/^OP 1Agreed → Under discussion \(reopened\)Facilitator \(Jane Doe\) · .*Reason: The capital of one delegation asked for more time$/),
      expect.stringMatching(/^OP 1Pending → AgreedFacilitator \(Jane Doe\) · /),
    ]);
    await screenshot(page, 'paragraph-status-in-history');
    await page.getByRole('button', { name: 'Revisions', exact: true }).click();

    // The negotiation toolbar's "Status…" opens the dialog of the paragraph at the cursor.
    await page.locator('.ph-document .ph-op > .ph-text').nth(1).click({ position: { x: 200, y: 6 } });
    await page.getByRole('toolbar', { name: 'Negotiation' }).getByRole('button', { name: 'Status…' }).click();
    const op2Dialog = page.getByRole('dialog', { name: 'Status of OP 2' });
    await op2Dialog.waitFor();
    // OP 2 agreed pending OP 1, picked by number.
    await op2Dialog.getByRole('radio', { name: 'Agreed pending' }).check();
    await op2Dialog.getByRole('group', { name: 'Agreed pending these paragraphs' }).getByRole('checkbox', { name: /^OP 1\b/ }).check();
    await op2Dialog.getByRole('button', { name: 'Set status' }).click();
    await op2Dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Status of OP 2: Agreed pending OP\u00a01' }).waitFor();

    // Zoomed in, the label still sits beside the text.
    await page.keyboard.press('Control+=');
    await page.keyboard.press('Control+=');
    await expect.poll(() => page.locator('.page').evaluate((el) => (el as HTMLElement).style.zoom)).not.toBe('1');
    await inMargin(page, reopened);
    await reopened.scrollIntoViewIfNeeded();
    await screenshot(page, 'paragraph-status-zoom');

    // Right to left: the label moves to the other margin.
    await showDetails(page);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
    await expect.poll(() => page.locator('.ph-document').getAttribute('dir')).toBe('rtl');
    await inMargin(page, reopened);
    await screenshot(page, 'paragraph-status-rtl');
    expect(errors).toEqual([]);
  });
});
