/**
 * `npm run bench -- keystroke-brackets [ARGS]`: the keystroke bench (keystroke.ts) on the
 * same resolution as a compilation text in negotiation with 300 brackets, the figure issue
 * 5 asks for; other arguments (`--profile`, `--trace`, `--dev`) pass through.
 * Last line: the keystroke bench's JSON object, with `brackets: 300`.
 */
import { run as keystroke } from './keystroke.js';

/** Runs the keystroke bench with `--brackets 300` (unless ARGS name another count). */
export async function run(args: string[] = []): Promise<void> {
  await keystroke(args.includes('--brackets') ? args : ['--brackets', '300', ...args]);
}
