import { keydownHandler } from '../commands/key-bindings.js';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { isNotice, prepareComposition, stripPlaceholders, suggestDelete, suggestParagraph, suggestText, type SuggestionResult } from '../../../shared/negotiation/suggestion-ops.js';
import { t } from '../../i18n/index.js';
import { shownNotice } from '../../i18n/notices.js';

/**
 * Suggestion mode in the editor: while it is on, the user acts as a delegation and every
 * edit becomes a proposal in its name (shared/negotiation/suggestion-ops.ts says what each
 * key becomes), so the host's role check accepts it. Typing, Backspace/Delete, Enter, paste
 * and cut are turned into proposals by the props below, before any keymap sees them; any
 * other change to the document (moving paragraphs, status, agree/drop, toolbar, footnotes)
 * is refused by `filterTransaction` with a polite notice, so no update the host would refuse
 * ever leaves the editor. Remote changes and undo/redo (dispatched by y-prosemirror) pass.
 * In 'read-only' mode (an observer) the editor is not editable at all.
 *
 * IME composition: turning the first composed characters into a bracket would redraw the
 * text under composition and the browser would lose track of it (a stray first letter was
 * left behind). So on `compositionstart` outside an own proposal the cursor first moves into
 * an adjacent own bracket, or a new own bracket holding a zero-width placeholder is made
 * (a replacement over a selection); the composition then happens inside the delegation's own
 * bracket as ordinary typing, and the placeholder is removed once the composition ended.
 */

/** What the editor does with edits: ordinary editing, proposals as a delegation, or nothing (observer). */
export type SuggestionMode = 'edit' | 'suggest' | 'read-only';

/**
 * The plugin's state: `mode`; `delegation`, the code proposals are made in (from the
 * consultation or the profile); `locked`, the mode is imposed by the consultation role and the
 * toggle cannot change it; `notice`, the last refusal explained (with a serial so the same
 * sentence twice still shows).
 */
export type SuggestionState = { mode: SuggestionMode; delegation: string; locked: boolean; notice: { text: string; serial: number } | null };

/** The plugin key; `suggestionKey.getState(state)` reads the mode. */
export const suggestionKey = new PluginKey<SuggestionState>('suggestion');

type Meta = { config?: Partial<Omit<SuggestionState, 'notice'>>; notice?: string; toggle?: true; proposal?: true };

/** The polite line shown when a delegation tries what only the facilitator does, in the interface language. */
export const facilitatorOnly = (): string => t('editor:suggestion.facilitatorOnly');

/**
 * Why a facilitator action that only asks for input first (status, attribution, an
 * alternative's text, a merge) is refused in `state`, or '' while editing as the facilitator:
 * acting as a delegation or observing, the dialog would only end in a refused change.
 */
export function facilitatorRefusal(state: EditorState, what: string): string {
  const mode = suggestionKey.getState(state)?.mode ?? 'edit';
  if (mode === 'read-only') return t('editor:suggestion.observerRefusal', { what });
  if (mode === 'suggest') return t('editor:suggestion.delegationRefusal', { what });
  return '';
}

/** Sets mode, delegation and lock (the document view does this from the consultation role and the profile). */
export function configureSuggestion(view: EditorView, config: Partial<Omit<SuggestionState, 'notice'>>): void {
  view.dispatch(view.state.tr.setMeta(suggestionKey, { config } satisfies Meta));
}

/** Turns suggestion mode on or off (not when locked, not without a delegation: then a notice says why). */
export function toggleSuggestion(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(suggestionKey, { toggle: true } satisfies Meta));
}

/** Shows `text` as the editor's notice. */
export function showSuggestionNotice(view: EditorView, text: string): void {
  view.dispatch(view.state.tr.setMeta(suggestionKey, { notice: text } satisfies Meta));
}

const initial: SuggestionState = { mode: 'edit', delegation: '', locked: false, notice: null };

function next(value: SuggestionState, meta: Meta): SuggestionState {
  let out = value;
  if (meta.config) out = { ...out, ...meta.config };
  const say = (text: string) => ({ text, serial: (out.notice?.serial ?? 0) + 1 });
  if (meta.toggle) {
    if (out.locked) out = { ...out, notice: say(out.mode === 'read-only' ? t('editor:suggestion.readOnly') : t('editor:suggestion.locked')) };
    else if (out.mode === 'suggest') out = { ...out, mode: 'edit' };
    else if (out.delegation === '') out = { ...out, notice: say(t('editor:suggestion.noDelegation')) };
    else out = { ...out, mode: 'suggest' };
  }
  if (meta.notice) out = { ...out, notice: say(meta.notice) };
  return out;
}

// Dispatches a proposal (one transaction, so one undo step) or shows why there is none.
function run(view: EditorView, result: SuggestionResult): true {
  if (isNotice(result)) showSuggestionNotice(view, shownNotice(result.notice));
  else view.dispatch(result.setMeta(suggestionKey, { proposal: true } satisfies Meta).scrollIntoView());
  return true;
}

const suggesting = (state: EditorState): SuggestionState | null => {
  const s = suggestionKey.getState(state);
  return s && s.mode === 'suggest' && s.delegation !== '' ? s : null;
};

