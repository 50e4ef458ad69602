import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channelArgs } from '../../../shared/api/contract.js';
import { openStore, type Store } from '../../../electron/store/store.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function open(dir: string): Store {
  const store = openStore({ dataDir: dir });
  stores.push(store);
  return store;
}

describe('interface preferences', () => {
  it('follow the system (null) until set, and keep the choice across a restart, apart from the profile', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-prefs-'));
    dirs.push(dir);
    const first = open(dir);
    expect(first.getPreferences()).toEqual({ interfaceLanguage: null });
    first.setProfile({ name: 'Ana', delegation: 'CAN' });
    expect(first.setPreferences({ interfaceLanguage: 'fr' })).toEqual({ interfaceLanguage: 'fr' });
    first.close();
    stores.splice(0);
    const again = open(dir);
    expect(again.getPreferences()).toEqual({ interfaceLanguage: 'fr' });
    expect(again.getProfile()).toEqual({ name: 'Ana', delegation: 'CAN' });
    again.setPreferences({ interfaceLanguage: null });
    expect(again.getPreferences()).toEqual({ interfaceLanguage: null });
  });

  it('keeps user-interface settings by key apart from the app\'s own settings, and forgets one set to null', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-prefs-'));
    dirs.push(dir);
    const store = open(dir);
    store.setProfile({ name: 'Ana', delegation: 'CAN' });
    expect(store.getUiSetting('profile')).toBeNull();
    store.setUiSetting('profile', '{"panels":[]}');
    store.setUiSetting('layout.main', '{"rail":true}');
    expect(store.getProfile()).toEqual({ name: 'Ana', delegation: 'CAN' });
    expect(store.getUiSetting('profile')).toBe('{"panels":[]}');
    expect(store.getUiSetting('layout.main')).toBe('{"rail":true}');
    store.setUiSetting('layout.main', null);
    expect(store.getUiSetting('layout.main')).toBeNull();
    expect(() => channelArgs['settings.set'].parse({ key: 'a', value: 'x'.repeat(5000) })).toThrow();
    expect(() => channelArgs['settings.get'].parse({ key: '../x y' })).toThrow();
  });

  it('accepts a language tag or null over the API, and refuses anything else', () => {
    const args = channelArgs['preferences.set'];
    expect(args.parse({ interfaceLanguage: 'fr' })).toEqual({ interfaceLanguage: 'fr' });
    expect(args.parse({ interfaceLanguage: 'zh-Hant' })).toEqual({ interfaceLanguage: 'zh-Hant' });
    expect(args.parse({ interfaceLanguage: null })).toEqual({ interfaceLanguage: null });
    for (const bad of [{ interfaceLanguage: '<script>' }, { interfaceLanguage: 'x'.repeat(100) }, {}, { interfaceLanguage: 'fr', extra: 1 }]) {
      expect(() => args.parse(bad), JSON.stringify(bad).slice(0, 40)).toThrow();
    }
  });
});
