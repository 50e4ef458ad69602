import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allChangesSaved, openPage, screenshot } from './browser.js';
import { clickIn, dragSelect, textOf, twoFrames } from './text-pointer.js';
import { useWebShell } from './web-shell-fixture.js';

/**
 * A facilitator's session replayed as a new user would, through the page only: profile,
 * import of a real compilation text, negotiation on Rev.1, facilitator actions from the
 * toolbar and the status dialog, a delegation's deletion proposal in suggestion mode, the
 * clean text, the dashboard and the views (issue 5, "How it will be checked").
 */

const env = useWebShell('negotiation-session');
const fixture = path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt');
const title = 'Violence against women migrant workers';
const phrase = 'the report of the Secretary-General';
const alternative = 'the reports of the Secretary-General and the Special Rapporteur';
const newOp = 'Invites States to share good practices in protecting women migrant workers;';

const editor = '.page-editor .ph-document';
const opLabels = (page: Page) => page.locator(`${editor} .ph-op`).evaluateAll((els) => els.map((el) => el.getAttribute('data-label') ?? ''));

// Sets the name and delegation through the profile dialog, opened from the top bar.
async function setProfile(page: Page, name: string, query: string, choose: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Your profile' });
  const opener = page.locator('.profile-button');
  // Clicked again if the page was still starting (a click before React's first commit is lost).
  await expect
    .poll(async () => {
      if (!(await dialog.isVisible())) await opener.click();
      return dialog.isVisible();
    })
    .toBe(true);
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByLabel('Find your delegation').fill(query);
  await dialog.getByRole('button', { name: choose }).click();
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

// A negotiation action of the document bar: a button of the bar, or an entry of its "Negotiation" menu.
async function negotiationAction(page: Page, name: string | RegExp): Promise<void> {
  const bar = page.getByRole('toolbar', { name: 'Document' });
  const direct = bar.getByRole('button', { name, exact: typeof name === 'string' });
  if (await direct.count()) return direct.click();
  await bar.getByRole('button', { name: /^Negotiation/ }).click();
  const menu = page.getByRole('menu', { name: 'Negotiation' });
  await menu.getByRole('menuitem', { name }).or(menu.getByRole('menuitemcheckbox', { name })).click();
}

// The "Proposed" count of each delegation in the dashboard's table.
async function proposedBy(dashboard: Locator): Promise<Record<string, number>> {
  const rows = await dashboard
    .getByRole('table', { name: 'Open brackets per delegation' })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? '0'] as const));
  return Object.fromEntries(rows.map(([code, n]) => [code, Number(n)]));
}

