import type { Command } from 'commander';
import { defaultDataDir } from '../../backend/data-dir.js';
import { startWebShell } from '../../web/web-shell.js';
import { CliError } from '../cli-error.js';

type WebOptions = { dataDir?: string; port: string; static?: string };

/**
 * Registers `penholder web [--data-dir DIR] [--port N] [--static DIR]`: starts the browser
 * shell on 127.0.0.1, prints `Penholder is running at <url>` (the URL carries the launch
 * token), and serves until SIGINT or SIGTERM, then closes everything and returns.
 */
export function registerWebCommand(program: Command): void {
  program
    .command('web')
    .description('Serve Penholder in the browser on 127.0.0.1 (the backend runs in this process).')
    .option('--data-dir <dir>', 'where documents are kept (default: $PENHOLDER_DATA_DIR, else the user-data folder)')
    .option('--port <n>', 'TCP port, 0 for any free port', '0')
    .option('--static <dir>', 'serve a prebuilt renderer (npm run build:renderer) instead of Vite')
    .action(async (options: WebOptions) => {
      const port = parsePort(options.port);
      const dataDir = options.dataDir ?? defaultDataDir();
      const shell = await startWebShell({ dataDir, port, ...(options.static ? { staticDir: options.static } : {}) });
      process.stdout.write(`Penholder is running at ${shell.url}\n`);
      process.stdout.write(`Data: ${dataDir}. Press Ctrl+C to stop.\n`);
      await untilStopped();
      await shell.close();
    });
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new CliError(`--port must be a number from 0 to 65535, not "${text}"`);
  return port;
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
