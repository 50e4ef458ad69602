/**
 * `npm run bench -- durability [--kills N] [--lanes L] [--max-saves S] [--max-delay MS] [--keep]`: the
 * crash-safety harness of the CI test (test/support/durability-harness.ts) with more
 * kills (200 by default). Writers in child processes type into a real store file, name
 * revisions every few updates and compact the log; each is killed with SIGKILL at a random
 * moment (after a random number of saves up to S, then a random delay up to MS; 15% of them
 * while starting up and opening the store instead), then the file is reopened
 * and checked: integrity_check, the document loads schema-valid, every update and revision
 * the writer reported as saved is there and every reported revision opens.
 * Prints a line per 10 kills, then as its last line one JSON object
 * `{"kills":N,"lost":0,"integrity_failures":0,...}` with the real counts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundleWriter, runKillCycles, type CycleReport } from '../test/support/durability-harness.js';
import { quantile } from './_stats.js';

/** Runs the bench and prints its figures. */
export async function run(args: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      kills: { type: 'string', default: '200' },
      lanes: { type: 'string', default: '2' },
      'max-saves': { type: 'string', default: '30' },
      'max-delay': { type: 'string', default: '40' },
      keep: { type: 'boolean', default: false },
    },
  });
  const kills = Number(values.kills);
  if (!Number.isInteger(kills) || kills < 1) throw new Error(`--kills must be a positive whole number, not ${values.kills}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-durability-bench-'));
  const writer = await bundleWriter();
  const cycles: CycleReport[] = [];
  try {
    const result = await runKillCycles({
      dataDir,
      writer,
      kills,
      lanes: Number(values.lanes),
      maxSavesBeforeKill: Number(values['max-saves']),
      maxDelayMs: Number(values['max-delay']),
      revisionEvery: 5,
      compactMinRows: 10,
      seed: Date.now() % 1000003,
      onCycle: (c) => {
        cycles.push(c);
        if (c.lost > 0 || c.integrityFailure || c.loadFailure) {
          console.log(`kill ${c.cycle} (lane ${c.lane}, ${c.moment}, ${c.afterSaves} saves + ${c.delayMs} ms): lost ${c.lost}, integrity ${c.integrityFailure ? 'FAILED' : 'ok'}${c.loadFailure ? `, ${c.loadFailure}` : ''}`);
        }
        if (cycles.length % 10 === 0) {
          const sum = (k: 'updates' | 'revisions' | 'compactions') => cycles.reduce((n, x) => n + x[k], 0);
          console.log(`${cycles.length}/${kills} kills: ${sum('updates')} updates, ${sum('revisions')} revisions, ${sum('compactions')} compactions saved; lost ${cycles.reduce((n, x) => n + x.lost, 0)}`);
        }
      },
    });
    const sizes = fs.readdirSync(dataDir).flatMap((lane) => {
      const file = path.join(dataDir, lane, 'penholder.sqlite');
      return fs.existsSync(file) ? [fs.statSync(file).size] : [];
    });
    console.log(`writer start to kill p50 ${quantile(cycles.map((c) => c.writerMs), 0.5)} ms, reopen and check p50 ${quantile(cycles.map((c) => c.verifyMs), 0.5)} ms; store files ${sizes.join(', ')} bytes; data in ${values.keep ? dataDir : '(removed)'}`);
    console.log(JSON.stringify({ ...result, goal_met: result.lost === 0 && result.integrity_failures === 0 && result.load_failures === 0 }));
  } finally {
    fs.rmSync(writer, { force: true });
    if (!values.keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
