/**
 * `npm run bench -- style-corpus [--details] [--rule RULE]`: the style checker over every
 * adopted resolution of the 74th session (../shared/corpus/akn, English, read with
 * shared/formats/akn/read.ts `readAkn`). Adopted texts are edited by the UN's editors, so
 * every problem found on them is counted as a false positive. Prints problems per
 * resolution by rule (all rules, and "repeats the opener" alone), next to the figures the
 * same corpus gave before the addressee rule (measured at commit 9e4f106, the code before
 * this bench's changes, with this same bench). `--details` writes every message to
 * stderr, `--rule RULE` only those of one rule. Last line: one JSON object of figures.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { readAkn } from '../shared/formats/akn/read.js';
import type { Node } from 'prosemirror-model';
import { checkDocument } from '../shared/style/check.js';
import { paragraphText } from '../shared/style/text.js';
import { round3 } from './_stats.js';

const zipPath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'akn', 'ga-74session-English.zip');

// Problems per resolution on this corpus before the changes (commit 9e4f106).
const before = {
  documents: 318,
  without_problems: 14,
  per_resolution: 17.544,
  repeats_per_resolution: 14.679,
  by_rule: { 'adverb-order': 0.006, 'opener-kind': 0.085, 'opener-unknown': 1.701, punctuation: 0.965, 'repeated-opener': 14.72, symbol: 0.066 } as Record<string, number>,
};

// Up to 70 characters of a problem's text from 20 before its offset, for --details.
function excerpt(doc: Node, id: string, from: number): string {
  let text = '';
  doc.descendants((node) => {
    if (text !== '' || node.attrs.id !== id) return text === '';
    const own = node.type.name === 'footnote' || node.type.name === 'annex_paragraph' ? node : node.firstChild;
    text = own ? paragraphText(own).text : '';
    return false;
  });
  return text.slice(Math.max(0, from - 20), from + 50).replace(/\s+/g, ' ');
}

/** Runs the bench and prints its figures. */
export async function run(args: string[] = []): Promise<void> {
  const details = args.includes('--details');
  const only = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : undefined;
  const zip = unzipSync(readFileSync(zipPath));
  const files = Object.entries(zip).filter(([name]) => name.toLowerCase().endsWith('.xml')).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  const byRule = new Map<string, number>();
  let documents = 0;
  let repeats = 0;
  let unreadable = 0;
  let clean = 0;
  const start = performance.now();
  for (const [name, bytes] of files) {
    let docs;
    try {
      docs = readAkn(new TextDecoder().decode(bytes), name).documents;
    } catch (err) {
      unreadable++;
      process.stderr.write(`${name}: unreadable: ${err instanceof Error ? err.message : String(err)}\n`);
      continue;
    }
    for (const doc of docs) {
      documents++;
      const problems = checkDocument(doc);
      if (problems.length === 0) clean++;
      for (const p of problems) {
        byRule.set(p.rule, (byRule.get(p.rule) ?? 0) + 1);
        if (p.message.includes('repeats the opener')) repeats++;
        if (details && (!only || p.rule === only)) process.stderr.write(`${name} [${p.rule}/${p.severity}] ${p.message} | ${excerpt(doc, p.paragraphId, p.from)}\n`);
      }
    }
  }
  const ms = performance.now() - start;
  const total = [...byRule.values()].reduce((a, b) => a + b, 0);
  const per = (n: number) => round3(n / Math.max(1, documents));
  const rules = Object.fromEntries([...byRule.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => [rule, per(n)]));
  for (const rule of new Set([...Object.keys(rules), ...Object.keys(before.by_rule)])) {
    console.log(`${rule.padEnd(18)} before ${String(before.by_rule[rule] ?? 0).padStart(6)}  now ${String(rules[rule] ?? 0).padStart(6)} per resolution`);
  }
  console.log(`${documents} adopted resolutions (${files.length} files, ${unreadable} unreadable), ${clean} with no problem; problems per resolution: before ${before.per_resolution}, now ${per(total)}; "repeats the opener": before ${before.repeats_per_resolution}, now ${per(repeats)}; ${round3(ms / Math.max(1, documents))} ms per resolution (read and check)`);
  console.log(JSON.stringify({
    documents,
    unreadable,
    without_problems: clean,
    per_resolution: per(total),
    repeats_per_resolution: per(repeats),
    by_rule: rules,
    before,
  }));
}
