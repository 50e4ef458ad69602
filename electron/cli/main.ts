import { Command, CommanderError } from 'commander';
import { registerImportCommand } from './commands/import.js';
import { registerExportCommand } from './commands/export.js';
import { registerWebCommand } from './commands/web.js';
import { registerDiffCommand } from './commands/diff.js';
import { registerHostCommand } from './commands/host.js';
import { registerRevisionsCommand } from './commands/revisions.js';
import { registerLibraryCommand } from './commands/library.js';
import { registerIssueCommand } from './commands/issue.js';
import { registerVerifyCommand } from './commands/verify.js';

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
  registerImportCommand(program);
  registerExportCommand(program);
  registerWebCommand(program);
  registerDiffCommand(program);
  registerHostCommand(program);
  registerRevisionsCommand(program);
  registerLibraryCommand(program);
  registerIssueCommand(program);
  registerVerifyCommand(program);
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
