import type { Page } from 'playwright-core';
import type { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids.js';
import { negotiationBaseOf } from '../../shared/negotiation/negotiation-base.js';
import { editAsEditor } from '../electron/consultation/peers.js';
import { beforeContent, openPage, screenshot } from './browser.js';
import { joinHosted, useHostedConsultation } from './hosted-consultation.js';

/**
 * The negotiation base travels with the document: in a consultation hosted by `penholder
 * host` on the GA compilation text, the facilitator (a stock provider with the facilitator
 * code, sending what a facilitator's backend sends) puts the document in negotiation and
 * inserts a paragraph after OP 1; a delegate who joined from the browser shell sees
 * "In negotiation on Rev.1" and numbers "1 bis." as the facilitator does.
 */

const env = useHostedConsultation('base', { admit: [{ delegation: 'CAN', role: 'delegation' }] });

// What a facilitator's backend sends on "Start negotiation" (the base in the header), then a paragraph after OP 1.
const startNegotiation = (state: EditorState) => state.tr.setNodeAttribute(0, 'negotiation', negotiationBaseOf('rev-1', 'Rev.1', state.doc));
const insertAfterOp1 = (state: EditorState) => {
  let at = -1;
  state.doc.descendants((node, pos) => {
    if (at < 0 && node.type.name === 'operative_paragraph') at = pos + node.nodeSize;
    return at < 0;
  });
  const { operative_paragraph: op, paragraph_text: text } = state.schema.nodes;
  return state.tr.insert(at, op!.create({ id: newId() }, text!.create(null, state.schema.text('Also welcomes the contributions of civil society;'))));
};

const opLabels = (page: Page) => page.locator('.page .ph-document .ph-op').evaluateAll((els) => els.map((el) => el.getAttribute('data-label') ?? ''));

describe('the negotiation base in a consultation, in Chromium', { timeout: 300_000 }, () => {
  it('a delegate sees the facilitator start negotiation and numbers a paragraph inserted after OP 1 "1 bis."', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await joinHosted(page, env.banner, 'CAN', 'Delegation');
    const before = await opLabels(page);
    expect(before.slice(0, 3)).toEqual(['1.', '2.', '3.']);

    editAsEditor(env.chair.doc, startNegotiation);
    const status = page.getByText('In negotiation on Rev.1');
    await status.waitFor({ timeout: 15_000 });
    editAsEditor(env.chair.doc, insertAfterOp1);
    await expect.poll(() => opLabels(page), { timeout: 15_000 }).toEqual([before[0], '1 bis.', ...before.slice(1)]);
    expect(await beforeContent(page, '.page .ph-document .ph-op', 1)).toBe('1 bis.');
    expect(await page.locator('.page .ph-document .ph-op').nth(1).getAttribute('aria-label')).toBe('Operative paragraph 1 bis');
    // At 1280 px the layout keeps the outline on its rail (the text column keeps 560 px): open it there.
    if (!(await page.getByRole('navigation', { name: 'Outline' }).isVisible())) await page.getByRole('button', { name: 'Outline', exact: true }).click();
    await page.getByRole('navigation', { name: 'Outline' }).getByRole('button', { name: /^OP 1 bis: Also welcomes/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.page .ph-document .ph-op').nth(1).scrollIntoViewIfNeeded();
    await screenshot(page, 'negotiation-base-consultation-delegate');

    // Out of negotiation again, from the facilitator: fresh numbers at the delegate's.
    editAsEditor(env.chair.doc, (state) => state.tr.setNodeAttribute(0, 'negotiation', null));
    await expect.poll(async () => (await opLabels(page)).slice(0, 3), { timeout: 15_000 }).toEqual(['1.', '2.', '3.']);
    expect(await opLabels(page)).toHaveLength(before.length + 1);
    expect(await status.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
