import type { Command } from 'commander';
import type { Node } from 'prosemirror-model';
import { CliError } from '../cli-error.js';
import { exportDocumentsText, type TextView } from '../../../shared/document/export-text.js';
import { delegationProposalsText } from '../../../shared/negotiation/views.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { readInputText } from './read-input.js';

/** The formats `penholder export --to` writes. */
export const exportFormats = ['text'] as const;

/** The views `penholder export --view` writes (see `TextView`; 'proposals' lists one delegation's). */
export const exportViews = ['compilation', 'clean', 'proposals'] as const;

type ExportOptions = { to: string; view: string; tags: boolean; delegation?: string };

/**
 * Registers `penholder export FILE.json --to text [--view compilation|clean|proposals]
 * [--no-tags] [--delegation CODE]`: reads one ProseMirror document JSON or an array of
 * them (as printed by `import --json`; `-` reads stdin), validates each with
 * `validateDocument`, and prints them in the plain-text UN layout. The default view is
 * the compilation text with attribution tags, which for a document without brackets is
 * the plain UN layout as before; 'clean' prints only agreed text; 'proposals' lists the
 * brackets `--delegation` proposed, per document.
 */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Export documents (ProseMirror JSON, or - for stdin) as UN-layout text.')
    .argument('<file>', 'JSON file holding one document or an array of documents')
    .option('--to <format>', `output format (${exportFormats.join(', ')})`, 'text')
    .option('--view <view>', `which text of a negotiated document (${exportViews.join(', ')})`, 'compilation')
    .option('--no-tags', 'compilation view: leave out the attribution tags such as (EU, CAN)')
    .option('--delegation <code>', 'proposals view: the delegation whose proposals to list')
    .action(async (file: string, options: ExportOptions) => {
      if (!(exportFormats as readonly string[]).includes(options.to)) {
        throw new CliError(`cannot export to "${options.to}": the supported format is ${exportFormats.join(', ')}`);
      }
      if (!(exportViews as readonly string[]).includes(options.view)) {
        throw new CliError(`unknown view "${options.view}": use one of ${exportViews.join(', ')}`);
      }
      const delegation = (options.delegation ?? '').trim();
      if (options.view === 'proposals' && delegation === '') throw new CliError('--view proposals needs --delegation CODE');
      const docs = parseDocuments(await readInputText(file), file === '-' ? 'standard input' : file);
      if (options.view === 'proposals') {
        process.stdout.write(docs.map((doc) => delegationProposalsText(doc, delegation)).join('\n'));
        return;
      }
      process.stdout.write(exportDocumentsText(docs, { view: options.view as TextView, tags: options.tags }));
    });
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
