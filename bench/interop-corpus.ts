/**
 * `npm run bench -- interop-corpus [--lang English,French] [--details]`: every resolution of
 * the 74th-session corpus (../shared/corpus/akn, six languages) read from Akoma Ntoso, then
 * written out and read back in each format Penholder exchanges: Akoma Ntoso (writeAkn ->
 * readAkn, without our proprietary block, so the markup alone must carry the structure),
 * Word (writeDocx -> readDocx) and plain UN-layout text (exportText -> importText). Per
 * language and format: the exact-structure rate, documents whose counts of PPs, OPs, (a)-
 * and (i)-level subparagraphs, footnotes and annexes equal the AKN reading's, and the
 * time per document against writing alone (the baseline measured in the same run). Reasons
 * for mismatches go to stderr. Last line: one JSON object of figures.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { Node } from 'prosemirror-model';
import { readAkn } from '../shared/formats/akn/read.js';
import { writeAkn } from '../shared/formats/akn/write.js';
import { readDocx } from '../shared/formats/docx/read.js';
import { writeDocx } from '../shared/formats/docx/write.js';
import { exportText } from '../shared/document/export-text.js';
import { importText } from '../shared/import/index.js';
import { countDoc, sameCounts, type Counts } from '../test/shared/formats/akn/read-counts.js';
import { round3 } from './_stats.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'akn');
const allLanguages = ['Arabic', 'Chinese', 'English', 'French', 'Russian', 'Spanish'];

type Format = { name: 'akn' | 'docx' | 'text'; write: (doc: Node) => unknown; read: (out: unknown) => Node[] };

const formats: Format[] = [
  {
    name: 'akn',
    write: (doc) => writeAkn(doc),
    read: (xml) => readAkn(String(xml).replace(/<proprietary[\s\S]*<\/proprietary>/, ''), 'export.xml').documents,
  },
  { name: 'docx', write: (doc) => writeDocx(doc), read: (bytes) => readDocx(bytes as Uint8Array).documents },
  { name: 'text', write: (doc) => exportText(doc), read: (text) => importText(String(text)).documents },
];

type Tally = { documents: number; exact: number; write_ms: number; read_ms: number };

const show = (c: Counts): string => `pp ${c.pp} op ${c.op} sub ${c.sub} subsub ${c.subsub} notes ${c.notes} annexes ${c.annexes}`;

/** Runs the bench and prints its figures. */
export async function run(args: string[] = []): Promise<void> {
  const details = args.includes('--details');
  const langArg = args[args.indexOf('--lang') + 1];
  const languages = args.includes('--lang') && langArg ? langArg.split(',') : allLanguages;
  const figures: Record<string, Record<string, number>> = {};
  const reasons: string[] = [];
  for (const language of languages) {
    const zip = unzipSync(readFileSync(join(corpus, `ga-74session-${language}.zip`)));
    const tallies = new Map<string, Tally>(formats.map((f) => [f.name, { documents: 0, exact: 0, write_ms: 0, read_ms: 0 }]));
    for (const [name, bytes] of Object.entries(zip)) {
      if (!name.toLowerCase().endsWith('.xml')) continue;
      let docs: Node[];
      try {
        docs = readAkn(new TextDecoder().decode(bytes), name).documents;
      } catch {
        continue; // unreadable source files are the akn-corpus bench's business
      }
      for (const [i, doc] of docs.entries()) {
        const want = countDoc(doc);
        for (const format of formats) {
          const tally = tallies.get(format.name) as Tally;
          tally.documents++;
          let start = performance.now();
          let back: Node[];
          try {
            const out = format.write(doc);
            tally.write_ms += performance.now() - start;
            start = performance.now();
            back = format.read(out);
            tally.read_ms += performance.now() - start;
          } catch (err) {
            reasons.push(`${language} ${name} #${i + 1} ${format.name}: ${err instanceof Error ? err.message : String(err)}`);
            continue;
          }
          const have = back.length === 1 ? countDoc(back[0] as Node) : null;
          if (have && sameCounts(have, want)) tally.exact++;
          else reasons.push(`${language} ${name} #${i + 1} ${format.name}: ${back.length} documents, ${have ? show(have) : '-'} / akn ${show(want)}`);
        }
      }
    }
    const row: Record<string, number> = {};
    for (const [format, t] of tallies) {
      row[`${format}_exact_rate`] = round3(t.exact / Math.max(1, t.documents));
      row[`${format}_exact`] = t.exact;
      row[`${format}_read_ms_per_doc`] = round3(t.read_ms / Math.max(1, t.documents));
      row[`${format}_write_ms_per_doc`] = round3(t.write_ms / Math.max(1, t.documents));
      row.documents = t.documents;
    }
    figures[language.toLowerCase()] = row;
    console.log(
      `${language}: ${formats.map((f) => `${f.name} ${tallies.get(f.name)?.exact}/${tallies.get(f.name)?.documents}`).join(', ')}`,
    );
  }
  for (const reason of details ? reasons : reasons.slice(0, 40)) process.stderr.write(`${reason}\n`);
  if (!details && reasons.length > 40) process.stderr.write(`... ${reasons.length - 40} more (--details)\n`);
  console.log(JSON.stringify({ mismatches: reasons.length, ...figures }));
}
