import type { Command } from 'prosemirror-state';
import { redoCommand, undoCommand, yUndoPluginKey } from 'y-prosemirror';
import { fixProblemAtCursor } from '../style/quick-fix.js';
import { requestCrossReference } from './cross-reference-commands.js';
import { insertFootnoteAndEdit } from './footnote-commands.js';
import { moveParagraphDown, moveParagraphUp } from './move-commands.js';
import { moveToOperative, moveToPreamble, newOperativeParagraph, newPreambularParagraph } from './part-commands.js';
import { indentParagraph, outdentParagraph } from './subparagraph-commands.js';
import { t } from '../../i18n/index.js';

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

/** The toolbar's commands, in groups, in the order they are shown; names are read in the interface language when read. */
export const editorCommandGroups: readonly EditorCommandGroup[] = [
  {
    get label() {
      return t('editor:commands.groups.history');
    },
    commands: [
      { id: 'undo', get label() { return t('editor:commands.undo'); }, keys: 'Mod-z', run: undo },
      { id: 'redo', get label() { return t('editor:commands.redo'); }, keys: 'Mod-y', run: redo },
    ],
  },
  {
    get label() {
      return t('editor:commands.groups.paragraphs');
    },
    commands: [
      { id: 'new-pp', get label() { return t('editor:commands.newPp'); }, keys: 'Mod-Alt-p', run: newPreambularParagraph },
      { id: 'new-op', get label() { return t('editor:commands.newOp'); }, keys: 'Mod-Alt-o', run: newOperativeParagraph },
      { id: 'indent', get label() { return t('editor:commands.indent'); }, keys: 'Tab', run: indentParagraph },
      { id: 'outdent', get label() { return t('editor:commands.outdent'); }, keys: 'Shift-Tab', run: outdentParagraph },
    ],
  },
  {
    get label() {
      return t('editor:commands.groups.move');
    },
    commands: [
      { id: 'move-up', get label() { return t('editor:commands.moveUp'); }, keys: 'Alt-ArrowUp', run: moveParagraphUp },
      { id: 'move-down', get label() { return t('editor:commands.moveDown'); }, keys: 'Alt-ArrowDown', run: moveParagraphDown },
      { id: 'to-preamble', get label() { return t('editor:commands.toPreamble'); }, keys: 'Alt-Shift-ArrowUp', run: moveToPreamble },
      { id: 'to-operative', get label() { return t('editor:commands.toOperative'); }, keys: 'Alt-Shift-ArrowDown', run: moveToOperative },
    ],
  },
  {
    get label() {
      return t('editor:commands.groups.insert');
    },
    commands: [
      { id: 'footnote', get label() { return t('editor:commands.footnote'); }, keys: 'Mod-Alt-f', run: insertFootnoteAndEdit },
      { id: 'cross-reference', get label() { return t('editor:commands.crossReference'); }, keys: 'Mod-Alt-r', run: requestCrossReference },
      { id: 'quick-fix', get label() { return t('editor:commands.quickFix'); }, keys: 'Mod-.', run: fixProblemAtCursor },
    ],
  },
];
