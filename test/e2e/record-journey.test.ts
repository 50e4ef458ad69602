import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createLiveDocuments } from '../../electron/backend/live-documents.js';
import { startHost, type ConsultationHost } from '../../electron/consultation/host.js';
import { createRecordHost, type RecordHost } from '../../electron/consultation/record-host.js';
import { openInstallationKey } from '../../electron/identity/installation-key.js';
import { openStore, type Store } from '../../electron/store/store.js';
import type { WebShell } from '../../electron/web/web-shell.js';
import { silenceDeadline } from '../../shared/record/index.js';
import { runCli } from '../electron/cli/run-cli.js';
import { testHostTls } from '../support/host-tls.js';
import { allChangesSaved, launchChromium, openPage, screenshot } from './browser.js';
import { chooseInBar } from './bar-menu.js';
import { joinHosted } from './hosted-consultation.js';
import { startE2eShell } from './web-shell-fixture.js';

// Issue 14 as one journey in Chromium. The facilitator's app issues Rev.1 and Rev.2, exports
// them, checks a tampered copy and compares the Rev.1 file it holds with Rev.2, and places
// Rev.2 under silence; `penholder verify` checks the exported Rev.2. The facilitator's data
// folder is then served by a host in this process (what `penholder host --data-dir` runs,
// with its clock injected so the deadline passes when the test says); a delegation's app (a
// second backend) joins, verifies the Rev.2 file, breaks silence while the host is away,
// reconnects, and sees the outcome in the Revisions panel and the dashboard.
const dirs: string[] = [];
let browser: Browser | undefined;
const shells: WebShell[] = [];
let host: ConsultationHost | undefined;
let hostStore: Store | undefined;
afterAll(async () => {
  await host?.stop();
  hostStore?.close();
  for (const s of shells) await s.close();
  await browser?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (part: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `penholder-e2e-record-${part}-`));
  dirs.push(dir);
  return dir;
};
const fixture = path.resolve('test/fixtures/e2e/cn15-draft-rev1.txt');

// What a click saves: the download's suggested name, copied out of Chromium's folder (removed with its page).
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; file: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  const name = (download as Download).suggestedFilename();
  const file = path.join(tempDir('download'), name);
  await (download as Download).saveAs(file);
  return { name, file };
}

async function saveAndIssue(page: Page, label: string): Promise<string> {
  const panel = page.getByRole('region', { name: 'Revisions' });
  await allChangesSaved(page);
  await panel.getByRole('button', { name: 'Save revision…' }).click();
  const form = panel.getByRole('form', { name: 'Save revision' });
  await form.getByLabel('Label').fill(label);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  const item = panel.getByRole('list', { name: 'Named revisions' }).getByRole('listitem', { name: label });
  await item.getByRole('button', { name: 'Issue revision…' }).click();
  await item.getByRole('button', { name: `Issue ${label}` }).click();
  const note = (await item.getByRole('status').textContent()) ?? '';
  expect(note).toMatch(new RegExp(`^Issued ${label.replace('.', '\\.')} \\(\\d in its chain\\)\\. Fingerprint ([0-9A-F]{4}-){15}[0-9A-F]{4}; content hash [0-9a-f]{64}\\.$`));
  return /Fingerprint ([0-9A-F-]+);/.exec(note)![1]!;
}

