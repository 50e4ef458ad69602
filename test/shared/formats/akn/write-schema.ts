import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const schemaDir = join(import.meta.dirname, '../../../fixtures/akn-schema');
const schema = { fileName: 'akomantoso30.xsd', contents: readFileSync(join(schemaDir, 'akomantoso30.xsd'), 'utf8') };
const preload = { fileName: 'xml.xsd', contents: readFileSync(join(schemaDir, 'xml.xsd'), 'utf8') };

/** The schema errors of each XML text (empty when it validates), per input, in order. */
export type SchemaReport = { name: string; errors: string[] }[];

/**
 * Validates every XML text against the official Akoma Ntoso 3.0 schema (the copy in
 * test/fixtures/akn-schema) with xmllint compiled to WebAssembly, offline, xml.xsd
 * preloaded. All texts go through one xmllint run (the 240 KB schema is compiled once);
 * each input's errors are told apart by its file name.
 */
export async function validateAkn(texts: readonly string[]): Promise<SchemaReport> {
  const xml = texts.map((contents, i) => ({ fileName: `export-${i}.xml`, contents }));
  const result = await validateXML({ xml, schema, preload, maxMemoryPages: 16 * 1024 });
  const report: SchemaReport = xml.map((file) => ({ name: file.fileName, errors: [] }));
  for (const error of result.errors) {
    const index = Number(/export-(\d+)\.xml/.exec(error.rawMessage)?.[1] ?? -1);
    const entry = report[index];
    if (entry) entry.errors.push(error.message);
    else report.push({ name: '(unattributed)', errors: [error.rawMessage] });
  }
  // xmllint reports a file that does not validate even when no error line names it.
  if (!result.valid && result.errors.length === 0) report.push({ name: '(xmllint)', errors: [result.rawOutput] });
  return report;
}

/** The inputs of `report` that failed, with their errors (empty when every input validates). */
export function failures(report: SchemaReport): SchemaReport {
  return report.filter((entry) => entry.errors.length > 0);
}

/**
 * Debian's xmllint (libxml2, the independent validator) on `text` against the same schema:
 * its exit status and output. Runs `xmllint --noout --schema` on a temporary file.
 */
export function debianXmllint(text: string): { status: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'akn-xmllint-'));
  try {
    const file = join(dir, 'export.xml');
    writeFileSync(file, text);
    const run = spawnSync('xmllint', ['--noout', '--schema', join(schemaDir, 'akomantoso30.xsd'), file], { encoding: 'utf8' });
    return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
