import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, repoRoot, runCli } from './run-cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-cli-web-'));
  dirs.push(dir);
  return dir;
};

describe('penholder web', () => {
  it('prints its URL, serves until SIGTERM, then exits cleanly', async () => {
    const dataDir = tempDir();
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><p id="cli-page">hello</p>');
    const child = spawn(process.execPath, ['electron/cli/bin.mjs', 'web', '--data-dir', dataDir, '--static', staticDir], { cwd: repoRoot });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /Penholder is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})\n/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on('exit', () => reject(new Error(`exited before printing its URL: ${out}`)));
    });
    expect(await (await fetch(url)).text()).toContain('cli-page');
    expect(fs.existsSync(path.join(dataDir, 'penholder.sqlite'))).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('refuses a port that is not a number', () => {
    const run = failure(runCli(['web', '--data-dir', tempDir(), '--port', 'eighty']));
    expect(run.status).toBe(1);
    expect(run.message).toBe('penholder: --port must be a number from 0 to 65535, not "eighty"');
  });

  it('reports data it cannot use in one line', () => {
    const blocker = path.join(tempDir(), 'file');
    fs.writeFileSync(blocker, 'x');
    const run = failure(runCli(['web', '--data-dir', path.join(blocker, 'data')]));
    expect(run.status).toBe(1);
    expect(run.lines).toBe(1);
    expect(run.message).toMatch(/^penholder: Penholder cannot write to its data directory/);
  });
});
