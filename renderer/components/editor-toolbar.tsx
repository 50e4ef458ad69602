import { memo, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { editorCommandGroups } from '../editor/commands/editor-commands.js';
import type { EditorCommand } from '../editor/commands/editor-commands.js';
import { suggestionKey } from '../editor/negotiation/suggestion-plugin.js';
import { subscribeView } from '../editor/view-listeners.js';
import { displayKeys } from './help-sheet.js';

/** Props of the editor toolbar: the live editor view, null until it is ready. */
export type EditorToolbarProps = { view: EditorView | null };

const allCommands: readonly EditorCommand[] = editorCommandGroups.flatMap((group) => group.commands);

// Short visible faces; the full name is the accessible label and the tooltip.
const faces: Readonly<Record<string, string>> = {
  undo: '↶ Undo',
  redo: '↷ Redo',
  'new-pp': '+ PP',
  'new-op': '+ OP',
  indent: '→ (a)',
  outdent: '← Out',
  'move-up': '↑',
  'move-down': '↓',
  'to-preamble': '⇡ Preamble',
  'to-operative': '⇣ Operative',
  footnote: 'Footnote',
  'cross-reference': '¶ Reference',
  'quick-fix': '✓ Fix',
};

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

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** ProseMirror key notation as ARIA's aria-keyshortcuts wants it: "Mod-Alt-f" -> "Control+Alt+F". */
export function ariaKeys(keys: string): string {
  return keys
    .split(/-(?!$)/)
    .map((part) => (part === 'Mod' ? (isMac ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

// The mask is recomputed off the keystroke's path: when idle, at the latest this long after an update.
const refreshDelayMs = 150;

/**
 * The editing toolbar (role=toolbar): every structure command as a labelled button whose
 * tooltip names its shortcut, greyed out (aria-disabled) where it does not apply. It runs
 * the very command functions the keymaps bind; clicking keeps the editor's selection and
 * focus. One Tab stop: Left/Right (and Home/End) move between its buttons.
 */
export const EditorToolbar = memo(function EditorToolbar({ view }: EditorToolbarProps) {
  const [mask, setMask] = useState(() => '0'.repeat(allCommands.length));
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!view) return;
    let pending = false;
    let cancel = () => {};
    const refresh = () => {
      pending = false;
      if (!view.isDestroyed) setMask(enabledMask(view.state, view));
    };
    const unsubscribe = subscribeView(view, () => {
      if (pending) return;
      pending = true;
      // When the page is idle (between keystrokes), at most `refreshDelayMs` later.
      if (typeof requestIdleCallback === 'function') {
        const handle = requestIdleCallback(refresh, { timeout: refreshDelayMs });
        cancel = () => cancelIdleCallback(handle);
      } else {
        const handle = setTimeout(refresh, refreshDelayMs);
        cancel = () => clearTimeout(handle);
      }
    });
    refresh();
    return () => {
      unsubscribe();
      cancel();
    };
  }, [view]);

  const run = (command: EditorCommand, index: number) => {
    setFocusIndex(index);
    if (!view || mask[index] !== '1') return;
    command.run(view.state, view.dispatch, view);
    // The picker and the footnote pane take the focus themselves; everything else returns to the text.
    if (command.id !== 'cross-reference' && command.id !== 'footnote') view.focus();
    setMask(enabledMask(view.state, view));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const last = allCommands.length - 1;
    const moves: Record<string, number> = { ArrowRight: focusIndex + 1, ArrowLeft: focusIndex - 1, Home: 0, End: last };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const wrapped = (next + allCommands.length) % allCommands.length;
    setFocusIndex(wrapped);
    buttons.current[wrapped]?.focus();
  };

  let index = 0;
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Editing" onKeyDown={onKeyDown}>
      {editorCommandGroups.map((group) => (
        <div key={group.label} className="toolbar-group" role="group" aria-label={group.label}>
          {group.commands.map((command) => {
            const i = index++;
            const enabled = mask[i] === '1';
            return (
              <button
                key={command.id}
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                type="button"
                className="toolbar-button"
                data-command={command.id}
                aria-label={command.label}
                aria-keyshortcuts={ariaKeys(command.keys)}
                aria-disabled={!enabled}
                title={`${command.label} (${displayKeys(command.keys)})`}
                tabIndex={i === focusIndex ? 0 : -1}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => run(command, i)}
              >
                {faces[command.id] ?? command.label}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
});
