import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Reaching text in the page as a user does, with the mouse: finding where a phrase is drawn,
 * selecting it with a drag, clicking into it, and reading text as a reader sees it.
 */

/** Waits two animation frames: the editor has redrawn after the last input. */
export const twoFrames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** The text a reader sees in `locator`, without the status labels drawn in the margin, spaces collapsed. */
export const textOf = (locator: Locator) =>
  locator.evaluate((el) => {
    let text = (el as HTMLElement).innerText;
    for (const label of el.querySelectorAll<HTMLElement>('.ph-status')) text = text.replace(label.innerText, '');
    return text.replace(/\s+/g, ' ').trim();
  });

// Where `text` starts and ends on screen inside the `nth` element matching `selector`.
async function textBox(page: Page, selector: string, nth: number, text: string) {
  const box = await page.evaluate(
    ([sel, at, wanted]) => {
      const root = document.querySelectorAll(sel)[at];
      if (!root) return null;
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const whole = nodes.map((n) => n.data).join('');
      const start = whole.indexOf(wanted);
      if (start < 0) return null;
      // The text node and offset of character `i` of the concatenated text.
      const locate = (i: number): [Text, number] => {
        let rest = i;
        for (const n of nodes) {
          if (rest < n.data.length) return [n, rest];
          rest -= n.data.length;
        }
        throw new Error('past the end');
      };
      const rect = (i: number) => {
        const [node, offset] = locate(i);
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect();
      };
      const first = rect(start);
      const last = rect(start + wanted.length - 1);
      const middle = rect(start + Math.floor(wanted.length / 2));
      return {
        start: { x: first.left + 1, y: first.top + first.height / 2 },
        end: { x: last.right - 1, y: last.top + last.height / 2 },
        middle: { x: middle.left + middle.width / 2, y: middle.top + middle.height / 2 },
      };
    },
    [selector, nth, text] as const,
  );
  if (!box) throw new Error(`"${text}" is not in ${selector} #${nth}`);
  return box;
}

/** Selects `text` in the `nth` element matching `selector` with a mouse drag, as a user would, and checks the browser selected exactly it. */
export async function dragSelect(page: Page, selector: string, nth: number, text: string): Promise<void> {
  await page.locator(selector).nth(nth).scrollIntoViewIfNeeded();
  const { start, end } = await textBox(page, selector, nth, text);
  await page.mouse.move(start.x - 0.5, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, end.y, { steps: 4 });
  await page.mouse.move(end.x + 0.5, end.y, { steps: 2 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => getSelection()?.toString() ?? '')).toBe(text);
  await twoFrames(page);
}

/** Clicks in the middle of `text` in the `nth` element matching `selector`: the caret lands inside it. */
export async function clickIn(page: Page, selector: string, nth: number, text: string): Promise<void> {
  await page.locator(selector).nth(nth).scrollIntoViewIfNeeded();
  const { middle } = await textBox(page, selector, nth, text);
  await page.mouse.click(middle.x, middle.y);
  await twoFrames(page);
}
