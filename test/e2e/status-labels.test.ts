import { WebSocket as NodeWebSocket } from 'ws';
import { describe, expect, it, vi } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { connectWebSocketApi } from '../../renderer/api/ws-client.js';
import { openPage, placeCaret, screenshot } from './browser.js';
import { openGaCompilation } from './ga-compilation.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('status-labels');

// For every status label shown (the hovered paragraph's "Pending" included): the words it
// cuts or splits, or why it is not wholly readable beside its paragraph's text.
function unreadableLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const sheet = document.querySelector('.page')!.getBoundingClientRect();
    for (const box of document.querySelectorAll<HTMLElement>('.ph-document .ph-status')) {
      if (getComputedStyle(box).opacity === '0') continue;
      const button = box.querySelector('button')!;
      const paragraph = box.parentElement!;
      const label = `${button.textContent}`;
      const b = button.getBoundingClientRect();
      const p = paragraph.getBoundingClientRect();
      const text = paragraph.querySelector(':scope > .ph-text')!.getBoundingClientRect();
      const rtl = getComputedStyle(paragraph).direction === 'rtl';
      if (button.scrollWidth > button.clientWidth) problems.push(`${label}: cut (${button.scrollWidth} > ${button.clientWidth})`);
      if (b.left < p.left - 0.5 || b.right > p.right + 0.5) problems.push(`${label}: outside its paragraph, whose paint is contained`);
      if (b.left < sheet.left - 0.5 || b.right > sheet.right + 0.5) problems.push(`${label}: outside the page`);
      if (rtl ? b.right > text.left + 0.5 : b.left < text.right - 0.5) problems.push(`${label}: over the text`);
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const content = node.textContent ?? '';
        for (const match of content.matchAll(/[^ ]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          if (range.getClientRects().length > 1) problems.push(`${label}: "${match[0]}" split over two lines`);
        }
      }
    }
    return problems;
  });
}

async function hover(page: Page, paragraph: Locator): Promise<void> {
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.hover({ position: { x: 60, y: 5 } });
  await expect.poll(() => paragraph.locator('.ph-status').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
}

async function setStatus(page: Page, op: number, state: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  const text = page.locator('.ph-document .ph-op > .ph-text').nth(op);
  await text.scrollIntoViewIfNeeded();
  const dialog = page.getByRole('dialog', { name: `Status of OP ${op + 1}` });
  // The previous dialog hands focus back to the editor as it closes, which can put the caret
  // back where it was: place it again (explicitly, waiting for the selection) until the
  // dialog that opens is this paragraph's.
  await vi.waitFor(async () => {
    if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
    await placeCaret(text);
    await page.keyboard.press('Control+Alt+Shift+S');
    await dialog.waitFor({ timeout: 3000 });
  }, { timeout: 30_000, interval: 200 });
  await dialog.getByRole('radio', { name: state, exact: true }).check();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: 'Set status' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

// Zooms the page to 200% (View > zoom steps, Ctrl+=) or back to 100% (Ctrl+0).
async function zoom(page: Page, percent: 100 | 200): Promise<void> {
  const zoomOf = () => page.locator('.page').first().evaluate((el) => (el as HTMLElement).style.zoom);
  if (percent === 100) await page.keyboard.press('Control+0');
  else for (let i = 0; i < 10 && (await zoomOf()) !== '2'; i++) await page.keyboard.press('Control+=');
  await expect.poll(zoomOf).toBe(percent === 100 ? '1' : '2');
}

describe('status labels in the margin, in Chromium', { timeout: 300_000 }, () => {
  it('read whole at 1280x800 and at 200%, left to right and right to left, pending ones included', async () => {
    const api = await connectWebSocketApi(`ws://127.0.0.1:${env.shell.port}/api?token=${env.shell.token}`, { WebSocket: NodeWebSocket });
    await api.invoke('profile.set', { name: 'Jane Doe', delegation: 'CAN' });
    api.close();
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await openGaCompilation(page);
    const ops = page.locator('.ph-document .ph-op');

    // No status set yet: the page's own margin (44 px at this width, 24 px zoomed) holds the hovered "Pending".
    for (const percent of [100, 200] as const) {
      await zoom(page, percent);
      await hover(page, ops.nth(1));
      expect(await unreadableLabels(page), `${percent}%`).toEqual([]);
      await screenshot(page, `status-labels-pending-${percent}`);
    }
    await zoom(page, 100);

    await setStatus(page, 0, 'Agreed ad ref');
    await setStatus(page, 1, 'Under discussion');
    await setStatus(page, 2, 'Reservation', async (dialog) => {
      for (const [query, name] of [['USA', 'United States of America (USA)'], ['RUS', 'Russian Federation (RUS)'], ['CHN', 'China (CHN)']] as const) {
        await dialog.getByLabel('Find a delegation').fill(query);
        await dialog.getByRole('button', { name: `Add ${name}` }).click();
      }
    });
    await setStatus(page, 3, 'Agreed pending', async (dialog) => {
      const linked = dialog.getByRole('group', { name: 'Agreed pending these paragraphs' });
      await linked.getByRole('checkbox', { name: /^OP 1\b/ }).check();
      await linked.getByRole('checkbox', { name: /^OP 2\b/ }).check();
    });
    await setStatus(page, 4, 'Parked');
    await page.getByRole('button', { name: 'Status of OP 3: Reservation: USA, RUS, CHN' }).waitFor();

    for (const direction of ['ltr', 'rtl'] as const) {
      if (direction === 'rtl') {
        const details = page.getByRole('button', { name: 'Details', exact: true });
        if ((await details.count()) > 0) await details.click();
        else {
          await page.getByRole('toolbar', { name: 'Document' }).getByRole('button', { name: /^View/ }).click();
          await page.getByRole('menuitemcheckbox', { name: 'Details' }).click();
        }
        await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
        await expect.poll(() => page.locator('.ph-document').getAttribute('dir')).toBe('rtl');
      }
      for (const percent of [100, 200] as const) {
        await zoom(page, percent);
        for (const op of [0, 2, 3, 6]) {
          await hover(page, ops.nth(op));
          expect(await unreadableLabels(page), `${direction} ${percent}% OP index ${op}`).toEqual([]);
        }
        await ops.nth(2).scrollIntoViewIfNeeded();
        await screenshot(page, `status-labels-${direction}-${percent}`);
      }
      await zoom(page, 100);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
