import { describe, expect, it } from 'vitest';
import { structureBindings, structureKeymap } from '../../../../renderer/editor/commands/keymap.js';
import { shortcutList } from '../../../../renderer/editor/commands/shortcuts.js';
import { at, blankState, must, run, stateFrom } from './editing.js';

describe('structure keymap and shortcut list', () => {
  it('binds exactly the keys the help sheet lists, each with a description', () => {
    expect(Object.keys(structureBindings).sort()).toEqual(shortcutList.map((s) => s.keys).sort());
    for (const shortcut of shortcutList) expect(shortcut.description.length).toBeGreaterThan(10);
    expect(structureKeymap().length).toBe(2);
  });

  it('keeps Tab in the editor inside paragraph text even where it cannot indent, and not elsewhere', () => {
    const state = at(stateFrom({ title: 'T', body: 'The General Assembly,', operative: ['Decides.'] }), 'OP 1');
    const tabbed = must(state, structureBindings.Tab!);
    expect(tabbed.doc.eq(state.doc)).toBe(true);
    expect(run(blankState(), structureBindings.Tab!)).toBeNull();
  });
});
