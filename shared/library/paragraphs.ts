import type { Node } from 'prosemirror-model';
import { readHeader } from '../document/header.js';
import { computeNumbering, type NumberEntry } from '../document/numbering.js';
import { summarize } from '../document/summary.js';
import { dayOf } from './dates.js';

/** One paragraph as the library indexes it: its label ('PP 3', 'OP 5 (b)', 'Annex I para. 2') and its own text. */
export type LibraryParagraph = { label: string; text: string };

/** What the library keeps of a document besides its paragraphs. `day` is `date` as YYYY-MM-DD when it can be read ('' otherwise). */
export type LibraryDocumentFacts = { symbol: string; title: string; body: string; date: string; day: string; language: string };

const numbered = new Set(['pp', 'op', 'sub', 'subsub', 'decision', 'item']);

/**
 * The facts of `doc` the library lists with every hit: the header's symbol, date and
 * language, the title and body line (`summarize`), and the date as a day when it is readable.
 */
export function documentFacts(doc: Node): LibraryDocumentFacts {
  const header = readHeader(doc);
  const { title, body } = summarize(doc);
  return { symbol: header.symbol, title, body, date: header.date, day: dayOf(header.date, header.symbol), language: header.language };
}

/**
 * Every paragraph of `doc` in document order that has text of its own: preambular,
 * operative and decision paragraphs, subparagraphs at both levels and list items, labelled
 * with their numbering path (computeNumbering: 'PP 3', 'OP 5 (b)'), and the unnumbered
 * paragraphs of annexes ('Annex I para. 2', counted within the annex). A paragraph's text is
 * that of its own text blocks, without its subparagraphs and without footnote text;
 * a cross-reference counts as nothing. Paragraphs without letters or digits are left out.
 */
export function libraryParagraphs(doc: Node): LibraryParagraph[] {
  const byPos = new Map<number, NumberEntry>();
  for (const entry of computeNumbering(doc).entries) byPos.set(entry.pos, entry);
  const out: LibraryParagraph[] = [];
  let annexPath = '';
  let annexParagraphs = 0;
  doc.descendants((node, pos) => {
    const name = node.type.name;
    if (name === 'annex') {
      annexPath = byPos.get(pos)?.path ?? 'Annex';
      annexParagraphs = 0;
      return true;
    }
    if (name === 'annex_paragraph') {
      annexParagraphs++;
      push(out, `${annexPath} para. ${annexParagraphs}`, inlineText(node));
      return false;
    }
    if (node.isTextblock || node.isInline) return false;
    const entry = byPos.get(pos);
    if (entry && numbered.has(entry.kind)) {
      let text = '';
      node.forEach((child) => {
        if (child.isTextblock) text += (text === '' ? '' : ' ') + inlineText(child);
      });
      push(out, entry.path, text);
    }
    return true;
  });
  return out;
}

function push(out: LibraryParagraph[], label: string, text: string): void {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (/[\p{L}\p{N}]/u.test(clean)) out.push({ label, text: clean });
}

// The visible text of a text block: its text nodes, not what footnotes and references hold.
function inlineText(block: Node): string {
  let text = '';
  block.forEach((child) => {
    if (child.isText) text += child.text ?? '';
  });
  return text;
}
