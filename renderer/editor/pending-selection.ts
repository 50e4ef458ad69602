/**
 * A key acts where the caret is on screen, even when the browser has not yet told ProseMirror
 * that the caret moved. Chromium announces a selection it moved itself (a click, Ctrl+End,
 * Home, Page Down: keys ProseMirror leaves to the browser) with a `selectionchange` event
 * queued as an ordinary task, and ProseMirror reads the new selection only then. Input events
 * outrank that task: while the page is busy (a redraw after the click, a loaded machine), the
 * keydown of a fast typist's next key runs first, and its command acts on the selection
 * ProseMirror still holds. Click in OP 1, Ctrl+End, Enter: the Enter split OP 1 at the click
 * instead of adding a paragraph at the end (seen in 9 of 10 tries in the Arabic e2e's
 * document under load). This plugin reads such a pending selection before any key command
 * runs, by handing ProseMirror the `selectionchange` the browser owes it, early.
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * Makes `view`'s state hold the selection the browser shows, when the browser moved it and
 * has not announced it yet (a no-op otherwise, and when another element has the focus).
 * ProseMirror's own `selectionchange` handler does the reading, so what it ignores (a
 * selection outside the editor, inside a widget, while a drag is under way) stays ignored;
 * the browser's own event, when it comes, then finds nothing new.
 */
export function readPendingSelection(view: EditorView): void {
  if (view.isDestroyed || !view.hasFocus()) return;
  view.dom.ownerDocument.dispatchEvent(new Event('selectionchange'));
}

type SelectionPoints = { anchorNode: Node | null; anchorOffset: number; focusNode: Node | null; focusOffset: number };

const samePoints = (a: SelectionPoints, b: SelectionPoints): boolean =>
  a.anchorNode === b.anchorNode && a.anchorOffset === b.anchorOffset && a.focusNode === b.focusNode && a.focusOffset === b.focusOffset;

/**
 * The plugin that reads a pending selection (`readPendingSelection`) at every keydown outside
 * an input method's composition, before any plugin's key handler or keymap sees the key.
 * Place it first among the editor's plugins. It notes where the DOM selection stood after
 * each update of the view, so a keydown that finds it there (typing on, the common case)
 * costs four comparisons, not an event.
 */
export function pendingSelectionPlugin(): Plugin {
  let seen: SelectionPoints = { anchorNode: null, anchorOffset: 0, focusNode: null, focusOffset: 0 };
  const note = (view: EditorView) => {
    const selection = view.dom.ownerDocument.getSelection();
    if (selection) seen = { anchorNode: selection.anchorNode, anchorOffset: selection.anchorOffset, focusNode: selection.focusNode, focusOffset: selection.focusOffset };
  };
  return new Plugin({
    view: (view) => {
      note(view);
      return { update: note };
    },
    props: {
      handleDOMEvents: {
        keydown: (view, event) => {
          // While composing, the input method owns the keys and the selection (ProseMirror
          // reads neither for keyCode 229 either).
          if (event.isComposing || event.keyCode === 229 || view.composing) return false;
          const selection = view.dom.ownerDocument.getSelection();
          if (selection && !samePoints(selection, seen)) readPendingSelection(view);
          return false;
        },
      },
    },
  });
}
