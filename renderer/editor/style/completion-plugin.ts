/**
 * Opener completion in the editor: the plugin keeps the completion on offer (see
 * opener-completion.ts) and the chosen suggestion, and shows them in a small list under the
 * typed prefix. Up/Down choose, Enter or Tab accept, Escape dismisses until the cursor
 * leaves the word. A list appears only while typing, not when the cursor merely lands in a
 * paragraph's first word.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { acceptOpener, openerCompletion, type OpenerCompletion } from './opener-completion.js';

/** The plugin's state: the completion on offer (null: none shown), the chosen item, and a dismissed prefix start. */
export type CompletionState = { completion: OpenerCompletion | null; index: number; dismissedAt: number | null };

/** The key of the completion plugin (`completionKey.getState(state)`). */
export const completionKey = new PluginKey<CompletionState>('penholder-opener-completion');

type Meta = { move?: number; dismiss?: boolean };

const sameItems = (a: OpenerCompletion | null, b: OpenerCompletion | null): boolean =>
  a !== null && b !== null && a.items.length === b.items.length && a.items.every((item, i) => item === b.items[i]);

/** The completion shown in `state`, or null (none on offer, or dismissed). */
export function visibleCompletion(state: EditorState): { completion: OpenerCompletion; index: number } | null {
  const current = completionKey.getState(state);
  if (!current?.completion || current.dismissedAt === current.completion.from) return null;
  return { completion: current.completion, index: current.index };
}

function handleKey(view: EditorView, event: KeyboardEvent): boolean {
  const shown = visibleCompletion(view.state);
  if (!shown || event.ctrlKey || event.metaKey || event.altKey) return false;
  const { completion, index } = shown;
  const move = (by: number): boolean => {
    view.dispatch(view.state.tr.setMeta(completionKey, { move: by } satisfies Meta));
    return true;
  };
  switch (event.key) {
    case 'ArrowDown':
      return move(1);
    case 'ArrowUp':
      return move(-1);
    case 'Enter':
    case 'Tab': {
      if (event.shiftKey) return false;
      const phrase = completion.items[index];
      if (phrase === undefined) return false;
      view.dispatch(acceptOpener(view.state, completion, phrase).setMeta(completionKey, { dismiss: true } satisfies Meta));
      return true;
    }
    case 'Escape':
      view.dispatch(view.state.tr.setMeta(completionKey, { dismiss: true } satisfies Meta));
      return true;
    default:
      return false;
  }
}

/** The list under the prefix: a listbox of options, the chosen one `aria-selected`. */
class CompletionList {
  readonly dom: HTMLElement;
  private shown: { completion: OpenerCompletion; index: number } | null = null;

  constructor(private readonly view: EditorView) {
    this.dom = view.dom.ownerDocument.createElement('div');
    this.dom.className = 'ph-completion';
    this.dom.setAttribute('role', 'listbox');
    this.dom.setAttribute('aria-label', 'Opening phrases');
    this.dom.hidden = true;
    // mousedown, not click: the editor must keep its focus and selection.
    this.dom.addEventListener('mousedown', (event) => {
      const option = (event.target as HTMLElement).closest('[data-phrase]');
      const shown = visibleCompletion(this.view.state);
      if (!option || !shown) return;
      event.preventDefault();
      const accepted = acceptOpener(this.view.state, shown.completion, option.getAttribute('data-phrase') ?? '');
      this.view.dispatch(accepted.setMeta(completionKey, { dismiss: true } satisfies Meta));
      this.view.focus();
    });
    view.dom.ownerDocument.body.appendChild(this.dom);
    // The list is fixed to the viewport: follow the prefix when the page scrolls.
    view.dom.ownerDocument.addEventListener('scroll', this.place, true);
    this.update();
  }

  private readonly place = (): void => {
    if (!this.shown) return;
    const coords = this.view.coordsAtPos(this.shown.completion.from);
    this.dom.style.left = `${Math.round(coords.left)}px`;
    this.dom.style.top = `${Math.round(coords.bottom + 4)}px`;
  };

  update(): void {
    const shown = visibleCompletion(this.view.state);
    if (shown?.completion === this.shown?.completion && shown?.index === this.shown?.index) return;
    this.shown = shown;
    if (!shown) {
      this.dom.hidden = true;
      this.dom.replaceChildren();
      return;
    }
    const doc = this.dom.ownerDocument;
    this.dom.replaceChildren(...shown.completion.items.map((phrase, i) => {
      const option = doc.createElement('div');
      option.className = 'ph-completion-item';
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', String(i === shown.index));
      option.setAttribute('data-phrase', phrase);
      option.textContent = phrase;
      return option;
    }));
    this.place();
    this.dom.hidden = false;
  }

  destroy(): void {
    this.view.dom.ownerDocument.removeEventListener('scroll', this.place, true);
    this.dom.remove();
  }
}

/** The opener completion plugin (place it before other keymaps so its keys win while a list is shown). */
export function completionPlugin(): Plugin<CompletionState> {
  return new Plugin<CompletionState>({
    key: completionKey,
    state: {
      init: () => ({ completion: null, index: 0, dismissedAt: null }),
      apply: (tr, previous, _old, next) => {
        const meta = tr.getMeta(completionKey) as Meta | undefined;
        if (!tr.docChanged && !tr.selectionSet && !meta) return previous;
        const completion = tr.docChanged || previous.completion ? openerCompletion(next) : null;
        if (!completion) return { completion: null, index: 0, dismissedAt: null };
        const dismissedAt = meta?.dismiss ? completion.from : previous.dismissedAt === null ? null : tr.mapping.map(previous.dismissedAt);
        const count = completion.items.length;
        const kept = sameItems(previous.completion, completion) ? previous.index : 0;
        const index = meta?.move ? (((kept + meta.move) % count) + count) % count : kept;
        return { completion, index, dismissedAt };
      },
    },
    props: { handleKeyDown: handleKey },
    view: (view) => new CompletionList(view),
  });
}
