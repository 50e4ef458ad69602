import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentMeta } from '../../electron/backend/live-documents.js';
import { startHost, type ConsultationHost } from '../../electron/consultation/host.js';
import type { WebShell } from '../../electron/web/web-shell.js';
import { collectBrackets } from '../../shared/negotiation/index.js';
import { yDocToDoc } from '../../shared/ydoc.js';
import { replicaOf, retitle } from '../electron/backend/edits.js';
import { storeWithDocument, waitFor } from '../electron/consultation/peers.js';
import { testHostOptions } from '../support/host-tls.js';
import { launchChromium, openPage, screenshot } from './browser.js';
import { startE2eShell } from './web-shell-fixture.js';

/**
 * A delegate joins a host that serves two documents and picks them by title, one after the
 * other; the laptop restarts while the host is down, the delegate reopens a copy from the
 * join dialog (filled in from the last join), proposes text offline, and the proposal
 * reaches the host when it comes back (same store, address and codes).
 */

let browser: Browser;
let shellDir: string;
const shells: WebShell[] = [];
const hosts: ConsultationHost[] = [];
const held = storeWithDocument('d1');

beforeAll(async () => {
  const ydoc = replicaOf(Y.encodeStateAsUpdate(held.docs.use('d1', (live) => live.ydoc)));
  Y.applyUpdate(ydoc, retitle(ydoc, 'Oceans and seas'));
  held.store.createDocument({ id: 'd2', meta: documentMeta(yDocToDoc(ydoc)), update: Y.encodeStateAsUpdate(ydoc), origin: 'import' });
  hosts.push(await startHost({ ...testHostOptions(), docs: held.docs, docIds: ['d1', 'd2'], bind: '127.0.0.1', port: 0 }));
  shellDir = mkdtempSync(path.join(tmpdir(), 'penholder-e2e-rejoin-'));
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  for (const shell of shells) await shell.close();
  for (const host of hosts) await host.stop();
  held.store.close();
  for (const dir of [shellDir, held.dataDir]) rmSync(dir, { recursive: true, force: true });
});

const startShell = async () => {
  const shell = await startE2eShell(shellDir);
  shells.push(shell);
  return shell;
};
const statusOf = (page: Page) => page.locator('.consultation-status').first().textContent();
const openDialog = async (page: Page) => {
  await page.getByRole('button', { name: 'Join consultation…' }).click();
  return page.getByRole('dialog', { name: 'Join consultation' });
};
const titleShown = (page: Page) => page.locator('.ph-document .ph-title').first().textContent();

describe('joining a host of several documents, and rejoining while it is down, in Chromium', { timeout: 300_000 }, () => {
  it('picks documents by title, then reopens a copy offline after a restart and converges when the host is back', async () => {
    const first = hosts[0]!;
    let shell = await startShell();
    let { page, errors } = await openPage(browser, shell.url);

    let dialog = await openDialog(page);
    await dialog.getByLabel('Address', { exact: true }).fill(first.url);
    await dialog.getByLabel('Certificate fingerprint').fill(first.fingerprint);
    await dialog.getByLabel('Code', { exact: true }).fill(first.joinCode);
    await dialog.getByLabel('Find your delegation').fill('CAN');
    await dialog.getByRole('button', { name: /\(CAN\)$/ }).click();
    await dialog.getByLabel('Your name').fill('Li Wei');
    await dialog.getByRole('button', { name: 'Join' }).click();
    const list = dialog.getByRole('list', { name: 'Documents of this consultation' });
    await expect.poll(() => list.getByRole('button').allTextContents()).toEqual([
      expect.stringMatching(/^Safer streets for cyclists.*New to this laptop.*Join$/),
      expect.stringMatching(/^Oceans and seas.*New to this laptop.*Join$/),
    ]);
    await screenshot(page, 'consultation-pick-document');
    await dialog.getByRole('button', { name: 'Join: Oceans and seas' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => titleShown(page), { timeout: 20_000 }).toBe('Oceans and seas');
    await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('Connected');

    // The other one, from the same dialog: filled in already, the joined one marked.
    dialog = await openDialog(page);
    expect(await dialog.getByLabel('Code', { exact: true }).inputValue()).toBe(first.joinCode);
    await dialog.getByRole('button', { name: 'Join' }).click();
    await dialog.getByRole('button', { name: 'Open: Oceans and seas' }).waitFor();
    expect(await dialog.getByText('Joining another document leaves the one you are in now').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Join: Safer streets for cyclists' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => titleShown(page), { timeout: 20_000 }).toBe('Safer streets for cyclists');
    await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('Connected');

    // The laptop restarts; meanwhile the host goes down.
    expect(errors).toEqual([]);
    await page.close();
    await shell.close();
    await first.stop();
    shell = await startShell();
    ({ page, errors } = await openPage(browser, shell.url));
    dialog = await openDialog(page);
    await expect.poll(() => dialog.getByLabel('Address', { exact: true }).inputValue()).toBe(first.url);
    expect(await dialog.getByLabel('Code', { exact: true }).inputValue()).toBe(first.joinCode);
    await dialog.getByRole('button', { name: 'Join' }).click();
    const copies = dialog.getByRole('list', { name: 'Copies on this laptop' });
    await expect.poll(() => copies.getByRole('button').allTextContents(), { timeout: 20_000 }).toEqual([
      expect.stringMatching(/^Safer streets for cyclists.*Open offline$/),
      expect.stringMatching(/^Oceans and seas.*Open offline$/),
    ]);
    expect(await dialog.getByRole('status').textContent()).toMatch(/does not answer/);
    await screenshot(page, 'consultation-rejoin-offline-choice');
    await dialog.getByRole('button', { name: 'Open offline: Oceans and seas' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    await expect.poll(() => statusOf(page), { timeout: 20_000 }).toMatch(/^Reconnecting/);
    await expect.poll(() => page.getByRole('region', { name: 'Consultation' }).locator('.panel-subtitle').textContent()).toBe('Not connected');

    // A proposal typed offline: the delegation's typing is always a suggestion.
    const op = page.locator('.ph-document .ph-op > .ph-text').first();
    await op.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Offline proposal.', { delay: 20 });
    await expect.poll(() => statusOf(page), { timeout: 20_000 }).toMatch(/^Reconnecting… · \d+ unsynced changes?$/);
    await screenshot(page, 'consultation-rejoin-offline');

    // The host comes back on the same address, with the same store and codes.
    hosts.push(await startHost({ ...testHostOptions(), docs: held.docs, docIds: ['d1', 'd2'], bind: '127.0.0.1', port: first.port, codes: { joinCode: first.joinCode, facilitatorCode: first.facilitatorCode } }));
    await expect.poll(() => statusOf(page), { timeout: 60_000 }).toBe('Connected');
    const atHost = () => held.docs.use('d2', (live) => collectBrackets(yDocToDoc(live.ydoc)));
    await waitFor(() => atHost().some((b) => b.proposedBy.join() === 'CAN' && b.text.includes('Offline proposal.')), 20_000, 'the offline proposal at the host');
    await screenshot(page, 'consultation-rejoin-converged');

    // Left (or opened from the list after a restart), the document offers to rejoin where it was joined.
    await page.getByRole('button', { name: 'Leave the consultation' }).click();
    await expect.poll(() => statusOf(page)).toBe('Not in the consultation Rejoin');
    await screenshot(page, 'consultation-rejoin-offer');
    await page.locator('.consultation-status').getByRole('button', { name: 'Rejoin' }).click();
    await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('Connected');
    expect(errors).toEqual([]);
  });
});
