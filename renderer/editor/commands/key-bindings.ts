/**
 * The editor's keymaps: prosemirror-keymap's matching, with one correction. A letter
 * pressed with Shift and Ctrl, Alt or Cmd can arrive as its lowercase key (Caps Lock on,
 * some layouts and input tools): prosemirror-keymap then retries the name without Shift, so
 * Ctrl+Alt+Shift+s ran the binding of Ctrl+Alt+s (suggestion mode on / off) in whichever
 * keymap came first instead of Mod-Alt-Shift-s (paragraph status), and a shifted letter
 * with no binding of its own ran the unshifted one. Here such an event is matched as its
 * uppercase key, exactly as the same keys without Caps Lock are. Every keymap of the
 * editor is made with these functions, never with prosemirror-keymap's directly.
 */
import { keydownHandler as pmKeydownHandler } from 'prosemirror-keymap';
import { Plugin, type Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * `event` as the keymaps should read it: a lowercase letter a-z pressed with Shift and
 * Ctrl, Alt or Meta reads as its uppercase key; any other event is returned as it is.
 * Typing without those modifiers is untouched (Caps Lock and Shift type a lowercase
 * letter), and so are other scripts' letters (AltGr layouts type them with Ctrl+Alt).
 */
export function canonicalKeyEvent(event: KeyboardEvent): KeyboardEvent {
  if (!event.shiftKey || !(event.ctrlKey || event.altKey || event.metaKey) || !/^[a-z]$/.test(event.key)) return event;
  const key = event.key.toUpperCase();
  return new Proxy(event, {
    get: (target, property) => {
      if (property === 'key') return key;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** prosemirror-keymap's `keydownHandler` for `bindings`, reading events through `canonicalKeyEvent`. */
export function keydownHandler(bindings: Record<string, Command>): (view: EditorView, event: KeyboardEvent) => boolean {
  const handle = pmKeydownHandler(bindings);
  return (view, event) => handle(view, canonicalKeyEvent(event));
}

/** prosemirror-keymap's `keymap` plugin for `bindings`, reading events through `canonicalKeyEvent`. */
export function keymap(bindings: Record<string, Command>): Plugin {
  return new Plugin({ props: { handleKeyDown: keydownHandler(bindings) } });
}
