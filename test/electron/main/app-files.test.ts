import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respondFromAppFolder } from '../../../electron/main/app-files.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp.js';

// The app:// handler's answers, with real Fetch API requests against a real folder laid
// out like Vite's build, plus a secret file next to it that must stay unreachable.

let base = '';
let root = '';

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'penholder-app-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
  writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log(1);');
  writeFileSync(path.join(base, 'secret.txt'), 'do not serve');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => respondFromAppFolder(root, new Request(url, { method }));

describe('respondFromAppFolder', () => {
  it('serves the entry page and scripts with their types and the CSP', async () => {
    const page = await get('app://penholder/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('./assets/index.js');
    const script = await get('app://penholder/assets/index.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toBe('console.log(1);');
  });

  it('answers HEAD without a body', async () => {
    const head = await get('app://penholder/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never serves anything outside the folder', async () => {
    for (const url of ['app://penholder/..%2fsecret.txt', 'app://penholder/%2e%2e%2fsecret.txt', 'app://penholder/../secret.txt', 'app://other/index.html', 'app://penholder/missing.js']) {
      const answer = await get(url);
      expect(answer.status, url).toBe(404);
      expect(await answer.text()).not.toContain('do not serve');
      expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://penholder/index.html', 'POST')).status).toBe(405);
  });
});
