import { Plugin } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * Lets components outside the editor (the toolbar, the footnote pane) follow its state
 * without the document view re-rendering per transaction: a plugin view calls the
 * listeners subscribed to a view after every update, selection changes included.
 */

type Listener = (state: EditorState) => void;
const listeners = new WeakMap<EditorView, Set<Listener>>();

/**
 * Calls `listener` with `view`'s state now and after every update of the view (document
 * or selection); returns the unsubscribe function.
 */
export function subscribeView(view: EditorView, listener: Listener): () => void {
  let set = listeners.get(view);
  if (!set) listeners.set(view, (set = new Set()));
  set.add(listener);
  listener(view.state);
  return () => set.delete(listener);
}

/** The plugin that notifies `subscribeView` listeners; one per editor. */
export function viewListenersPlugin(): Plugin {
  return new Plugin({
    view: () => ({
      update: (view, prevState) => {
        if (view.state === prevState) return;
        for (const listener of listeners.get(view) ?? []) listener(view.state);
      },
    }),
  });
}
