import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import * as Y from 'yjs';
import { resolutionSchema } from '../../../../schemas/resolution-schema.js';
import { buildDocument } from '../../../../shared/document/build.js';
import { canonicalKeyEvent } from '../../../../renderer/editor/commands/key-bindings.js';
import { editorPlugins } from '../../../../renderer/editor/create-editor.js';
import { paragraphStatusRequestEvent } from '../../../../renderer/editor/negotiation/status-margin.js';
import { suggestionKey } from '../../../../renderer/editor/negotiation/suggestion-plugin.js';

type Pressed = { handled: boolean; statusOf: string[]; metas: unknown[] };

// The editor's plugins in their real order, behind a stand-in view with what their key
// handlers use; a key goes through every handleKeyDown until one handles it, as in EditorView.
function editor() {
  const doc = buildDocument({ title: 'T', body: 'The General Assembly,', operative: ['Decides to remain seized of the matter.'] });
  let state = EditorState.create({ schema: resolutionSchema, doc, plugins: editorPlugins(new Y.Doc()) });
  let inOp = 0;
  let opId = '';
  state.doc.descendants((node, pos) => {
    if (inOp > 0 || node.type.name !== 'operative_paragraph') return;
    inOp = pos + 3;
    opId = String(node.attrs.id);
  });
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inOp)));
  const dom = new EventTarget();
  const statusOf: string[] = [];
  dom.addEventListener(paragraphStatusRequestEvent, (e) => statusOf.push((e as CustomEvent<{ id: string }>).detail.id));
  const metas: unknown[] = [];
  const view = {
    get state() {
      return state;
    },
    dispatch(tr: Transaction) {
      metas.push(tr.getMeta(suggestionKey));
      state = state.apply(tr);
    },
    dom,
    focus() {},
  } as unknown as EditorView;
  return {
    opId,
    press(init: KeyboardEventInit & { keyCode: number }): Pressed {
      statusOf.length = 0;
      metas.length = 0;
      const event = { type: 'keydown', isComposing: false, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...init } as unknown as KeyboardEvent;
      const handled = state.plugins.some((plugin) => plugin.props.handleKeyDown?.call(plugin, view, event) === true);
      return { handled, statusOf: [...statusOf], metas: metas.filter((m) => m !== undefined) };
    },
  };
}

const S = 83;
const P = 80;

describe('the editor keymaps and a shifted letter delivered in lowercase', () => {
  it('Ctrl+Alt+Shift+s opens the paragraph status as Ctrl+Alt+Shift+S does, and leaves suggestion mode alone', () => {
    for (const key of ['S', 's']) {
      const tried = editor();
      expect(tried.press({ key, keyCode: S, ctrlKey: true, altKey: true, shiftKey: true }), key).toEqual({ handled: true, statusOf: [tried.opId], metas: [] });
    }
  });

  it('Ctrl+Alt+s still toggles suggestion mode and opens no status', () => {
    const pressed = editor().press({ key: 's', keyCode: S, ctrlKey: true, altKey: true });
    expect(pressed.handled).toBe(true);
    expect(pressed.statusOf).toEqual([]);
    expect(pressed.metas).toEqual([{ toggle: true }]);
  });

  it('a shifted letter with no binding of its own does nothing, lowercase or not (Ctrl+Alt+Shift+p is not a new PP)', () => {
    const upper = editor().press({ key: 'P', keyCode: P, ctrlKey: true, altKey: true, shiftKey: true });
    const lower = editor().press({ key: 'p', keyCode: P, ctrlKey: true, altKey: true, shiftKey: true });
    expect(upper.handled).toBe(false);
    expect(lower.handled).toBe(false);
  });
});

describe('canonicalKeyEvent', () => {
  const event = (init: Partial<KeyboardEvent>) => ({ shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...init }) as KeyboardEvent;

  it('reads a lowercase letter with Shift and a command modifier as uppercase, keeping the rest of the event', () => {
    for (const mods of [{ ctrlKey: true }, { altKey: true }, { metaKey: true }]) {
      const read = canonicalKeyEvent(event({ key: 's', shiftKey: true, keyCode: S, ...mods }));
      expect(read.key).toBe('S');
      expect(read.keyCode).toBe(S);
      expect(read.shiftKey).toBe(true);
    }
  });

  it('leaves typing (Caps Lock with Shift), other scripts and unshifted keys as they are', () => {
    for (const init of [{ key: 's', shiftKey: true }, { key: 'ś', shiftKey: true, ctrlKey: true, altKey: true }, { key: 's', ctrlKey: true }, { key: 'Enter', shiftKey: true, ctrlKey: true }]) {
      const original = event(init);
      expect(canonicalKeyEvent(original)).toBe(original);
    }
  });
});
