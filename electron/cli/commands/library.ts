import path from 'node:path';
import type { Command } from 'commander';
import type { LibrarySearchMode } from '../../../shared/api/library-contract.js';
import { FormatError } from '../../../shared/formats/types.js';
import { defaultDataDir } from '../../backend/data-dir.js';
import type { InputFile } from '../../files/formats.js';
import { readPath } from '../../files/read-path.js';
import { LibraryError } from '../../library/database.js';
import { openLibrary, type Library } from '../../library/library.js';
import { CliError } from '../cli-error.js';

const maxWarnings = 20;

type AddOptions = { dataDir?: string; draft?: boolean; adopted?: boolean };
type SearchOptions = { dataDir?: string; similar?: boolean; partial?: boolean; phrase?: boolean; limit: string; language?: string; body?: string; json?: boolean };

/**
 * Registers `penholder library add PATH... [--data-dir DIR] [--draft | --adopted]` and
 * `penholder library search QUERY [--similar | --partial | --phrase] [--limit N]
 * [--language L] [--body TEXT] [--data-dir DIR] [--json]`.
 *
 * `add` indexes Akoma Ntoso files, zips (a session's download), folders, .docx and .txt
 * into the library (library.sqlite in the data directory) and prints one JSON line
 * `{"documents":N,"paragraphs":N,"skipped":N}`: what was (re)indexed, and the files
 * skipped because they are unchanged since the last add (or unreadable inside a zip or
 * folder: a warning on stderr names each). Files are keyed by absolute path, so adding
 * again from anywhere changes nothing. Ctrl-C stops between files; what was added stays.
 *
 * `search` reads QUERY as words (every word, any order) unless it is wrapped in double
 * quotes (`'"remain seized of the matter"'`, or --phrase): then an exact phrase, every hit
 * holding it; --partial finds parts of words (trigrams, 3 characters or more); --similar
 * finds paragraphs like QUERY (a whole paragraph, reworded or not). Prints the hits best
 * first, with --json one JSON object per line {"symbol","label","title","date","text",
 * "score"} (plus similarity for --similar), else one tab-separated line each. It opens the
 * library read-only, so it works while the app (or an add) runs: the library is its own
 * SQLite file in WAL mode, outside the store's writer lock (penholder.lock).
 */
export function registerLibraryCommand(program: Command): void {
  const library = program.command('library').description('The library of adopted texts: add texts to it, search it by paragraph.');
  library
    .command('add')
    .description('Add Akoma Ntoso files, zips, folders, .docx or .txt to the library.')
    .argument('<path...>', 'files or folders to add')
    .option('--data-dir <dir>', 'where the library is kept (default: $PENHOLDER_DATA_DIR, else the user-data folder)')
    .option('--draft', 'add the texts as drafts (default: adopted, except L. and CRP. symbols)')
    .option('--adopted', 'add the texts as adopted, whatever their symbol')
    .action(async (paths: string[], options: AddOptions) => {
      if (options.draft && options.adopted) throw new CliError('give --draft or --adopted, not both');
      const files: InputFile[] = [];
      for (const target of paths) files.push(...(await attempt(() => readPath(path.resolve(target)))));
      const controller = new AbortController();
      const stop = () => controller.abort(new CliError('stopped; the files added before stay in the library'));
      process.once('SIGINT', stop);
      const lib = open(options.dataDir, false);
      try {
        const adopted = options.draft ? false : options.adopted ? true : undefined;
        const result = await attempt(() => lib.addFiles(files, { adopted, signal: controller.signal }));
        // A session's zip gives hundreds of reader warnings; the first ones show their kind.
        for (const warning of result.warnings.slice(0, maxWarnings)) process.stderr.write(`penholder: warning: ${warning}\n`);
        if (result.warnings.length > maxWarnings) process.stderr.write(`penholder: warning: and ${result.warnings.length - maxWarnings} more warnings\n`);
        process.stdout.write(`${JSON.stringify({ documents: result.documents, paragraphs: result.paragraphs, skipped: result.skipped })}\n`);
      } finally {
        process.removeListener('SIGINT', stop);
        lib.close();
      }
    });
  library
    .command('search')
    .description('Search the library: words, "an exact phrase" (quoted), --partial words or --similar paragraphs.')
    .argument('<query>', 'words, a "quoted phrase", parts of words (--partial) or a paragraph (--similar)')
    .option('--similar', 'paragraphs like QUERY (near-duplicates, reworded ones included)')
    .option('--partial', 'parts of words, 3 characters or more (trigram index)')
    .option('--phrase', 'QUERY is an exact phrase even without quotes')
    .option('--limit <n>', 'at most this many hits (1-500)', '20')
    .option('--language <code>', 'only texts in this language (en, fr, es, ar, zh, ru)')
    .option('--body <text>', 'prefer texts of this body, e.g. "The General Assembly"')
    .option('--data-dir <dir>', 'where the library is kept (default: $PENHOLDER_DATA_DIR, else the user-data folder)')
    .option('--json', 'one JSON object per hit and line')
    .action((query: string, options: SearchOptions) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError(`--limit must be a whole number from 1 to 500 (got "${options.limit}")`);
      if ([options.similar, options.partial, options.phrase].filter(Boolean).length > 1) throw new CliError('give at most one of --similar, --partial and --phrase');
      const quoted = query.length >= 2 && query.startsWith('"') && query.endsWith('"');
      const mode: LibrarySearchMode = options.similar ? 'similar' : options.partial ? 'partial' : options.phrase || quoted ? 'phrase' : 'words';
      const text = quoted && mode === 'phrase' ? query.slice(1, -1) : query;
      const lib = open(options.dataDir, true);
      try {
        const hits = lib.search(text, { mode, limit, language: options.language, body: options.body });
        const lines = hits.map((h) =>
          options.json
            ? JSON.stringify({ symbol: h.symbol, label: h.label, title: h.title, date: h.date, text: h.text, score: h.score, ...(h.similarity === undefined ? {} : { similarity: h.similarity }) })
            : [h.symbol, h.label, h.date, String(h.score), h.text].map((f) => f.replace(/[\t\n]/g, ' ')).join('\t'),
        );
        process.stdout.write(lines.map((l) => `${l}\n`).join(''));
      } finally {
        lib.close();
      }
    });
}

function open(dataDir: string | undefined, readonly: boolean): Library {
  try {
    return openLibrary({ dataDir: dataDir ?? defaultDataDir(), readonly });
  } catch (err) {
    if (err instanceof LibraryError) throw new CliError(err.message);
    throw err;
  }
}

async function attempt<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof FormatError) throw new CliError(err.message);
    throw err;
  }
}
