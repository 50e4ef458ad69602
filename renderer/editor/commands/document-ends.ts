/**
 * Ctrl+End and Ctrl+Home (Cmd+Down and Cmd+Up on a Mac) done by the editor, not the browser.
 * Top-level paragraphs skip their layout off screen (`content-visibility: auto`, document.css),
 * and Chromium, moving the caret to the end of the document, cannot enter a paragraph it has
 * not laid out: the caret landed at the START of the last paragraph of a long resolution, so
 * the Enter that followed added an empty paragraph before it. As commands they put the
 * caret where the document ends or starts in its model, and the caret-paragraph plugin lays
 * that paragraph out in the same update, so it can be scrolled to.
 */
import { Selection, TextSelection, type Command } from 'prosemirror-state';
import { keymap } from './key-bindings.js';
import type { Plugin } from 'prosemirror-state';

/** Puts the caret at the end of the document's last text (or selects from the anchor to there with `extend`), scrolled into view. */
export function documentEnd(extend = false): Command {
  return (state, dispatch) => {
    const end = Selection.atEnd(state.doc);
    const selection = extend ? TextSelection.between(state.selection.$anchor, end.$head) : end;
    dispatch?.(state.tr.setSelection(selection).scrollIntoView());
    return true;
  };
}

/** Puts the caret at the start of the document's first text (or selects from the anchor to there with `extend`), scrolled into view. */
export function documentStart(extend = false): Command {
  return (state, dispatch) => {
    const start = Selection.atStart(state.doc);
    const selection = extend ? TextSelection.between(state.selection.$anchor, start.$head) : start;
    dispatch?.(state.tr.setSelection(selection).scrollIntoView());
    return true;
  };
}

/**
 * The document-ends bindings for a platform: Ctrl+End / Ctrl+Home (with Shift: select) on
 * every platform, and Cmd+Down / Cmd+Up on a Mac, where those keys mean the same.
 */
export function documentEndsBindings(mac: boolean): Record<string, Command> {
  const bindings: Record<string, Command> = {
    'Ctrl-End': documentEnd(),
    'Ctrl-Home': documentStart(),
    'Shift-Ctrl-End': documentEnd(true),
    'Shift-Ctrl-Home': documentStart(true),
  };
  if (mac) {
    Object.assign(bindings, {
      'Meta-ArrowDown': documentEnd(),
      'Meta-ArrowUp': documentStart(),
      'Shift-Meta-ArrowDown': documentEnd(true),
      'Shift-Meta-ArrowUp': documentStart(true),
    });
  }
  return bindings;
}

/** The keymap of `documentEndsBindings` for this browser's platform. */
export function documentEndsKeymap(): Plugin {
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return keymap(documentEndsBindings(mac));
}
