import { baseKeymap } from 'prosemirror-commands';
import { keymap } from './commands/key-bindings.js';
import { EditorState } from 'prosemirror-state';
import type { Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { redoCommand, undoCommand, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type * as Y from 'yjs';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { readHeader } from '../../shared/document/header.js';
import { textDirection } from '../../shared/document/labels-direction.js';
import { prosemirrorFragment } from '../../shared/ydoc.js';
import { authorshipPlugin } from './authorship-plugin.js';
import { caretParagraphPlugin } from './caret-paragraph.js';
import { documentEndsKeymap } from './commands/document-ends.js';
import { structureKeymap } from './commands/keymap.js';
import { negotiationKeymap } from './negotiation/negotiation-commands.js';
import { negotiationActionKeymap } from './negotiation/negotiation-menu.js';
import { paragraphBracketsPlugin } from './negotiation/paragraph-brackets-plugin.js';
import { statusKeymap, statusMarginPlugin } from './negotiation/status-margin.js';
import { suggestionPlugin } from './negotiation/suggestion-plugin.js';
import { uniqueIdsPlugin } from './commands/unique-ids.js';
import { afterNextPaint } from '../document/after-paint.js';
import { createFootnoteView } from './footnotes.js';
import { createHeaderView, headerPlugin } from './header-view.js';
import { numberingKey, numberingPlugin } from './numbering-plugin.js';
import { pendingSelectionPlugin } from './pending-selection.js';
import { placeholderPlugin } from './placeholder-plugin.js';
import { presencePlugin } from './presence-plugin.js';
import { interfaceLanguagePlugin } from '../i18n/editor-language.js';
import { stylePlugins } from './style/style-plugins.js';
import { viewListenersPlugin } from './view-listeners.js';
import { ySyncSubtreePlugin } from './y-sync-subtree.js';
// Right-to-left rules of the page (dir comes from the document's language; see editorAttributes).
import '../styles/rtl.css';

/**
 * The ProseMirror editor of one document, bound to a Y.Doc: y-prosemirror keeps the
 * editor and the Y.Doc's fragment in step (both ways), its undo manager gives undo/redo of
 * this user's own changes only, and the numbering plugin draws computed labels.
 */

/** What the editor needs: the document's replica, its accessible name, and a change callback. */
export type EditorOptions = {
  ydoc: Y.Doc;
  /** The editor's accessible name, e.g. "Document text: Equal access to justice". */
  label: string;
  /**
   * Called with the current state after transactions that changed the document or its
   * numbering base (negotiation): at once for changes made outside the editor's text, and
   * once the frame showing them has been painted while the user types in it.
   */
  onDocChange?: (state: EditorState) => void;
  /** Called once the Y.Doc's content has been rendered (until then the view holds a placeholder document). */
  onFirstRender?: () => void;
};

/**
 * The plugins of the document editor, in order (sync first of those with a state, so it sees every transaction).
 * `onFirstRender` runs once the fragment's content has replaced the placeholder document.
 */
export function editorPlugins(ydoc: Y.Doc, onFirstRender: () => void = () => {}): Plugin[] {
  return [
    // First of all: a key acts on the selection the browser shows, read before any key handler.
    pendingSelectionPlugin(),
    ySyncPlugin(prosemirrorFragment(ydoc), { onFirstRender }),
    // A keystroke is written to the Y.Doc through the one paragraph it changed.
    ySyncSubtreePlugin(),
    yUndoPlugin(),
    // Before every keymap and paste handler: in suggestion mode edits become proposals.
    suggestionPlugin(),
    ...stylePlugins(),
    keymap({ 'Mod-z': undoCommand, 'Mod-y': redoCommand, 'Mod-Shift-z': redoCommand }),
    negotiationKeymap(),
    negotiationActionKeymap(),
    statusKeymap(),
    ...structureKeymap(),
    documentEndsKeymap(),
    uniqueIdsPlugin(),
    keymap(baseKeymap),
    numberingPlugin(),
    paragraphBracketsPlugin(),
    caretParagraphPlugin(),
    statusMarginPlugin(),
    placeholderPlugin(),
    headerPlugin(),
    authorshipPlugin(ydoc),
    // Redraws the plugins' interface text (tooltips, status labels) when the interface language changes.
    interfaceLanguagePlugin(),
    presencePlugin(),
    viewListenersPlugin(),
  ];
}

/**
 * The editor's root attributes for `state`: a labelled multi-line textbox in the document's
 * language, right to left when that language is written so (`textDirection`: Arabic).
 */
export function editorAttributes(state: EditorState, label: string): Record<string, string> {
  const language = readHeader(state.doc).language;
  return {
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    lang: language,
    dir: textDirection(language),
    class: 'ph-document',
    spellcheck: 'true',
  };
}

/**
 * Mounts an editor for `options.ydoc` into `mount` and returns its view; the caller
 * destroys it (`view.destroy()`) before destroying the Y.Doc. y-prosemirror renders the
 * Y.Doc's content while the view is constructed, then calls `onFirstRender`.
 */
export function createEditor(mount: HTMLElement, options: EditorOptions): EditorView {
  const state = EditorState.create({ schema: resolutionSchema, plugins: editorPlugins(options.ydoc, options.onFirstRender) });
  // While the user types in the editor, the panels that follow the document (outline,
  // footnotes, title) are told once the frame showing the keystroke has been painted, with
  // the state current then, so their work never delays the typed character. A change made
  // anywhere else (the footnote pane's or the details panel's text boxes are controlled by
  // what this reports) is told at once: a late report would put back the box's old text.
  let flushPending: (() => void) | null = null;
  const notify = (view: EditorView) => {
    if (!options.onDocChange) return;
    if (!view.hasFocus()) {
      if (flushPending) flushPending();
      else options.onDocChange(view.state);
      return;
    }
    flushPending ??= afterNextPaint(() => {
      flushPending = null;
      if (!view.isDestroyed) options.onDocChange?.(view.state);
    });
  };
  return new EditorView(mount, {
    state,
    nodeViews: { header: createHeaderView, footnote: createFootnoteView },
    attributes: (current) => editorAttributes(current, options.label),
    // `this`, not a captured variable: y-prosemirror dispatches its first render while the
    // EditorView constructor is still running.
    dispatchTransaction(this: EditorView, tr) {
      this.updateState(this.state.apply(tr));
      if (tr.docChanged || tr.getMeta(numberingKey) !== undefined) notify(this);
    },
  });
}
