import type { Command } from 'commander';
import type { Node } from 'prosemirror-model';
import { CliError } from '../cli-error.js';
import { exportDocumentsText } from '../../../shared/document/export-text.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { readInputText } from './read-input.js';

/** The formats `penholder export --to` writes. */
export const exportFormats = ['text'] as const;

/**
 * Registers `penholder export FILE.json --to text`: reads one ProseMirror document JSON
 * or an array of them (as printed by `import --json`; `-` reads stdin), validates each
 * with `validateDocument`, and prints them in the plain-text UN layout.
 */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Export documents (ProseMirror JSON, or - for stdin) as UN-layout text.')
    .argument('<file>', 'JSON file holding one document or an array of documents')
    .option('--to <format>', `output format (${exportFormats.join(', ')})`, 'text')
    .action(async (file: string, options: { to: string }) => {
      if (!(exportFormats as readonly string[]).includes(options.to)) {
        throw new CliError(`cannot export to "${options.to}": the supported format is ${exportFormats.join(', ')}`);
      }
      const docs = parseDocuments(await readInputText(file), file === '-' ? 'standard input' : file);
      process.stdout.write(exportDocumentsText(docs));
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