describe('the record of issue 14 in Chromium', { timeout: 400_000 }, () => {
  it('issues, exports and verifies revisions (CLI and a second app), and runs a silence broken offline to its outcome', async () => {
    browser = await launchChromium();
    // The deadline: tomorrow 12:00 in New York, so the facilitator's real clock can place it.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const deadline = silenceDeadline(tomorrow, '12:00', 'America/New_York');
    // As the panel writes it: in its own zone, in the interface language, the month written out.
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${tomorrow}T12:00:00Z`));
    const deadlineWords = `${day}, 12:00 (America/New_York)`;

    // The facilitator's app.
    const facilitatorDir = tempDir('facilitator');
    const facilitator = await startE2eShell(facilitatorDir);
    shells.push(facilitator);
    const a = await openPage(browser, facilitator.url);
    await a.page.setViewportSize({ width: 1366, height: 768 });
    await a.page.getByLabel('Text file to import').setInputFiles(fixture);
    await a.page.getByRole('status', { name: 'Import result' }).waitFor();
    await a.page.locator('.page .ph-document .ph-op').first().waitFor();
    await a.page.getByRole('toolbar', { name: 'Document' }).getByRole('button', { name: 'Revisions' }).click();
    const panelA = a.page.getByRole('region', { name: 'Revisions' });
    const fingerprint = await saveAndIssue(a.page, 'Rev.1');
    const items = panelA.getByRole('list', { name: 'Named revisions' });
    const rev1File = await downloaded(a.page, () => items.getByRole('listitem', { name: 'Rev.1' }).getByRole('button', { name: 'Export revision file…' }).click());
    expect(rev1File.name).toBe('E_CN.15_2023_L.6_Rev.1.penholder-revision.json');

    await a.page.locator('.page .ph-document .ph-op').first().click();
    await a.page.keyboard.press('End');
    await a.page.keyboard.type(' Amended.');
    expect(await saveAndIssue(a.page, 'Rev.2')).toBe(fingerprint);
    const rev2Item = items.getByRole('listitem', { name: 'Rev.2' });
    await expect.poll(() => rev2Item.locator('.record-mark').textContent()).toBe(`Issued · ${fingerprint.slice(0, 9)}…`);
    await rev2Item.scrollIntoViewIfNeeded();
    await screenshot(a.page, 'record-journey-issued');
    const rev2File = await downloaded(a.page, () => rev2Item.getByRole('button', { name: 'Export revision file…' }).click());
    // The draft's symbol names Rev.1 (E/CN.15/2023/L.6/Rev.1): the label follows it.
    expect(rev2File.name).toBe('E_CN.15_2023_L.6_Rev.1_Rev.2.penholder-revision.json');

    // penholder verify on the exported file, with the fingerprint the app showed.
    const cli = runCli(['verify', rev2File.file, '--key', fingerprint]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout.trim())).toEqual({ valid: true, label: 'Rev.2', issuer: expect.stringMatching(/^[0-9a-f]{64}$/), fingerprint: fingerprint.replace(/-/g, '').toLowerCase(), chain: 2 });

    // A copy with one word changed is refused in the app; the Rev.1 file held is compared with Rev.2.
    const tampered = path.join(path.dirname(rev2File.file), 'tampered.penholder-revision.json');
    writeFileSync(tampered, readFileSync(rev2File.file, 'utf8').replace('witnesses', 'witnesbes'));
    await panelA.getByLabel('Revision file to verify').setInputFiles(tampered);
    await expect.poll(() => panelA.locator('.record-verify [role=alert]').textContent()).toMatch(/^Not valid: tampered\.penholder-revision\.json\. Content changed: /);
    await panelA.getByLabel('Revision file to compare').setInputFiles(rev1File.file);
    const compared = a.page.locator('.record-compare-overlay');
    await expect.poll(() => compared.locator('.record-compare-chain').textContent()).toBe('Rev.1 → Rev.2: chain unbroken, no revision between.');
    await expect.poll(() => a.page.locator('ins, .compare-inserted, [class*=insert]').filter({ hasText: 'Amended' }).count()).toBeGreaterThan(0);
    await screenshot(a.page, 'record-journey-compare');
    await a.page.getByRole('button', { name: 'Back to the document' }).click();

    // Rev.2 under silence from the facilitator's Revisions panel.
    const sectionA = panelA.getByRole('region', { name: 'Issued revisions and silence' });
    await sectionA.getByRole('button', { name: 'Place Rev.2 under silence…' }).click();
    const place = sectionA.getByRole('group', { name: 'Place Rev.2 under silence…' });
    await place.getByLabel('Date').fill(tomorrow);
    await place.getByLabel('Time', { exact: true }).fill('12:00');
    await place.getByLabel('Time zone').fill('America/New_York');
    await place.getByRole('button', { name: 'Place under silence' }).click();
    await expect.poll(() => sectionA.locator('.record-silence-state').textContent()).toBe(`Rev.2 is under silence until ${deadlineWords}.`);
    expect(a.errors).toEqual([]);
    await a.page.close();
    await facilitator.close();
    shells.splice(shells.indexOf(facilitator), 1);

    // The facilitator's data folder hosted, its key the issuer's; the delegation's key admitted as FRA.
    hostStore = openStore({ dataDir: facilitatorDir });
    const docId = hostStore.listDocuments()[0]!.id;
    const delegationDir = tempDir('delegation');
    const fraKey = openInstallationKey(delegationDir);
    let clock = new Date(Date.parse(deadline.instant) - 6 * 3_600_000);
    let records: RecordHost | undefined;
    const docs = createLiveDocuments(hostStore);
    const serve = (port = 0, codes?: { joinCode: string; facilitatorCode: string }) => {
      records = createRecordHost({ store: hostStore!, docIds: [docId], now: () => clock });
      return startHost({ docs, docIds: [docId], bind: '127.0.0.1', port, codes, tls: testHostTls(), extensions: [records], admit: [{ key: fraKey.fingerprint, delegation: 'FRA', name: 'Claire Martin', role: 'delegation' }] });
    };
    host = await serve();

    // The delegation's app joins, receives Rev.2 under silence, and verifies the Rev.2 file it was sent.
    const delegation = await startE2eShell(delegationDir);
    shells.push(delegation);
    const b = await openPage(browser, delegation.url);
    await b.page.setViewportSize({ width: 1366, height: 768 });
    const banner = { url: host.url, documents: [docId], joinCode: host.joinCode, facilitatorCode: host.facilitatorCode, fingerprint: host.fingerprint, link: host.link };
    await joinHosted(b.page, banner, 'FRA', 'Delegation', { name: 'Claire Martin' });
    await b.page.getByRole('toolbar', { name: 'Document' }).getByRole('button', { name: 'Revisions' }).click();
    const panelB = b.page.getByRole('region', { name: 'Revisions' });
    const section = panelB.getByRole('region', { name: 'Issued revisions and silence' });
    await expect.poll(() => section.locator('.record-silence-state').textContent(), { timeout: 60_000 }).toBe(`Rev.2 is under silence until ${deadlineWords}.`);
    expect(await section.locator('.record-note').first().textContent()).toBe(`Rev.2 issued by key ${fingerprint.slice(0, 9)}, received and verified.`);
    await section.scrollIntoViewIfNeeded();
    await screenshot(b.page, 'record-journey-silence-pending');
    await panelB.getByLabel('Revision file to verify').setInputFiles(rev2File.file);
    const valid = panelB.locator('.record-valid');
    await expect.poll(() => valid.textContent()).toBe(`Valid: Rev.2, issued by key ${fingerprint}, chain of 2 issued revisions unbroken.`);
    await valid.scrollIntoViewIfNeeded();
    await screenshot(b.page, 'record-journey-verify');

    // The host goes away; the delegation breaks silence offline.
    const port = host.port;
    const codes = { joinCode: host.joinCode, facilitatorCode: host.facilitatorCode };
    await host.stop();
    host = undefined;
    await section.getByRole('button', { name: 'Break silence…' }).click();
    const form = section.getByRole('group', { name: 'Break silence…' });
    await form.getByLabel('Paragraphs (e.g. OP 3, PP 2)').fill('OP 2');
    await form.getByLabel('Reason').fill('OP 2 goes beyond the agreed mandate.');
    await form.getByRole('button', { name: 'Break silence with a signed objection' }).click();
    const mine = section.getByRole('status').filter({ hasText: 'Your objection' });
    await expect.poll(() => mine.textContent()).toBe('Your objection is signed and kept; it will be delivered when you are connected to the host.');
    await screenshot(b.page, 'record-journey-offline-objection');

    // The host is back on the same address two hours before the deadline: the objection arrives.
    clock = new Date(Date.parse(deadline.instant) - 2 * 3_600_000);
    host = await serve(port, codes);
    // Local date and time for people, the exact instant in the tooltip.
    await expect.poll(() => mine.textContent(), { timeout: 30_000 }).toMatch(/^Your objection reached the host on \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d\.$/);
    expect(await mine.getAttribute('title')).toContain(`arrived ${clock.toISOString()}`);

    // The deadline passes: the host records the outcome, and the delegation's app shows it.
    clock = new Date(Date.parse(deadline.instant) + 60_000);
    await records!.tick();
    const outcome = `Rev.2: silence broken by FRA (deadline ${deadlineWords}).`;
    await expect.poll(() => section.locator('.record-silence-state').textContent(), { timeout: 20_000 }).toBe(outcome);
    expect(await section.locator('.record-objections li').allTextContents()).toEqual([
      expect.stringMatching(/^FRA on OP 2: OP 2 goes beyond the agreed mandate\. \(signed \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d, arrived \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d\)$/),
    ]);
    expect(await section.locator('.record-objections li').first().getAttribute('title')).toMatch(/^signed \d{4}-\d\d-\d\dT[\d:.]+Z, arrived \d{4}-\d\d-\d\dT[\d:.]+Z$/);
    await section.scrollIntoViewIfNeeded();
    await screenshot(b.page, 'record-journey-outcome');
    await chooseInBar(b.page, 'Negotiation', 'Dashboard');
    const dashboard = b.page.getByRole('region', { name: 'Negotiation dashboard' });
    await expect.poll(() => dashboard.locator('.dashboard-silence').first().textContent(), { timeout: 20_000 }).toBe(outcome);
    await screenshot(b.page, 'record-journey-dashboard');
    expect(b.errors).toEqual([]);
  });
});
