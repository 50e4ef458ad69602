/**
 * `npm run bench -- style`: the style checker as the editor runs it, on a 60-operative-
 * paragraph resolution with footnotes and subparagraphs. Incremental: one paragraph's text
 * changes and `check(doc, new Set([id]))` runs on a warm checker; compared in the same run
 * with a full `checkDocument(doc)` of the same document.
 * Last line: one JSON object of figures.
 */
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { buildDocument } from '../shared/document/build.js';
import { checkDocument, createStyleChecker } from '../shared/style/check.js';
import { quantile, round3, timeRuns } from './_stats.js';

const words = 'the Secretary-General to continue supporting Member States in strengthening criminal justice systems'.split(' ');
const verbs = ['Requests', 'Also requests', 'Further requests', 'Encourages', 'Decides', 'Invites', 'Calls upon', 'Urges', 'Welcomes', 'Stresses', 'Notes', 'Recognizes'];
const participles = ['Recalling', 'Recalling also', 'Recalling further', 'Noting', 'Bearing in mind'];

function sentence(seed: number, length: number): string {
  return Array.from({ length }, (_, i) => words[(seed + i * 7) % words.length]).join(' ');
}

function benchDocument(): Node {
  return buildDocument({
    title: 'Benchmark resolution',
    body: 'The General Assembly,',
    preamble: Array.from({ length: 20 }, (_, i) => ({
      text: `${participles[i % participles.length] ?? 'Noting'} its resolution 70/${i + 1} of 25 September 2015 and ${sentence(i, 60)},`,
      opener: participles[i % participles.length] ?? 'Noting',
    })),
    operative: Array.from({ length: 60 }, (_, i) => {
      const verb = verbs[i % verbs.length] ?? 'Requests';
      return {
        text: `${verb} ${sentence(i, 120)} as set out in E/CN.15/2023/L.${i + 1}${i % 5 === 0 ? ':' : i === 59 ? '.' : ';'}`,
        opener: verb,
        footnotes: i % 7 === 0 ? [{ text: `Resolution 70/${i + 1}, annex.` }] : [],
        subparagraphs: i % 5 === 0 ? [`${sentence(i, 30)};`, `${sentence(i + 1, 30)};`] : [],
      };
    }),
  });
}

// The document with one character typed into the middle of paragraph `id`.
function typeInto(doc: Node, id: string, char: string): Node {
  let at = -1;
  doc.descendants((node, pos) => {
    if (at < 0 && node.attrs.id === id) at = pos + 2 + Math.floor((node.firstChild?.content.size ?? 0) / 2);
    return at < 0;
  });
  return new Transform(doc).insert(at, doc.type.schema.text(char)).doc;
}

/** Runs the bench and prints its figures. */
export async function run(): Promise<void> {
  const doc = benchDocument();
  const ids: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'operative_paragraph') ids.push(String(node.attrs.id));
    return node.isBlock;
  });
  const target = ids[30] ?? '';
  // Two versions differing in one paragraph, alternated so each check re-analyses it.
  const versions = [typeInto(doc, target, 'a'), typeInto(doc, target, 'b')];
  const checker = createStyleChecker();
  checker.check(doc);
  const changed = new Set([target]);
  let turn = 0;
  const runs = 1000;
  const incremental = timeRuns(() => checker.check(versions[turn++ % 2] ?? doc, changed), runs, 50);
  const analysed = checker.lastAnalysed();
  const full = timeRuns(() => checkDocument(doc), runs, 20);
  const problems = checkDocument(doc).length;
  console.log(
    `style check over ${doc.content.size} positions (${problems} problems): incremental p50 ${quantile(incremental, 0.5).toFixed(4)} ms ` +
      `(${analysed} paragraph re-analysed), full p50 ${quantile(full, 0.5).toFixed(4)} ms`,
  );
  console.log(JSON.stringify({
    incremental_p50_ms: round3(quantile(incremental, 0.5)),
    incremental_p95_ms: round3(quantile(incremental, 0.95)),
    full_p50_ms: round3(quantile(full, 0.5)),
    full_p95_ms: round3(quantile(full, 0.95)),
    ratio: round3(quantile(incremental, 0.95) / quantile(full, 0.95)),
  }));
}
