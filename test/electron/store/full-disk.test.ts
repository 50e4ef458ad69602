import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const child = fileURLToPath(new URL('../../support/full-disk-child.ts', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// A really full disk needs a small file system of its own: a 2 MB tmpfs, mounted in a
// private user and mount namespace (no root needed where Linux allows unprivileged ones).
const namespaces = process.platform === 'linux' && spawnSync('unshare', ['-rm', 'true']).status === 0;

describe('the store on a full disk', () => {
  it.skipIf(!namespaces)('says the disk is full (never that the file is damaged), changes nothing, leaves no stray lock file, and opens again once there is room', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-full-disk-'));
    dirs.push(dir);
    const run = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=2m tmpfs "$0" && exec "$@"', dir, process.execPath, '--import', 'tsx', child, dir], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    const full = /^The disk holding .*penholder\.sqlite is full, so Penholder cannot open its data\. Nothing was changed; free some space and try again\.$/;
    expect(result.append).toMatchObject({ code: 'disk-full' });
    expect(result.append.message).toMatch(/is full, so the last change could not be saved\. Everything saved before it is safe/);
    expect(result.nearlyFull.code).toBe('disk-full');
    expect(result.nearlyFull.message).toMatch(full);
    expect(result.unchanged).toBe(true);
    expect(result.full.code).toBe('disk-full');
    expect(result.full.message).toMatch(full);
    expect(result.list.code).toBe('disk-full');
    expect(result.stray).toEqual([]);
    expect(result.updates).toBe(result.saved);
    expect(result.revisions).toBe(1);
  });
});
