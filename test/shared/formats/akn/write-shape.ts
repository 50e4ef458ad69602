import type { Node } from 'prosemirror-model';
import { readHeader } from '../../../../shared/document/header.js';
import { computeNumbering } from '../../../../shared/document/numbering.js';

const paragraphLike = new Set([
  'title',
  'body_line',
  'preambular_paragraph',
  'operative_paragraph',
  'decision_paragraph',
  'subparagraph',
  'sub_subparagraph',
  'list_item',
  'annex',
  'annex_title',
  'annex_paragraph',
]);

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();

// The words of a text block without footnote texts (brackets' words included), its opener
// (the leading run with the opener mark) and its footnotes' texts.
function inlineShape(block: Node): { text: string; opener: string; notes: string[] } {
  let text = '';
  let opener = '';
  let leading = true;
  const notes: string[] = [];
  const walk = (node: Node): void =>
    node.forEach((child) => {
      if (child.isText) {
        if (leading && child.marks.some((m) => m.type.name === 'opener')) opener += child.text ?? '';
        else leading = false;
        text += child.text ?? '';
      } else if (child.type.name === 'footnote') notes.push(squeeze(child.textContent));
      else if (child.type.name === 'bracket' || child.type.name === 'bracket_alternatives') {
        leading = false;
        walk(child);
      }
    });
  walk(block);
  return { text: squeeze(text), opener: squeeze(opener), notes };
}

/**
 * The structure of a document as lines a reader must give back: the header's symbol and
 * language, then per paragraph-level node in document order, indented by its depth, its
 * type, opener, words and footnotes ("operative_paragraph *Requests* the Secretary-General ...; [A/78/1.]"). The
 * content of an annex is written as annex paragraphs with list labels as text ("1. ..."),
 * as the reader keeps an annex (annex paragraphs are not numbered).
 */
export function documentShape(doc: Node): string[] {
  const header = readHeader(doc);
  const numbering = computeNumbering(doc);
  const labelAt = new Map(numbering.entries.map((e) => [e.pos, e.label]));
  const lines = [`header ${header.symbol} | ${header.language}`];
  let inAnnex = false;
  doc.descendants((node, pos, parent) => {
    if (parent === doc) inAnnex = node.type.name === 'annex';
    if (!paragraphLike.has(node.type.name)) return true;
    if (node.type.name === 'annex') {
      lines.push('annex');
      return true;
    }
    const block = node.isTextblock ? node : node.firstChild;
    const { text, opener, notes } = block ? inlineShape(block) : { text: '', opener: '', notes: [] };
    const flat = inAnnex && node.type.name !== 'annex_title' && node.type.name !== 'annex_paragraph';
    const type = flat ? 'annex_paragraph' : node.type.name;
    const words = flat ? `${labelAt.get(pos) ?? ''} ${text}` : text;
    lines.push(`${'  '.repeat(flat ? 1 : doc.resolve(pos).depth)}${type} *${opener}* ${words}${notes.length > 0 ? ` [${notes.join(' | ')}]` : ''}`);
    return true;
  });
  return lines;
}
