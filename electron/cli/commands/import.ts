import type { Command } from 'commander';
import { findDelegation } from '../../../seeds/index.js';
import { CliError } from '../cli-error.js';
import { summarize } from '../../../shared/document/summary.js';
import { FormatError, type TrackedChangeMode } from '../../../shared/formats/types.js';
import { countBrackets } from '../../../shared/negotiation/model.js';
import { delegationOfAuthor } from '../../files/delegation-of.js';
import { readFiles, type ReadPart } from '../../files/formats.js';
import { readInputFiles } from './read-input.js';

type ImportOptions = { summary?: boolean; json?: boolean; trackedChanges: string; author: string[] };

const trackedChangeModes: readonly TrackedChangeMode[] = ['accept', 'reject', 'proposals'];

/**
 * Registers `penholder import FILE (--summary | --json) [--tracked-changes MODE] [--author
 * NAME=CODE]...`: imports FILE (`-` for stdin): a .docx, Akoma Ntoso .xml, a zip of them, a
 * folder of .xml/.docx/.txt/.zip files or a UN text, told by content (electron/files). Prints,
 * with --summary, one JSON object of counts per document per line (`summarize`, then the
 * bracket counts of `countBrackets`, and for Word input "trackedChanges" {insertions,
 * deletions, authors} of its file), or with --json one pretty-printed JSON array of the
 * documents' ProseMirror JSON. Word tracked changes are accepted (default), rejected or kept
 * as proposals of the delegation each author names (--author maps an author's name to a
 * delegation code). Warnings go to stderr; unreadable input is a CliError.
 */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Import UN resolutions and decisions: Word (.docx), Akoma Ntoso (.xml, .zip), text, or a folder of them (- for stdin).')
    .argument('<file>', 'file or folder to import, or - for stdin')
    .option('--summary', 'print one JSON line of counts per document found')
    .option('--json', "print the documents' ProseMirror JSON")
    .option('--tracked-changes <mode>', `Word tracked changes: ${trackedChangeModes.join(', ')} (proposals keeps each as a bracket of its author's delegation)`, 'accept')
    .option('--author <name=code>', 'Word: the delegation a change author speaks for (repeatable)', collect, [])
    .action(async (file: string, options: ImportOptions) => {
      if (Boolean(options.summary) === Boolean(options.json)) {
        throw new CliError('import needs exactly one of --summary or --json');
      }
      const mode = options.trackedChanges as TrackedChangeMode;
      if (!trackedChangeModes.includes(mode)) throw new CliError(`unknown --tracked-changes "${options.trackedChanges}": use one of ${trackedChangeModes.join(', ')}`);
      const given = authorMap(options.author);
      const files = await readInputFiles(file);
      let parts: ReadPart[];
      try {
        parts = await readFiles(files, { trackedChanges: mode, delegationOf: (author) => given.get(author) ?? delegationOfAuthor(author) });
      } catch (err) {
        if (err instanceof FormatError) throw new CliError(err.message);
        throw err;
      }
      for (const warning of parts.flatMap((p) => p.warnings)) process.stderr.write(`penholder: warning: ${warning}\n`);
      if (options.summary) {
        const lines = parts.flatMap((part) =>
          part.documents.map((doc) => {
            const counts = { ...summarize(doc), ...countBrackets(doc) };
            return JSON.stringify(part.trackedChanges ? { ...counts, trackedChanges: part.trackedChanges } : counts);
          }),
        );
        process.stdout.write(lines.map((line) => `${line}\n`).join(''));
      } else {
        process.stdout.write(`${JSON.stringify(parts.flatMap((p) => p.documents.map((doc) => doc.toJSON())), null, 2)}\n`);
      }
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function authorMap(pairs: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const name = pair.slice(0, at).trim();
    const code = pair.slice(at + 1).trim();
    if (at < 0 || name === '' || code === '') throw new CliError(`--author needs NAME=CODE, e.g. --author "Ana Pereira=BRA" (got "${pair}")`);
    const delegation = findDelegation(code);
    if (!delegation) throw new CliError(`--author "${pair}": ${code} is not a delegation code or name of the list`);
    map.set(name, delegation.code);
  }
  return map;
}
