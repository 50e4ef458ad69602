import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectBrackets } from '../../shared/negotiation/index.js';
import { yDocToDoc } from '../../shared/ydoc.js';
import { waitFor } from '../electron/consultation/peers.js';
import { barMenuButton } from './bar-menu.js';
import { openPage, screenshot } from './browser.js';
import { joinHosted, useHostedConsultation } from './hosted-consultation.js';

/**
 * The role decides the editing mode in a consultation: a participant who joins as a
 * delegation always suggests (the toggle is locked on) and its proposals are accepted by the
 * host; an observer cannot edit. The host is `penholder host` serving the GA compilation text;
 * a stock provider with the facilitator code watches what the host accepted.
 */

const env = useHostedConsultation('suggest', { admit: [{ delegation: 'CAN', role: 'delegation' }] });

// Double-clicks `word` in the first operative paragraph (scrolled into view) and waits two frames.
async function dblclickWord(page: Page, word: string): Promise<void> {
  const op = page.locator('.ph-document .ph-op').first();
  await op.scrollIntoViewIfNeeded();
  const point = await op.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`no "${w}" in OP 1`);
  }, word);
  await page.mouse.dblclick(point.x, point.y);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const chairBrackets = () => collectBrackets(yDocToDoc(env.chair.doc));

describe('suggestion mode follows the consultation role, in Chromium', { timeout: 300_000 }, () => {
  it('a delegation always suggests and the host accepts its proposals; an observer cannot edit', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await joinHosted(page, env.banner, 'CAN', 'Delegation');
    const locked = page.getByRole('button', { name: 'Suggesting as CAN' });
    await locked.waitFor();
    expect(await locked.isDisabled()).toBe(true);
    expect(await locked.getAttribute('aria-pressed')).toBe('true');
    // Facilitator actions on the negotiation base are not offered to a delegation.
    await barMenuButton(page, 'Negotiation').click();
    await page.getByRole('menu', { name: 'Negotiation' }).getByRole('menuitemcheckbox', { name: 'Dashboard' }).waitFor();
    expect(await page.getByRole('menu', { name: 'Negotiation' }).getByRole('menuitem', { name: /negotiation|clean text|renumbered revision/i }).count()).toBe(0);
    await page.keyboard.press('Escape');

    await dblclickWord(page, 'report');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('annual ', { delay: 40 });
    await waitFor(() => chairBrackets().some((b) => b.proposedBy.join() === 'CAN' && b.text === 'annual '), 15_000, 'the host to accept the insertion');
    await page.waitForTimeout(1200);
    await dblclickWord(page, 'Welcomes');
    await page.keyboard.type('Notes');
    await waitFor(() => chairBrackets().some((b) => b.proposedBy.join() === 'CAN' && b.text === 'Notes'), 15_000, 'the host to accept the replacement');
    // Undo of the replacement is accepted too: the text goes back as it was, at the host.
    // (Yjs joins keystrokes less than 500 ms apart into one undo step; on a loaded machine a word may take several.)
    const groups = page.locator('.ph-document .ph-op').first().locator('.ph-alternatives');
    for (let i = 0; i < 6 && (await groups.count()) > 0; i++) {
      await page.waitForTimeout(600);
      await page.keyboard.press('Control+z');
    }
    expect(await groups.count()).toBe(0);
    await waitFor(() => !chairBrackets().some((b) => b.text.startsWith('N')), 15_000, 'the host to accept the undo');
    expect(chairBrackets().some((b) => b.text === 'annual ')).toBe(true);
    expect(await page.locator('.consultation-panel [role="alert"]').count()).toBe(0);
    await screenshot(page, 'suggestion-consultation-delegation');

    await page.getByRole('button', { name: 'Leave the consultation' }).click();
    await page.getByRole('button', { name: 'Join consultation…' }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await joinHosted(page, env.banner, 'CAN', 'Observer');
    await page.getByText('Read only (observer)').waitFor();
    expect(await page.locator('.ph-document').getAttribute('contenteditable')).toBe('false');
    const before = await page.locator('.ph-document .ph-op').first().textContent();
    await dblclickWord(page, 'report');
    await page.keyboard.type('xyz');
    await page.waitForTimeout(500);
    expect(await page.locator('.ph-document .ph-op').first().textContent()).toBe(before);
    await screenshot(page, 'suggestion-consultation-observer');
    expect(errors).toEqual([]);
  });
});
