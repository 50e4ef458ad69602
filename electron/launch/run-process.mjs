import { spawn } from 'node:child_process';

/**
 * Runs a child process for the launcher: its output goes to our stderr, and the first and
 * last 4000 characters of its stderr are kept for error messages. Never hangs: after `timeoutMs` the child is killed and the run fails.
 */

/**
 * Runs `command args` in `cwd` with `env`; resolves `{ code, stderrHead, stderrTail, timedOut }` where
 * `code` is the exit code (1 if killed by a signal or the timeout). `echo: false` keeps the
 * child's output quiet (only the tail is returned).
 */
export function runProcess(command, args, { cwd, env, timeoutMs = 20 * 60_000, echo = true }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let head = '';
    let tail = '';
    let timedOut = false;
    const keep = (chunk) => {
      if (head.length < 4000) head = (head + chunk.toString()).slice(0, 4000);
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', (chunk) => {
      if (echo) process.stderr.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      keep(chunk);
      if (echo) process.stderr.write(chunk);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      keep(`${error.message}\n`);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? 1 : (code ?? 1), stderrHead: head.trim(), stderrTail: tail.trim(), timedOut });
    });
  });
}

/**
 * Returns a copy of `env` without the npm build settings that would make native builds
 * target the wrong runtime (a global `nodedir` makes node-gyp use Node's headers even when
 * asked for Electron's), plus `overrides`.
 */
export function cleanBuildEnv(env, overrides = {}) {
  const result = { ...env };
  for (const key of Object.keys(result)) {
    const k = key.toLowerCase();
    if (['npm_config_nodedir', 'npm_config_target', 'npm_config_runtime', 'npm_config_disturl', 'npm_config_dist_url', 'npm_config_build_from_source'].includes(k)) {
      delete result[key];
    }
  }
  return { ...result, ...overrides };
}

/**
 * The line of a tool's stderr that says what failed (the first error message, not a stack
 * frame or node-gyp's environment report), or '' when there is none.
 */
export function summarizeError(text) {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/^(gyp ERR!|prebuild-install (warn|ERR!))\s*(stack\s+)?/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  return (
    lines.find((line) => /\b\w*Error\b:/.test(line)) ??
    lines.find((line) => /error|refused|ENOTFOUND|timed? ?out/i.test(line)) ??
    lines[0] ??
    ''
  );
}
