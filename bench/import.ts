/**
 * `npm run bench -- import`: importer throughput on UN text, compared in the same run with a
 * baseline that only scans the same text (split into paragraphs, one regex test per
 * paragraph), and the importer's scaling from 1x to 8x the input (about 8 means linear;
 * a quadratic step would show about 64). Last line: one JSON object of figures.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importText } from '../shared/import/index.js';
import { quantile, round3, timeRuns } from './_stats.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'corpus');

function baselineScan(text: string): number {
  let n = 0;
  for (const p of text.split(/\n\s*\n/)) if (/^\s*(\d+\.|\(?[a-z]+\))\s/.test(p)) n++;
  return n;
}

/** Runs the bench and prints its figures. */
export async function run(): Promise<void> {
  const one = ['ccpcj32-draft-resolutions-I-III.txt', 'ccpcj32-draft-decision.txt']
    .map((f) => readFileSync(join(fixtures, f), 'utf8'))
    .join('\n\n');
  const x8 = Array.from({ length: 8 }, () => one).join('\n\n');
  const docs = importText(x8).documents.length;
  const runs = 15;
  const ours1 = quantile(timeRuns(() => importText(one), runs), 0.5);
  const ours8 = quantile(timeRuns(() => importText(x8), runs), 0.5);
  const base8 = quantile(timeRuns(() => baselineScan(x8), runs), 0.5);
  const mb = Buffer.byteLength(x8) / 1e6;
  console.log(`importer: ${docs} documents from ${mb.toFixed(2)} MB in ${ours8.toFixed(2)} ms (p50); baseline scan ${base8.toFixed(2)} ms`);
  console.log(JSON.stringify({
    documents: docs,
    input_mb: round3(mb),
    import_p50_ms: round3(ours8),
    import_mb_per_s: round3(mb / (ours8 / 1000)),
    baseline_p50_ms: round3(base8),
    ratio_to_baseline: round3(ours8 / base8),
    scaling_8x: round3(ours8 / ours1),
  }));
}
