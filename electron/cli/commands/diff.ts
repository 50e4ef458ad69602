import type { Command } from 'commander';
import type { Node } from 'prosemirror-model';
import { CliError } from '../cli-error.js';
import { compareDocuments, formatWordDiff, summaryLine, type Comparison, type ParagraphChange } from '../../../shared/compare/index.js';
import { parseDocuments } from './export.js';
import { importInput, readInputText } from './read-input.js';

type DiffOptions = { summary?: boolean; doc?: string };

/**
 * Registers `penholder diff OLD NEW [--summary] [--doc N]`: compares two versions of a
 * document, each a UN text (read by the importer) or ProseMirror JSON (one document or an
 * array, as `import --json` prints). With --summary it prints one JSON object
 * `{"inserted":N,"deleted":N,"moved":N,"changed":N,"unchanged":N}` counting paragraphs
 * (see `compareDocuments`); otherwise one line per change and a summary line. A file with
 * several documents contributes its document N (default 1, said on stderr); a file with
 * one document always contributes it.
 */
export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('Compare two versions of a resolution (UN text or ProseMirror JSON files).')
    .argument('<old>', 'the earlier version: a text or JSON file, or - for stdin')
    .argument('<new>', 'the later version: a text or JSON file, or - for stdin')
    .option('--summary', 'print one JSON object of paragraph counts')
    .option('--doc <n>', 'which document to compare when a file holds several (1-based)')
    .action(async (oldFile: string, newFile: string, options: DiffOptions) => {
      if (oldFile === '-' && newFile === '-') throw new CliError('only one of OLD and NEW can be - (standard input)');
      const pick = options.doc === undefined ? null : parseDocNumber(options.doc);
      const oldDoc = await loadVersion(oldFile, 'OLD', pick);
      const newDoc = await loadVersion(newFile, 'NEW', pick);
      const comparison = compareDocuments(oldDoc, newDoc);
      process.stdout.write(options.summary ? `${JSON.stringify(comparison.counts)}\n` : report(comparison));
    });
}

function parseDocNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new CliError(`--doc must be a positive whole number, got "${value}"`);
  return n;
}

/**
 * Reads one version: JSON when the file starts with `{`, or with `[` and parses as JSON
 * (a text may open with a square bracket of negotiation); anything else is imported as text.
 */
async function loadVersion(file: string, role: string, pick: number | null): Promise<Node> {
  const name = file === '-' ? 'standard input' : file;
  const text = await readInputText(file);
  const start = text.trimStart();
  const docs = start.startsWith('{') || (start.startsWith('[') && parsesAsJson(start)) ? parseDocuments(text, name) : importInput(text, name);
  if (pick !== null && docs.length > 1 && pick > docs.length) {
    throw new CliError(`--doc ${pick}: ${name} holds ${docs.length} document${docs.length === 1 ? '' : 's'}`);
  }
  const index = docs.length === 1 ? 0 : (pick ?? 1) - 1;
  if (docs.length > 1 && pick === null) {
    process.stderr.write(`penholder: ${role} (${name}) holds ${docs.length} documents; comparing document 1 (use --doc N for another)\n`);
  }
  const doc = docs[index];
  if (!doc) throw new CliError(`no document ${index + 1} in ${name}`);
  return doc;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The readable report: one line per unit that is not unchanged, then the summary line. */
function report(comparison: Comparison): string {
  const lines = comparison.paragraphs.filter((p) => p.status !== 'unchanged').map(describeChange);
  lines.push(summaryLine(comparison.counts));
  return `${lines.join('\n')}\n`;
}

function describeChange(change: ParagraphChange): string {
  const oldPath = change.oldPath ?? '?';
  const newPath = change.newPath ?? '?';
  const where = oldPath === newPath ? newPath : `${oldPath} -> ${newPath}`;
  switch (change.status) {
    case 'inserted':
      return `${newPath} inserted: ${clip(change.newText ?? '')}`;
    case 'deleted':
      return `${oldPath} deleted: ${clip(change.oldText ?? '')}`;
    case 'moved':
      return `${oldPath} -> ${newPath} moved${change.changed ? ` and changed: ${formatWordDiff(change.words)}` : ''}`;
    default:
      return `${where} changed: ${formatWordDiff(change.words)}`;
  }
}

// Inserted and deleted paragraphs are shown by their opening words only.
function clip(text: string, words = 12): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const parts = flat.split(' ');
  return parts.length <= words ? flat : `${parts.slice(0, words).join(' ')} ...`;
}
