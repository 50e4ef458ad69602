import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureNativeBinding, nativeBindingDirName, nativeBindingPath } from '../../../electron/launch/native-module.mjs';
import { cleanBuildEnv, summarizeError } from '../../../electron/launch/run-process.mjs';
import { locateNativeBinding, nativeBindingDirName as mainDirName } from '../../../electron/main/native-binding.js';

// The Electron-ABI build of better-sqlite3. Neither a prebuilt binary nor Electron's
// headers can be downloaded here, so the build itself is exercised through its failure
// path (unreachable hosts); the rest is the bookkeeping around it.

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const temps: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'penholder-native-'));
  temps.push(dir);
  return dir;
};

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('ensureNativeBinding', () => {
  it('returns an existing build without building anything', async () => {
    const project = temp();
    const target = nativeBindingPath(project, '39.8.10', 'linux', 'x64');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, 'binary');
    // No node_modules in this project: any build attempt would fail.
    await expect(ensureNativeBinding({ root: project, electronVersion: '39.8.10', platform: 'linux', arch: 'x64', log: () => undefined })).resolves.toBe(target);
  });

  it('reports both attempts and leaves node_modules and .penholder untouched when offline', async () => {
    const project = temp();
    symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'));
    const nodeBuild = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const before = statSync(nodeBuild);
    const env = {
      ...process.env,
      npm_config_better_sqlite3_binary_host: 'http://127.0.0.1:9',
      PENHOLDER_ELECTRON_HEADERS_URL: 'http://127.0.0.1:9',
      PENHOLDER_QUIET_BUILD: '1',
    };
    const attempt = ensureNativeBinding({ root: project, electronVersion: '39.8.10', env, log: () => undefined });
    await expect(attempt).rejects.toThrow(/prebuild-install: .+\n\s+node-gyp: .+/);
    const after = statSync(nodeBuild);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(existsSync(nativeBindingPath(project, '39.8.10', process.platform, process.arch))).toBe(false);
  });
});

describe('the binding location', () => {
  it('is named the same way by the launcher and by main', () => {
    expect(nativeBindingDirName('39.8.10', 'darwin', 'arm64')).toBe(mainDirName('39.8.10', 'darwin', 'arm64'));
    const project = temp();
    const built = nativeBindingPath(project, '39.8.10', 'linux', 'x64');
    const found = locateNativeBinding({
      isPackaged: false,
      resourcesPath: '/nowhere',
      appPath: project,
      env: {},
      electronVersion: '39.8.10',
      platform: 'linux',
      arch: 'x64',
      exists: (file) => file === built,
    });
    expect(found).toBe(built);
  });
});

describe('launcher helpers', () => {
  it('strips the npm settings that would retarget a native build', () => {
    const env = cleanBuildEnv({ npm_config_nodedir: '/usr', NPM_CONFIG_TARGET: '20.0.0', npm_config_runtime: 'node', PATH: '/bin' }, { EXTRA: '1' });
    expect(env).toEqual({ PATH: '/bin', EXTRA: '1' });
  });

  it('picks the error line out of a tool report', () => {
    const report = 'gyp info it worked\ngyp WARN install got an error, rolling back install\ngyp ERR! stack Error: bad port\ngyp ERR! stack     at fetch (x.js:1:1)\n';
    expect(summarizeError(report)).toBe('Error: bad port');
    expect(summarizeError('RequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest (got.js:1:1)')).toBe('RequestError: getaddrinfo ENOTFOUND github.com');
  });
});