// Which changes may pass while suggesting or read-only: ours, y-prosemirror's (remote
// changes, undo/redo, first render) and what plugins append to an accepted change.
function allowed(tr: Transaction): boolean {
  if (!tr.docChanged) return true;
  const meta = tr.getMeta(suggestionKey) as Meta | undefined;
  return !!meta?.proposal || tr.getMeta(ySyncPluginKey) !== undefined || tr.getMeta('appendedTransaction') !== undefined;
}

// prosemirror-keymap's matching (Cmd-Option-S on macOS gives key 'ß'; its key code is still S).
const toggleKey = keydownHandler({
  'Mod-Alt-s': (_state, _dispatch, view) => {
    if (view) toggleSuggestion(view);
    return true;
  },
});

/** The suggestion-mode plugin (see the module comment); placed before every keymap of the editor. */
export function suggestionPlugin(): Plugin<SuggestionState> {
  let current: EditorView | null = null;
  // A composition started on a placeholder that must go once it ends.
  let placeholder = false;
  return new Plugin<SuggestionState>({
    key: suggestionKey,
    state: {
      init: () => initial,
      apply: (tr, value) => {
        const meta = tr.getMeta(suggestionKey) as Meta | undefined;
        return meta ? next(value, meta) : value;
      },
    },
    view(view) {
      current = view;
      return { destroy: () => void (current = null) };
    },
    filterTransaction(tr, state) {
      const s = suggestionKey.getState(state);
      if (!s || s.mode === 'edit' || allowed(tr)) return true;
      const view = current;
      const text = s.mode === 'read-only' ? t('editor:suggestion.readOnly') : tr.getMeta('uiEvent') === 'cut' ? '' : facilitatorOnly();
      // A cut copies, then deletes: the deletion becomes a deletion proposal instead.
      if (view && tr.getMeta('uiEvent') === 'cut' && s.mode === 'suggest') queueMicrotask(() => run(view, suggestDelete(view.state, s.delegation, true)));
      else if (view && text) queueMicrotask(() => showSuggestionNotice(view, text));
      return false;
    },
    props: {
      editable: (state) => suggestionKey.getState(state)?.mode !== 'read-only',
      handleTextInput(view, from, to, text) {
        const s = suggesting(view.state);
        return s ? run(view, suggestText(view.state, s.delegation, from, to, text)) : false;
      },
      handleKeyDown(view, event) {
        if (toggleKey(view, event)) return true;
        const s = suggesting(view.state);
        if (!s || event.isComposing) return false;
        if (event.key === 'Backspace' || event.key === 'Delete') {
          // Ctrl (Option on macOS) with Backspace/Delete takes a word.
          return run(view, suggestDelete(view.state, s.delegation, event.key === 'Backspace', event.ctrlKey || event.altKey));
        }
        if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) return run(view, suggestParagraph(view.state, s.delegation));
        return false;
      },
      handlePaste(view, _event, slice) {
        const s = suggesting(view.state);
        if (!s) return false;
        const text = slice.content.textBetween(0, slice.content.size, ' ', ' ').replace(/\s+/g, ' ');
        const { from, to } = view.state.selection;
        return run(view, suggestText(view.state, s.delegation, from, to, text));
      },
      handleDrop(view) {
        if (!suggesting(view.state)) return false;
        showSuggestionNotice(view, t('editor:suggestion.drag'));
        return true;
      },
      handleDOMEvents: {
        // ProseMirror ends its composition a moment after the DOM event; the placeholder the
        // composition started on goes once it has (a change inside our own bracket).
        compositionend(view) {
          if (!placeholder) return false;
          placeholder = false;
          const strip = (tries: number) => {
            if (current !== view) return;
            if (view.composing) return void (tries > 0 && setTimeout(() => strip(tries - 1), 30));
            const s = suggesting(view.state);
            const tr = s ? stripPlaceholders(view.state, s.delegation) : null;
            if (tr) view.dispatch(tr.setMeta(suggestionKey, { proposal: true } satisfies Meta));
          };
          setTimeout(() => strip(50), 30);
          return false;
        },
        compositionstart(view) {
          const s = suggesting(view.state);
          const tr = s ? prepareComposition(view.state, s.delegation) : null;
          if (tr) {
            view.dispatch(tr.setMeta(suggestionKey, { proposal: true } satisfies Meta));
            // Set after the dispatch: ProseMirror marks the view as composing only after this handler.
            placeholder = tr.docChanged;
          }
          return false;
        },
        // Deletions that arrive without a keydown we handle (virtual keyboards, the context menu).
        beforeinput(view, event) {
          const s = suggesting(view.state);
          if (!s || event.isComposing) return false;
          if (event.inputType === 'deleteByDrag') {
            event.preventDefault();
            showSuggestionNotice(view, t('editor:suggestion.drag'));
            return true;
          }
          const backward = /^delete(Content|Word)Backward/.test(event.inputType);
          // 'deleteContent' (no direction) is the context menu's Delete on a selection.
          const forward = /^delete(Content|Word)Forward/.test(event.inputType) || event.inputType === 'deleteContent';
          if (!backward && !forward) return false;
          event.preventDefault();
          return run(view, suggestDelete(view.state, s.delegation, backward, event.inputType.startsWith('deleteWord')));
        },
      },
    },
  });
}
