import type { Command } from 'commander';
import { CliError } from '../cli-error.js';

/** Registers `penholder export` (placeholder until implemented). */
export function registerExportCommand(program: Command): void {
  program.command('export').action(() => {
    throw new CliError('export is not implemented yet');
  });
}
