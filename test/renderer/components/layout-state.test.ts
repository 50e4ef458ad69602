import { afterEach, describe, expect, it } from 'vitest';
import { defaultLayout, layoutFromText, layoutKey, layoutSettingsKey, loadLayout, parseLayout, saveLayout } from '../../../renderer/components/layout-state.js';

// Vitest runs in Node: a Storage of its own, as the browser's localStorage behaves.
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('the remembered panel layout', () => {
  it('reads what it wrote, and the default where nothing was stored', () => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
    expect(loadLayout()).toEqual(defaultLayout);
    const folded = { ...defaultLayout, documents: 'rail' as const, outline: 'rail' as const, panels: { ...defaultLayout.panels, details: true } };
    saveLayout(folded);
    expect(loadLayout()).toEqual(folded);
  });

  it('keeps the default of every field it does not understand, and ignores stored text that is not a layout', () => {
    expect(parseLayout({ outline: 'rail', side: 'sideways', panels: { problems: false, details: 'yes' } })).toEqual({
      ...defaultLayout,
      outline: 'rail',
      panels: { ...defaultLayout.panels, problems: false },
    });
    expect(parseLayout(null)).toEqual(defaultLayout);
    expect(parseLayout('rail')).toEqual(defaultLayout);
    const storage = new MemoryStorage();
    (globalThis as { localStorage?: unknown }).localStorage = storage;
    storage.setItem(layoutKey(''), '{not json');
    expect(loadLayout()).toEqual(defaultLayout);
    storage.setItem(layoutKey(''), JSON.stringify({ outline: 'rail', junk: 'x'.repeat(10_000) }));
    expect(loadLayout()).toEqual(defaultLayout);
  });

  it('works without storage (refused by the browser): the default, and saving does not throw', () => {
    expect(loadLayout()).toEqual(defaultLayout);
    expect(() => saveLayout(defaultLayout)).not.toThrow();
  });

  it('names the setting of each window with the characters the settings channel accepts', () => {
    expect(layoutSettingsKey('')).toBe('layout.main');
    expect(layoutSettingsKey('second window/2')).toBe('layout.second_window_2');
    expect(layoutSettingsKey('w'.repeat(500))).toMatch(/^[\w.-]{1,100}$/);
  });

  it('reads a layout stored in the settings, or nothing from text that is not one', () => {
    expect(layoutFromText(JSON.stringify({ ...defaultLayout, side: 'rail' }))).toEqual({ ...defaultLayout, side: 'rail' });
    expect(layoutFromText(null)).toBe(null);
    expect(layoutFromText('][')).toBe(null);
  });
});
