/**
 * `npm run bench -- style-corpus [--language LANG] [--details] [--rule RULE]`: the style
 * checker over every adopted resolution of the 74th session in one official language
 * (../shared/corpus/akn, `--language` ar, zh, en, fr, ru or es, English by default; read
 * with shared/formats/akn/read.ts `readAkn`). Adopted texts are edited by the UN's editors,
 * so a problem found on them is a false positive unless its rule says the text departs
 * from a convention the same corpus keeps almost everywhere (`truePositive` below: those
 * are counted apart as "true positives on adopted texts", with examples). Prints problems
 * per resolution by rule (all rules, and "repeats the opener" alone), next to the English
 * figures before the addressee rule (measured at commit 9e4f106, with this same bench).
 * `--details` writes every message to stderr, `--rule RULE` only those of one rule. Last
 * line: one JSON object of figures.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { readAkn } from '../shared/formats/akn/read.js';
import type { Node } from 'prosemirror-model';
import { checkDocument } from '../shared/style/check.js';
import type { StyleProblem } from '../shared/style/types.js';
import { paragraphText } from '../shared/style/text.js';
import { englishRepeats, resolutionOf } from './_style-parallel.js';
import { round3 } from './_stats.js';

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'akn');
const zipNames: Record<string, string> = { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish' };

/**
 * True when a problem on an adopted text is the text's own departure from a convention the
 * same corpus follows almost everywhere (English, measured with this bench's corpus):
 * - a plain opener where also/further is due (a warning of repeated-opener): directly
 *   repeated openers of one run carry the adverb in 1,709 of the 1,767 places it is due;
 * - the adverb on the wrong side (adverb-order): "Also <verb>" in 842 of 843 OPs,
 *   "<participle> also" in 909 of 910 PPs;
 * - an operative paragraph ending with a comma where a semicolon is due (2 of ~6,000 OPs).
 * The other languages, each class checked on their corpus:
 * - repeated-opener: a plain opener where the English original of the same resolution
 *   writes also/further (or "once again") at the same paragraph after the same opener
 *   (`englishMarked`): the translation drops the mark its original makes;
 * - opener-particle (Arabic): 248 of 249 first PPs with an إذ form write "إذ", 4,561 of
 *   4,568 later ones "وإذ" joined (bench language-conventions);
 * - opener-case (Russian): 12,070 of 12,168 openings are lower case, the rest headings or
 *   split paragraphs, no listed opener;
 * - punctuation in Arabic and Chinese where the text ends with the Latin form of the mark
 *   due ("," ";" for "，" "；" or "،" "؛"): their own marks end 275-304 of ~305 texts' PPs,
 *   OPs and last OPs (bench language-conventions).
 */
function truePositive(p: StyleProblem, language: string, englishMarked: boolean): boolean {
  if (language !== 'en') {
    if (p.rule === 'repeated-opener') return p.severity === 'warning' && englishMarked;
    if (p.rule === 'opener-particle' || p.rule === 'opener-case') return true;
    return (language === 'ar' || language === 'zh') && p.rule === 'punctuation' && /ends with "[,;]" where (?:an Arabic|a) (?:comma|semicolon) "/.test(p.message);
  }
  if (p.rule === 'adverb-order') return true;
  if (p.rule === 'repeated-opener') return p.severity === 'warning';
  return p.rule === 'punctuation' && /^OP [^:]*: ends with "," where a semicolon is expected/.test(p.message);
}

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
  const language = args.includes('--language') ? (args[args.indexOf('--language') + 1] ?? 'en') : 'en';
  const zipName = zipNames[language];
  if (!zipName) throw new Error(`--language: expected one of ${Object.keys(zipNames).join(', ')}, got "${language}"`);
  const zip = unzipSync(readFileSync(join(corpusDir, `ga-74session-${zipName}.zip`)));
  const files = Object.entries(zip).filter(([name]) => name.toLowerCase().endsWith('.xml')).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  const byRule = new Map<string, number>();
  let documents = 0;
  let repeats = 0;
  let unreadable = 0;
  let clean = 0;
  const truePositives = new Map<string, number>();
  const examples: string[] = [];
  const start = performance.now();
  const english = language === 'en' ? null : englishRepeats(corpusDir);
  for (const [name, bytes] of files) {
    let docs;
    try {
      docs = readAkn(new TextDecoder().decode(bytes), name).documents;
    } catch (err) {
      unreadable++;
      process.stderr.write(`${name}: unreadable: ${err instanceof Error ? err.message : String(err)}\n`);
      continue;
    }
    for (const [d, doc] of docs.entries()) {
      documents++;
      const problems = checkDocument(doc);
      const marked = english?.get(resolutionOf(name))?.[d];
      if (problems.length === 0) clean++;
      for (const p of problems) {
        byRule.set(p.rule, (byRule.get(p.rule) ?? 0) + 1);
        if (truePositive(p, language, marked?.has(p.message.split(':')[0] ?? '') === true)) {
          const kind = p.rule === 'punctuation' && language !== 'en' ? 'punctuation (Latin mark)' : p.rule;
          truePositives.set(kind, (truePositives.get(kind) ?? 0) + 1);
          // Up to three examples per class.
          if ((truePositives.get(kind) ?? 0) <= 3) examples.push(`${name.split('/').pop() ?? name} ${p.message} | ${excerpt(doc, p.paragraphId, p.from)}`);
        }
        if (p.message.includes('repeats the opener')) repeats++;
        if (details && (!only || p.rule === only)) process.stderr.write(`${name} [${p.rule}/${p.severity}] ${p.message} | ${excerpt(doc, p.paragraphId, p.from)}\n`);
      }
    }
  }
  const ms = performance.now() - start;
  const total = [...byRule.values()].reduce((a, b) => a + b, 0);
  const trueTotal = [...truePositives.values()].reduce((a, b) => a + b, 0);
  const per = (n: number) => round3(n / Math.max(1, documents));
  const rules = Object.fromEntries([...byRule.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => [rule, per(n)]));
  const isEnglish = language === 'en';
  for (const rule of new Set([...Object.keys(rules), ...(isEnglish ? Object.keys(before.by_rule) : [])])) {
    console.log(`${rule.padEnd(18)} before ${String(before.by_rule[rule] ?? 0).padStart(6)}  now ${String(rules[rule] ?? 0).padStart(6)} per resolution`);
  }
  console.log(`${zipName}: ${documents} adopted resolutions (${files.length} files, ${unreadable} unreadable), ${clean} with no problem; problems per resolution: ${isEnglish ? `before ${before.per_resolution}, ` : ''}now ${per(total)}; "repeats the opener": ${isEnglish ? `before ${before.repeats_per_resolution}, ` : ''}now ${per(repeats)}; ${round3(ms / Math.max(1, documents))} ms per resolution (read and check)`);
  console.log(`true positives on adopted texts (the text departs from the convention, see truePositive): ${trueTotal} (${per(trueTotal)} per resolution: ${[...truePositives.entries()].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}); false positives per resolution: ${per(total - trueTotal)}`);
  for (const example of examples) console.log(`  e.g. ${example}`);
  console.log(JSON.stringify({
    language,
    documents,
    unreadable,
    without_problems: clean,
    per_resolution: per(total),
    repeats_per_resolution: per(repeats),
    by_rule: rules,
    true_positives: trueTotal,
    true_positives_by_rule: Object.fromEntries(truePositives),
    false_positives_per_resolution: per(total - trueTotal),
    before,
  }));
}
