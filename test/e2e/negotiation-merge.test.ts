import { WebSocket as NodeWebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { connectWebSocketApi } from '../../renderer/api/ws-client.js';
import { openPage, screenshot } from './browser.js';
import { chooseInBar } from './bar-menu.js';
import { openGaCompilation, pauseForUndo, selectInParagraph } from './ga-compilation.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('negotiation-merge');

describe('merging proposals, supporters and opponents, the clean view, in Chromium', { timeout: 300_000 }, () => {
  it('merges a proposal elsewhere in the paragraph into the one at the cursor (one undo step), refuses what makes no sense', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await openGaCompilation(page);
    const op2 = page.locator('.ph-document .ph-op').nth(1);
    const regardless = op2.locator('span.ph-bracket', { hasText: 'regardless of their migration status' });
    expect(await regardless.getAttribute('data-proposed-by')).toBe('EU, MEX');
    await selectInParagraph(page, '.ph-op', 1, 'regardless', true);
    await page.keyboard.press('Control+Alt+Shift+M');
    const picker = page.getByRole('dialog', { name: 'Merge with another proposal' });
    await expect.poll(() => picker.isVisible()).toBe(true);
    const choice = picker.getByRole('button', { name: /take all appropriate measures to/ });
    expect(await choice.innerText()).toContain('goes');
    await screenshot(page, 'negotiation-merge-picker');
    await choice.click();
    await expect.poll(() => op2.innerText()).not.toContain('take all appropriate measures to');
    expect(await regardless.getAttribute('data-proposed-by')).toBe('EU, MEX');
    await pauseForUndo(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => op2.innerText()).toContain('take all appropriate measures to');

    // PP4: a deletion proposal and a word elsewhere say different things: listed with the reason, no button.
    await selectInParagraph(page, '.ph-pp', 3, 'gender-based', true);
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
    await openGaCompilation(page);
    await selectInParagraph(page, '.ph-op', 1, 'regardless', true);
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
    await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Without brackets' }).click();
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
    await openGaCompilation(page);
    await selectInParagraph(page, '.ph-op', 0, 'report', true);
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
    // The same keys delivered with a lowercase key (Caps Lock on) open the status too, and leave suggestion mode off.
    await page.getByRole('dialog', { name: /Status of OP 1/ }).waitFor({ state: 'hidden' });
    await selectInParagraph(page, '.ph-op', 0, 'report', true);
    const cdp = await page.context().newCDPSession(page);
    for (const type of ['rawKeyDown', 'keyUp'] as const) {
      await cdp.send('Input.dispatchKeyEvent', { type, key: 's', code: 'KeyS', windowsVirtualKeyCode: 83, modifiers: 1 | 2 | 8 });
    }
    await expect.poll(() => page.getByRole('dialog', { name: /Status of OP 1/ }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Suggesting as CAN' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });
});
