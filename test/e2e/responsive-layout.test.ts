import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './browser.js';
import { barMenuButton } from './bar-menu.js';
import { createFromTemplate, useWebShell } from './web-shell-fixture.js';

const env = useWebShell('responsive');

const pageWidth = (page: Page) => page.locator('article.page').evaluate((el) => el.getBoundingClientRect().width);
const outlineRail = (page: Page) => page.getByRole('button', { name: 'Outline', exact: true });
const problemsRail = (page: Page) => page.getByRole('button', { name: /^Problems( \(\d+ warnings?\))?$/ });
const outline = (page: Page) => page.getByRole('navigation', { name: 'Outline' });
const problems = (page: Page) => page.getByRole('complementary', { name: 'Style problems' });

// The View menu shows the zoom only when it is not 100%.
async function zoomTo(page: Page, percent: number): Promise<void> {
  await page.keyboard.press('Control+0');
  if (percent === 100) return;
  while (!((await barMenuButton(page, 'View').textContent()) ?? '').includes(`${percent}%`)) await page.keyboard.press('Control+=');
}

describe('the page keeps a readable width at 1024x768, 1280x800, 1920x1080 and on a projector', { timeout: 120_000 }, () => {
  it('docks the panels where they fit and folds them into drawers where they do not', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await createFromTemplate(page, 'Layout under test');

    // 1280x800: outline, page and problems side by side.
    await expect.poll(() => outline(page).isVisible()).toBe(true);
    expect(await problems(page).isVisible()).toBe(true);
    expect(await outlineRail(page).count()).toBe(0);
    expect(await pageWidth(page)).toBeGreaterThanOrEqual(500);
    await screenshot(page, 'responsive-1280');

    // 1920x1080: the full A4 width.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => pageWidth(page)).toBe(794);
    expect(await outline(page).isVisible()).toBe(true);
    await screenshot(page, 'responsive-1920');

    // 1024x768: the outline folds into a rail; the page keeps the width it has at 1280.
    await page.setViewportSize({ width: 1024, height: 768 });
    await outlineRail(page).waitFor();
    expect(await outline(page).count()).toBe(0);
    expect(await problems(page).isVisible()).toBe(true);
    expect(await pageWidth(page)).toBeGreaterThanOrEqual(450);
    await screenshot(page, 'responsive-1024');

    // The rail opens the outline over the page; a jump lands in the text and closes it.
    await outlineRail(page).click();
    expect(await outlineRail(page).getAttribute('aria-expanded')).toBe('true');
    await outline(page).waitFor();
    await screenshot(page, 'responsive-1024-outline-drawer');
    await outline(page).getByRole('button', { name: /^OP 2:/ }).click();
    await outline(page).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('.ph-op')?.getAttribute('data-label'))).toBe('2.');

    // Zoomed for a projector: both groups fold and the page takes the room.
    await zoomTo(page, 200);
    await problemsRail(page).waitFor();
    expect(await problems(page).count()).toBe(0);
    expect(await pageWidth(page)).toBeGreaterThanOrEqual(680);
    await screenshot(page, 'responsive-1024-zoom-200');
    await problemsRail(page).click();
    await problems(page).waitFor();
    await page.keyboard.press('Escape');
    await problems(page).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('side-drawer');

    // Back at 100% on a 1280 screen everything is docked again.
    await zoomTo(page, 100);
    await page.setViewportSize({ width: 1280, height: 800 });
    await outline(page).waitFor();
    expect(await problems(page).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
