/**
 * The structure shortcuts of the drafting editor, as data for the help sheet. `keys` uses
 * ProseMirror's key notation ("Mod" is Ctrl, or Cmd on macOS); keymap.ts binds exactly
 * these keys (a test keeps the two in step).
 */
import { t } from '../../i18n/index.js';

/** One keyboard shortcut: its keys in ProseMirror notation and what it does, in a sentence. */
export type Shortcut = { keys: string; description: string };

/**
 * The shortcut of `keys` in help list `list`, its description read from the help catalogue
 * (help:editorKeys.<list>.<keys>, '.' spelt 'dot') in the interface language when read.
 */
export function described(keys: string, list: 'structure' | 'other' | 'negotiation'): Shortcut {
  return {
    keys,
    get description() {
      return t(`help:editorKeys.${list}.${keys.replace(/\./g, 'dot')}`);
    },
  };
}

/** The structure-editing shortcuts, in the order a help sheet lists them. */
export const shortcutList: readonly Shortcut[] = Object.freeze([
  described('Enter', 'structure'),
  described('Tab', 'structure'),
  described('Shift-Tab', 'structure'),
  described('Backspace', 'structure'),
  described('Alt-ArrowUp', 'structure'),
  described('Alt-ArrowDown', 'structure'),
  described('Alt-Shift-ArrowUp', 'structure'),
  described('Alt-Shift-ArrowDown', 'structure'),
  described('Mod-Alt-p', 'structure'),
  described('Mod-Alt-o', 'structure'),
  described('Mod-Alt-f', 'structure'),
  described('Mod-Alt-r', 'structure'),
]);

/**
 * The editor's other shortcuts, bound by the style and history plugins (create-editor.ts,
 * style-plugins.ts, completion-plugin.ts), listed after the structure ones.
 */
export const otherEditorShortcuts: readonly Shortcut[] = Object.freeze([
  described('Mod-Alt-s', 'other'),
  described('Mod-Alt-Shift-s', 'other'),
  described('Mod-.', 'other'),
  described('F8', 'other'),
  described('Mod-z', 'other'),
  described('Mod-y', 'other'),
  described('Mod-Shift-z', 'other'),
  described('ArrowDown', 'other'),
  described('Enter', 'other'),
]);
