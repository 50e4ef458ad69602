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
  { keys: 'Alt-Shift-ArrowUp', description: 'Move the paragraph (with its subparagraphs) to the preamble, as its last preambular paragraph' },
  { keys: 'Alt-Shift-ArrowDown', description: 'Move the paragraph (with its subparagraphs) to the operative part, as its first operative paragraph' },
  { keys: 'Mod-Alt-p', description: 'New preambular paragraph after this one (or at the end of the preamble)' },
  { keys: 'Mod-Alt-o', description: 'New operative paragraph after this one (or at the start of the operative part)' },
  { keys: 'Mod-Alt-f', description: 'Insert a footnote at the cursor and open its text for writing' },
  { keys: 'Mod-Alt-r', description: 'Insert a cross-reference to a paragraph ("paragraph 5"), picked from a searchable list; its number follows renumbering' },
]);

/**
 * The editor's other shortcuts, bound by the style and history plugins (create-editor.ts,
 * style-plugins.ts, completion-plugin.ts), listed after the structure ones.
 */
export const otherEditorShortcuts: readonly Shortcut[] = Object.freeze([
  { keys: 'Mod-Alt-s', description: 'Suggestion mode on / off: as your delegation, typing, deleting and Enter become bracketed proposals' },
  { keys: 'Mod-Alt-Shift-s', description: 'Paragraph status: open the status of the paragraph at the cursor (agreed, ad ref, reservation, parked …) with its history' },
  { keys: 'Mod-.', description: 'Quick fix: apply the certain fix of the style problem at the cursor' },
  { keys: 'F8', description: 'Go to the next style problem and select it (Shift+F8: the previous one); the quick fix then applies to it' },
  { keys: 'Mod-z', description: 'Undo your last change (only your own, never a co-author’s)' },
  { keys: 'Mod-y', description: 'Redo' },
  { keys: 'Mod-Shift-z', description: 'Redo' },
  { keys: 'ArrowDown', description: 'In the list of opening phrases: next phrase (ArrowUp: previous)' },
  { keys: 'Enter', description: 'In the list of opening phrases: take the chosen phrase (also Tab); Escape closes the list' },
]);
