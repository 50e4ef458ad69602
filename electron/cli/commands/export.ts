import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Node } from 'prosemirror-model';
import { CliError } from '../cli-error.js';
import { exportDocumentsText, type TextView } from '../../../shared/document/export-text.js';
import { delegationProposalsText } from '../../../shared/negotiation/views.js';
import { validateDocument } from '../../../shared/document/validate.js';
import type { ExportFormat } from '../../../shared/formats/types.js';
import { exportFormatTable, writeDocument } from '../../files/formats.js';
import { readInputText } from './read-input.js';

/** The formats `penholder export --to` writes. */
export const exportFormats = ['text', 'akn', 'docx', 'pdf'] as const;

/** The views `penholder export --view` writes (see `TextView`; 'proposals' lists one delegation's, text only). */
export const exportViews = ['compilation', 'clean', 'proposals'] as const;

type ExportOptions = {
  to: string;
  view: string;
  tags: boolean;
  delegation?: string;
  out?: string;
  changesFrom?: string;
  paper: string;
  brackets: string;
  author: string;
};

/**
 * Registers `penholder export FILE.json --to text|akn|docx|pdf [--out PATH] [--view
 * compilation|clean|proposals] [--no-tags] [--delegation CODE] [--changes-from OLD.json]
 * [--paper a4|letter] [--brackets tags|comments] [--author NAME]`: reads one ProseMirror
 * document JSON or an array of them (as printed by `import --json`; `-` reads stdin),
 * validates each with `validateDocument`, and writes them through the formats table
 * (electron/files/formats.ts). Text (all the documents, UN layout) and Akoma Ntoso go to
 * stdout without --out; Word and PDF need --out. Akoma Ntoso, Word and PDF write one
 * document. --changes-from (Word) shows the changes since OLD as tracked changes by
 * --author; 'proposals' (text) lists the brackets --delegation proposed.
 */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Export documents (ProseMirror JSON, or - for stdin) as UN-layout text, Akoma Ntoso, Word or PDF.')
    .argument('<file>', 'JSON file holding one document or an array of documents')
    .option('--to <format>', `output format (${exportFormats.join(', ')})`, 'text')
    .option('--out <path>', 'write to this file (required for docx and pdf; text and akn go to stdout without it)')
    .option('--view <view>', `which text of a negotiated document (${exportViews.join(', ')})`, 'compilation')
    .option('--no-tags', 'compilation view: leave out the attribution tags such as (EU, CAN)')
    .option('--delegation <code>', 'proposals view: the delegation whose proposals to list')
    .option('--changes-from <old.json>', 'docx: show the changes since this earlier version as tracked changes')
    .option('--paper <size>', 'pdf: a4 or letter', 'a4')
    .option('--brackets <how>', 'docx compilation view: brackets as tags (literal brackets and attribution) or comments', 'tags')
    .option('--author <name>', 'docx --changes-from: the author of the tracked changes', 'Penholder')
    .action(async (file: string, options: ExportOptions) => {
      const format = check(options.to, exportFormats, (v) => `cannot export to "${v}": use one of ${exportFormats.join(', ')}`);
      const view = check(options.view, exportViews, (v) => `unknown view "${v}": use one of ${exportViews.join(', ')}`);
      const paper = check(options.paper, ['a4', 'letter'] as const, (v) => `unknown paper "${v}": use a4 or letter`);
      const brackets = check(options.brackets, ['tags', 'comments'] as const, (v) => `unknown --brackets "${v}": use tags or comments`);
      const delegation = (options.delegation ?? '').trim();
      if (view === 'proposals' && format !== 'text') throw new CliError('--view proposals is a text view: use --to text');
      if (view === 'proposals' && delegation === '') throw new CliError('--view proposals needs --delegation CODE');
      if (options.changesFrom !== undefined && format !== 'docx') throw new CliError('--changes-from shows tracked changes in Word: use --to docx');
      if (!exportFormatTable[format].text && options.out === undefined) {
        throw new CliError(`--to ${format} writes a binary file: give --out PATH (e.g. --out resolution${exportFormatTable[format].extension})`);
      }
      const name = file === '-' ? 'standard input' : file;
      const docs = parseDocuments(await readInputText(file), name);
      let output: string | Uint8Array;
      if (format === 'text') {
        output = view === 'proposals' ? docs.map((doc) => delegationProposalsText(doc, delegation)).join('\n') : exportDocumentsText(docs, { view: view as TextView, tags: options.tags });
      } else {
        if (docs.length !== 1) throw new CliError(`${name} holds ${docs.length} documents; --to ${format} writes one (export them one at a time)`);
        const changesFrom = options.changesFrom === undefined ? undefined : oneDocument(parseDocuments(await readInputText(options.changesFrom), options.changesFrom), options.changesFrom);
        output = await writeOne(docs[0]!, format, { view: view as 'compilation' | 'clean', tags: options.tags, paper, brackets, changesFrom, author: options.author });
      }
      if (options.out === undefined) {
        process.stdout.write(output);
        return;
      }
      try {
        await writeFile(options.out, output);
      } catch (err) {
        throw new CliError(`cannot write ${options.out}: ${(err as Error).message}`);
      }
    });
}

async function writeOne(doc: Node, format: ExportFormat, options: Parameters<typeof writeDocument>[2]): Promise<string | Uint8Array> {
  const bytes = await writeDocument(doc, format, { ...options, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
  return exportFormatTable[format].text ? new TextDecoder().decode(bytes) : bytes;
}

function check<const T extends readonly string[]>(value: string, allowed: T, message: (v: string) => string): T[number] {
  if (!allowed.includes(value)) throw new CliError(message(value));
  return value as T[number];
}

function oneDocument(docs: Node[], name: string): Node {
  if (docs.length !== 1) throw new CliError(`${name} holds ${docs.length} documents; --changes-from needs one`);
  return docs[0]!;
}

/**
 * Parses `text` as one document's JSON or a non-empty array of them and validates each.
 * Throws a CliError naming `name`, and the document's index in an array, when invalid.
 */
export function parseDocuments(text: string, name: string): Node[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${name} is not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(json)) return [validateOrFail(json, name)];
  if (json.length === 0) throw new CliError(`${name} holds no documents (an empty array)`);
  return json.map((item, i) => validateOrFail(item, `${name}, document ${i + 1} of ${json.length}`));
}

function validateOrFail(json: unknown, where: string): Node {
  try {
    return validateDocument(json);
  } catch (err) {
    throw new CliError(`${where}: ${(err as Error).message}`);
  }
}
