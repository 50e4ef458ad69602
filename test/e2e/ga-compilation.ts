import path from 'node:path';
import type { Page } from 'playwright-core';

/** The title of the GA Third Committee compilation text the negotiation e2e tests open. */
export const GA_COMPILATION_TITLE = 'Violence against women migrant workers';

/**
 * Opens the GA compilation text (test/fixtures/negotiation/ga-third-committee-rev1.txt) from
 * the document list, importing it first unless an earlier test on the same shell did, and
 * resolves once the editor placed its first cursor (so a click now is not overridden).
 */
export async function openGaCompilation(page: Page): Promise<void> {
  const documents = page.getByRole('list', { name: 'Documents' });
  const listed = documents.getByRole('button', { name: new RegExp(GA_COMPILATION_TITLE) });
  await documents.or(page.getByText('No documents yet')).first().waitFor();
  if ((await listed.count()) === 0) {
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt'));
    await page.getByRole('status', { name: 'Import result' }).waitFor();
  }
  await listed.first().click();
  await page.locator('.page-editor[data-ready="true"] .ph-document .ph-op').first().waitFor();
}

/**
 * Waits long enough that the next edit is an undo step of its own: Yjs's undo manager joins
 * edits less than 500 ms apart into one step.
 */
export const pauseForUndo = (page: Page): Promise<void> => page.waitForTimeout(1200);

/**
 * Selects the first occurrence of `text` inside the top-level paragraph `selector` (such as
 * '.ph-op' or '.ph-pp') number `index` (0-based) of the editor, as a mouse drag would, or
 * with `caret` puts the cursor in its middle; resolves once the browser announced the
 * selection (ProseMirror reads it on 'selectionchange') and a frame passed.
 */
export async function selectInParagraph(page: Page, selector: string, index: number, text: string, caret = false): Promise<void> {
  const paragraph = page.locator(`.ph-document ${selector}`).nth(index);
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click({ position: { x: 30, y: 8 } });
  await paragraph.evaluate(
    (el, [wanted, collapse]) =>
      new Promise<void>((resolve, reject) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const start = (node.textContent ?? '').indexOf(wanted);
          if (start < 0) continue;
          const done = () => requestAnimationFrame(() => resolve());
          document.addEventListener('selectionchange', done, { once: true });
          setTimeout(done, 1000);
          const range = document.createRange();
          const middle = start + Math.floor(wanted.length / 2);
          range.setStart(node, collapse ? middle : start);
          range.setEnd(node, collapse ? middle : start + wanted.length);
          getSelection()?.removeAllRanges();
          getSelection()?.addRange(range);
          return;
        }
        reject(new Error(`"${wanted}" not found in ${el.className}`));
      }),
    [text, caret] as const,
  );
}
