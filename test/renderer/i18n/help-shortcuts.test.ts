import { afterAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../../shared/i18n/create.js';
import { i18n } from '../../../renderer/i18n/index.js';
import { otherEditorShortcuts, shortcutList } from '../../../renderer/editor/commands/shortcuts.js';
import { negotiationActions, negotiationShortcuts } from '../../../renderer/editor/negotiation/negotiation-menu.js';
import { editorCommandGroups } from '../../../renderer/editor/commands/editor-commands.js';

const lists = [
  ['structure', shortcutList],
  ['other', otherEditorShortcuts],
  ['negotiation', negotiationShortcuts],
] as const;

describe("the editor's command names and the help sheet's shortcut lines", () => {
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('have an English and a different French line for every editor shortcut (help:editorKeys.<list>.<keys>)', () => {
    const en = createI18n('en');
    const fr = createI18n('fr');
    for (const [list, shortcuts] of lists) {
      for (const s of shortcuts) {
        const key = `help:editorKeys.${list}.${s.keys.replace(/\./g, 'dot')}`;
        expect(en.t(key, { defaultValue: '' }), key).not.toBe('');
        expect(fr.t(key), key).not.toBe(en.t(key));
      }
    }
  });

  it('are read in the interface language when read, so a switch needs no reload', async () => {
    await i18n.changeLanguage('en');
    expect(shortcutList[0]?.description).toMatch(/^Start the next paragraph/);
    expect(negotiationActions[0]?.label).toBe('Bracket selection');
    expect(editorCommandGroups[0]?.label).toBe('History');
    await i18n.changeLanguage('fr');
    expect(shortcutList[0]?.description).toMatch(/^Commencer le paragraphe suivant/);
    expect(negotiationActions[0]?.label).toBe('Mettre la sélection entre crochets');
    expect(negotiationActions[0]?.face).toBe('Crochets');
    expect(editorCommandGroups[0]?.label).toBe('Historique');
    expect(editorCommandGroups[1]?.commands[1]?.label).toBe('Nouveau paragraphe du dispositif');
  });
});
