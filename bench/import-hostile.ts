/**
 * `npm run bench -- import-hostile`: the importer on text built to be slow or deep (issue 13):
 * 100,000 blank lines, 100,000 unclosed and stray brackets, 100,000 nested brackets,
 * 100,000 lines of lone "[", a run of 100,000 ")" after a paragraph. Each case is timed
 * at 1x and 4x its size (about 4 means linear), beside the baseline of importing a real
 * text of the same byte size. Goal: every hostile case under 2 s at 100,000. Last line: one
 * JSON object of figures (milliseconds, p50 of a few runs).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importText } from '../shared/import/index.js';
import { quantile, round3, timeRuns } from './_stats.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'corpus');
const head = 'A title\n\nThe General Assembly,\n\n';

const cases: Record<string, (n: number) => string> = {
  blank_lines: (n) => `${head}Recalling its work,\n${'\n'.repeat(n)}1. Decides to act.\n`,
  space_lines: (n) => `${head}Recalling its work,\n${' \n'.repeat(n)}1. Decides to act.\n`,
  unclosed_brackets: (n) => `${head}1. Decides ${'['.repeat(n)} to act.\n`,
  stray_brackets: (n) => `${head}1. Decides ${']'.repeat(n)} to act.\n`,
  nested_brackets: (n) => `${head}1. Decides ${'['.repeat(n)}to act${']'.repeat(n)}.\n`,
  bracket_lines: (n) => `${head}${'[\n'.repeat(n)}1. Decides to act.\n`,
  closing_parens: (n) => `${head}1. Decides to act${')'.repeat(n)}\n\n2. Requests.\n`,
};

function timed(text: string, runs: number): number {
  return quantile(timeRuns(() => importText(text), runs, 1), 0.5);
}

/** Runs the bench and prints its figures. */
export async function run(): Promise<void> {
  const n = 100_000;
  const runs = 5;
  const figures: Record<string, number> = {};
  let worst = 0;
  for (const [name, make] of Object.entries(cases)) {
    const one = timed(make(n), runs);
    const four = timed(make(4 * n), 3);
    worst = Math.max(worst, one);
    figures[`${name}_ms`] = round3(one);
    figures[`${name}_scaling_4x`] = round3(four / one);
    console.log(`${name}: ${one.toFixed(1)} ms at ${n}, ${four.toFixed(1)} ms at ${4 * n} (x${(four / one).toFixed(2)})`);
  }
  const real = readFileSync(join(fixtures, 'ccpcj32-draft-resolutions-I-III.txt'), 'utf8');
  const size = cases.unclosed_brackets!(n).length;
  const baseline = timed(real.repeat(Math.max(1, Math.round(size / real.length))), runs);
  console.log(`baseline: a real text of the same size (${(size / 1e3).toFixed(0)} kB) imports in ${baseline.toFixed(1)} ms; worst hostile case ${worst.toFixed(1)} ms`);
  console.log(JSON.stringify({ n, ...figures, worst_ms: round3(worst), baseline_same_size_ms: round3(baseline), under_2s: worst < 2000 }));
}
