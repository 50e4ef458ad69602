import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { EditorState } from 'prosemirror-state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebShell, type WebShell } from '../../electron/web/web-shell.js';
import { newId } from '../../shared/ids.js';
import { negotiationBaseOf } from '../../shared/negotiation/negotiation-base.js';
import { connectPeer, editAsEditor, synced, type Peer } from '../electron/consultation/peers.js';
import { beforeContent, launchChromium, openPage, screenshot } from './browser.js';

/**
 * The negotiation base travels with the document: in a consultation hosted by `penholder
 * host` on the GA compilation text, the facilitator (a stock provider with the facilitator
 * code, sending what a facilitator's backend sends) puts the document in negotiation and
 * inserts a paragraph after OP 1; a delegate who joined from the browser shell sees
 * "In negotiation on Rev.1" and numbers "1 bis." as the facilitator does.
 */

type Banner = { url: string; documents: string[]; joinCode: string; facilitatorCode: string };

let browser: Browser | undefined;
let shell: WebShell | undefined;
let host: ChildProcess | undefined;
let banner: Banner | undefined;
let chair: Peer | undefined;
const dirs: string[] = [];

const tempDir = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `penholder-e2e-base-${name}-`));
  dirs.push(dir);
  return dir;
};

function startHostCli(): Promise<Banner> {
  const file = path.resolve('test/fixtures/negotiation/ga-third-committee-rev1.txt');
  const child = spawn(process.execPath, ['electron/cli/bin.mjs', 'host', '--data-dir', tempDir('host'), '--bind', '127.0.0.1', '--port', '0', '--open', file], { cwd: process.cwd() });
  host = child;
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(out.slice(0, nl)) as Banner);
    });
    child.on('exit', (code) => reject(new Error(`penholder host exited (${code}): ${out}`)));
  });
}

beforeAll(async () => {
  banner = await startHostCli();
  shell = await startWebShell({ dataDir: tempDir('shell'), port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  chair = connectPeer(banner.url, banner.documents[0]!, { code: banner.facilitatorCode, delegation: 'MEX', name: 'Chair', role: 'facilitator' });
  await synced(chair, 20_000);
}, 120_000);

afterAll(async () => {
  chair?.destroy();
  await browser?.close();
  await shell?.close();
  if (host && host.exitCode === null) {
    host.kill('SIGTERM');
    await new Promise((resolve) => host!.once('exit', resolve));
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function joinAsDelegation(page: Page, delegation: string): Promise<void> {
  await page.getByRole('button', { name: 'Join consultation…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Join consultation' });
  await dialog.getByLabel('Address', { exact: true }).fill(banner!.url);
  await dialog.getByLabel('Code', { exact: true }).fill(banner!.joinCode);
  if ((await dialog.locator('.profile-chosen').textContent())?.includes(delegation) !== true) {
    if (await dialog.getByRole('button', { name: 'Change' }).count()) await dialog.getByRole('button', { name: 'Change' }).click();
    await dialog.getByLabel('Find your delegation').fill(delegation);
    await dialog.getByRole('button', { name: new RegExp(`\\(${delegation}\\)$`) }).click();
  }
  await dialog.getByLabel('Your name').fill(`${delegation} delegate`);
  await dialog.getByRole('radio', { name: /^Delegation/ }).check();
  await dialog.getByRole('button', { name: 'Join' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.ph-document .ph-op').first().waitFor();
}

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
    const { page, errors } = await openPage(browser!, shell!.url);
    await joinAsDelegation(page, 'CAN');
    const before = await opLabels(page);
    expect(before.slice(0, 3)).toEqual(['1.', '2.', '3.']);

    editAsEditor(chair!.doc, startNegotiation);
    const status = page.getByText('In negotiation on Rev.1');
    await status.waitFor({ timeout: 15_000 });
    editAsEditor(chair!.doc, insertAfterOp1);
    await expect.poll(() => opLabels(page), { timeout: 15_000 }).toEqual([before[0], '1 bis.', ...before.slice(1)]);
    expect(await beforeContent(page, '.page .ph-document .ph-op', 1)).toBe('1 bis.');
    expect(await page.locator('.page .ph-document .ph-op').nth(1).getAttribute('aria-label')).toBe('Operative paragraph 1 bis');
    await page.getByRole('navigation', { name: 'Outline' }).getByRole('button', { name: /^OP 1 bis: Also welcomes/ }).waitFor();
    await page.locator('.page .ph-document .ph-op').nth(1).scrollIntoViewIfNeeded();
    await screenshot(page, 'negotiation-base-consultation-delegate');

    // Out of negotiation again, from the facilitator: fresh numbers at the delegate's.
    editAsEditor(chair!.doc, (state) => state.tr.setNodeAttribute(0, 'negotiation', null));
    await expect.poll(async () => (await opLabels(page)).slice(0, 3), { timeout: 15_000 }).toEqual(['1.', '2.', '3.']);
    expect(await opLabels(page)).toHaveLength(before.length + 1);
    expect(await status.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
