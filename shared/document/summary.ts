import type { Node } from 'prosemirror-model';
import { childText, documentKind, type DocumentKind } from './header.js';

/**
 * Counts of a document, as printed by `penholder import --summary` (key order matters:
 * it is the printed order). `operative` counts operative paragraphs, or a decision's
 * lettered paragraphs; `subparagraphs` counts (a)- and (i)-level paragraphs outside
 * numbered lists and annexes; `footnotes` counts footnote nodes (each once).
 */
export type DocumentCounts = {
  kind: DocumentKind;
  title: string;
  body: string;
  preambular: number;
  operative: number;
  subparagraphs: number;
  footnotes: number;
};

type Tally = { preambular: number; operative: number; subparagraphs: number; footnotes: number };

/** The kind, title, body line and paragraph counts of `doc` (see `DocumentCounts`). */
export function summarize(doc: Node): DocumentCounts {
  const tally: Tally = { preambular: 0, operative: 0, subparagraphs: 0, footnotes: 0 };
  count(doc, false, tally);
  return {
    kind: documentKind(doc),
    title: childText(doc, 'title'),
    body: childText(doc, 'body_line'),
    preambular: tally.preambular,
    operative: tally.operative,
    subparagraphs: tally.subparagraphs,
    footnotes: tally.footnotes,
  };
}

// `excluded` is true below a numbered_list or an annex, whose lettered items are not
// subparagraphs of the resolution (e.g. the sub-items of a provisional agenda).
function count(node: Node, excluded: boolean, tally: Tally): void {
  node.forEach((child) => {
    switch (child.type.name) {
      case 'preambular_paragraph':
        tally.preambular++;
        break;
      case 'operative_paragraph':
      case 'decision_paragraph':
        tally.operative++;
        break;
      case 'subparagraph':
      case 'sub_subparagraph':
        if (!excluded) tally.subparagraphs++;
        break;
      case 'footnote':
        tally.footnotes++;
        return;
    }
    if (child.isText || child.isLeaf) return;
    const name = child.type.name;
    count(child, excluded || name === 'numbered_list' || name === 'annex', tally);
  });
}
