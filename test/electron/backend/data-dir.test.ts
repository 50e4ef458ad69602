import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../electron/backend/data-dir.js';

describe('defaultDataDir', () => {
  it('prefers $PENHOLDER_DATA_DIR on every platform', () => {
    expect(defaultDataDir({ env: { PENHOLDER_DATA_DIR: 'rel/data' }, platform: 'win32', homedir: '/h' })).toBe(path.resolve('rel/data'));
  });

  it("uses each platform's user-data folder", () => {
    expect(defaultDataDir({ env: {}, platform: 'linux', homedir: '/home/ana' })).toBe('/home/ana/.config/penholder');
    expect(defaultDataDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', homedir: '/home/ana' })).toBe('/xdg/penholder');
    expect(defaultDataDir({ env: {}, platform: 'darwin', homedir: '/Users/ana' })).toBe('/Users/ana/Library/Application Support/penholder');
    expect(defaultDataDir({ env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, platform: 'win32', homedir: 'C:\\Users\\ana' })).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\penholder',
    );
  });
});
