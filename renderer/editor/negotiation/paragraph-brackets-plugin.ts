import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { ReplaceStep } from 'prosemirror-transform';
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

// True when every step only replaced inline content inside one text block (typing, deleting,
// an inline bracket): paragraph brackets cannot have changed, the widgets only move.
function onlyInsideTextblocks(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    const doc = tr.docs[i];
    if (!(step instanceof ReplaceStep) || !doc || step.slice.openStart !== 0 || step.slice.openEnd !== 0) return false;
    const $from = doc.resolve(step.from);
    return $from.parent.isTextblock && $from.sameParent(doc.resolve(step.to));
  });
}

/**
 * The editor plugin drawing whole-paragraph brackets: recomputed when the document's
 * structure or attributes change, only mapped when text is typed or deleted.
 */
export function paragraphBracketsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: paragraphBracketsKey,
    state: {
      init: (_config, state) => paragraphBracketDecorations(state.doc),
      apply: (tr, old) => {
        if (!tr.docChanged) return old;
        return onlyInsideTextblocks(tr) ? old.map(tr.mapping, tr.doc) : paragraphBracketDecorations(tr.doc);
      },
    },
    props: { decorations: (state) => paragraphBracketsKey.getState(state) },
  });
}
