import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failure, runCli } from './run-cli.js';

// The CLI's input reading on hostile input (issue 13): bounded reads, encodings told apart,
// a PDF named as such, deep JSON refused with its depth, no hang on text built to be slow.

const dir = mkdtempSync(join(tmpdir(), 'penholder-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const resolution = 'A title\n\nThe General Assembly,\n\nRecalling its work,\n\n1. Decides to act.\n';
const summary = { kind: 'resolution', title: 'A title', preambular: 1, operative: 1 };

function fileWith(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

describe('penholder reads its input with a size limit', () => {
  it('refuses /dev/zero (a device that never ends) after 50 MB, with one line', () => {
    const run = failure(runCli(['export', '/dev/zero']));
    expect(run).toMatchObject({ status: 1, lines: 1, stdout: '' });
    expect(run.message).toMatch(/\/dev\/zero is larger than 50 MB/);
  }, 60_000);

  it('refuses a huge file from its size, and standard input past 50 MB', () => {
    const huge = join(dir, 'huge.txt');
    closeSync(openSync(huge, 'w'));
    spawnSync('truncate', ['-s', '200G', huge]);
    expect(failure(runCli(['import', huge, '--summary'])).message).toMatch(/huge\.txt is larger than 128 MB/);
    expect(failure(runCli(['diff', huge, huge])).message).toMatch(/huge\.txt is larger than 50 MB/);
    const stdin = failure(runCli(['export', '-'], Buffer.alloc(51 * 1024 * 1024, 0x20)));
    expect(stdin.message).toMatch(/standard input is larger than 50 MB/);
  }, 60_000);

  it('refuses a FIFO whose writer never stops, past the limit', async () => {
    const fifo = join(dir, 'endless');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', ['-c', `exec cat /dev/zero > '${fifo}'`], { stdio: 'ignore' });
    try {
      const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const cli = spawn(process.execPath, ['electron/cli/bin.mjs', 'import', fifo, '--summary'], { cwd: join(import.meta.dirname, '..', '..', '..') });
        let stderr = '';
        cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        cli.on('close', (status) => resolve({ status, stderr }));
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/endless is larger than 128 MB/);
    } finally {
      writer.kill();
    }
  }, 60_000);
});

describe('penholder tells text encodings and PDFs apart', () => {
  it.each([
    ['UTF-16 LE with a byte-order mark', utf16(resolution, 'le', true)],
    ['UTF-16 BE with a byte-order mark', utf16(resolution, 'be', true)],
    ['UTF-16 LE without one', utf16(resolution, 'le', false)],
    ['UTF-16 BE without one', utf16(resolution, 'be', false)],
  ])('imports and diffs %s', (what, bytes) => {
    const file = fileWith(`${what.replace(/\W+/g, '-')}.txt`, bytes);
    const imported = runCli(['import', file, '--summary']);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject(summary);
    const diff = runCli(['diff', file, fileWith('plain.txt', resolution)]);
    expect(diff.stderr).toBe('');
    expect(diff.status).toBe(0);
  }, 60_000);

  it('names a PDF as such', () => {
    const pdf = fileWith('resolution.pdf', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    expect(failure(runCli(['diff', pdf, pdf])).message).toMatch(/resolution\.pdf is a PDF file: .*pdftotext/);
    expect(failure(runCli(['export', pdf])).message).toMatch(/resolution\.pdf is a PDF file/);
    expect(failure(runCli(['import', pdf, '--summary'])).message).toMatch(/resolution\.pdf is a PDF/);
  }, 60_000);
});

describe('penholder on input built to be slow or deep', () => {
  it('refuses document JSON nested 100,000 levels deep, naming the depth', () => {
    const depth = 100_000;
    const json = `${'{"type":"doc","content":['.repeat(depth)}{"type":"text","text":"x"}${']}'.repeat(depth)}`;
    const run = failure(runCli(['export', '-'], json));
    expect(run).toMatchObject({ status: 1, lines: 1, stdout: '' });
    expect(run.message).toMatch(/invalid document: nodes are nested 100001 levels deep; the limit is 256/);
  }, 60_000);

  it('imports 100,000 blank lines and 100,000 unbalanced brackets', () => {
    const blank = runCli(['import', '-', '--summary'], `A title\n\nThe General Assembly,\n${'\n'.repeat(100_000)}1. Decides to act.\n`);
    expect(JSON.parse(blank.stdout)).toMatchObject({ operative: 1 });
    const brackets = runCli(['import', '-', '--summary'], `${resolution}\n2. Decides ${'['.repeat(100_000)}.\n`);
    expect(JSON.parse(brackets.stdout)).toMatchObject({ operative: 2 });
    expect(brackets.stderr).toMatch(/brackets are nested 100000 levels deep; the limit is 32/);
  }, 60_000);
});
