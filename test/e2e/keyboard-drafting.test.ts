import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('keys');

async function newBlankResolution(page: Page): Promise<void> {
  await page.getByRole('toolbar', { name: 'Start a document' }).getByRole('button', { name: 'New from template' }).click();
  await page.getByRole('dialog', { name: 'New from template' }).locator('[data-template-id="blank-resolution"]').click();
  await page.locator('.ph-document .ph-title.ph-empty').waitFor();
  await page.locator('.ph-document.ProseMirror-focused').waitFor();
}

const texts = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.textContent ?? ''));
const labels = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.getAttribute('data-label')));

// Types a paragraph and ends it with a key; Escape first closes an opener completion list if one is open.
// No wait after Enter: a delegate types the next paragraph at once (fast-typing.test.ts).
async function paragraph(page: Page, text: string, then: string | null = 'Enter'): Promise<void> {
  await page.keyboard.type(text);
  if (await page.locator('.ph-completion:not([hidden])').count()) await page.keyboard.press('Escape');
  if (then) await page.keyboard.press(then);
}

const pps = ['Recalling its resolution 70/1 of 25 September 2015,', 'Noting with concern the backlog of cases before national courts,', 'Bearing in mind the needs of rural communities,'];
const ops = [
  'Encourages Member States to provide legal aid to all;',
  'Requests the Secretary-General:',
  'To report to the General Assembly at its next session;',
  'To consult Member States on the report;',
  'Invites donors to support the programme;',
  'Decides to remain seized of the matter.',
];

// Generous: each test loads the renderer through Vite's dev server, module by module.
describe('keyboard-only drafting in Chromium', { timeout: 120_000 }, () => {
  it('writes a resolution from the blank template with the keyboard alone, then moves a paragraph', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await newBlankResolution(page);
    await paragraph(page, 'Access to legal aid in rural areas');
    for (const text of pps) await paragraph(page, text);
    await page.keyboard.press('Enter'); // the empty fourth PP: on to the operative part
    await paragraph(page, ops[0]!);
    await paragraph(page, ops[1]!);
    await page.keyboard.press('Tab'); // OP 3 becomes OP 2 (a)
    await paragraph(page, ops[2]!);
    await paragraph(page, ops[3]!, null);
    await page.keyboard.press('Enter'); // (c), then back out to an OP
    await page.keyboard.press('Shift+Tab');
    await paragraph(page, ops[4]!.slice(0, -1), null);
    await page.keyboard.press('Control+Alt+f'); // the footnote's text is written at the foot, Enter returns
    await page.getByRole('textbox', { name: 'Text of footnote 1' }).waitFor();
    await page.keyboard.type('See A/78/100.');
    await page.keyboard.press('Enter');
    await page.locator('.ph-document.ProseMirror-focused').waitFor();
    await paragraph(page, ';');
    await paragraph(page, ops[5]!, null);

    expect(await page.locator('.ph-title').textContent()).toBe('Access to legal aid in rural areas');
    expect(await texts(page, '.ph-pp > .ph-text')).toEqual(pps);
    expect(await labels(page, '.ph-op')).toEqual(['1.', '2.', '3.', '4.']);
    expect(await texts(page, '.ph-op > .ph-text')).toEqual([ops[0], ops[1], ops[4], ops[5]]);
    expect(await labels(page, '.ph-sub')).toEqual(['(a)', '(b)']);
    expect(await texts(page, '.ph-sub > .ph-text')).toEqual([ops[2], ops[3]]);
    expect(await page.locator('.ph-op').nth(1).locator('.ph-sub').count()).toBe(2);
    expect(await page.locator('.ph-op').nth(2).locator('.ph-footnote').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Footnotes' }).getByRole('listitem').allTextContents()).toEqual(['See A/78/100.']);
    const ids = await page.locator('.ph-document [data-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
    expect(ids.every((id) => id)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    await screenshot(page, 'keyboard-drafting-written');

    // Y.UndoManager merges changes less than 500 ms apart into one undo step; the move must stand alone.
    await page.waitForTimeout(600);
    await page.keyboard.press('Alt+ArrowUp');
    await page.locator('.ph-op[data-label="3."] > .ph-text', { hasText: ops[5]! }).waitFor();
    expect(await texts(page, '.ph-op > .ph-text')).toEqual([ops[0], ops[1], ops[5], ops[4]]);
    expect(await labels(page, '.ph-op')).toEqual(['1.', '2.', '3.', '4.']);
    expect(await page.locator('.ph-op').nth(3).locator('.ph-footnote').count()).toBe(1);
    await page.waitForTimeout(600);
    await page.keyboard.type(' Again');
    expect(await page.locator('.ph-op').nth(2).locator('.ph-text').textContent()).toBe(`${ops[5]} Again`);
    await screenshot(page, 'keyboard-drafting-moved');

    await page.waitForTimeout(600);
    await page.keyboard.press('Control+z'); // the typing
    await page.locator('.ph-op > .ph-text', { hasText: 'Again' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z'); // the move, in one step
    await page.locator('.ph-op[data-label="4."] > .ph-text', { hasText: ops[5]! }).waitFor();
    expect(await texts(page, '.ph-op > .ph-text')).toEqual([ops[0], ops[1], ops[4], ops[5]]);
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pastes a resolution copied as HTML as paragraphs of the right kind', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await newBlankResolution(page);
    await paragraph(page, 'Pasted resolution');
    const corpus = readFileSync('test/fixtures/corpus/ccpcj32-draft-resolutions-I-III.txt', 'utf8');
    const text = corpus.slice(corpus.indexOf('Draft resolution I\n'), corpus.indexOf('Draft resolution II\n'));
    const html = text
      .split(/\n+/)
      .filter((line) => line.trim())
      .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('');
    const elapsed = await page.locator('.ph-document').evaluate(async (el, data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', data);
      const started = performance.now();
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - started;
    }, html);
    const ppCount = await page.locator('.ph-pp').count();
    const opCount = await page.locator('.ph-op').count();
    expect(ppCount).toBeGreaterThan(10);
    expect(opCount).toBeGreaterThan(10);
    expect(await labels(page, '.ph-op').then((all) => all.slice(0, 3))).toEqual(['1.', '2.', '3.']);
    expect(await page.locator('.ph-op > .ph-text').first().textContent()).toMatch(/^Reiterates its invitation/);
    await screenshot(page, 'keyboard-drafting-pasted');
    console.log(`paste of ${html.length} characters of HTML (${ppCount} PPs, ${opCount} OPs) to the next frame: ${Math.round(elapsed)} ms`);
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
