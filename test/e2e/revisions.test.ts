import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allChangesSaved, openPage, placeCaret, screenshot } from './browser.js';
import { createFromTemplate, useWebShell } from './web-shell-fixture.js';

const env = useWebShell('revisions');

const title = 'Revisions under test';
const rev1 = [
  'Requests the Secretary-General to report on prison reform;',
  'Encourages Member States to share data on cybercrime;',
  'Invites donors to support legal aid programmes;',
  'Urges States to ratify the Convention against Corruption;',
  'Welcomes the work of the expert group on firearms;',
];
const rev2 = [
  'Requests the Secretary-General to report annually on prison reform;',
  'Invites donors to support legal aid programmes;',
  'Encourages Member States to share data on cybercrime;',
  'Urges States to implement the Convention against Corruption;',
  'Decides to remain seized of the matter.',
];

const opTexts = (page: Page) => page.locator('.page .ph-document .ph-op > .ph-text').evaluateAll((els) => els.map((el) => el.textContent ?? ''));

// Types text; Escape closes an opener completion list if one opened.
async function type(page: Page, text: string, then: string | null = null): Promise<void> {
  await page.keyboard.type(text);
  if (await page.locator('.ph-completion:not([hidden])').count()) await page.keyboard.press('Escape');
  if (then) await page.keyboard.press(then);
}

// Puts the caret in OP `n` (1-based), `fromEnd` characters before its end, or selects its whole text.
async function caretInOp(page: Page, n: number, fromEnd: number | 'all' = 0): Promise<void> {
  await placeCaret(page.locator('.page .ph-document .ph-op > .ph-text').nth(n - 1), fromEnd === 'all');
  if (fromEnd !== 'all') for (let i = 0; i < fromEnd; i++) await page.keyboard.press('ArrowLeft');
}

async function saveRevision(page: Page, expectedLabel: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Revisions' });
  await allChangesSaved(page);
  await panel.getByRole('button', { name: 'Save revision…' }).click();
  const form = panel.getByRole('form', { name: 'Save revision' });
  expect(await form.getByLabel('Label').inputValue()).toBe(expectedLabel);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByRole('list', { name: 'Named revisions' }).getByRole('listitem', { name: expectedLabel }).waitFor();
}

