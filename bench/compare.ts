/**
 * `npm run bench -- compare`: compareDocuments on two versions of a 60-operative-paragraph
 * resolution (20 PPs, subparagraphs under every fifth OP) with about 10% of the paragraphs
 * touched (4 reworded, 1 PP and 1 OP inserted, 1 OP deleted, 2 OPs moved), compared in the
 * same run with a plain jsdiff `diffWords` over the two whole exported texts. Also times the
 * same comparison when no id is shared (two imports: the text-similarity fallback).
 * Goal (issue 4): compare p95 under 50 ms. Last line: one JSON object of figures.
 */
import { diffWords } from 'diff';
import type { Node } from 'prosemirror-model';
import { compareDocuments } from '../shared/compare/index.js';
import { buildDocument, type ParagraphSpec } from '../shared/document/build.js';
import { exportText } from '../shared/document/export-text.js';
import { validateDocument } from '../shared/document/validate.js';
import { withFreshIds, type JsonNode } from '../shared/ids.js';
import { quantile, round3, timeRuns } from './_stats.js';

const vocabulary = (
  'the Secretary-General to continue supporting Member States in strengthening criminal justice systems ' +
  'prison reform rehabilitation reintegration of offenders victims witnesses technical assistance upon request ' +
  'capacity building international cooperation extradition mutual legal assistance data collection research ' +
  'evidence-based policies gender perspective children youth community programmes resources donors'
).split(' ');

// A deterministic word sequence (a linear congruential generator seeded per paragraph).
function sentence(seed: number, length: number): string {
  let state = seed * 7919 + 17;
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    words.push(vocabulary[state % vocabulary.length] ?? 'and');
  }
  return words.join(' ');
}

function pp(i: number): ParagraphSpec {
  return { id: `pp${i}`, text: `Recalling ${sentence(i, 50)},`, opener: 'Recalling' };
}

function op(i: number, reworded = false): ParagraphSpec {
  const body = sentence(1000 + i, 90);
  const text = reworded ? body.replace(/ (\S+) (\S+) /, ' $2 in particular $1 ') : body;
  return {
    id: `op${i}`,
    text: `Requests ${text}${i % 5 === 0 ? ':' : ';'}`,
    opener: 'Requests',
    footnotes: i % 7 === 0 ? [{ text: `Resolution 70/${i + 1}.`, id: `fn${i}` }] : [],
    subparagraphs: i % 5 === 0 ? [{ id: `op${i}a`, text: `${sentence(2000 + i, 25)};` }, { id: `op${i}b`, text: `${sentence(3000 + i, 25)};` }] : [],
  };
}

function version(ops: ParagraphSpec[], pps: ParagraphSpec[]): Node {
  return buildDocument({ title: 'Benchmark resolution', body: 'The General Assembly,', preamble: pps, operative: ops });
}

/** Runs the bench and prints its figures. */
export async function run(): Promise<void> {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  const oldDoc = version(range(60).map((i) => op(i)), range(20).map(pp));
  const reworded = new Set([3, 17, 31, 52]);
  const newOrder = range(60).filter((i) => i !== 44);
  newOrder.splice(newOrder.indexOf(10), 1);
  newOrder.splice(newOrder.indexOf(40), 0, 10);
  newOrder.splice(newOrder.indexOf(55), 1);
  newOrder.splice(newOrder.indexOf(20), 0, 55);
  const newOps = newOrder.map((i) => op(i, reworded.has(i)));
  newOps.splice(30, 0, { id: 'op-new', text: `Decides ${sentence(9000, 60)};`, opener: 'Decides' });
  const newPps = range(20).map(pp);
  newPps.splice(8, 0, { id: 'pp-new', text: `Noting ${sentence(9100, 40)},`, opener: 'Noting' });
  const newDoc = version(newOps, newPps);
  const imported = validateDocument(withFreshIds(newDoc.toJSON() as JsonNode));

  const counts = compareDocuments(oldDoc, newDoc).counts;
  const fallbackCounts = compareDocuments(oldDoc, imported).counts;
  const [oldText, newText] = [exportText(oldDoc), exportText(newDoc)];
  const runs = 300;
  const ours = timeRuns(() => compareDocuments(oldDoc, newDoc), runs, 20);
  const fallback = timeRuns(() => compareDocuments(oldDoc, imported), runs, 20);
  // The whole-text diff is two orders of magnitude slower; fewer runs keep the bench short.
  const base = timeRuns(() => diffWords(oldText, newText), 40, 3);
  console.log(`counts by id: ${JSON.stringify(counts)}; without shared ids: ${JSON.stringify(fallbackCounts)}`);
  console.log(`compare p50 ${quantile(ours, 0.5).toFixed(3)} ms, p95 ${quantile(ours, 0.95).toFixed(3)} ms; ` +
    `without shared ids p95 ${quantile(fallback, 0.95).toFixed(3)} ms; diffWords over ${oldText.length} characters p95 ${quantile(base, 0.95).toFixed(3)} ms`);
  console.log(JSON.stringify({
    compare_p50_ms: round3(quantile(ours, 0.5)),
    compare_p95_ms: round3(quantile(ours, 0.95)),
    baseline_p95_ms: round3(quantile(base, 0.95)),
    ratio_p95: round3(quantile(ours, 0.95) / quantile(base, 0.95)),
    fallback_p95_ms: round3(quantile(fallback, 0.95)),
  }));
}
