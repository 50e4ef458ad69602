import { Command, CommanderError } from 'commander';

type Register = (program: Command) => void;

// Each command is loaded only when it is the one asked for: together they pull in the
// consultation host, the formats and SQLite, about 0.9 s of CPU per start that
// `penholder import` never uses. The order is the order `--help` lists them in.
const commandLoaders: Record<string, () => Promise<Register>> = {
  import: async () => (await import('./commands/import.js')).registerImportCommand,
  export: async () => (await import('./commands/export.js')).registerExportCommand,
  web: async () => (await import('./commands/web.js')).registerWebCommand,
  diff: async () => (await import('./commands/diff.js')).registerDiffCommand,
  host: async () => (await import('./commands/host.js')).registerHostCommand,
  revisions: async () => (await import('./commands/revisions.js')).registerRevisionsCommand,
  library: async () => (await import('./commands/library.js')).registerLibraryCommand,
  issue: async () => (await import('./commands/issue.js')).registerIssueCommand,
  verify: async () => (await import('./commands/verify.js')).registerVerifyCommand,
};

export { CliError } from './cli-error.js';

/**
 * Runs the `penholder` command line with the given arguments (without node and script)
 * and resolves to the process exit code. Long-running commands (web) resolve when stopped.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('penholder')
    .description('Draft and negotiate UN resolutions: import, export, compare, list revisions, serve.')
    .exitOverride()
    .showHelpAfterError();
  const asked = argv[0] ?? '';
  // Anything else (no command, --help, `help`, a mistyped name) lists or suggests every command.
  const names = Object.hasOwn(commandLoaders, asked) ? [asked] : Object.keys(commandLoaders);
  for (const name of names) (await commandLoaders[name]!())(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`penholder: ${message}\n`);
    return 1;
  }
}
