import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './browser.js';
import { createFromTemplate, useWebShell } from './web-shell-fixture.js';

const env = useWebShell('large-paste');

const filler = ' and to continue to support the efforts of Member States in this regard, including through technical assistance, capacity-building and the exchange of good practices';

// Generous: the renderer loads through Vite's dev server and the paste is about a megabyte.
describe('a large paste in Chromium', { timeout: 300_000 }, () => {
  it('returns from the paste event at once, shows its progress in view, and lands every paragraph in order after the cursor', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await createFromTemplate(page, 'Large paste');
    const before = await page.locator('.ph-document .ph-op').count();
    // At 1280 px the layout keeps the outline on its rail (the text column keeps 560 px): open it there.
    if (!(await page.getByRole('navigation', { name: 'Outline' }).isVisible())) await page.getByRole('button', { name: 'Outline', exact: true }).click();
    await page.getByRole('navigation', { name: 'Outline' }).getByRole('button', { name: /^OP 1:/ }).click();
    const count = 900;
    const lines = Array.from({ length: count }, (_, i) => `${i + 1}. Requests the Secretary-General to report on item ${i + 1}${filler.repeat(6)};`);
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(900_000);
    // What the notice said and where it was, recorded in the page (the import outruns the test's own polling).
    const seen = await page.locator('.ph-document').evaluate(async (el, data) => {
      const notes: { text: string; top: number; height: number }[] = [];
      const observer = new MutationObserver(() => {
        const notice = document.querySelector('.paste-progress[role="status"]');
        const rect = notice?.getBoundingClientRect();
        if (notice && rect && notes.at(-1)?.text !== notice.textContent) notes.push({ text: notice.textContent ?? '', top: rect.top, height: rect.height });
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      const started = performance.now();
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      const handler = performance.now() - started;
      while (document.querySelector('.paste-progress') || notes.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      return { handler, notes };
    }, text);
    // The paste event returns at once; the notice reads first, then counts up to the total.
    expect(seen.handler).toBeLessThan(1000);
    expect(seen.notes[0]?.text).toMatch(/^Importing pasted text… reading \d+ KB$/);
    const counts = seen.notes.slice(1).map((n) => Number(n.text.match(/… (\d+) of 900 paragraphs$/)?.[1]));
    expect(counts.length).toBeGreaterThanOrEqual(3);
    expect(counts.every((c, i) => c > (counts[i - 1] ?? 0))).toBe(true);
    expect(counts.at(-1)).toBe(900);
    for (const note of seen.notes) {
      expect(note.height).toBeGreaterThan(10);
      expect(note.top).toBeGreaterThanOrEqual(0);
      expect(note.top).toBeLessThan(800);
    }
    expect(await page.locator('.paste-progress').count()).toBe(0);

    const ops = page.locator('.ph-document .ph-op > .ph-text');
    expect(await ops.count()).toBe(before + count);
    const texts = await ops.allTextContents();
    // OP 1 stays first; the pasted ones follow it in order, then the template's others.
    expect(texts.slice(1, count + 1).map((t) => t.match(/item (\d+)/)?.[1])).toEqual(lines.map((_, i) => String(i + 1)));
    expect(texts.slice(1, count + 1).join('\n').length).toBe(lines.map((l) => l.replace(/^\d+\. /, '')).join('\n').length);
    expect(await page.locator('.ph-document .ph-op').last().getAttribute('data-label')).toBe(`${before + count}.`);
    await screenshot(page, 'large-paste-done');
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 120_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
