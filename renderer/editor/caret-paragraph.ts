/**
 * The paragraph being typed in is always laid out. Top-level paragraphs use
 * `content-visibility: auto` (document.css) so that off-screen ones skip layout and paint;
 * but Chromium decides whether such an element is on screen only at its next rendering
 * update. A paragraph that Enter has just created is skipped until then, and a character
 * typed into it within that frame is inserted in the right place while the browser leaves
 * its caret before the paragraph: ProseMirror reads that caret back, so the rest of the
 * word lands in front of the first letter ("nvites ...I"). This plugin marks the top-level
 * paragraph holding the selection's head with the class `ph-caret`, which the stylesheet
 * exempts from `content-visibility`, in the same update that puts the caret there.
 */
import type { ResolvedPos } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** The class of the top-level paragraph that holds the caret. */
export const caretParagraphClass = 'ph-caret';

const skippable: ReadonlySet<string> = new Set(['preambular_paragraph', 'operative_paragraph', 'decision_paragraph']);

/** The range of the outermost PP, OP or decision paragraph around `$pos`, or null. */
export function caretParagraphRange($pos: ResolvedPos): { from: number; to: number } | null {
  for (let depth = 1; depth <= $pos.depth; depth++) {
    if (skippable.has($pos.node(depth).type.name)) return { from: $pos.before(depth), to: $pos.after(depth) };
  }
  return null;
}

type CaretState = { from: number; to: number; decorations: DecorationSet };

/** The key of the caret paragraph plugin. */
export const caretParagraphKey = new PluginKey<CaretState>('penholder-caret-paragraph');

const none: CaretState = { from: -1, to: -1, decorations: DecorationSet.empty };

/** The plugin that keeps `ph-caret` on the paragraph holding the selection's head (one decoration, recomputed per transaction in O(depth)). */
export function caretParagraphPlugin(): Plugin<CaretState> {
  return new Plugin<CaretState>({
    key: caretParagraphKey,
    state: {
      init: () => none,
      apply: (tr, previous) => {
        if (!tr.docChanged && !tr.selectionSet) return previous;
        const range = caretParagraphRange(tr.selection.$head);
        if (!range) return none;
        if (!tr.docChanged && range.from === previous.from && range.to === previous.to) return previous;
        const decorations = DecorationSet.create(tr.doc, [Decoration.node(range.from, range.to, { class: caretParagraphClass })]);
        return { ...range, decorations };
      },
    },
    props: { decorations: (state) => caretParagraphKey.getState(state)?.decorations ?? DecorationSet.empty },
  });
}
