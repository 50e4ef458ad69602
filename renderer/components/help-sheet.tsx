import { useEffect, useRef, useState } from 'react';
import { otherEditorShortcuts, shortcutList } from '../editor/commands/shortcuts.js';
import { negotiationShortcuts } from '../editor/negotiation/negotiation-menu.js';

/** One line of the help sheet: the keys and what they do. */
export type HelpShortcut = { keys: string; action: string };

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/** The shortcuts of the app itself (the page and this sheet), shown after the editor's own. */
export const appShortcuts: readonly HelpShortcut[] = [
  { keys: `${mod}+Plus / ${mod}+Minus`, action: 'Zoom the page in / out' },
  { keys: `${mod}+0`, action: 'Zoom the page back to 100%' },
  { keys: `${mod}+P`, action: 'Print the document (the page only)' },
  { keys: `F1 / ${mod}+/`, action: 'Open this list of shortcuts' },
  { keys: 'Esc', action: 'Close this list' },
];

const keyNames: Readonly<Record<string, string>> = { Mod: mod, ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/** ProseMirror key notation for people: "Mod-Alt-f" -> "Ctrl+Alt+F" ("⌘+Alt+F" on macOS), "Alt-ArrowUp" -> "Alt+↑". */
export function displayKeys(keys: string): string {
  return keys
    .split(/-(?!$)/)
    .map((part) => keyNames[part] ?? (part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

/** The editor's shortcuts (structure first, then quick fix, history and completion, then the facilitator's negotiation actions) as help-sheet lines. */
export const editorShortcuts: readonly HelpShortcut[] = [...shortcutList, ...otherEditorShortcuts, ...negotiationShortcuts].map((s) => ({ keys: displayKeys(s.keys), action: s.description }));

/** True for the keys that open the help sheet: F1 and Mod-/. */
export function isHelpKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return event.key === 'F1' || (event.key === '/' && (event.ctrlKey || event.metaKey) && !event.altKey);
}

/** Props of the help button: the shortcuts to list before the app's own (the editor's by default). */
export type HelpButtonProps = { shortcuts?: readonly HelpShortcut[] };

/**
 * A "?" button and the help sheet it opens: a modal dialog listing the keyboard shortcuts.
 * F1 and Mod-/ open it from anywhere in the app; Esc or Close shuts it and focus returns to
 * where it was.
 */
export function HelpButton({ shortcuts = editorShortcuts }: HelpButtonProps) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isHelpKey(event)) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  const rows = [...shortcuts, ...appShortcuts];
  return (
    <>
      <button type="button" className="button subtle help-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (F1)" onClick={() => setOpen(true)}>
        ?
      </button>
      <dialog ref={dialog} className="dialog help-sheet" aria-labelledby="help-sheet-title" onClose={() => setOpen(false)}>
        <h2 id="help-sheet-title">Keyboard shortcuts</h2>
        <table className="shortcut-table">
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.keys}-${row.action}`}>
                <th scope="row">
                  <kbd>{row.keys}</kbd>
                </th>
                <td>{row.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-actions">
          <button type="button" className="button primary" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
