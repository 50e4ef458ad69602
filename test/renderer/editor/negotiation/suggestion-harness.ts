import { Fragment, Slice, type Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { configureSuggestion, suggestionKey, suggestionPlugin } from '../../../../renderer/editor/negotiation/suggestion-plugin.js';

/** A suggestion-mode editor driven as a user would: typing, keys, selections. */
export type SuggestionEditor = {
  view: EditorView;
  readonly state: EditorState;
  /** How many dispatched transactions changed the document (each proposal must be one). */
  docChanges(): number;
  select(from: number, to?: number): void;
  /** Types `text` one character at a time through the plugin's handleTextInput. */
  type(text: string): void;
  /** Presses a key through the plugin's handleKeyDown; true when the plugin handled it. */
  key(key: string, mods?: Partial<KeyboardEvent>): boolean;
  /** Pastes `text` through the plugin's handlePaste. */
  paste(text: string): boolean;
  /** The last notice shown ('' when none). */
  notice(): string;
};

/**
 * An editor state with the suggestion plugin, in suggestion mode as `delegation`, behind a
 * stand-in for EditorView that has what the plugin's props use (`state`, `dispatch`).
 * `onChange` sees every dispatched transaction that changed the document, with the state before.
 */
export function suggestionEditor(doc: Node, delegation = 'CAN', onChange?: (before: EditorState, tr: Transaction) => void): SuggestionEditor {
  const plugin = suggestionPlugin();
  let state = EditorState.create({ doc, plugins: [plugin] });
  const dispatched: Transaction[] = [];
  const view = {
    get state() {
      return state;
    },
    dispatch(tr: Transaction) {
      const before = state;
      state = state.apply(tr);
      if (tr.docChanged && state !== before) {
        dispatched.push(tr);
        onChange?.(before, tr);
      }
    },
    focus() {},
  } as unknown as EditorView;
  configureSuggestion(view, { mode: 'suggest', delegation });
  const props = plugin.props;
  return {
    view,
    get state() {
      return state;
    },
    docChanges: () => dispatched.length,
    select(from, to = from) {
      view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
    },
    type(text) {
      for (const ch of text) {
        const { from, to } = state.selection;
        const handled = props.handleTextInput!.call(plugin, view, from, to, ch, () => state.tr.insertText(ch, from, to));
        if (!handled) view.dispatch(state.tr.insertText(ch, from, to));
      }
    },
    key(key, mods = {}) {
      return !!props.handleKeyDown!.call(plugin, view, { key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...mods } as KeyboardEvent);
    },
    paste(text) {
      const fake = { preventDefault() {} } as unknown as ClipboardEvent;
      return !!props.handlePaste!.call(plugin, view, fake, new Slice(Fragment.from(state.schema.text(text)), 0, 0));
    },
    notice: () => suggestionKey.getState(state)?.notice?.text ?? '',
  };
}
