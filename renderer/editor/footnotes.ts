import type { Node } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import type { Numbering } from '../../shared/document/numbering.js';
import { requestFootnoteEdit } from './commands/footnote-commands.js';

/**
 * Footnotes are inline atoms holding their own text. In the running text only the marker
 * shows (a superscript number from the numbering decorations); the texts are listed at the
 * foot of the page, numbered through the document.
 */

/** One footnote as listed at the foot of the page. */
export type FootnoteEntry = { id: string; number: number; text: string };

/** The footnotes of `doc` in document order, numbered as `numbering` numbers them. */
export function collectFootnotes(doc: Node, numbering: Numbering): FootnoteEntry[] {
  const out: FootnoteEntry[] = [];
  for (const entry of numbering.entries) {
    if (entry.kind !== 'footnote') continue;
    const node = doc.nodeAt(entry.pos);
    if (node) out.push({ id: entry.id, number: entry.number, text: node.textContent });
  }
  return out;
}

/**
 * The footnote marker node view: a `<sup>` whose number comes from the `data-label` the
 * numbering plugin decorates it with, and whose footnote text is its tooltip. Its text is
 * edited in the footnote pane: clicking the marker opens it there (`requestFootnoteEdit`).
 */
export function createFootnoteView(node: Node, _view: EditorView): NodeView {
  const dom = document.createElement('sup');
  dom.className = 'ph-footnote';
  dom.title = node.textContent;
  let current = node;
  const open = (event: Event) => {
    event.preventDefault();
    requestFootnoteEdit(dom, String(current.attrs.id ?? ''));
  };
  dom.addEventListener('mousedown', open);
  return {
    dom,
    destroy: () => dom.removeEventListener('mousedown', open),
    stopEvent: (event) => event.type === 'mousedown',
    update(next) {
      if (next.type !== current.type) return false;
      current = next;
      dom.title = next.textContent;
      return true;
    },
    ignoreMutation: () => true,
  };
}