describe('a facilitator\'s negotiation session in Chromium', { timeout: 300_000 }, () => {
  it('brackets, alternates, attributes, agrees, inserts 2 bis, takes a RUS deletion proposal, issues the clean text, reads the dashboard and views', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);

    // 1. Who is writing: the facilitator, Maria Lopez of Mexico.
    await setProfile(page, 'Maria Lopez', 'Mexico', 'Choose Mexico (MEX)');
    await expect.poll(() => page.locator('.profile-button').getAttribute('aria-label')).toBe('Profile: Maria Lopez, MEX');

    // 2. The compilation text imported, opened, and put in negotiation on Rev.1 saved now.
    await page.getByLabel('Text file to import').setInputFiles(fixture);
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) }).click();
    await page.locator(`.page-editor[data-ready="true"] .ph-document .ph-op`).first().waitFor();
    const bar = page.getByRole('toolbar', { name: 'Document' });
    await negotiationAction(page, 'Start negotiation…');
    const start = page.getByRole('dialog', { name: 'Start negotiation' });
    await start.getByLabel('Label of the new revision').fill('Rev.1');
    await start.getByRole('button', { name: 'Start negotiation' }).click();
    await expect.poll(() => bar.getByRole('status').filter({ hasText: 'In negotiation' }).textContent()).toBe('In negotiation on Rev.1');
    const labelsAtStart = await opLabels(page);
    expect(labelsAtStart).toEqual(['1.', '2.', '3.', '4.', '5.', '5 alt.', '6.']);
    await screenshot(page, 'session-1-negotiation-started');

    // 3a. Bracket a phrase of OP 1 from the toolbar, add an alternative, attribute it to EU and CAN.
    const toolbar = page.getByRole('toolbar', { name: 'Negotiation' });
    const ops = page.locator(`${editor} .ph-op`);
    const op1 = ops.first();
    await dragSelect(page, `${editor} .ph-op`, 0, phrase);
    const bracketButton = toolbar.getByRole('button', { name: 'Bracket selection' });
    await expect.poll(() => bracketButton.getAttribute('aria-disabled')).toBe('false');
    await bracketButton.click();
    const op1Brackets = op1.locator('span.ph-bracket');
    await expect.poll(() => op1Brackets.count()).toBe(1);
    expect(await op1Brackets.first().innerText()).toBe(phrase);

    await toolbar.getByRole('button', { name: 'Add alternative…' }).click();
    const prompt = page.getByRole('dialog', { name: 'Add an alternative' });
    await prompt.getByLabel('Text of the alternative').fill(alternative);
    await prompt.getByLabel('Text of the alternative').press('Enter');
    await expect.poll(() => op1Brackets.count()).toBe(2);
    expect(await op1.locator('.ph-alternatives').count()).toBe(1);

    await toolbar.getByRole('button', { name: 'Attribute…' }).click();
    const picker = page.getByRole('dialog', { name: 'Attribution' });
    await expect.poll(() => picker.getByRole('paragraph').first().innerText()).toContain(alternative.slice(0, 40));
    const search = picker.getByRole('searchbox', { name: 'Find a delegation' });
    await search.fill('European Union');
    await search.press('Enter');
    await search.fill('Canada');
    await search.press('Enter');
    await expect.poll(() => picker.getByRole('checkbox', { name: 'CAN proposed it' }).isChecked()).toBe(true);
    expect(await picker.getByRole('checkbox', { name: 'EU proposed it' }).isChecked()).toBe(true);
    await screenshot(page, 'session-2-attribution');
    await picker.getByRole('button', { name: 'Apply' }).click();
    const attributed = op1Brackets.nth(1);
    await expect.poll(() => attributed.getAttribute('data-proposed-by')).toBe('EU, CAN');
    expect(await attributed.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"] (EU, CAN)"');
    expect(await textOf(op1)).toBe(`Welcomes ${phrase}${alternative};`);
    await screenshot(page, 'session-3-alternative-attributed');

    // 3b. Agree PP 2's bracket, drop PP 4's "[particularly]", both from the toolbar at the caret.
    const pps = `${editor} .ph-pp`;
    await clickIn(page, pps, 1, 'endeavour');
    const agree = toolbar.getByRole('button', { name: 'Agree bracket' });
    await expect.poll(() => agree.getAttribute('aria-disabled')).toBe('false');
    await agree.click();
    await expect.poll(() => page.locator(pps).nth(1).locator('span.ph-bracket').count()).toBe(0);
    expect(await textOf(page.locator(pps).nth(1))).toContain('leave no one behind and to endeavour to reach the furthest behind first,');

    await clickIn(page, pps, 3, 'particularly');
    const drop = toolbar.getByRole('button', { name: 'Drop bracket' });
    await expect.poll(() => drop.getAttribute('aria-disabled')).toBe('false');
    await drop.click();
    await expect.poll(() => textOf(page.locator(pps).nth(3))).not.toContain('particularly');
    // One space is left where the bracket was (not "remain  vulnerable").
    expect(await page.locator(pps).nth(3).textContent()).toContain(' remain vulnerable to all forms of violence');

    // 3c. OP 3 agreed in the status dialog, opened from the toolbar's "Status…".
    await clickIn(page, `${editor} .ph-op`, 2, 'ratifying');
    await toolbar.getByRole('button', { name: 'Status…' }).click();
    const status = page.getByRole('dialog', { name: 'Status of OP 3' });
    await status.waitFor();
    await expect.poll(() => status.textContent()).toContain('Facilitator (Maria Lopez)');
    await status.getByRole('radio', { name: 'Agreed', exact: true }).check();
    await screenshot(page, 'session-4-status-dialog');
    await status.getByRole('button', { name: 'Set status' }).click();
    await status.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('button', { name: 'Status of OP 3: Agreed' }).textContent()).toBe('Agreed');

    // 3d. A new paragraph after OP 2 keeps the others' numbers: it is "2 bis".
    // On the paragraph's last word: End goes to the end of the visual line the caret is on.
    await clickIn(page, `${editor} .ph-op`, 1, 'them;');
    await page.keyboard.press('End');
    await twoFrames(page);
    await page.keyboard.press('Enter');
    await twoFrames(page);
    await page.keyboard.type(newOp);
    if (await page.locator('.ph-completion:not([hidden])').count()) await page.keyboard.press('Escape');
    await expect.poll(() => opLabels(page)).toEqual(['1.', '2.', '2 bis.', '3.', '4.', '5.', '5 alt.', '6.']);
    expect(await textOf(ops.nth(2))).toBe(newOp);
    await ops.nth(2).scrollIntoViewIfNeeded();
    await screenshot(page, 'session-5-op-2-bis');

    // 4. As the delegation of the Russian Federation, in suggestion mode: Delete on "and share" in OP 4 (c).
    await setProfile(page, 'Ivan Petrov', 'RUS', 'Choose Russian Federation (RUS)');
    // The document stayed open: suggestion mode and the proposals view follow the profile's new delegation.
    const views = page.getByRole('radiogroup', { name: 'View' });
    await views.getByRole('radio', { name: 'Proposals of RUS' }).waitFor();
    await negotiationAction(page, 'Suggest as RUS');
    const toggle = page.locator('.suggestion-toggle[aria-pressed="true"]');
    await expect.poll(() => toggle.textContent()).toBe('Suggesting as RUS');
    const op4 = ops.nth(4);
    const op4Before = await textOf(op4);
    await dragSelect(page, `${editor} .ph-op`, 4, 'and share');
    await page.keyboard.press('Delete');
    const deletion = page.locator(`${editor} span.ph-bracket.ph-bracket-deletion[data-proposed-by="RUS"]`);
    const ourDeletion = deletion.filter({ hasText: 'and share' });
    await expect.poll(() => ourDeletion.count()).toBe(1);
    expect((await ourDeletion.textContent())?.trim()).toBe('and share');
    expect(await ourDeletion.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
    // Nothing was removed: the words are still in the paragraph.
    expect(await textOf(op4)).toBe(op4Before);
    await screenshot(page, 'session-6-rus-deletion');

    // 5. Back as the facilitator: suggestion off, then "Issue renumbered revision".
    await setProfile(page, 'Maria Lopez', 'Mexico', 'Choose Mexico (MEX)');
    await toggle.click();
    await expect.poll(() => toggle.count()).toBe(0);
    await allChangesSaved(page);
    await negotiationAction(page, 'Issue renumbered revision…');
    const issue = page.getByRole('dialog', { name: 'Issue renumbered revision' });
    expect(await issue.getByLabel('Label').inputValue()).toBe('Rev.2');
    await issue.getByRole('button', { name: 'Issue revision' }).click();
    const result = page.getByRole('dialog', { name: 'Renumbered revision issued: Rev.2' });
    const table = result.getByRole('table', { name: 'Old and new paragraph numbers' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent ?? '').join(' -> ')));
    expect(rows).toEqual(expect.arrayContaining(['PP 1 -> PP 1', 'OP 2 -> OP 2', 'OP 2 bis -> OP 3', 'OP 3 -> OP 4', 'OP 4 -> OP 5', 'OP 6 -> OP 7']));
    await screenshot(page, 'session-7-number-table');
    await result.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => bar.getByRole('status').filter({ hasText: 'In negotiation' }).textContent()).toBe('In negotiation on Rev.2');
    await expect.poll(() => opLabels(page)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '6 alt.', '7.']);

    // The agreed paragraph lost its brackets, kept its text; the RUS proposal is still there, undecided.
    const agreed = ops.nth(3);
    expect(await textOf(agreed)).toMatch(/^Calls upon States that have not yet done so to consider ratifying /);
    expect(await agreed.locator('.ph-bracket').count()).toBe(0);
    expect(await ourDeletion.count()).toBe(1);
    expect(await textOf(ops.nth(4))).toBe(op4Before);
    // What was not agreed stays bracketed: OP 1's alternatives.
    expect(await op1Brackets.count()).toBe(2);
    await agreed.scrollIntoViewIfNeeded();
    await screenshot(page, 'session-8-clean-issued');

    // 6. The dashboard: RUS, EU and CAN each propose one more open bracket than at Rev.1; two revisions charted.
    await allChangesSaved(page);
    await negotiationAction(page, 'Dashboard');
    const dashboard = page.getByRole('region', { name: 'Negotiation dashboard' });
    await expect.poll(() => dashboard.getByTestId('dashboard-totals').textContent()).toBe('31 open brackets · 1 of 13 paragraphs agreed');
    const now = await proposedBy(dashboard);
    // 31 at Rev.1, + OP 1's two alternatives and the RUS deletion, - PP 2's agreed, PP 4's dropped and OP 3's bracket.
    await dashboard.getByRole('button', { name: /^OP 5 \(c\) \[and share\] \(RUS: delete\)$/ }).waitFor();
    await dashboard.getByRole('button', { name: new RegExp(`^OP 1 \\[${alternative}\\] \\(EU, CAN\\)$`) }).waitFor();
    const chart = dashboard.getByRole('img', { name: 'Open brackets and agreed paragraphs across revisions' });
    // Autosave points are charted between the named revisions, named on the axis only as the last point ("Now"), never by their time.
    await expect.poll(async () => (await chart.locator('.chart-x-label').allTextContents()).filter((l) => l !== 'Now')).toEqual(['Rev.1', 'Rev.2']);
    const described = (await chart.locator('desc').textContent()) ?? '';
    expect(described).toMatch(/Agreed paragraphs: 0(, \d+)*, 1(, 1)*\b/);
    await page.locator('.side-panels').evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page, 'session-9-dashboard');
    await dashboard.getByRole('table', { name: 'Open brackets per delegation' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'session-9-dashboard-tables');
    await dashboard.getByRole('combobox', { name: 'State at' }).selectOption({ label: 'Rev.1' });
    await expect.poll(() => dashboard.getByTestId('dashboard-totals').textContent()).toBe('31 open brackets · 0 of 12 paragraphs agreed');
    const atRev1 = await proposedBy(dashboard);
    for (const code of ['RUS', 'EU', 'CAN']) expect({ code, n: now[code] }).toEqual({ code, n: (atRev1[code] ?? 0) + 1 });
    await negotiationAction(page, 'Dashboard');

    // 7. Views: the compilation tags the alternative (EU, CAN); the clean text has no bracket.
    await views.getByRole('radio', { name: 'Proposals of MEX' }).waitFor();
    await views.getByRole('radio', { name: 'Compilation' }).click();
    const shown = page.locator('.negotiation-page .ph-document');
    const tagged = shown.locator('.ph-bracket').filter({ hasText: alternative });
    await expect.poll(() => tagged.count()).toBe(1);
    expect(await tagged.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('" (EU, CAN)]"');
    await screenshot(page, 'session-10-compilation');
    await views.getByRole('radio', { name: 'Without brackets' }).click();
    await expect.poll(() => shown.evaluate((el) => el.classList.contains('ph-view-clean'))).toBe(true);
    const clean = await textOf(shown);
    expect(clean).not.toContain('[');
    expect(clean).toContain('Calls upon States that have not yet done so to consider ratifying');
    expect(clean).not.toContain('Special Rapporteur');
    await screenshot(page, 'session-11-clean-view');
    await views.getByRole('radio', { name: 'Editing' }).click();
    expect(errors).toEqual([]);
    await page.close();
  });
});
