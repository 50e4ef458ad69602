import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where the CLI runs as `node electron/cli/bin.mjs`. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** What one CLI run produced. */
export type CliRun = { status: number | null; stdout: string; stderr: string };

/** Runs the real CLI as a child process with `args` (and `input` on stdin), from the repository root. */
export function runCli(args: string[], input?: string | Buffer): CliRun {
  const result = spawnSync(process.execPath, ['electron/cli/bin.mjs', ...args], {
    cwd: repoRoot,
    input: input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Asserts-friendly view of a failed run: exit code, one stderr line, nothing on stdout. */
export function failure(run: CliRun): { status: number | null; lines: number; stdout: string; message: string } {
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  return { status: run.status, lines: lines.length, stdout: run.stdout, message: lines[0] ?? '' };
}
