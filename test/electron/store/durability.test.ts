import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleWriter, createLedger, DOC_ID, runKillCycles, verifyStore, type CycleReport } from '../../support/durability-harness.js';

// Crash safety (issue 4): writers in child processes are killed with SIGKILL at random
// moments while they save; after every kill the store file is reopened and checked.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-durability-'));
let writer: string | undefined;
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  if (writer) fs.rmSync(writer, { force: true });
});

describe('crash safety of the store', () => {
  const cycles: CycleReport[] = [];

  it('keeps every reported update and revision through 50 SIGKILLs, with the file intact', { timeout: 300_000 }, async () => {
    writer = await bundleWriter();
    const result = await runKillCycles({
      dataDir: root,
      writer,
      kills: 50,
      lanes: 2,
      revisionEvery: 4,
      compactMinRows: 8,
      seed: Date.now() % 100000,
      onCycle: (c) => cycles.push(c),
    });
    const failures = cycles.filter((c) => c.lost > 0 || c.integrityFailure || c.loadFailure);
    expect(failures).toEqual([]);
    expect(result).toMatchObject({ kills: 50, lost: 0, integrity_failures: 0, load_failures: 0 });
    // The kills must have hit real work, or the test proves nothing.
    expect(result.updates_saved).toBeGreaterThan(20);
    expect(result.revisions_saved).toBeGreaterThan(2);
    expect(result.startup_kills).toBeGreaterThan(0);
    expect(cycles.filter((c) => c.moment === 'after-ready' && c.updates > 0).length).toBeGreaterThan(10);
  });

  it('notices an update reported as saved that the store does not have', () => {
    const dataDir = path.join(root, 'lane-1');
    expect(fs.existsSync(dataDir)).toBe(true);
    const stranger = new Y.Doc();
    stranger.getText('t').insert(0, 'never saved');
    const ledger = createLedger();
    const saved = ledger.record(['saved document ' + DOC_ID, `saved update 1 ${Buffer.from(Y.encodeStateAsUpdate(stranger)).toString('base64')}`]);
    expect(verifyStore(dataDir, ledger, saved)).toMatchObject({ lost: 1, integrityFailure: false });
  });
});
