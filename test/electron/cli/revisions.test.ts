import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/main.js';
import { openStore, type Store } from '../../../electron/store/store.js';
import { writer } from '../store/updates.js';
import { failure, runCli } from './run-cli.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup.splice(0).reverse()) fn();
  vi.restoreAllMocks();
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-cli-revisions-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** Runs `main(args)` in this process, collecting what it writes to stdout and stderr. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

/** A data folder with two documents and three revisions; the store stays open (as a running app's). */
function dataWithRevisions(): { dir: string; store: Store } {
  const dir = tempDir();
  let t = Date.parse('2026-11-14T09:00:00.000Z');
  const store = openStore({ dataDir: dir, now: () => new Date((t += 60_000)) });
  cleanup.push(() => store.close());
  const meta = { kind: 'resolution', symbol: '', body: 'The General Assembly,' } as const;
  const w = writer();
  store.createDocument({ id: 'streets', meta: { ...meta, title: 'Safer streets' }, update: w.insert('a'), origin: 'template' });
  store.createDocument({ id: 'water', meta: { ...meta, title: 'Clean water' }, update: writer().insert('b'), origin: 'template' });
  store.createRevision({ docId: 'streets', kind: 'zero-draft', label: 'Zero draft', author: 'Ana Pereira', delegation: 'CAN' });
  store.appendUpdate({ docId: 'streets', update: w.insert('c'), origin: 'local', author: 'Ana Pereira', delegation: 'CAN' });
  store.createRevision({ docId: 'streets', kind: 'revision', label: 'Rev.1', author: 'Jean', delegation: 'EU' });
  store.createRevision({ docId: 'water', kind: 'autosave', label: '', author: '', delegation: '' });
  return { dir, store };
}

describe('penholder revisions', () => {
  it('lists every stored revision, one line each, while the app holds the data open', async () => {
    const { dir } = dataWithRevisions();
    const out = await run(['revisions', '--data-dir', dir]);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout.split('\n')).toEqual([
      'water\tClean water\tautosave\t-\t?\t2026-11-14T09:06:00.000Z',
      'streets\tSafer streets\trevision\tRev.1\tJean/EU\t2026-11-14T09:05:00.000Z',
      'streets\tSafer streets\tzero-draft\tZero draft\tAna Pereira/CAN\t2026-11-14T09:03:00.000Z',
      '',
    ]);
  });

  it('prints one JSON array with --json, and one document with --doc', async () => {
    const { dir, store } = dataWithRevisions();
    const out = await run(['revisions', '--data-dir', dir, '--doc', 'streets', '--json']);
    expect(out.code).toBe(0);
    const listed = JSON.parse(out.stdout) as unknown[];
    expect(listed).toEqual(store.listRevisions('streets').map((r) => ({ ...r, documentTitle: 'Safer streets' })));
    expect(out.stdout.endsWith(']\n')).toBe(true);
    const missing = await run(['revisions', '--data-dir', dir, '--doc', 'nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`penholder: There is no document nope in ${dir}.\n`);
  });

  it('prints nothing for a data folder without revisions, and says so when there is no data', async () => {
    const dir = tempDir();
    openStore({ dataDir: dir }).close();
    expect(await run(['revisions', '--data-dir', dir])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await run(['revisions', '--data-dir', dir, '--json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    const empty = tempDir();
    const none = await run(['revisions', '--data-dir', empty]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(`penholder: There is no Penholder data in ${empty} (no penholder.sqlite).\n`);
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  it('uses the default data directory like web does ($PENHOLDER_DATA_DIR)', async () => {
    const { dir } = dataWithRevisions();
    vi.stubEnv('PENHOLDER_DATA_DIR', dir);
    try {
      const out = await run(['revisions', '--json']);
      expect((JSON.parse(out.stdout) as unknown[]).length).toBe(3);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('a second writer (another process) is told the data is in use, naming the running pid', () => {
    const { dir } = dataWithRevisions();
    const second = failure(runCli(['web', '--data-dir', dir, '--port', '0']));
    expect(second.status).toBe(1);
    expect(second.message).toContain(`is in use by another Penholder (pid ${process.pid})`);
  });
});
