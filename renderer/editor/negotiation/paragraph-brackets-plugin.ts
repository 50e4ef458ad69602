import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { bracketableParagraphs, paragraphBracket } from '../../../shared/negotiation/model.js';
import { tagText } from './view-decorations.js';

/**
 * Draws whole-paragraph brackets in the editor, as the compilation text writes them: a
 * "[" before the paragraph's text and "]" with the proposers' tag ("] (USA)") after its last
 * line (its subparagraphs included), so bracketing a paragraph (Mod-Alt-Shift-b) shows at
 * once, never by colour alone. Widgets, never stored or typed over.
 */

/** The plugin's key; its state is the DecorationSet of the current document. */
export const paragraphBracketsKey = new PluginKey<DecorationSet>('paragraph-brackets');

// The end of the content of the last text block inside the paragraph at `pos`.
function lastTextEnd(paragraph: Node, pos: number): number {
  let end = pos + 2 + (paragraph.firstChild?.content.size ?? 0);
  paragraph.descendants((child, offset) => {
    if (child.isTextblock) end = pos + 1 + offset + 1 + child.content.size;
    return !child.isTextblock;
  });
  return end;
}

function span(className: string, text: string): HTMLElement {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
}

/** The widgets of every whole-paragraph bracket of `doc`. */
export function paragraphBracketDecorations(doc: Node): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!bracketableParagraphs.has(node.type.name)) return !node.isTextblock;
    const bracket = paragraphBracket(node);
    if (bracket && node.firstChild?.isTextblock) {
      const tag = tagText(bracket.proposedBy);
      decorations.push(Decoration.widget(pos + 2, () => span('ph-para-bracket-open', '['), { side: -1, key: `open-${bracket.id}`, ignoreSelection: true }));
      decorations.push(Decoration.widget(lastTextEnd(node, pos), () => span('ph-para-bracket-close', `]${tag}`), { side: 1, key: `close-${bracket.id}${tag}`, ignoreSelection: true }));
    }
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

/** The editor plugin drawing whole-paragraph brackets (recomputed when the document changes). */
export function paragraphBracketsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: paragraphBracketsKey,
    state: {
      init: (_config, state) => paragraphBracketDecorations(state.doc),
      apply: (tr, old) => (tr.docChanged ? paragraphBracketDecorations(tr.doc) : old),
    },
    props: { decorations: (state) => paragraphBracketsKey.getState(state) },
  });
}
