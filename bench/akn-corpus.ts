/**
 * `npm run bench -- akn-corpus [--details]`: the Akoma Ntoso reader over the whole
 * 74th-session corpus (../shared/corpus/akn, six languages). Per language: the
 * exact-structure rate (documents whose counts of PPs, OPs, (a)- and (i)-level
 * subparagraphs, footnotes and annexes equal those taken from the raw XML by
 * test/shared/formats/akn/read-counts.ts `countXml`, regular expressions only), the
 * agreement with the English text of the same resolution, and the time per file against
 * a bare DOMParser parse of the same files in the same run. Mismatch reasons go to stderr
 * (all of them with --details). Last line: one JSON object of figures.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { readAkn } from '../shared/formats/akn/read.js';
import { countDoc, countXml, sameCounts, type Counts } from '../test/shared/formats/akn/read-counts.js';
import { round3 } from './_stats.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'akn');
const languages = ['Arabic', 'Chinese', 'English', 'French', 'Russian', 'Spanish'] as const;

type LanguageFigures = {
  files: number;
  unreadable: number;
  documents: number;
  exact: number;
  exact_rate: number;
  agree_with_english: number;
  read_ms_per_file: number;
  parse_ms_per_file: number;
  ratio_to_parse: number;
};

const show = (c: Counts): string => `pp ${c.pp} op ${c.op} sub ${c.sub} subsub ${c.subsub} notes ${c.notes} annexes ${c.annexes}`;
const keyOf = (name: string): string => name.replace(/^.*\//, '').replace(/\.xml$/i, '').replace(/_[ACEFRS]$/, '');

/** Runs the bench and prints its figures. */
export async function run(args: string[] = []): Promise<void> {
  const details = args.includes('--details');
  const figures: Record<string, LanguageFigures> = {};
  const english = new Map<string, Counts[]>();
  const reasons: string[] = [];
  for (const language of ['English', ...languages.filter((l) => l !== 'English')]) {
    const zip = unzipSync(readFileSync(join(corpus, `ga-74session-${language}.zip`)));
    const files = Object.entries(zip).filter(([name]) => name.toLowerCase().endsWith('.xml'));
    const texts = files.map(([name, bytes]) => [name, new TextDecoder().decode(bytes)] as const);
    let readMs = 0;
    let parseMs = 0;
    let unreadable = 0;
    let documents = 0;
    let exact = 0;
    let agree = 0;
    let compared = 0;
    for (const [name, xml] of texts) {
      let start = performance.now();
      try {
        new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
      } catch {
        // A file the bare parser refuses still counts its time.
      }
      parseMs += performance.now() - start;
      const expected = countXml(xml);
      start = performance.now();
      let got: Counts[];
      try {
        got = readAkn(xml, name).documents.map(countDoc);
      } catch (err) {
        readMs += performance.now() - start;
        unreadable++;
        reasons.push(`${language} ${name}: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      readMs += performance.now() - start;
      documents += expected.length;
      if (got.length !== expected.length) reasons.push(`${language} ${name}: ${got.length} documents read, ${expected.length} statements in the XML`);
      for (const [i, want] of expected.entries()) {
        const have = got[i];
        if (have && sameCounts(have, want)) exact++;
        else reasons.push(`${language} ${name} #${i + 1}: read ${have ? show(have) : 'nothing'} / xml ${show(want)}`);
      }
      const key = keyOf(name);
      if (language === 'English') english.set(key, got);
      else if (english.has(key)) {
        compared++;
        const en = english.get(key) ?? [];
        if (en.length === got.length && en.every((c, i) => sameCounts(c, got[i] as Counts))) agree++;
        else reasons.push(`${language} ${name}: differs from English: ${got.map(show).join('; ')} / en ${en.map(show).join('; ')}`);
      }
    }
    const perFile = (ms: number) => round3(ms / texts.length);
    figures[language] = {
      files: texts.length,
      unreadable,
      documents,
      exact,
      exact_rate: round3(exact / Math.max(1, documents)),
      agree_with_english: language === 'English' ? 1 : round3(agree / Math.max(1, compared)),
      read_ms_per_file: perFile(readMs),
      parse_ms_per_file: perFile(parseMs),
      ratio_to_parse: round3(readMs / parseMs),
    };
    console.log(`${language}: ${exact}/${documents} exact (${(100 * exact / Math.max(1, documents)).toFixed(1)}%), ${unreadable} unreadable, ${perFile(readMs)} ms/file read vs ${perFile(parseMs)} ms/file bare parse`);
  }
  const scaling = scalingOf(english.size > 0 ? readFileSync(join(corpus, 'ga-74session-English.zip')) : null);
  console.log(`scaling: the largest English resolution's body 8x: read ${scaling.read_8x}x the time of 1x, bare parse ${scaling.parse_8x}x`);
  for (const reason of details ? reasons : reasons.slice(0, 40)) process.stderr.write(`${reason}\n`);
  if (!details && reasons.length > 40) process.stderr.write(`... ${reasons.length - 40} more (--details)\n`);
  console.log(JSON.stringify({ mismatches: reasons.length, scaling_8x: scaling.read_8x, parse_scaling_8x: scaling.parse_8x, ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k.toLowerCase(), v])) }));
}

/** Time of reading (and of a bare parse of) the largest English resolution with its body repeated 8 times, over 1 time (median of 5). */
function scalingOf(zipBytes: Buffer | null): { read_8x: number; parse_8x: number } {
  if (!zipBytes) return { read_8x: Number.NaN, parse_8x: Number.NaN };
  const texts = Object.values(unzipSync(zipBytes)).map((b) => new TextDecoder().decode(b));
  const largest = texts.reduce((a, b) => (b.length > a.length ? b : a), '');
  const open = largest.indexOf('<mainBody>') + '<mainBody>'.length;
  const close = largest.indexOf('</mainBody>');
  const x8 = largest.slice(0, open) + largest.slice(open, close).repeat(8) + largest.slice(close);
  const median = (fn: () => unknown): number => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      fn();
      runs.push(performance.now() - start);
    }
    return runs.sort((a, b) => a - b)[2] ?? Number.NaN;
  };
  const parse = (xml: string) => new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
  return {
    read_8x: round3(median(() => readAkn(x8)) / median(() => readAkn(largest))),
    parse_8x: round3(median(() => parse(x8)) / median(() => parse(largest))),
  };
}
