/**
 * The structure shortcuts of the drafting editor, as data for the help sheet. `keys` uses
 * ProseMirror's key notation ("Mod" is Ctrl, or Cmd on macOS); keymap.ts binds exactly
 * these keys (a test keeps the two in step).
 */

/** One keyboard shortcut: its keys in ProseMirror notation and what it does, in a sentence. */
export type Shortcut = { keys: string; description: string };

/** The structure-editing shortcuts, in the order a help sheet lists them. */
export const shortcutList: readonly Shortcut[] = Object.freeze([
  { keys: 'Enter', description: 'Start the next paragraph of the same kind; in an empty last preambular paragraph, move on to the operative part' },
  { keys: 'Tab', description: 'Make the paragraph a subparagraph of the one before it: (a) under an operative paragraph, (i) under an (a)' },
  { keys: 'Shift-Tab', description: 'Turn a subparagraph back into a paragraph of its parent’s level' },
  { keys: 'Backspace', description: 'At the start of a paragraph, join it to the previous one of the same kind or lift it one level' },
  { keys: 'Alt-ArrowUp', description: 'Move the paragraph (with its subparagraphs) up; the first operative paragraph moves into the preamble' },
  { keys: 'Alt-ArrowDown', description: 'Move the paragraph (with its subparagraphs) down; the last preambular paragraph becomes the first operative one' },
  { keys: 'Mod-Alt-f', description: 'Insert a footnote at the cursor' },
]);