describe('revisions, compare and history in Chromium', { timeout: 300_000 }, () => {
  it('saves Rev.1 and Rev.2, compares them, restores Rev.1, shows who wrote what, offers what changed since last looked and starts a document from Rev.2', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);

    // First run: asked who is writing, once.
    const welcome = page.getByRole('region', { name: 'Who is writing' });
    await welcome.getByRole('button', { name: 'Set your name and delegation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your profile' });
    await dialog.getByLabel('Your name').fill('Ana Pereira');
    await dialog.getByLabel('Find your delegation').fill('Brazil');
    await dialog.getByRole('button', { name: 'Choose Brazil (BRA)' }).click();
    expect(await dialog.getByRole('group', { name: 'Delegation' }).textContent()).toContain('Brazil');
    await screenshot(page, 'revisions-profile');
    await dialog.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Profile: Ana Pereira, BRA' }).waitFor();
    expect(await welcome.count()).toBe(0);

    await createFromTemplate(page, title, undefined, 'blank-resolution');
    await page.locator('.ph-document.ProseMirror-focused').waitFor();
    await type(page, 'Recalling its resolution 70/1 of 25 September 2015,', 'Enter');
    await page.keyboard.press('Enter');
    for (const [i, text] of rev1.entries()) await type(page, text, i < rev1.length - 1 ? 'Enter' : null);
    expect(await opTexts(page)).toEqual(rev1);

    await page.getByRole('button', { name: 'Revisions', exact: true }).click();
    await saveRevision(page, 'Rev.1');
    const item1 = page.getByRole('listitem', { name: 'Rev.1' });
    expect(await item1.textContent()).toContain('Ana Pereira (BRA)');
    // Its time as people read it (local, month written out), the exact instant in the tooltip.
    const when = item1.locator('time').first();
    expect(await when.textContent()).toMatch(/^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d\d:\d\d$/);
    expect(await when.getAttribute('title')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    // Reword OP 1 and OP 4, delete OP 5, add a new OP 5, move OP 3 up.
    await caretInOp(page, 1, 'on prison reform;'.length);
    await type(page, 'annually ');
    await caretInOp(page, 4, ' the Convention against Corruption;'.length);
    for (let i = 0; i < 'ratify'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await type(page, 'implement');
    await caretInOp(page, 5, 'all');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.locator('.page .ph-document .ph-op').count()).toBe(4);
    await caretInOp(page, 4);
    await page.keyboard.press('Enter');
    await type(page, rev2[4] as string);
    await page.waitForTimeout(600);
    await caretInOp(page, 3);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => opTexts(page)).toEqual(rev2);
    await saveRevision(page, 'Rev.2');
    await screenshot(page, 'revisions-panel');

    // Compare Rev.1 with Rev.2.
    await page.getByRole('listitem', { name: 'Rev.2' }).getByRole('button', { name: 'Compare with Rev.1' }).click();
    const compare = page.getByRole('region', { name: 'Compare versions' });
    const summary = compare.getByRole('status', { name: 'Summary of changes' });
    await expect.poll(() => summary.textContent()).toBe('1 inserted, 1 deleted, 1 moved, 2 changed');
    const row = (status: string) => compare.locator(`.compare-row[data-status="${status}"]`);
    expect(await row('inserted').locator('.compare-note').textContent()).toBe('Inserted');
    expect((await row('inserted').locator('ins').allTextContents()).join('')).toBe(rev2[4]);
    expect(await row('inserted').locator('ins.seg-italic').textContent()).toBe('Decides');
    expect(await row('deleted').locator('.compare-note').textContent()).toBe('Deleted');
    expect(await row('deleted').locator('.compare-label').textContent()).toBe('was OP 5');
    expect((await row('deleted').locator('del').allTextContents()).join('')).toBe(rev1[4]);
    expect(await row('moved').locator('.compare-note').textContent()).toBe('Moved from OP 3');
    expect(await row('moved').locator('.compare-numbers').textContent()).toBe('OP 3 → OP 2');
    expect(await row('changed').locator('ins').allTextContents()).toEqual(['annually ', 'implement']);
    expect(await row('changed').locator('del').allTextContents()).toEqual(['ratify']);
    expect(await row('unchanged').count()).toBeGreaterThan(0);
    await screenshot(page, 'revisions-compare');

    await compare.getByLabel('Changed paragraphs only').check();
    await expect.poll(() => row('unchanged').count()).toBe(0);
    expect(await compare.locator('.compare-row').count()).toBe(5);
    await compare.getByRole('button', { name: /Next change/ }).click();
    expect(await compare.locator('.compare-row[aria-current="true"] .compare-label').textContent()).toBe('OP 1');
    await page.keyboard.press('n');
    expect(await compare.locator('.compare-row[aria-current="true"] .compare-label').textContent()).toBe('OP 2');
    expect(await compare.locator('.compare-position').textContent()).toBe('Change 2 of 5');
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    expect(await compare.locator('.compare-position').textContent()).toBe('Change 5 of 5');
    await screenshot(page, 'revisions-compare-filtered');
    await compare.getByRole('button', { name: 'Back to the document' }).click();

    // Open Rev.1 read-only, then restore it.
    await page.getByRole('listitem', { name: 'Rev.1' }).getByRole('button', { name: 'Open' }).click();
    const reader = page.getByRole('region', { name: 'Revision Rev.1 (read-only)' });
    await expect.poll(() => reader.locator('.ph-op > .ph-text').allTextContents()).toEqual(rev1);
    expect(await reader.locator('.ph-document').getAttribute('contenteditable')).toBe('false');
    await screenshot(page, 'revisions-read-only');
    await reader.getByRole('button', { name: 'Restore…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Restore Rev.1?' });
    expect(await confirm.textContent()).toContain('itself a change');
    await confirm.getByRole('button', { name: 'Restore Rev.1' }).click();
    await expect.poll(() => opTexts(page)).toEqual(rev1);
    await allChangesSaved(page);

    // History: the changes by delegation, and the text coloured by who wrote it.
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'History' });
    await history.locator('.history-entry').first().waitFor();
    expect(await history.locator('.history-entry').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Ana Pereira \(BRA\).*restored/)]));
    // The list is live: a change typed now shows up without reopening the panel.
    await expect.poll(() => history.locator('.history-entry').first().textContent()).toMatch(/restored/);
    await caretInOp(page, 1);
    await type(page, ' Live');
    await allChangesSaved(page);
    await expect.poll(() => history.locator('.history-entry').first().textContent(), { timeout: 15_000 }).toMatch(/Ana Pereira \(BRA\).*typed/);
    await history.getByLabel('Colour the text by who wrote it').check();
    await history.getByRole('list', { name: 'Authorship colours' }).getByText('BRA', { exact: true }).waitFor();
    await expect.poll(() => page.locator('.page .ph-document .ph-author').count()).toBeGreaterThan(0);
    await screenshot(page, 'revisions-history');
    await history.getByLabel('Colour the text by who wrote it').uncheck();
    await expect.poll(() => page.locator('.page .ph-document .ph-author').count()).toBe(0);

    // Leave the document (it counts as seen); in another window a colleague from Ghana, at this
    // machine, changes it; come back.
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    const other = await openPage(env.browser, env.shell.url);
    await other.page.getByRole('button', { name: 'Profile: Ana Pereira, BRA' }).click();
    const profile = other.page.getByRole('dialog', { name: 'Your profile' });
    await profile.getByLabel('Your name').fill('Kofi Mensah');
    await profile.getByLabel('Find your delegation').fill('GHA');
    await profile.getByRole('button', { name: 'Choose Ghana (GHA)' }).click();
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await other.page.getByRole('button', { name: 'Profile: Kofi Mensah, GHA' }).waitFor();
    await other.page.locator('.doc-item', { hasText: title }).click();
    await other.page.locator('.ph-document .ph-op').first().waitFor();
    await caretInOp(other.page, 2);
    await type(other.page, ' Also by peers');
    await allChangesSaved(other.page);
    await other.page.close();

    await page.reload();
    await page.getByRole('button', { name: 'Profile: Kofi Mensah, GHA' }).waitFor();
    expect(await page.getByRole('region', { name: 'Who is writing' }).count()).toBe(0);
    await page.locator('.doc-item', { hasText: title }).click();
    const offer = page.getByRole('region', { name: 'Changed since you last looked' });
    await offer.getByRole('button', { name: 'Compare with what you last saw' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Compare versions' }).getByRole('status', { name: 'Summary of changes' }).textContent()).toBe('1 changed');
    expect(await page.locator('.compare-row[data-status="changed"] ins').allTextContents()).toEqual([' Also by peers']);
    expect(await offer.count()).toBe(0);
    await screenshot(page, 'revisions-since-last-looked');
    await page.getByRole('button', { name: 'Back to the document' }).click();

    // Who wrote what: Ghana's words in Ghana's colour, and Ghana first in the history.
    await page.getByRole('button', { name: 'Revisions', exact: true }).click();
    await page.getByRole('tab', { name: 'History' }).click();
    const newest = page.getByRole('region', { name: 'History' }).locator('.history-entry').first();
    await expect.poll(() => newest.textContent()).toMatch(/^GHAKofi Mensah \(GHA\).*typed/);
    await page.getByLabel('Colour the text by who wrote it').check();
    const legend = page.getByRole('list', { name: 'Authorship colours' });
    await expect.poll(() => legend.locator('.legend-code').allTextContents()).toEqual(['BRA', 'GHA']);
    const ghana = page.locator('.page .ph-document .ph-author-1');
    // Other decorations (style underlines) may split the run into several spans.
    await expect.poll(async () => (await ghana.allTextContents()).join('')).toBe(' Also by peers');
    expect(await ghana.first().getAttribute('title')).toBe('Written by Kofi Mensah (GHA)');
    await screenshot(page, 'revisions-authorship');

    // A new document from Rev.2: opened at once, with Rev.2's text, next to the original.
    await page.getByRole('tab', { name: 'Revisions' }).click();
    await page.getByRole('listitem', { name: 'Rev.2' }).getByRole('button', { name: 'New document' }).click();
    await expect.poll(() => page.locator('.doc-item').count()).toBe(2);
    await expect.poll(() => opTexts(page)).toEqual(rev2);
    expect(await page.locator('.doc-item[aria-current="true"]').count()).toBe(1);

    expect(errors).toEqual([]);
  });
});
