import { keymap } from './key-bindings.js';
import type { Command, Plugin } from 'prosemirror-state';
import { requestCrossReference } from './cross-reference-commands.js';
import { insertFootnoteAndEdit } from './footnote-commands.js';
import { joinBackward } from './join-commands.js';
import { moveParagraphDown, moveParagraphUp } from './move-commands.js';
import { enterFromHeading, splitParagraph } from './paragraph-commands.js';
import { moveToOperative, moveToPreamble, newOperativeParagraph, newPreambularParagraph } from './part-commands.js';
import { structuredPastePlugin } from './paste.js';
import { cursorParagraph } from './structure.js';
import { indentParagraph, outdentParagraph } from './subparagraph-commands.js';

/**
 * The keyboard of structure editing: the key bindings (listed for people in shortcuts.ts)
 * and the paste plugin. Goes before the base keymap, which handles what these leave.
 */

/** The first command of `commands` that applies. */
function first(...commands: Command[]): Command {
  return (state, dispatch, view) => commands.some((command) => command(state, dispatch, view));
}

// Tab in paragraph text stays in the editor even when the paragraph cannot be indented,
// instead of moving the focus away in the middle of drafting.
const keepTab: Command = (state) => cursorParagraph(state) !== null;

/** The structure commands by key, in ProseMirror key notation (the keys of `shortcutList`). */
export const structureBindings: Readonly<Record<string, Command>> = {
  Enter: first(splitParagraph, enterFromHeading),
  Tab: first(indentParagraph, keepTab),
  'Shift-Tab': first(outdentParagraph, keepTab),
  Backspace: joinBackward,
  'Alt-ArrowUp': moveParagraphUp,
  'Alt-ArrowDown': moveParagraphDown,
  'Alt-Shift-ArrowUp': moveToPreamble,
  'Alt-Shift-ArrowDown': moveToOperative,
  'Mod-Alt-p': newPreambularParagraph,
  'Mod-Alt-o': newOperativeParagraph,
  'Mod-Alt-f': insertFootnoteAndEdit,
  'Mod-Alt-r': requestCrossReference,
};

/** The structure keymap and the structured paste plugin, to go before `keymap(baseKeymap)`. */
export function structureKeymap(): Plugin[] {
  return [keymap(structureBindings), structuredPastePlugin()];
}
