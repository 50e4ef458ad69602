import path from 'node:path';
import { WebSocket as NodeWebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectWebSocketApi } from '../../renderer/api/ws-client.js';
import { openPage, screenshot } from './browser.js';
import { chooseInBar } from './bar-menu.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('negotiation-merge');
const title = 'Violence against women migrant workers';

// Puts the caret in the middle of `text` inside the top-level paragraph `selector` (nth `index`).
async function caretIn(page: Page, selector: string, index: number, text: string): Promise<void> {
  const para = page.locator(`.ph-document ${selector}`).nth(index);
  await para.scrollIntoViewIfNeeded();
  await para.click({ position: { x: 30, y: 8 } });
  await page.evaluate(
    ([sel, at, wanted]) => {
      const node0 = document.querySelectorAll(`.ph-document ${sel}`)[at];
      const walker = document.createTreeWalker(node0 as Node, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const start = (node.textContent ?? '').indexOf(wanted);
        if (start < 0) continue;
        const range = document.createRange();
        range.setStart(node, start + Math.floor(wanted.length / 2));
        range.collapse(true);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" not found`);
    },
    [selector, index, text] as const,
  );
  await page.waitForTimeout(200);
}

async function openFixture(page: Page): Promise<void> {
  const listed = page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) });
  await page.getByRole('list', { name: 'Documents' }).or(page.getByText('No documents yet')).first().waitFor();
  if ((await listed.count()) === 0) {
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt'));
    await page.getByRole('status', { name: 'Import result' }).waitFor();
  }
  await listed.first().click();
  await page.locator('.page-editor[data-ready="true"] .ph-document .ph-op').first().waitFor();
}

// Yjs's undo manager joins edits less than 500 ms apart into one step.
const pause = (page: Page) => page.waitForTimeout(1200);

describe('merging proposals, supporters and opponents, the clean view, in Chromium', { timeout: 300_000 }, () => {
  it('merges a proposal elsewhere in the paragraph into the one at the cursor (one undo step), refuses what makes no sense', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await openFixture(page);
    const op2 = page.locator('.ph-document .ph-op').nth(1);
    const regardless = op2.locator('span.ph-bracket', { hasText: 'regardless of their migration status' });
    expect(await regardless.getAttribute('data-proposed-by')).toBe('EU, MEX');
    await caretIn(page, '.ph-op', 1, 'regardless');
    await page.keyboard.press('Control+Alt+Shift+M');
    const picker = page.getByRole('dialog', { name: 'Merge with another proposal' });
    await expect.poll(() => picker.isVisible()).toBe(true);
    const choice = picker.getByRole('button', { name: /take all appropriate measures to/ });
    expect(await choice.innerText()).toContain('goes');
    await screenshot(page, 'negotiation-merge-picker');
    await choice.click();
    await expect.poll(() => op2.innerText()).not.toContain('take all appropriate measures to');
    expect(await regardless.getAttribute('data-proposed-by')).toBe('EU, MEX');
    await pause(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => op2.innerText()).toContain('take all appropriate measures to');

    // PP4: a deletion proposal and a word elsewhere say different things: listed with the reason, no button.
    await caretIn(page, '.ph-pp', 3, 'gender-based');
    await page.getByRole('toolbar', { name: 'Negotiation' }).getByRole('button', { name: 'Merge with another proposal…' }).click();
    await expect.poll(() => picker.isVisible()).toBe(true);
    await expect.poll(() => picker.innerText()).toMatch(/“particularly” is new wording elsewhere: they say different things/);
    expect(await picker.getByRole('button', { name: /particularly/ }).count()).toBe(0);
    await screenshot(page, 'negotiation-merge-refused');
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('records supporters and opponents from the keyboard; the compilation view, the clean view and the dashboard show them', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await openFixture(page);
    await caretIn(page, '.ph-op', 1, 'regardless');
    await page.keyboard.press('Control+Alt+g');
    const picker = page.getByRole('dialog', { name: 'Attribution' });
    await expect.poll(() => picker.isVisible()).toBe(true);
    await picker.getByLabel('Add as').selectOption('supports');
    const search = picker.getByRole('searchbox', { name: 'Find a delegation' });
    await search.fill('NOR');
    await search.press('Enter');
    await picker.getByLabel('Add as').selectOption('opposes');
    await search.fill('RUS');
    await search.press('Enter');
    await expect.poll(() => picker.getByRole('checkbox', { name: 'RUS opposes it' }).isChecked()).toBe(true);
    await search.press('Enter');
    await expect.poll(() => picker.isVisible()).toBe(false);

    await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Compilation' }).click();
    const compilation = page.locator('.negotiation-page .ph-view-compilation');
    await expect.poll(() => compilation.innerText()).toContain('regardless of their migration status, (EU, MEX; supported by NOR; opposed by RUS)');
    const tagged = compilation.locator('span.ph-bracket.ph-view-stanced');
    expect(await tagged.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"]"');
    await tagged.scrollIntoViewIfNeeded();
    await screenshot(page, 'negotiation-compilation-stance');

    // The clean text leaves no doubled comma where PP4's deletion proposal was.
    await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Clean' }).click();
    const clean = page.locator('.negotiation-page .ph-view-clean');
    await expect.poll(() => clean.innerText()).toContain('remain vulnerable to violence,');
    expect(await clean.innerText()).not.toMatch(/,\s*,| ,/);
    await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Editing' }).click();

    await chooseInBar(page, 'Negotiation', 'Dashboard');
    const dashboard = page.getByRole('region', { name: 'Negotiation dashboard' });
    const perDelegation = dashboard.getByRole('table', { name: 'Open brackets per delegation' });
    await expect.poll(() => perDelegation.getByRole('row', { name: /^NOR / }).getByRole('cell').allTextContents(), { timeout: 20_000 }).toEqual(['0', '1', '0']);
    expect(await perDelegation.getByRole('row', { name: /^RUS / }).getByRole('cell').nth(2).textContent()).toBe('1');
    expect(await dashboard.getByRole('list').first().innerText()).toContain('[Recognizing the [important] / [valuable] contribution');
    await screenshot(page, 'negotiation-dashboard-stance');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses the paragraph status shortcut to a delegation with a notice, as the toolbar greys its actions', async () => {
    const api = await connectWebSocketApi(`ws://127.0.0.1:${env.shell.port}/api?token=${env.shell.token}`, { WebSocket: NodeWebSocket });
    await api.invoke('profile.set', { name: 'Ana Pereira', delegation: 'CAN' });
    api.close();
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await openFixture(page);
    await caretIn(page, '.ph-op', 0, 'report');
    await page.keyboard.press('Control+Alt+s');
    await page.getByRole('button', { name: 'Suggesting as CAN' }).waitFor();
    await page.keyboard.press('Control+Alt+Shift+S');
    await expect.poll(() => page.getByText(/Only the facilitator can set a paragraph’s status/).count()).toBe(1);
    expect(await page.getByRole('dialog', { name: /Status of/ }).isVisible()).toBe(false);
    // The toolbar's Status… is greyed like the facilitator actions.
    const statusButton = page.getByRole('toolbar', { name: 'Negotiation' }).getByRole('button', { name: 'Status…' });
    await expect.poll(() => statusButton.getAttribute('aria-disabled')).toBe('true');
    await screenshot(page, 'negotiation-status-refused');
    await page.keyboard.press('Control+Alt+s');
    await expect.poll(() => statusButton.getAttribute('aria-disabled')).toBe('false');
    await page.keyboard.press('Control+Alt+Shift+S');
    await expect.poll(() => page.getByRole('dialog', { name: /Status of OP 1/ }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });
});
