import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { summarize } from '../../../shared/document/summary.js';
import { countBrackets } from '../../../shared/negotiation/model.js';
import { importInput, readInputText } from './read-input.js';

type ImportOptions = { summary?: boolean; json?: boolean };

/**
 * Registers `penholder import FILE (--summary | --json)`: imports a UN text (FILE or `-`
 * for stdin) and prints, with --summary, one JSON object of counts per document per line,
 * (`summarize`, then the bracket counts of `countBrackets`: "brackets", "alternativeGroups",
 * "maxBracketDepth"), or with --json one pretty-printed JSON array of the documents' ProseMirror JSON.
 * Importer warnings go to stderr; unreadable or unrecognisable input is a CliError.
 */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import a UN resolution or decision text (FILE, or - for stdin).')
    .argument('<file>', 'text file to import, or - for stdin')
    .option('--summary', 'print one JSON line of counts per document found')
    .option('--json', "print the documents' ProseMirror JSON")
    .action(async (file: string, options: ImportOptions) => {
      if (Boolean(options.summary) === Boolean(options.json)) {
        throw new CliError('import needs exactly one of --summary or --json');
      }
      const text = await readInputText(file);
      const documents = importInput(text, file === '-' ? 'standard input' : file);
      if (options.summary) {
        process.stdout.write(documents.map((doc) => `${JSON.stringify({ ...summarize(doc), ...countBrackets(doc) })}\n`).join(''));
      } else {
        process.stdout.write(`${JSON.stringify(documents.map((doc) => doc.toJSON()), null, 2)}\n`);
      }
    });
}
