import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateNativeBinding, SQLITE_BINDING_ENV, type NativeBindingContext } from '../../../electron/main/native-binding.js';

const base: NativeBindingContext = {
  isPackaged: false,
  resourcesPath: '/opt/Penholder/resources',
  appPath: '/home/u/penholder',
  env: {},
  electronVersion: '39.8.10',
  platform: 'linux',
  arch: 'x64',
  exists: () => true,
};

describe('locateNativeBinding', () => {
  it('uses the packaged resources folder in a packaged app, ignoring the env variable', () => {
    const found = locateNativeBinding({ ...base, isPackaged: true, env: { [SQLITE_BINDING_ENV]: '/tmp/other.node' } });
    expect(found).toBe(path.join('/opt/Penholder/resources', 'electron-native', '39.8.10-linux-x64', 'better_sqlite3.node'));
  });

  it('uses the path npm start passes, else the project .penholder folder', () => {
    expect(locateNativeBinding({ ...base, env: { [SQLITE_BINDING_ENV]: '/tmp/b.node' } })).toBe('/tmp/b.node');
    expect(locateNativeBinding(base)).toBe(path.join('/home/u/penholder', '.penholder', 'electron-native', '39.8.10-linux-x64', 'better_sqlite3.node'));
  });

  it('explains how to fix a missing build instead of letting SQLite fail to load', () => {
    expect(() => locateNativeBinding({ ...base, exists: () => false })).toThrow(/Electron 39\.8\.10 is missing .*npm start/);
    expect(() => locateNativeBinding({ ...base, isPackaged: true, exists: () => false })).toThrow(/reinstall/);
  });
});
