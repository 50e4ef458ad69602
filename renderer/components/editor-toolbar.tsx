import { memo, useState } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { editorCommandGroups } from '../editor/commands/editor-commands.js';
import type { EditorCommand } from '../editor/commands/editor-commands.js';
import { suggestionKey } from '../editor/negotiation/suggestion-plugin.js';
import { ToolbarButton, useIdleRefresh, useRovingFocus } from './toolbar-button.js';
import { t, translatedRecord, useT } from '../i18n/index.js';

/** Props of the editor toolbar: the live editor view, null until it is ready. */
export type EditorToolbarProps = { view: EditorView | null };

const allCommands: readonly EditorCommand[] = editorCommandGroups.flatMap((group) => group.commands);

// Short visible faces; the full name is the accessible label and the tooltip.
const faces: Readonly<Record<string, string>> = translatedRecord(
  ['undo', 'redo', 'new-pp', 'new-op', 'indent', 'outdent', 'move-up', 'move-down', 'to-preamble', 'to-operative', 'footnote', 'cross-reference', 'quick-fix'],
  'app:face.',
);

// Acting as a delegation (suggestion mode) a change is a proposal made by typing: every
// structure command would only be refused with a notice after the click, so it is greyed;
// undoing one's own proposals stays. Reading only, nothing applies.
const suggestionCommands: ReadonlySet<string> = new Set(['undo', 'redo']);

/** Which commands apply in `state`, as a string of 0/1 per command (cheap to compare). */
export function enabledMask(state: EditorState, view?: EditorView): string {
  const mode = suggestionKey.getState(state)?.mode ?? 'edit';
  const offered = (command: EditorCommand) => mode === 'edit' || (mode === 'suggest' && suggestionCommands.has(command.id));
  return allCommands.map((command) => (offered(command) && command.run(state, undefined, view) ? '1' : '0')).join('');
}

export { ariaKeys } from './toolbar-button.js';

// The mask is recomputed off the keystroke's path: when idle, at the latest this long after an update.
const refreshDelayMs = 150;

/**
 * The editing toolbar (role=toolbar): every structure command as a labelled button whose
 * tooltip names its shortcut, greyed out (aria-disabled) where it does not apply. It runs
 * the very command functions the keymaps bind; clicking keeps the editor's selection and
 * focus. One Tab stop: Left/Right (and Home/End) move between its buttons.
 */
export const EditorToolbar = memo(function EditorToolbar({ view }: EditorToolbarProps) {
  // Memoised: subscribe to the interface language so a switch re-renders the faces.
  useT();
  const [mask, setMask] = useState(() => '0'.repeat(allCommands.length));
  const roving = useRovingFocus(allCommands.length);
  useIdleRefresh(view, (v) => setMask(enabledMask(v.state, v)), refreshDelayMs);

  const run = (command: EditorCommand) => {
    if (!view) return;
    command.run(view.state, view.dispatch, view);
    // The picker and the footnote pane take the focus themselves; everything else returns to the text.
    if (command.id !== 'cross-reference' && command.id !== 'footnote') view.focus();
    setMask(enabledMask(view.state, view));
  };

  let index = 0;
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('app:editorToolbar.editing')} onKeyDown={roving.onKeyDown}>
      {editorCommandGroups.map((group) => (
        <div key={group.label} className="toolbar-group" role="group" aria-label={group.label}>
          {group.commands.map((command) => {
            const i = index++;
            return (
              <ToolbarButton
                key={command.id}
                index={i}
                roving={roving}
                id={command.id}
                label={command.label}
                keys={command.keys}
                face={faces[command.id] ?? command.label}
                enabled={mask[i] === '1'}
                onRun={() => run(command)}
              />
            );
          })}
        </div>
      ))}
    </div>
  );
});
