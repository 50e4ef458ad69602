/**
 * `npm run bench -- interop`: Word, PDF and Akoma Ntoso in and out, each against a bare
 * baseline of the same library or engine in the same run.
 * - Import of the 74th-session English AKN zip (../shared/corpus; the whole session) through
 *   the formats table (unzip, detect, read AKN, build documents), in documents/s, against
 *   unzipping the same zip with fflate and parsing every file with a bare @xmldom/xmldom DOMParser.
 * - Export of the 60-OP bench resolution (bench/_keystroke-doc.ts) to Word, PDF and AKN, in
 *   ms, against: fflate zipping the same package parts (the XML strings of our .docx);
 *   Typst (the same compiler) setting a minimal A4 document of the same plain text (a new
 *   source each run, memo cache emptied); and
 *   XMLSerializer serializing a DOM of our AKN output (the same size).
 * Last line: one JSON object of figures.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { exportText } from '../shared/document/export-text.js';
import { importText } from '../shared/import/index.js';
import { documentsOf, readFiles, writeDocument } from '../electron/files/formats.js';
import { keystrokeBenchText } from './_keystroke-doc.js';
import { quantile, round3, timeRuns } from './_stats.js';

const corpusZip = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'akn', 'ga-74session-English.zip');

async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

// The bare parse: every .xml of the zip through DOMParser, nothing built from it.
function bareParse(zip: Uint8Array): number {
  const files = unzipSync(zip, { filter: (f) => f.name.endsWith('.xml') });
  let elements = 0;
  for (const bytes of Object.values(files)) {
    const dom = new DOMParser().parseFromString(strFromU8(bytes), 'text/xml');
    elements += dom.getElementsByTagName('*').length;
  }
  return elements;
}

// Typst on the same text without our layout: one paragraph per line, as string literals.
function minimalTypst(text: string): string {
  const paragraphs = text.split(/\n\s*\n/).map((p) => JSON.stringify(p.replace(/\s+/g, ' ').trim()));
  return `#set page(paper: "a4")\n#set text(size: 10pt)\n#for p in (${paragraphs.join(', ')},) [#p #parbreak()]\n`;
}

/** Runs the bench and prints its figures. */
export async function run(): Promise<void> {
  const zip = new Uint8Array(readFileSync(corpusZip));
  const input = [{ name: 'ga-74session-English.zip', bytes: zip }];
  const documents = documentsOf(await readFiles(input)).length;
  const importRuns = 3;
  const ours = quantile(await timeAsync(() => readFiles(input), importRuns), 0.5);
  const base = quantile(timeRuns(() => bareParse(zip), importRuns, 1), 0.5);
  const files = Object.keys(unzipSync(zip, { filter: (f) => f.name.endsWith('.xml') })).length;
  console.log(`import: ${documents} documents from ${files} files in ${ours.toFixed(0)} ms (${(documents / (ours / 1000)).toFixed(1)}/s); bare unzip + DOMParser ${base.toFixed(0)} ms (${(files / (base / 1000)).toFixed(1)} files/s)`);

  const doc = importText(keystrokeBenchText()).documents[0]!;
  const runs = 10;

  const docx = await writeDocument(doc, 'docx');
  const parts = Object.fromEntries(Object.entries(unzipSync(docx)).map(([name, bytes]) => [name, strFromU8(bytes)]));
  const docxOurs = quantile(await timeAsync(() => writeDocument(doc, 'docx'), runs), 0.5);
  const encoder = new TextEncoder();
  const docxBase = quantile(timeRuns(() => zipSync(Object.fromEntries(Object.entries(parts).map(([n, s]) => [n, encoder.encode(s)]))), runs), 0.5);
  console.log(`docx: ${docx.length} bytes in ${docxOurs.toFixed(1)} ms; fflate zip of the same parts ${docxBase.toFixed(1)} ms`);

  const pdf = await writeDocument(doc, 'pdf');
  const pdfOurs = quantile(await timeAsync(() => writeDocument(doc, 'pdf'), runs), 0.5);
  const typst = NodeCompiler.create({});
  const source = minimalTypst(exportText(doc));
  // A new source each run and Typst's memo cache emptied first, so the baseline cannot
  // return the previous run's layout.
  let runNo = 0;
  const bareTypst = () => {
    typst.evictCache(0);
    const compiled = typst.compile({ mainFileContent: `// run ${++runNo}\n${source}` });
    if (!compiled.result) throw new Error('bare Typst source did not compile');
    return typst.pdf(compiled.result);
  };
  const bareBytes = bareTypst().length;
  const pdfBase = quantile(timeRuns(bareTypst, runs, 1), 0.5);
  console.log(`pdf: ${pdf.length} bytes in ${pdfOurs.toFixed(1)} ms; bare Typst on the same plain text (${bareBytes} bytes) ${pdfBase.toFixed(1)} ms`);

  const akn = new TextDecoder().decode(await writeDocument(doc, 'akn'));
  const dom = new DOMParser().parseFromString(akn, 'text/xml');
  const aknOurs = quantile(await timeAsync(() => writeDocument(doc, 'akn'), runs), 0.5);
  const aknBase = quantile(timeRuns(() => new XMLSerializer().serializeToString(dom), runs), 0.5);
  console.log(`akn: ${akn.length} characters in ${aknOurs.toFixed(1)} ms; XMLSerializer of the same DOM ${aknBase.toFixed(1)} ms`);

  console.log(
    JSON.stringify({
      import_documents: documents,
      import_files: files,
      import_p50_ms: round3(ours),
      import_documents_per_s: round3(documents / (ours / 1000)),
      import_baseline_p50_ms: round3(base),
      import_baseline_files_per_s: round3(files / (base / 1000)),
      import_ratio_to_baseline: round3(ours / base),
      docx_p50_ms: round3(docxOurs),
      docx_baseline_p50_ms: round3(docxBase),
      docx_bytes: docx.length,
      pdf_p50_ms: round3(pdfOurs),
      pdf_baseline_p50_ms: round3(pdfBase),
      pdf_bytes: pdf.length,
      akn_p50_ms: round3(aknOurs),
      akn_baseline_p50_ms: round3(aknBase),
      akn_chars: akn.length,
    }),
  );
}
