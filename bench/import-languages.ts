/**
 * `npm run bench -- import-languages [--details] [--limit N]`: the plain-text importer in
 * the six official languages. Every resolution of the 74th-session AKN corpus
 * (../shared/corpus/akn) is read by the AKN reader, written as plain UN-layout text by
 * `exportText` (each language's labels and body lines) and imported back by `importText`;
 * a document counts as exact when its counts (PPs, OPs, (a)- and (i)-level subparagraphs,
 * footnotes) equal the AKN import's. Per language: documents, exact, rate; the baseline in
 * the same run is English. Mismatches go to stderr (all with --details). Last line: one
 * JSON object with a rate per language.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { Node } from 'prosemirror-model';
import { exportText } from '../shared/document/export-text.js';
import { readAkn } from '../shared/formats/akn/read.js';
import { importText } from '../shared/import/index.js';
import { countDoc, type Counts } from '../test/shared/formats/akn/read-counts.js';
import { round3 } from './_stats.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'akn');
const languages = ['Arabic', 'Chinese', 'English', 'French', 'Russian', 'Spanish'] as const;

const show = (c: Counts): string => `pp ${c.pp} op ${c.op} sub ${c.sub} subsub ${c.subsub} notes ${c.notes}`;
const same = (a: Counts, b: Counts): boolean => a.pp === b.pp && a.op === b.op && a.sub === b.sub && a.subsub === b.subsub && a.notes === b.notes;

/** Runs the bench and prints its figures. */
export async function run(args: string[] = []): Promise<void> {
  const details = args.includes('--details');
  const limitAt = args.indexOf('--limit');
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
  const only = args.find((a) => (languages as readonly string[]).includes(a));
  const figures: Record<string, { documents: number; exact: number; rate: number; ms_per_document: number }> = {};
  const reasons: string[] = [];
  for (const language of only ? [only] : languages) {
    const zip = unzipSync(readFileSync(join(corpus, `ga-74session-${language}.zip`)));
    const files = Object.entries(zip).filter(([name]) => name.toLowerCase().endsWith('.xml')).slice(0, limit);
    let documents = 0;
    let exact = 0;
    let ms = 0;
    for (const [name, bytes] of files) {
      let docs: Node[];
      try {
        docs = readAkn(new TextDecoder().decode(bytes), name).documents;
      } catch {
        continue; // Unreadable files are the AKN bench's business, not the importer's.
      }
      for (const [i, doc] of docs.entries()) {
        if (doc.firstChild?.attrs?.kind === 'decision' || !hasOperative(doc)) continue;
        documents++;
        const want = countDoc(doc);
        const text = exportText(doc);
        const start = performance.now();
        let got: Counts | null = null;
        let note = '';
        try {
          const result = importText(text);
          got = result.documents.length === 1 && result.documents[0] ? countDoc(result.documents[0]) : null;
          if (!got) note = `${result.documents.length} documents`;
        } catch (err) {
          note = err instanceof Error ? err.message.slice(0, 120) : String(err);
        }
        ms += performance.now() - start;
        if (got && same(got, want)) exact++;
        else reasons.push(`${language} ${name} #${i + 1}: ${got ? show(got) : note} / akn ${show(want)}`);
      }
    }
    figures[language.toLowerCase()] = { documents, exact, rate: round3(exact / Math.max(1, documents)), ms_per_document: round3(ms / Math.max(1, documents)) };
    console.log(`${language}: ${exact}/${documents} exact (${((100 * exact) / Math.max(1, documents)).toFixed(1)}%)`);
  }
  for (const reason of details ? reasons : reasons.slice(0, 40)) process.stderr.write(`${reason}\n`);
  if (!details && reasons.length > 40) process.stderr.write(`... ${reasons.length - 40} more (--details)\n`);
  console.log(JSON.stringify({ mismatches: reasons.length, ...figures }));
}

// Resolutions only: a text without operative paragraphs is no resolution for the importer.
function hasOperative(doc: Node): boolean {
  let found = false;
  doc.descendants((node) => {
    if (node.type.name === 'operative_paragraph') found = true;
    return !found;
  });
  return found;
}
