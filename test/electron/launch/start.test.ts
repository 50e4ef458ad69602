import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm start` on a machine that cannot download Electron: start.mjs runs against a copy
// of the electron package without its binary and a mirror nobody listens on, so the run
// is the same whether or not this checkout has Electron.

const root = path.resolve(import.meta.dirname, '..', '..', '..');
let work = '';

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'penholder-start-'));
  for (const file of ['package.json', 'install.js', 'checksums.json']) {
    copyFileSync(path.join(root, 'node_modules', 'electron', file), path.join(work, file));
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron/launch/start.mjs without an Electron binary', () => {
  it('exits 1 with the reason and the browser alternative when the download fails', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'electron', 'launch', 'start.mjs')], {
      cwd: root,
      encoding: 'utf8',
      // A safety net against a hang, not a timing assertion.
      timeout: 120_000,
      env: {
        ...process.env,
        PENHOLDER_ELECTRON_DIR: work,
        // install.js requires @electron/get from its own folder; the copy finds it here.
        NODE_PATH: path.join(root, 'node_modules'),
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: path.join(work, 'cache'),
        // start.mjs must ignore this: the user asked for Electron.
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      },
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('could not be downloaded');
    expect(run.stderr).toMatch(/Why: .*ECONNREFUSED/);
    expect(run.stderr).toContain('npm run web');
    expect(existsSync(path.join(work, 'path.txt'))).toBe(false);
  });
});
