import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appShortcuts, displayKeys, editorShortcuts, isHelpKey, platformWords } from '../../../renderer/components/help-sheet.js';
import { otherEditorShortcuts, shortcutList } from '../../../renderer/editor/commands/shortcuts.js';
import { negotiationShortcuts } from '../../../renderer/editor/negotiation/negotiation-menu.js';
import { stepZoom, zoomSteps } from '../../../renderer/components/zoom-control.js';

describe('zoom steps', () => {
  it('steps through 80%..200% and stops at both ends', () => {
    expect(stepZoom(100, 1)).toBe(110);
    expect(stepZoom(100, -1)).toBe(90);
    expect(stepZoom(200, 1)).toBe(200);
    expect(stepZoom(80, -1)).toBe(80);
    expect(stepZoom(112, 1)).toBe(125);
    expect(stepZoom(112, -1)).toBe(110);
  });

  it('always lands on a step, moving in the asked direction unless at an end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 250 }), fc.constantFrom<1 | -1>(1, -1), (zoom, dir) => {
        const next = stepZoom(zoom, dir);
        expect(zoomSteps).toContain(next);
        if (dir > 0 && zoom < 200) expect(next).toBeGreaterThan(zoom);
        if (dir < 0 && zoom > 80) expect(next).toBeLessThan(zoom);
      }),
    );
  });
});

describe('help sheet keys', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
  });

  it('opens on F1 and Mod-/ only', () => {
    expect(isHelpKey(key('F1'))).toBe(true);
    expect(isHelpKey(key('/', { ctrlKey: true }))).toBe(true);
    expect(isHelpKey(key('/', { metaKey: true }))).toBe(true);
    expect(isHelpKey(key('/'))).toBe(false);
    expect(isHelpKey(key('/', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isHelpKey(key('?'))).toBe(false);
  });

  it('lists undo, redo, zoom and help', () => {
    const actions = [...editorShortcuts, ...appShortcuts].map((s) => s.action).join('\n');
    for (const word of ['Undo', 'Redo', 'Zoom', 'shortcuts']) expect(actions).toContain(word);
  });

  it('shows the editor shortcuts in people notation, one line each', () => {
    expect(displayKeys('Mod-Alt-f')).toMatch(/^(Ctrl|⌘)\+Alt\+F$/);
    expect(displayKeys('Alt-ArrowUp')).toBe('Alt+↑');
    expect(displayKeys('Shift-Tab')).toBe('Shift+Tab');
    expect(displayKeys('Mod--')).toMatch(/^(Ctrl|⌘)\+-$/);
    // Keys named inside a description ("Mod-Alt-2 the second") are shown as the keys column shows them.
    expect(editorShortcuts.map((s) => s.action)).toEqual([...shortcutList, ...otherEditorShortcuts, ...negotiationShortcuts].map((s) => platformWords(s.description)));
    expect(editorShortcuts.map((s) => s.action).join(' ')).not.toContain('Mod-');
    const keys = editorShortcuts.map((s) => s.keys);
    for (const bound of ['Mod-.', 'Mod-Alt-r', 'Mod-Alt-p', 'Mod-Alt-o', 'Alt-Shift-ArrowDown', 'Mod-Alt-b', 'Mod-Alt-g', 'Mod-Alt-1']) expect(keys).toContain(displayKeys(bound));
  });
});
