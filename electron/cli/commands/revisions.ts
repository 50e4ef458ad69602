import type { Command } from 'commander';
import { defaultDataDir } from '../../backend/data-dir.js';
import { listStoredRevisions, type ListedRevision } from '../../store/read-revisions.js';

type RevisionsOptions = { dataDir?: string; doc?: string; json?: boolean };

/**
 * Registers `penholder revisions [--data-dir DIR] [--doc ID] [--json]`: lists the stored
 * revisions (named ones and autosave points) of every document, or of document ID. One
 * tab-separated line per revision: document id, document title, kind, label ('-' when
 * empty), author/delegation, time; with --json one JSON array of revision objects (the
 * API's RevisionSummary plus `documentTitle`). Reads the store read-only, so it works while
 * the app runs. The data directory defaults as for `penholder web`.
 */
export function registerRevisionsCommand(program: Command): void {
  program
    .command('revisions')
    .description('List the stored revisions of every document (or of one, with --doc).')
    .option('--data-dir <dir>', 'where documents are kept (default: $PENHOLDER_DATA_DIR, else the user-data folder)')
    .option('--doc <id>', 'only the revisions of this document')
    .option('--json', 'print one JSON array instead of lines')
    .action((options: RevisionsOptions) => {
      const dataDir = options.dataDir ?? defaultDataDir();
      const revisions = listStoredRevisions({ dataDir }, options.doc);
      process.stdout.write(options.json ? `${JSON.stringify(revisions)}\n` : revisions.map(line).join(''));
    });
}

function line(r: ListedRevision): string {
  const who = r.delegation ? `${r.author || '?'}/${r.delegation}` : r.author || '?';
  const fields = [r.docId, r.documentTitle, r.kind, r.label || '-', who, r.createdAt];
  return `${fields.map((f) => f.replace(/[\t\n]/g, ' ')).join('\t')}\n`;
}
