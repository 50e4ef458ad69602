/**
 * `npm run bench -- numbering`: computeNumbering on a 60-operative-paragraph resolution
 * (it runs per transaction in the editor), compared in the same run with a bare
 * `doc.descendants` walk over the same document. Goal: p95 well under 1 ms.
 * Last line: one JSON object of figures.
 */
import { buildDocument } from '../shared/document/build.js';
import { computeNumbering } from '../shared/document/numbering.js';
import { quantile, round3, timeRuns } from './_stats.js';

const words = 'the Secretary-General to continue supporting Member States in strengthening criminal justice systems'.split(' ');

function sentence(seed: number, length: number): string {
  return Array.from({ length }, (_, i) => words[(seed + i * 7) % words.length]).join(' ');
}

/** Runs the bench and prints its figures. */
export async function run(): Promise<void> {
  const doc = buildDocument({
    title: 'Benchmark resolution',
    body: 'The General Assembly,',
    preamble: Array.from({ length: 20 }, (_, i) => ({ text: `Recalling ${sentence(i, 60)},`, opener: 'Recalling' })),
    operative: Array.from({ length: 60 }, (_, i) => ({
      text: `Requests ${sentence(i, 120)}${i % 5 === 0 ? ':' : ';'}`,
      opener: 'Requests',
      footnotes: i % 7 === 0 ? [{ text: `Resolution 70/${i + 1}.` }] : [],
      subparagraphs: i % 5 === 0 ? [`${sentence(i, 30)};`, `${sentence(i + 1, 30)};`] : [],
    })),
  });
  const runs = 2000;
  const ours = timeRuns(() => computeNumbering(doc), runs, 50);
  const base = timeRuns(() => {
    let n = 0;
    doc.descendants((node) => {
      if (node.attrs.id) n++;
      return node.isBlock;
    });
    return n;
  }, runs, 50);
  console.log(`computeNumbering over ${doc.content.size} positions: p50 ${quantile(ours, 0.5).toFixed(4)} ms, p95 ${quantile(ours, 0.95).toFixed(4)} ms`);
  console.log(JSON.stringify({
    p50_ms: round3(quantile(ours, 0.5)),
    p95_ms: round3(quantile(ours, 0.95)),
    baseline_p95_ms: round3(quantile(base, 0.95)),
    ratio_p95: round3(quantile(ours, 0.95) / quantile(base, 0.95)),
  }));
}
