/**
 * `npm run bench -- preamble-starts [fr es ...] [--details]`: how well the text importer
 * tells a preambular paragraph's start from the rest of a paragraph cut by a page break
 * (shared/import/paragraph-start*.ts), on the 74th-session AKN corpus (../shared/corpus/akn)
 * read by the AKN reader. Per language:
 * - PP starts recognised: every PP after the first, its predecessor without its final comma
 *   as the text before it;
 * - false starts: every place a page break could cut a paragraph (each space, each character
 *   in Chinese, not after punctuation) where the rule sees a start; the AKN reader folds
 *   headings and table cells into text blocks, so some of these are true starts;
 * - documents: each resolution written by `exportText` without italics and with every PP's
 *   final comma removed, imported by `importText`, counted wrong when its PP count differs.
 * Misses and false starts go to stderr with --details. Last line: one JSON object.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { Node } from 'prosemirror-model';
import { exportText } from '../shared/document/export-text.js';
import { readAkn } from '../shared/formats/akn/read.js';
import { importText } from '../shared/import/index.js';
import { opensPreamblePhrase } from '../shared/import/paragraph-start.js';
import { round3 } from './_stats.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'akn');
const names: Record<string, string> = { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish' };
const flat = (n: Node): string => n.textContent.replace(/\s+/g, ' ').trim();
// A PP's own text, without its footnotes' text (exportText prints only their markers there).
function ownText(pp: Node): string {
  let text = '';
  pp.firstChild?.forEach((n) => {
    if (n.isText) text += n.text ?? '';
  });
  return text.replace(/\s+/g, ' ').trim();
}
const finalComma = /[,，،]\s*$/;

type Figures = { pp_starts: number; recognised: number; recognised_rate: number; places: number; false_starts: number; false_rate: number; documents: number; documents_wrong: number };

/** Runs the bench and prints its figures. */
export async function run(args: string[] = []): Promise<void> {
  const details = args.includes('--details');
  const asked = args.filter((a) => a in names);
  const figures: Record<string, Figures> = {};
  for (const lang of asked.length > 0 ? asked : Object.keys(names)) {
    const zip = unzipSync(readFileSync(join(corpus, `ga-74session-${names[lang]}.zip`)));
    const f: Figures = { pp_starts: 0, recognised: 0, recognised_rate: 0, places: 0, false_starts: 0, false_rate: 0, documents: 0, documents_wrong: 0 };
    const notes: string[] = [];
    for (const [name, bytes] of Object.entries(zip)) {
      if (!name.endsWith('.xml')) continue;
      let documents: Node[];
      try {
        documents = readAkn(new TextDecoder().decode(bytes), name).documents;
      } catch {
        continue; // Unreadable files are the AKN bench's business.
      }
      for (const doc of documents) {
        const pps: string[] = [];
        const blocks: string[] = [];
        let operative = false;
        doc.descendants((n) => {
          if (n.type.name === 'operative_paragraph') operative = true;
          if (n.type.name === 'preambular_paragraph') pps.push(ownText(n));
          if (n.isTextblock) blocks.push(flat(n));
          return !n.isTextblock;
        });
        for (let k = 1; k < pps.length; k++) {
          f.pp_starts++;
          if (opensPreamblePhrase(pps[k] ?? '', lang, (pps[k - 1] ?? '').replace(finalComma, ''))) f.recognised++;
          else notes.push(`miss ${name}: ${pps[k]?.slice(0, 60)}`);
        }
        for (const text of blocks) countFalseStarts(text, lang, f, (at) => notes.push(`false ${name}: …${at}`));
        if (!operative || doc.firstChild?.attrs?.kind === 'decision') continue;
        f.documents++;
        const got = importedPps(doc, new Set(pps));
        if (got !== pps.length) {
          f.documents_wrong++;
          notes.push(`document ${name}: ${got ?? 'no'} PPs of ${pps.length}`);
        }
      }
    }
    f.recognised_rate = round3(f.recognised / Math.max(1, f.pp_starts));
    f.false_rate = round3((100 * f.false_starts) / Math.max(1, f.places)) / 100;
    figures[lang] = f;
    console.log(`${names[lang]}: PP starts ${f.recognised}/${f.pp_starts}; false starts ${f.false_starts}/${f.places}; documents without PP commas wrong ${f.documents_wrong}/${f.documents}`);
    for (const note of details ? notes : []) process.stderr.write(`${note}\n`);
  }
  console.log(JSON.stringify(figures));
}

function countFalseStarts(text: string, lang: string, f: Figures, note: (at: string) => void): void {
  const step = (i: number): number => (lang === 'zh' ? i + 1 : text.indexOf(' ', i + 1));
  for (let i = lang === 'zh' ? 1 : text.indexOf(' '); i > 0 && i < text.length; i = step(i)) {
    const before = text.slice(Math.max(0, i - 200), i);
    if (/[.;:,!?。；：，、！？،؛]\s*$/.test(before)) continue;
    const rest = text.slice(i, i + 300).trimStart();
    if (rest === '') continue;
    f.places++;
    if (opensPreamblePhrase(rest, lang, before)) {
      f.false_starts++;
      note(`${before.slice(-40)} | ${rest.slice(0, 40)}`);
    }
  }
}

// The PPs `importText` finds in the document's text without italics and with the final
// comma of each PP line (a line that is one of `pps`, footnote markers aside) removed.
function importedPps(doc: Node, pps: Set<string>): number | null {
  const lines = exportText(doc)
    .replace(/[*_]/g, '')
    .split('\n')
    .map((l) => (pps.has(l.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '').replace(/\s+/g, ' ').trim()) ? l.replace(finalComma, '') : l));
  try {
    const result = importText(lines.join('\n'));
    if (result.documents.length !== 1) return null;
    let n = 0;
    result.documents[0]?.descendants((node) => (node.type.name === 'preambular_paragraph' ? (n++, false) : !node.isTextblock));
    return n;
  } catch {
    return null;
  }
}
