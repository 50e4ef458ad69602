import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type ConsultationHost } from '../../electron/consultation/host.js';
import { createRecordHost, type RecordHost } from '../../electron/consultation/record-host.js';
import { openInstallationKey } from '../../electron/identity/installation-key.js';
import { issueRevision } from '../../electron/store/issue-revision.js';
import { placeUnderSilence } from '../../electron/store/silence-procedure.js';
import { startWebShell, type WebShell } from '../../electron/web/web-shell.js';
import { silenceDeadline } from '../../shared/record/index.js';
import { storeWithDocument } from '../electron/consultation/peers.js';
import { testHostTls } from '../support/host-tls.js';
import { launchChromium, openPage, screenshot } from './browser.js';
import { chooseInBar } from './bar-menu.js';
import { joinHosted } from './hosted-consultation.js';

// Issue 14 point 5 in Chromium: a delegation's app joined to a host that issued Rev.1 and
// Rev.2 sees Rev.2 under silence, breaks silence while the host is away, and sees its
// objection delivered on reconnecting and the outcome once the deadline passed. The host
// runs in this process with its clock injected, so the deadline passes when the test says.
const dirs: string[] = [];
let browser: Browser | undefined;
let shell: WebShell | undefined;
let host: ConsultationHost | undefined;
afterAll(async () => {
  await host?.stop();
  await shell?.close();
  await browser?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (part: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `penholder-e2e-silence-${part}-`));
  dirs.push(dir);
  return dir;
};

describe('silence procedure in Chromium', { timeout: 300_000 }, () => {
  let clock = new Date('2026-12-08T09:00:00.000Z');
  let records: RecordHost | undefined;
  const hosting = { store: undefined as unknown as ReturnType<typeof storeWithDocument> };
  const shellDir = tempDir('delegation');
  // The delegation's installation key, admitted by the host as FRA beforehand (no lobby in this test).
  const fra = openInstallationKey(shellDir);
  const serve = async (port = 0, codes?: { joinCode: string; facilitatorCode: string }) => {
    records = createRecordHost({ store: hosting.store.store, docIds: ['d1'], now: () => clock });
    return startHost({
      docs: hosting.store.docs, docIds: ['d1'], bind: '127.0.0.1', port, codes, tls: testHostTls(), extensions: [records],
      admit: [{ key: fra.fingerprint, delegation: 'FRA', name: 'Claire Martin', role: 'delegation' }],
    });
  };
  beforeAll(async () => {
    hosting.store = storeWithDocument('d1', tempDir('host'));
    const { store, dataDir } = hosting.store;
    const key = openInstallationKey(dataDir);
    for (const label of ['Rev.1', 'Rev.2']) await issueRevision(store, { docId: 'd1', label, author: 'Chair', delegation: 'MEX', key });
    await placeUnderSilence(store, { docId: 'd1', deadline: silenceDeadline('2026-12-08', '12:00', 'America/New_York'), key, now: clock });
    host = await serve();
    shell = await startWebShell({ dataDir: shellDir, port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  }, 120_000);

  it('shows the deadline, keeps an objection made offline, delivers it on reconnecting, and shows the outcome', async () => {
    const { page, errors } = await openPage(browser!, shell!.url);
    await page.setViewportSize({ width: 1366, height: 768 });
    const banner = { url: host!.url, documents: ['d1'], joinCode: host!.joinCode, facilitatorCode: host!.facilitatorCode, fingerprint: host!.fingerprint, link: host!.link };
    await joinHosted(page, banner, 'FRA', 'Delegation', { name: 'Claire Martin' });
    await page.getByRole('toolbar', { name: 'Document' }).getByRole('button', { name: 'Revisions' }).click();
    const panel = page.getByRole('region', { name: 'Revisions' });
    const section = panel.getByRole('region', { name: 'Issued revisions and silence' });
    await expect.poll(() => section.locator('.record-silence-state').textContent(), { timeout: 60_000 }).toBe('Rev.2 is under silence until 2026-12-08 12:00 (America/New_York).');
    expect(await section.locator('.record-note').first().textContent()).toMatch(/^Rev\.2 issued by key [0-9A-F]{4}-[0-9A-F]{4}, received and verified\.$/);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'record-silence-pending');

    // The host goes away; the delegation objects offline.
    const port = host!.port;
    const codes = { joinCode: host!.joinCode, facilitatorCode: host!.facilitatorCode };
    await host!.stop();
    await section.getByRole('button', { name: 'Break silence…' }).click();
    const form = section.getByRole('group', { name: 'Break silence…' });
    await form.getByLabel('Paragraphs (e.g. OP 3, PP 2)').fill('OP 2');
    await form.getByLabel('Reason').fill('OP 2 goes beyond the agreed mandate.');
    await form.getByRole('button', { name: 'Break silence with a signed objection' }).click();
    await expect.poll(() => section.getByRole('status').filter({ hasText: 'Your objection' }).textContent()).toBe(
      'Your objection is signed and kept; it will be delivered when you are connected to the host.',
    );
    await screenshot(page, 'record-silence-offline-objection');

    // The host is back on the same address: the objection arrives (host clock 15:00 UTC).
    clock = new Date('2026-12-08T15:00:00.000Z');
    host = await serve(port, codes);
    await expect.poll(() => section.getByRole('status').filter({ hasText: 'Your objection' }).textContent(), { timeout: 30_000 }).toBe(
      'Your objection reached the host at 2026-12-08T15:00:00.000Z.',
    );

    // The deadline passes: the outcome is recorded, signed, and shows.
    clock = new Date('2026-12-08T17:00:00.000Z');
    await records!.tick();
    await expect.poll(() => section.locator('.record-silence-state').textContent(), { timeout: 20_000 }).toBe(
      'Rev.2: silence broken by FRA (deadline 2026-12-08 12:00 (America/New_York)).',
    );
    expect(await section.locator('.record-objections li').allTextContents()).toEqual([
      expect.stringMatching(/^FRA on OP 2: OP 2 goes beyond the agreed mandate\. \(signed 2026-\d\d-\d\dT[\d:.]+Z, arrived 2026-12-08T15:00:00\.000Z\)$/),
    ]);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'record-silence-outcome');
    // The dashboard states it too.
    await chooseInBar(page, 'Negotiation', 'Dashboard');
    const dashboard = page.getByRole('region', { name: 'Negotiation dashboard' });
    await expect.poll(() => dashboard.locator('.dashboard-silence').textContent(), { timeout: 20_000 }).toBe('Rev.2: silence broken by FRA (deadline 2026-12-08 12:00 (America/New_York)).');
    await screenshot(page, 'record-silence-dashboard');
    expect(errors).toEqual([]);
  });
});
