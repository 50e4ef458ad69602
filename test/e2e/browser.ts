import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Debian's Chromium driven by playwright-core, for the e2e tests. The flags keep Chromium
 * off the network (this machine's closed network refuses its background connections).
 */

/** Where Debian installs Chromium (`apt-get install chromium`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where e2e screenshots go (git-ignored); created on demand. */
export const ARTIFACTS_DIR = path.resolve('test/artifacts');

/** Launches headless Chromium; throws with the install command when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (see .ci/run).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // The interface follows the system language when none is stored: tests read English.
      '--lang=en-US',
    ],
  });
}

// Vite's dev client always tries its HMR WebSocket; the browser shell serves Vite in
// middleware mode without one, so those failures are expected and are not the app's errors.
const viteClientNoise = [/\[vite\]/, /WebSocket closed without opened/, /WebSocket connection to '[^']*' failed/];

/** True for a console message that comes from Vite's dev client failing to reach its HMR socket. */
export function isViteClientNoise(text: string): boolean {
  return viteClientNoise.some((pattern) => pattern.test(text)) && !text.includes('/api?');
}

/**
 * A new page at 1280x800 (the smallest window the app is designed for) that records page
 * errors and console errors (except Vite's HMR client noise).
 */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => {
    if (!isViteClientNoise(error.message)) errors.push(error.message);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !isViteClientNoise(message.text())) errors.push(message.text());
  });
  await page.goto(url);
  // Closed as the desktop shell closes a window (electron/main/close-guard.ts): the renderer's last
  // changes are flushed to the backend first. Playwright's close skips 'beforeunload', so a
  // test ending on an edit (an undo) could close the page while that edit was still on its
  // way, and the next test on the same backend found the document as it was before it.
  const close = page.close.bind(page);
  page.close = async (options) => {
    await page.evaluate(() => (window as unknown as { penholderFlush?: () => Promise<void> }).penholderFlush?.()).catch(() => undefined);
    return close(options);
  };
  return { page, errors };
}

/** Saves a full-page screenshot as test/artifacts/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** The computed `content` of an element's `::before` pseudo-element, unquoted ('' for none). */
export async function beforeContent(page: Page, selector: string, index = 0): Promise<string> {
  const content = await page.locator(selector).nth(index).evaluate((el) => getComputedStyle(el, '::before').content);
  return content === 'none' || content === 'normal' ? '' : content.replace(/^"(.*)"$/, '$1');
}

// The document bar shows "Saving…" only once a save has taken longer than this (so quick saves
// do not flicker); until then it still reads "All changes saved" while a save is in flight.
const savingShownAfterMs = 300;

/**
 * Resolves once everything typed so far is saved: waits past the bar's "Saving…" delay, so
 * the status it then reads tells the truth, and polls for "All changes saved".
 */
export async function allChangesSaved(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForTimeout(savingShownAfterMs + 100);
  await expect.poll(() => page.locator('.document-bar .sync-status').first().textContent(), { timeout }).toBe('All changes saved');
}

/**
 * Puts the caret at the end of `target`'s text (or selects all of it with `whole`), then
 * resolves once the browser announced the new selection (ProseMirror reads it on
 * 'selectionchange') and a frame passed.
 */
export async function placeCaret(target: Locator, whole = false): Promise<void> {
  await target.click();
  await target.evaluate(
    (el, all) =>
      new Promise<void>((resolve) => {
        const done = () => requestAnimationFrame(() => resolve());
        document.addEventListener('selectionchange', done, { once: true });
        setTimeout(done, 1000);
        const range = document.createRange();
        range.selectNodeContents(el);
        if (!all) range.collapse(false);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }),
    whole,
  );
}

/**
 * Puts the caret at the end of the document as a user does: a click in `target`, then
 * Ctrl+End, with no wait between them or after (the editor must cope with the next key
 * arriving at once).
 */
export async function caretToDocumentEnd(page: Page, target: Locator): Promise<void> {
  await target.click();
  await page.keyboard.press('Control+End');
}

// Keys `pressAtOnce` knows: DOM key, code, Windows virtual key code and the text the key types.
const batchKeys: Readonly<Record<string, { code: string; keyCode: number; text?: string }>> = {
  End: { code: 'End', keyCode: 35 },
  Home: { code: 'Home', keyCode: 36 },
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  Tab: { code: 'Tab', keyCode: 9 },
  ArrowLeft: { code: 'ArrowLeft', keyCode: 37 },
  ArrowRight: { code: 'ArrowRight', keyCode: 39 },
};

/**
 * Sends a click at `clickAt` (when given) and then `keys` ('Control+End', 'Enter', 'Shift+Home': Control and
 * Shift with the keys above) in one batch, as a fast typist's input reaches the page: every event is queued
 * before the page handles the first, so none waits for what the one before it scheduled (a 'selectionchange',
 * a frame). Resolves once the browser took them all.
 */
export async function pressAtOnce(page: Page, keys: readonly string[], clickAt?: { x: number; y: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const events: Promise<unknown>[] = [];
  if (clickAt) {
    for (const type of ['mousePressed', 'mouseReleased'] as const) events.push(cdp.send('Input.dispatchMouseEvent', { type, ...clickAt, button: 'left', clickCount: 1 }));
  }
  const modifierKeys = { Control: { bit: 2, code: 'ControlLeft', keyCode: 17 }, Shift: { bit: 8, code: 'ShiftLeft', keyCode: 16 } } as const;
  for (const combination of keys) {
    const parts = combination.split('+');
    const key = parts.pop() ?? '';
    const spec = batchKeys[key];
    if (!spec) throw new Error(`pressAtOnce does not know the key '${key}' (add it to batchKeys)`);
    const held = parts.map((name) => {
      const modifier = modifierKeys[name as keyof typeof modifierKeys];
      if (!modifier) throw new Error(`pressAtOnce does not know the modifier '${name}' in '${combination}'`);
      return { key: name, ...modifier };
    });
    const modifiers = held.reduce((sum, m) => sum | m.bit, 0);
    for (const m of held) events.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: m.key, code: m.code, windowsVirtualKeyCode: m.keyCode, modifiers }));
    const text = modifiers & 2 ? undefined : spec.text;
    events.push(cdp.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', key, code: spec.code, windowsVirtualKeyCode: spec.keyCode, modifiers, ...(text ? { text, unmodifiedText: text } : {}) }));
    events.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: spec.code, windowsVirtualKeyCode: spec.keyCode, modifiers }));
    for (const m of held.reverse()) events.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: m.key, code: m.code, windowsVirtualKeyCode: m.keyCode, modifiers: 0 }));
  }
  await Promise.all(events);
  await cdp.detach();
}
