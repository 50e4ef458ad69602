/** Types of run-process.mjs (plain ESM so `npm start` needs no compile step). */

/** The outcome of one child process run. */
export type ProcessRun = { code: number; stderrHead: string; stderrTail: string; timedOut: boolean };

/** Runs a child process; never hangs past `timeoutMs`. */
export declare function runProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined>; timeoutMs?: number; echo?: boolean },
): Promise<ProcessRun>;

/** A copy of `env` without npm's native-build settings (nodedir, target, runtime, disturl), plus `overrides`. */
export declare function cleanBuildEnv(
  env: Record<string, string | undefined>,
  overrides?: Record<string, string>,
): Record<string, string | undefined>;

/** The line of a tool's stderr that says what failed, or ''. */
export declare function summarizeError(text: string): string;
