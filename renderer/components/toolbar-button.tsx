import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { EditorView } from 'prosemirror-view';
import { subscribeView } from '../editor/view-listeners.js';
import { displayKeys } from './help-sheet.js';

/**
 * What the editing and negotiation toolbars share: one Tab stop with arrow keys between the
 * buttons (a roving tabindex), a button that keeps the editor's focus and selection, and
 * the refresh of what is enabled off the keystroke's path.
 */

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** ProseMirror key notation as ARIA's aria-keyshortcuts wants it: "Mod-Alt-f" -> "Control+Alt+F". */
export function ariaKeys(keys: string): string {
  return keys
    .split(/-(?!$)/)
    .map((part) => (part === 'Mod' ? (isMac ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

/** The roving tabindex of a toolbar of `count` buttons: see `useRovingFocus`. */
export type RovingFocus = {
  /** The index of the button holding the toolbar's one Tab stop. */
  tabStop: number;
  /** Makes button `index` the Tab stop (after a click or focus). */
  setFocusIndex: (index: number) => void;
  /** The ref callback of button `index`. */
  register: (index: number) => (el: HTMLButtonElement | null) => void;
  /** The toolbar's keydown handler: Left/Right (wrapping), Home/End move the focus between buttons. */
  onKeyDown: (event: KeyboardEvent) => void;
};

/** The roving tabindex of a toolbar whose buttons are indexed 0..count-1 (count may change). */
export function useRovingFocus(count: number): RovingFocus {
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const register = useCallback((index: number) => (el: HTMLButtonElement | null) => {
    buttons.current[index] = el;
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: focusIndex + 1, ArrowLeft: focusIndex - 1, Home: 0, End: count - 1 };
    const next = moves[event.key];
    if (next === undefined || !(event.target instanceof HTMLButtonElement)) return;
    event.preventDefault();
    const wrapped = (next + count) % count;
    setFocusIndex(wrapped);
    buttons.current[wrapped]?.focus();
  };
  return { tabStop: Math.min(focusIndex, count - 1), setFocusIndex, register, onKeyDown };
}

/** Props of a toolbar button: its place in the toolbar's roving focus and what it shows and does. */
export type ToolbarButtonProps = {
  index: number;
  roving: RovingFocus;
  /** The command's id (data-command). */
  id: string;
  /** The full name: accessible label and tooltip. */
  label: string;
  /** Its shortcut in ProseMirror notation, shown in the tooltip and aria-keyshortcuts. */
  keys: string;
  /** The short visible face. */
  face: string;
  enabled: boolean;
  /** For a toggle: whether it is on (aria-pressed); undefined for a plain button. */
  pressed?: boolean;
  onRun: () => void;
};

/**
 * A toolbar button: greyed with aria-disabled (still focusable) where its command does not
 * apply, and pressing it never takes the focus or selection from the editor.
 */
export function ToolbarButton({ index, roving, id, label, keys, face, enabled, pressed, onRun }: ToolbarButtonProps) {
  return (
    <button
      ref={roving.register(index)}
      type="button"
      className="toolbar-button"
      data-command={id}
      aria-label={label}
      aria-keyshortcuts={ariaKeys(keys)}
      aria-disabled={!enabled}
      aria-pressed={pressed}
      title={`${label} (${displayKeys(keys)})`}
      tabIndex={index === roving.tabStop ? 0 : -1}
      onMouseDown={(e) => e.preventDefault()}
      onFocus={() => roving.setFocusIndex(index)}
      onClick={() => {
        roving.setFocusIndex(index);
        if (enabled) onRun();
      }}
    >
      {face}
    </button>
  );
}

/**
 * Calls `refresh` now and after the editor's updates, when the page is idle (between
 * keystrokes) and at most `delayMs` later, at most once per idle period. Returns the
 * unsubscribe function.
 */
export function subscribeWhenIdle(view: EditorView, refresh: () => void, delayMs: number): () => void {
  let pending = false;
  let cancel = () => {};
  const run = () => {
    pending = false;
    if (!view.isDestroyed) refresh();
  };
  const unsubscribe = subscribeView(view, () => {
    if (pending) return;
    pending = true;
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run, { timeout: delayMs });
      cancel = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(run, delayMs);
      cancel = () => clearTimeout(handle);
    }
  });
  run();
  return () => {
    unsubscribe();
    cancel();
  };
}

/** `subscribeWhenIdle` as an effect on `view` (nothing while it is null). */
export function useIdleRefresh(view: EditorView | null, refresh: (view: EditorView) => void, delayMs: number): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => (view ? subscribeWhenIdle(view, () => latest.current(view), delayMs) : undefined), [view, delayMs]);
}
