import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../shared/i18n/create.js';
import { otherEditorShortcuts, shortcutList } from '../../../renderer/editor/commands/shortcuts.js';
import { negotiationShortcuts } from '../../../renderer/editor/negotiation/negotiation-menu.js';

const lists = [
  ['structure', shortcutList],
  ['other', otherEditorShortcuts],
  ['negotiation', negotiationShortcuts],
] as const;

describe("the help sheet's editor shortcut lines", () => {
  it('have a French line for every editor shortcut whose English entry is the description itself', () => {
    const en = createI18n('en');
    const fr = createI18n('fr');
    const stale: string[] = [];
    for (const [list, shortcuts] of lists) {
      for (const s of shortcuts) {
        const key = `help:editorKeys.${list}.${s.keys.replace(/\./g, 'dot')}`;
        // A changed or new description in the editor needs its catalogue entries updated.
        if (en.t(key, { defaultValue: '' }) !== s.description) stale.push(`${key}: ${s.description}`);
        expect(fr.t(key), key).not.toBe(s.description);
      }
    }
    expect(stale).toEqual([]);
  });
});
