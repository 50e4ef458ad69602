import type { Command } from 'commander';
import { CliError } from '../cli-error.js';

/** Registers `penholder import` (placeholder until implemented). */
export function registerImportCommand(program: Command): void {
  program.command('import').action(() => {
    throw new CliError('import is not implemented yet');
  });
}
