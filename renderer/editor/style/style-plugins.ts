import { keymap } from 'prosemirror-keymap';
import type { Plugin } from 'prosemirror-state';
import { autoOpenerPlugin } from './auto-opener.js';
import { completionPlugin } from './completion-plugin.js';
import { fixProblemAtCursor } from './quick-fix.js';
import { stylePlugin } from './style-plugin.js';

/**
 * The style and opener plugins of the document editor, in order: opener completion first
 * (its Up/Down/Enter/Tab/Escape must win over the structure keymaps while its list is
 * shown), the Mod-. quick fix, the automatic opener mark, then the style checker (last, so
 * it checks the document with the opener already applied).
 */
export function stylePlugins(): Plugin[] {
  return [completionPlugin(), keymap({ 'Mod-.': fixProblemAtCursor }), autoOpenerPlugin(), stylePlugin()];
}
