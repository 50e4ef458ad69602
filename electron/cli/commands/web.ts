import type { Command } from 'commander';
import { CliError } from '../cli-error.js';

/** Registers `penholder web` (placeholder until implemented). */
export function registerWebCommand(program: Command): void {
  program.command('web').action(() => {
    throw new CliError('web is not implemented yet');
  });
}
