import { keymap } from '../commands/key-bindings.js';
import type { Plugin } from 'prosemirror-state';
import { autoOpenerPlugin } from './auto-opener.js';
import { completionPlugin } from './completion-plugin.js';
import { fixProblemAtCursor, goToProblem } from './quick-fix.js';
import { stylePlugin } from './style-plugin.js';

/**
 * The style and opener plugins of the document editor, in order: opener completion first
 * (its Up/Down/Enter/Tab/Escape must win over the structure keymaps while its list is
 * shown), the Mod-. quick fix and F8 / Shift-F8 (next / previous problem), the automatic opener mark, then the style checker (last, so
 * it checks the document with the opener already applied).
 */
export function stylePlugins(): Plugin[] {
  return [completionPlugin(), keymap({ 'Mod-.': fixProblemAtCursor, F8: goToProblem(1), 'Shift-F8': goToProblem(-1) }), autoOpenerPlugin(), stylePlugin()];
}
