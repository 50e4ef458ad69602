import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildElectron, projectRoot } from './build.mjs';
import { electronPackageDir, electronVersion, ensureElectronBinary, noElectronMessage } from './electron-binary.mjs';
import { ensureNativeBinding } from './native-module.mjs';
import { runProcess } from './run-process.mjs';

// `npm start`: (a) make sure the Electron binary is there (download it on first start),
// (b) make sure better-sqlite3 is built for Electron's ABI, (c) build the renderer, main and
// preload, (d) run Electron on the project folder, forwarding its exit code.
// `--prepare-only` does (b) and (c) for packaging (electron-builder brings its own Electron).

const SQLITE_BINDING_ENV = 'PENHOLDER_SQLITE_BINDING';

async function main(argv, env) {
  const prepareOnly = argv.includes('--prepare-only');
  const root = projectRoot;
  const dir = electronPackageDir(root, env);
  const version = electronVersion(dir);

  let binary = null;
  if (!prepareOnly) {
    const result = await ensureElectronBinary({ dir, env, timeoutMs: Number(env.PENHOLDER_DOWNLOAD_TIMEOUT_MS) || undefined });
    if (!result.ok) {
      console.error(noElectronMessage(version, result.reason));
      return 1;
    }
    binary = result.binary;
  }

  let binding;
  try {
    binding = await ensureNativeBinding({ root, electronVersion: version, env });
  } catch (error) {
    console.error(`Penholder: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Building it needs either internet access (for a prebuilt binary or Electron headers) or a C++ toolchain with Python.');
    console.error('`npm run web` runs the same app in your browser without it.');
    return 1;
  }

  console.error('Penholder: building the renderer...');
  const vite = await runProcess(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts'], { cwd: root, env });
  if (vite.code !== 0) {
    console.error('Penholder: the renderer build failed (see above).');
    return 1;
  }
  await buildElectron({ root });
  if (prepareOnly) {
    console.error(`Penholder: prepared dist/renderer, dist-electron and ${path.relative(root, binding)}.`);
    return 0;
  }
  return runElectron(binary, root, { ...env, [SQLITE_BINDING_ENV]: binding });
}

function runElectron(binary, root, env) {
  const childEnv = { ...env };
  // Set by some tools; it would make the binary behave as plain Node.
  delete childEnv.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve) => {
    const child = spawn(binary, [root], { stdio: 'inherit', env: childEnv });
    const forward = (signal) => () => child.kill(signal);
    process.on('SIGINT', forward('SIGINT'));
    process.on('SIGTERM', forward('SIGTERM'));
    child.on('error', (error) => {
      console.error(`Penholder: could not run Electron (${binary}): ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`Penholder: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
