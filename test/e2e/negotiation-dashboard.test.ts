import path from 'node:path';
import { WebSocket as NodeWebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { connectWebSocketApi } from '../../renderer/api/ws-client.js';
import type { Node } from 'prosemirror-model';
import { agreeBracket, bracketRange, chooseAlternative, dropBracket } from '../../shared/negotiation/bracket-ops.js';
import { setParagraphStatus } from '../../shared/negotiation/paragraph-ops.js';
import { yDocToDoc } from '../../shared/ydoc.js';
import { replicaOf } from '../electron/backend/edits.js';
import { act, bracketPos, groupPos, paragraphPos } from '../electron/backend/negotiation-edits.js';
import { openPage, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';
import { chooseInBar } from './bar-menu.js';

const env = useWebShell('negotiation-dashboard');
const title = 'Violence against women migrant workers';

describe('negotiation dashboard in Chromium', { timeout: 300_000 }, () => {
  it('shows open brackets per paragraph and delegation, the chart across revisions and the life of a bracket', async () => {
    const api = await connectWebSocketApi(`ws://127.0.0.1:${env.shell.port}/api?token=${env.shell.token}`, { WebSocket: NodeWebSocket });
    await api.invoke('profile.set', { name: 'Facilitator', delegation: 'CHE' });
    const { page, errors } = await openPage(env.browser, env.shell.url);

    // The compilation text is imported through the page, as a facilitator would.
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt'));
    await page.getByRole('status', { name: 'Import result' }).waitFor();
    const doc = (await api.invoke('documents.list', {})).find((d) => d.title === title);
    if (!doc) throw new Error('the import did not create the document');
    const id = doc.id;
    // The page opens what it imported and marks it seen, which makes an autosave point if the
    // document has moved past its last revision. Left to race with the edits below, that point
    // could fall between a session's decisions and the revision naming them (a CI run once
    // charted 31, 27, 27, 26); waiting for it keeps it where the import left the text.
    await expect.poll(async () => (await api.invoke('revisions.lastViewed', { docId: id })).revision !== null, { timeout: 10_000 }).toBe(true);

    // Rev.1 as imported, then the session's decisions, then Rev.2 (through the API, as the editor sends them).
    const replica = replicaOf((await api.invoke('documents.open', { id })).state);
    await api.invoke('revisions.create', { docId: id, kind: 'revision', label: 'Rev.1' });
    await act(
      (update) => api.invoke('documents.applyUpdate', { id, update }),
      replica,
      (s) => agreeBracket(s, bracketPos(s.doc, 'and to endeavour to reach the furthest behind first').pos),
      (s) => dropBracket(s, bracketPos(s.doc, 'particularly').pos),
      (s) => chooseAlternative(s, groupPos(s.doc, 'Reaffirming'), 1),
      (s) => setParagraphStatus(s, paragraphPos(s.doc, 'Welcomes'), { state: 'agreed', by: 'CHE', at: '2026-10-15T10:00:00.000Z' }),
    );
    await api.invoke('revisions.create', { docId: id, kind: 'revision', label: 'Rev.2' });
    const before = yDocToDoc(replica);
    await act(
      (update) => api.invoke('documents.applyUpdate', { id, update }),
      replica,
      (s) => agreeBracket(s, bracketPos(s.doc, 'take all appropriate measures to').pos),
      (s) => setParagraphStatus(s, paragraphPos(s.doc, 'Calls upon States'), { state: 'agreed', by: 'CHE', at: '2026-10-16T10:00:00.000Z' }),
    );
    await api.invoke('revisions.create', { docId: id, kind: 'revision', label: 'Rev.3' });
    api.close();
    expect(bracketPos(before, 'important').text).toBe('important');

    await page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: new RegExp(title) }).click();
    await page.locator('.ph-document .ph-op').first().waitFor();
    await chooseInBar(page, 'Negotiation', 'Dashboard');
    const dashboard = page.getByRole('region', { name: 'Negotiation dashboard' });
    await expect.poll(() => dashboard.getByTestId('dashboard-totals').textContent()).toMatch(/^26 open brackets · 2 of 12 paragraphs agreed$/);
    const chart = dashboard.getByRole('img', { name: 'Open brackets and agreed paragraphs across revisions' });
    const description = await chart.locator('desc').textContent();
    // The point the page made on opening the import comes first (unlabelled on the axis).
    expect(description).toMatch(/^4 revisions from Autosave \d\d:\d\d to Rev\.3\. Open brackets: 31, 31, 27, 26\./);
    expect(description).toMatch(/Agreed paragraphs: 0, 0, 1, 2\./);
    expect(await chart.locator('.chart-x-label').allTextContents()).toEqual(['Rev.1', 'Rev.2', 'Rev.3']);

    const perParagraph = dashboard.getByRole('table', { name: 'Open brackets per paragraph' });
    const pp1 = await perParagraph.getByRole('row', { name: /^PP 3 / }).getByRole('cell').allTextContents();
    expect(pp1).toEqual(['4', '1', '0']);
    const perDelegation = dashboard.getByRole('table', { name: 'Open brackets per delegation' });
    expect(await perDelegation.getByRole('row', { name: /^USA / }).getByRole('cell').first().textContent()).toMatch(/^\d+$/);

    // Rev.1 in the selector: the brackets open then.
    await dashboard.getByRole('combobox', { name: 'State at' }).selectOption({ label: 'Rev.1' });
    await expect.poll(() => dashboard.getByTestId('dashboard-totals').textContent()).toMatch(/^31 open brackets · 0 of 12 paragraphs agreed$/);
    await dashboard.getByRole('button', { name: /\[particularly\]/ }).click();
    const life = dashboard.getByRole('region', { name: 'Life of the bracket' });
    await expect.poll(() => life.locator('li').allTextContents()).toEqual([
      // The autosave point made on opening the import, where the bracket first appears.
      expect.stringMatching(/^Proposed — Autosave \d\d:\d\d: by no one: “particularly”$/),
      expect.stringMatching(/^Dropped \(text removed\) — Rev\.2: “particularly”$/),
    ]);
    await dashboard.getByRole('combobox', { name: 'State at' }).selectOption({ label: 'Now' });
    await expect.poll(() => dashboard.getByTestId('dashboard-totals').textContent()).toMatch(/^26 open brackets/);

    // A delegation's proposal arrives (applied by the backend, as a peer's update through the
    // consultation is): the dashboard counts it within a second, "At" untouched, and lists it
    // with its supporters and opponents.
    const peer = await connectWebSocketApi(`ws://127.0.0.1:${env.shell.port}/api?token=${env.shell.token}`, { WebSocket: NodeWebSocket });
    const live = replicaOf((await peer.invoke('documents.open', { id })).state);
    await page.waitForTimeout(700);
    const sent = Date.now();
    await act(
      (update) => peer.invoke('documents.applyUpdate', { id, update }),
      live,
      (s) => bracketRange(s, { ...wordIn(s.doc, 'Welcomes', 'report'), proposedBy: ['MEX'], supportedBy: ['NOR'], opposedBy: ['RUS'] }),
    );
    await expect.poll(() => dashboard.getByTestId('dashboard-totals').textContent(), { timeout: 1000, interval: 50 }).toMatch(/^27 open brackets/);
    const followed = Date.now() - sent;
    await dashboard.getByRole('button', { name: /\[report\] \(MEX; supported by NOR; opposed by RUS\)$/ }).waitFor({ timeout: 1000 });
    console.log(`dashboard followed a peer's proposal in ${followed} ms`);
    peer.close();
    await page.locator('.side-panels').evaluate((el) => el.scrollTo(0, 0));
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'negotiation-dashboard-live-1366');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The screenshot shows the dashboard from its top, beside the page, without the outline.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await chooseInBar(page, 'View', 'Outline');
    await dashboard.getByRole('button', { name: /\[important\]$/ }).click();
    await life.locator('li').first().waitFor();
    await page.locator('.side-panels').evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page, 'negotiation-dashboard');
    await perParagraph.scrollIntoViewIfNeeded();
    await page.locator('.side-panels').evaluate((el) => el.scrollBy(0, 120));
    await screenshot(page, 'negotiation-dashboard-tables');
    expect(errors).toEqual([]);
    await page.close();
  });
});

// The range of the first `word` in the top-level paragraph that starts with `starts`, outside any bracket.
function wordIn(doc: Node, starts: string, word: string): { from: number; to: number } {
  const at = paragraphPos(doc, starts);
  const paragraph = doc.nodeAt(at);
  let found: { from: number; to: number } | null = null;
  paragraph?.descendants((node, offset, parent) => {
    if (found || !node.isText || parent?.type.name === 'bracket') return !found;
    const i = (node.text ?? '').indexOf(word);
    if (i >= 0) found = { from: at + 1 + offset + i, to: at + 1 + offset + i + word.length };
    return false;
  });
  if (!found) throw new Error(`no "${word}" outside brackets in the paragraph starting "${starts}"`);
  return found;
}
