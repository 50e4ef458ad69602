import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, repoRoot, runCli } from './run-cli.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0)) fn();
});

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-cli-library-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const en = path.join(repoRoot, 'test/fixtures/akn/en');
const fr = path.join(repoRoot, 'test/fixtures/akn/fr/74_129_F.xml');

// Each test runs the real CLI several times (a Node process each).
describe('penholder library', { timeout: 180_000 }, () => {
  it('adds files and folders, printing one JSON line of counts, and adding again changes nothing', () => {
    const dir = dataDir();
    const first = runCli(['library', 'add', en, fr, '--data-dir', dir]);
    expect(first.status).toBe(0);
    expect(first.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    const counts = JSON.parse(first.stdout) as { documents: number; paragraphs: number; skipped: number };
    expect(counts).toMatchObject({ documents: 7, skipped: 0 });
    expect(counts.paragraphs).toBeGreaterThan(60);
    expect(Object.keys(counts)).toEqual(['documents', 'paragraphs', 'skipped']);
    expect(fs.existsSync(path.join(dir, 'library.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'penholder.sqlite'))).toBe(false);
    // Relative paths from another folder name the same files.
    const again = runCli(['library', 'add', path.relative(repoRoot, en), fr, '--data-dir', dir]);
    expect(JSON.parse(again.stdout)).toEqual({ documents: 0, paragraphs: 0, skipped: 6 });
  });

  it('searches words, quoted phrases, parts of words and similar paragraphs, best first, one JSON line per hit', () => {
    const dir = dataDir();
    runCli(['library', 'add', en, fr, '--data-dir', dir]);
    const lines = (args: string[]) => {
      const run = runCli(['library', 'search', ...args, '--data-dir', dir, '--json']);
      expect(run.status, run.stderr).toBe(0);
      return run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    };
    const phrase = lines(['"the Executive Committee of the Programme"']);
    expect(phrase.length).toBeGreaterThan(0);
    expect(Object.keys(phrase[0]!)).toEqual(['symbol', 'label', 'title', 'date', 'text', 'score']);
    expect(phrase.every((h) => /the Executive Committee of the Programme/.test(String(h.text)))).toBe(true);
    const scores = phrase.map((h) => Number(h.score));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(lines(['Committee Programme Executive', '--limit', '2'])).toHaveLength(2);
    expect(lines(['ecutiv', '--partial']).length).toBeGreaterThan(0);
    const similar = lines(['Decides to increase the membership of the Executive Committee of the Programme of the United Nations High Commissioner for Refugees from 106 States to 108 States', '--similar', '--limit', '3']);
    expect(similar[0]).toMatchObject({ symbol: 'A/RES/74/129', label: 'OP 1', date: '8 January 2020' });
    expect(Number(similar[0]!.similarity)).toBeGreaterThan(0.4);
    expect(lines(['NEAR( "unbalanced * -x: ^'])).toEqual([]);
  });

  it('prints tab-separated lines without --json and reports a missing library or a bad limit in one line', () => {
    const dir = dataDir();
    const missing = failure(runCli(['library', 'search', 'anything', '--data-dir', dir]));
    expect(missing).toMatchObject({ status: 1, lines: 1, stdout: '' });
    expect(missing.message).toMatch(/no library in .* yet/);
    runCli(['library', 'add', fr, '--data-dir', dir]);
    const plain = runCli(['library', 'search', 'Comité exécutif', '--data-dir', dir, '--limit', '1']);
    expect(plain.stdout.split('\t').slice(0, 2)).toEqual(['A/RES/74/129', 'OP 1']);
    expect(failure(runCli(['library', 'search', 'x', '--limit', '0', '--data-dir', dir])).message).toMatch(/--limit must be a whole number/);
    expect(failure(runCli(['library', 'add', path.join(dir, 'nothing.xml'), '--data-dir', dir])).message).toMatch(/no such file/);
  });
});
