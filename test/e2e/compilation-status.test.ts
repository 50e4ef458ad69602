import path from 'node:path';
import type { Node } from 'prosemirror-model';
import { WebSocket as NodeWebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { connectWebSocketApi } from '../../renderer/api/ws-client.js';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { setParagraphStatus } from '../../shared/negotiation/paragraph-ops.js';
import { replicaOf } from '../electron/backend/edits.js';
import { act, paragraphPos } from '../electron/backend/negotiation-edits.js';
import { openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

/**
 * Issue 17, points 2 and 8 in Chromium: the compilation view a facilitator projects shows each
 * paragraph's status in the margin's words, the toolbars are gone over read-only views, and
 * the compare view shows a footnote as a number with its text under the paragraph and a
 * cross-reference as the number the page prints.
 */
const env = useWebShell('compilation-status');
const title = 'Violence against women migrant workers';

// The range of the first `word` in the operative paragraph that starts with `starts`.
function wordIn(doc: Node, starts: string, word: string): { from: number; to: number } {
  const at = paragraphPos(doc, starts);
  let found: { from: number; to: number } | null = null;
  doc.nodeAt(at)?.descendants((node, offset) => {
    if (found || !node.isText) return !found;
    const i = (node.text ?? '').indexOf(word);
    if (i >= 0) found = { from: at + 1 + offset + i, to: at + 1 + offset + i + word.length };
    return false;
  });
  if (!found) throw new Error(`no "${word}" in the paragraph starting "${starts}"`);
  return found;
}

describe('compilation statuses and the compare view in Chromium', { timeout: 300_000 }, () => {
  it('shows Agreed and Reservation: USA beside their paragraphs in the compilation, and a footnote number in the compare view', async () => {
    const api = await connectWebSocketApi(`ws://127.0.0.1:${env.shell.port}/api?token=${env.shell.token}`, { WebSocket: NodeWebSocket });
    await api.invoke('profile.set', { name: 'Jane Doe', delegation: 'CHE' });
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt'));
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    const doc = (await api.invoke('documents.list', {})).find((d) => d.title === title);
    if (!doc) throw new Error('the import did not create the document');
    const id = doc.id;

    // Rev.1, then statuses, a footnote and a cross-reference in OP 1, then Rev.2.
    const replica = replicaOf((await api.invoke('documents.open', { id })).state);
    await api.invoke('revisions.create', { docId: id, kind: 'revision', label: 'Rev.1' });
    await act(
      (update) => api.invoke('documents.applyUpdate', { id, update }),
      replica,
      (s) => setParagraphStatus(s, paragraphPos(s.doc, 'Welcomes'), { state: 'agreed', by: 'Facilitator (Jane Doe)', at: '2026-12-07T10:00:00.000Z' }),
      (s) => setParagraphStatus(s, paragraphPos(s.doc, 'Calls upon States'), { state: 'reservation', by: 'Facilitator (Jane Doe)', at: '2026-12-07T10:05:00.000Z', delegations: ['USA'] }),
      (s) => {
        const { to } = wordIn(s.doc, 'Welcomes', 'Secretary-General');
        const target = String(s.doc.nodeAt(paragraphPos(s.doc, 'Calls upon States'))?.attrs.id ?? '');
        const { nodes } = resolutionSchema;
        return s.tr.insert(to, [
          nodes.footnote!.create({ id: 'fn-e2e' }, resolutionSchema.text('A/80/123.')),
          resolutionSchema.text(' and the measures set out in paragraph '),
          nodes.cross_reference!.create({ target }),
          resolutionSchema.text(' below'),
        ]);
      },
    );
    await api.invoke('revisions.create', { docId: id, kind: 'revision', label: 'Rev.2' });
    api.close();

    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) }).click();
    await page.locator('.ph-document .ph-op').first().waitFor();
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    if (await dismiss.isVisible()) await dismiss.click();

    // The compilation: the statuses in words beside their paragraphs, none beside a pending one.
    await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Compilation' }).click();
    const compilation = page.locator('.negotiation-page .ph-document');
    await compilation.locator('.ph-op').first().waitFor();
    const statusOf = (n: number) => compilation.locator('.ph-op').nth(n).locator(':scope > .ph-view-status');
    await expect.poll(() => statusOf(0).textContent()).toBe('Agreed');
    expect(await statusOf(2).textContent()).toBe('Reservation: USA');
    expect(await statusOf(1).count()).toBe(0);
    // Beside the paragraph, in its margin: right of the text, not over it.
    const label = await statusOf(0).boundingBox();
    const text = await compilation.locator('.ph-op').first().locator('.ph-text, p').first().boundingBox();
    if (!label || !text) throw new Error('the label or the text is not laid out');
    expect(label.x).toBeGreaterThanOrEqual(text.x + text.width - 1);
    // No editing tools over a read-only view.
    expect(await page.locator('.command-strip').isVisible()).toBe(false);
    await screenshot(page, 'compilation-status-1366');

    // Compare Rev.1 with Rev.2: a superscript 1 with its text under OP 1, the reference as "3".
    await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Editing' }).click();
    await page.getByRole('button', { name: 'Revisions', exact: true }).click();
    await page.getByRole('listitem', { name: 'Rev.2' }).getByRole('button', { name: 'Compare with Rev.1' }).click();
    const compare = page.getByRole('region', { name: 'Compare versions' });
    const op1 = compare.locator('.compare-row', { has: page.locator('.compare-label', { hasText: /^OP 1$/ }) });
    await expect.poll(() => op1.locator('.compare-text .compare-fn-ref').textContent()).toBe('1');
    expect(await op1.getByRole('list', { name: 'Footnotes of OP 1' }).textContent()).toBe('1(new) A/80/123.');
    const row = (await op1.locator('.compare-text').textContent()) ?? '';
    expect(row).toContain('Secretary-General1 and the measures set out in paragraph 3 below;');
    expect(await compare.textContent()).not.toMatch(/\[footnote:|\[→/);
    expect(await page.locator('.command-strip').isVisible()).toBe(false);
    await op1.scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-footnote-1366');
    expect(errors).toEqual([]);
    await page.close();
  });
});
