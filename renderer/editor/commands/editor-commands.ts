import type { Command } from 'prosemirror-state';
import { redoCommand, undoCommand, yUndoPluginKey } from 'y-prosemirror';
import { fixProblemAtCursor } from '../style/quick-fix.js';
import { requestCrossReference } from './cross-reference-commands.js';
import { insertFootnoteAndEdit } from './footnote-commands.js';
import { moveParagraphDown, moveParagraphUp } from './move-commands.js';
import { moveToOperative, moveToPreamble, newOperativeParagraph, newPreambularParagraph } from './part-commands.js';
import { indentParagraph, outdentParagraph } from './subparagraph-commands.js';

/**
 * The editor's commands as the toolbar shows them: a name, the key that runs the same
 * command function in the keymaps (ProseMirror notation) and the command itself. The
 * toolbar only ever runs these functions; it has no editing logic of its own.
 */

/** One toolbar command. `keys` is the shortcut bound to the same function, in ProseMirror notation. */
export type EditorCommand = { id: string; label: string; keys: string; run: Command };

/** Groups of toolbar commands, separated in the toolbar. */
export type EditorCommandGroup = { label: string; commands: readonly EditorCommand[] };

// y-prosemirror's undo/redo commands answer true even with nothing to undo; the toolbar
// needs to know whether there is something, which its undo manager's stacks say.
type Stacks = { undoManager?: { undoStack: unknown[]; redoStack: unknown[] } };
const stacks = (state: Parameters<Command>[0]): Stacks['undoManager'] => (yUndoPluginKey.getState(state) as Stacks | undefined)?.undoManager;

/** Undo of this user's own changes (Mod-z); false when there is nothing to undo. */
export const undo: Command = (state, dispatch, view) => {
  const manager = stacks(state);
  if (!manager || manager.undoStack.length === 0) return false;
  return dispatch ? undoCommand(state, dispatch, view) : true;
};

/** Redo (Mod-y, Mod-Shift-z); false when there is nothing to redo. */
export const redo: Command = (state, dispatch, view) => {
  const manager = stacks(state);
  if (!manager || manager.redoStack.length === 0) return false;
  return dispatch ? redoCommand(state, dispatch, view) : true;
};

/** The toolbar's commands, in groups, in the order they are shown. */
export const editorCommandGroups: readonly EditorCommandGroup[] = [
  {
    label: 'History',
    commands: [
      { id: 'undo', label: 'Undo', keys: 'Mod-z', run: undo },
      { id: 'redo', label: 'Redo', keys: 'Mod-y', run: redo },
    ],
  },
  {
    label: 'Paragraphs',
    commands: [
      { id: 'new-pp', label: 'New preambular paragraph', keys: 'Mod-Alt-p', run: newPreambularParagraph },
      { id: 'new-op', label: 'New operative paragraph', keys: 'Mod-Alt-o', run: newOperativeParagraph },
      { id: 'indent', label: 'Make subparagraph (a) / (i)', keys: 'Tab', run: indentParagraph },
      { id: 'outdent', label: 'Back one level', keys: 'Shift-Tab', run: outdentParagraph },
    ],
  },
  {
    label: 'Move',
    commands: [
      { id: 'move-up', label: 'Move paragraph up', keys: 'Alt-ArrowUp', run: moveParagraphUp },
      { id: 'move-down', label: 'Move paragraph down', keys: 'Alt-ArrowDown', run: moveParagraphDown },
      { id: 'to-preamble', label: 'Move to the preamble', keys: 'Alt-Shift-ArrowUp', run: moveToPreamble },
      { id: 'to-operative', label: 'Move to the operative part', keys: 'Alt-Shift-ArrowDown', run: moveToOperative },
    ],
  },
  {
    label: 'Insert',
    commands: [
      { id: 'footnote', label: 'Insert footnote', keys: 'Mod-Alt-f', run: insertFootnoteAndEdit },
      { id: 'cross-reference', label: 'Insert cross-reference', keys: 'Mod-Alt-r', run: requestCrossReference },
      { id: 'quick-fix', label: 'Quick fix', keys: 'Mod-.', run: fixProblemAtCursor },
    ],
  },
];
