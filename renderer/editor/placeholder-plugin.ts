import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, Selection } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { readHeader } from '../../shared/document/header.js';
import type { Language } from '../../shared/document/labels.js';
import { bodyLinePlaceholder, placeholdersFor, type Placeholders } from '../../shared/document/labels-names.js';

/**
 * Placeholders in empty text blocks ("Title", "Preambular paragraph ...") so that a new
 * document shows where to write, and focus on the first empty text block when a document
 * opens. Placeholders are decorations: nothing is stored in the document. They are in the
 * document's language (a French document shows "Paragraphe du dispositif : Prie … ;").
 */

// Which placeholder each empty block shows: by its parent for paragraph text, by itself otherwise.
const byParent: Readonly<Record<string, keyof Placeholders>> = {
  preambular_paragraph: 'preambular',
  operative_paragraph: 'operative',
  decision_paragraph: 'decision',
  subparagraph: 'subparagraph',
  sub_subparagraph: 'subparagraph',
  list_item: 'listItem',
};

const byNode: Readonly<Record<string, keyof Placeholders>> = {
  title: 'title',
  annex_title: 'annexTitle',
  annex_paragraph: 'annexText',
};

/**
 * The placeholder text for an empty text block `node` whose parent is `parent` (undefined when
 * none applies), in the document's `language` (shared/document/labels-names.ts): the
 * placeholders show how a paragraph of the document's language opens.
 */
export function placeholderFor(node: Node, parent: Node | null, language: Language = 'en'): string | undefined {
  if (node.type.name === 'body_line') return bodyLinePlaceholder(language);
  const which = node.type.name === 'paragraph_text' ? (parent ? byParent[parent.type.name] : undefined) : byNode[node.type.name];
  return which ? placeholdersFor(language)[which] : undefined;
}

/** Node decorations marking every empty text block of `doc` with its placeholder. */
export function placeholderDecorations(doc: Node): DecorationSet {
  const decorations: Decoration[] = [];
  const language = readHeader(doc).language;
  doc.descendants((node, pos, parent) => {
    if (!node.isTextblock) return true;
    const text = node.content.size === 0 ? placeholderFor(node, parent, language) : undefined;
    if (text) decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'ph-empty', 'data-placeholder': text }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** The position inside the first empty text block that has a placeholder, or undefined. */
export function firstEmptyTextblock(doc: Node): number | undefined {
  let found: number | undefined;
  doc.descendants((node, pos, parent) => {
    if (found !== undefined) return false;
    if (!node.isTextblock) return true;
    if (node.content.size === 0 && placeholderFor(node, parent)) found = pos + 1;
    return false;
  });
  return found;
}

/** Puts the cursor in the first empty text block (a new document's title) and focuses the view. */
export function focusFirstEmpty(view: EditorView): void {
  const pos = firstEmptyTextblock(view.state.doc);
  if (pos === undefined) return;
  view.dispatch(view.state.tr.setSelection(Selection.near(view.state.doc.resolve(pos))).scrollIntoView());
  view.focus();
}

/** The placeholder plugin key. */
export const placeholderKey = new PluginKey<DecorationSet>('placeholder');

/** The plugin that keeps the placeholder decorations current (recomputed only when the document changed). */
export function placeholderPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: placeholderKey,
    state: {
      init: (_, state) => placeholderDecorations(state.doc),
      apply: (tr, old) => (tr.docChanged ? placeholderDecorations(tr.doc) : old),
    },
    props: { decorations: (state) => placeholderKey.getState(state) },
  });
}
