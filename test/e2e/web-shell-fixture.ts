import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startWebShell, type WebShell } from '../../electron/web/web-shell.js';
import { launchChromium, screenshot } from './browser.js';

type Shell = WebShell;

/**
 * Starts a browser shell on `dataDir` (127.0.0.1, port 0) that serves the renderer built once
 * for this test run (test/support/warm-vite.ts), as the desktop app loads its built renderer.
 */
export function startE2eShell(dataDir: string): Promise<WebShell> {
  return startWebShell({ dataDir, port: 0, host: '127.0.0.1', staticDir: inject('rendererDir') });
}

/** A browser and a browser shell on a fresh data folder, shared by the tests of one file. */
export type WebShellFixture = {
  readonly browser: Browser;
  readonly shell: Shell;
  /** Stops the shell and starts a new one on the same data folder (a restart of the app). */
  restart(): Promise<void>;
};

/**
 * `value` once a fixture's beforeAll started it; throws, naming `what`, when read before
 * (outside a test), which would otherwise surface as an unclear undefined later.
 */
export function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started yet (use it inside a test)`);
  return value;
}

/**
 * Registers beforeAll/afterAll hooks that launch Chromium and start the browser shell on
 * 127.0.0.1, port 0, with a temporary data folder named after `name`, and clean all of it up.
 * Read `browser` and `shell` inside tests (they exist once the hooks ran).
 */
export function useWebShell(name: string): WebShellFixture {
  let browser: Browser | undefined;
  let shell: Shell | undefined;
  let dataDir = '';
  beforeAll(async () => {
    browser = await launchChromium();
    dataDir = mkdtempSync(path.join(tmpdir(), `penholder-e2e-${name}-`));
    shell = await startE2eShell(dataDir);
  });
  afterAll(async () => {
    await shell?.close();
    await browser?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get browser() {
      return started(browser, 'the browser');
    },
    get shell() {
      return started(shell, 'the browser shell');
    },
    async restart() {
      await started(shell, 'the browser shell').close();
      shell = await startE2eShell(dataDir);
    },
  };
}

/**
 * Creates a document from a template through the "New from template" dialog, with `title`,
 * and waits until its first operative paragraph is shown. `shot` names a screenshot of the
 * open dialog, taken before the template is chosen.
 */
export async function createFromTemplate(page: Page, title: string, shot?: string, templateId = 'general-assembly-resolution'): Promise<void> {
  await page.getByRole('toolbar', { name: 'Start a document' }).getByRole('button', { name: 'New from template' }).click();
  const dialog = page.getByRole('dialog', { name: 'New from template' });
  await dialog.getByLabel('Title (optional)').fill(title);
  await dialog.getByRole('list', { name: 'Templates' }).waitFor();
  if (shot) await screenshot(page, shot);
  await dialog.locator(`[data-template-id="${templateId}"]`).click();
  await page.locator('.ph-document .ph-op').first().waitFor();
}
