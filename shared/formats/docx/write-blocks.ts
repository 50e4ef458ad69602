/**
 * A document as the paragraphs of its Word rendering, before any XML: the masthead lines,
 * heading, title, body line, the parts' paragraphs with their labels as text (numbers,
 * (a)/(i), bis/ter in negotiation, "7 alt."), annexes, each with its inline content. The
 * order and labels are those of the text export (shared/document/export-text*.ts), whose
 * label rules this reuses.
 */
import type { Node } from 'prosemirror-model';
import { documentKind, readHeader, type DocumentKind, type HeaderAttrs } from '../../document/header.js';
import { distributionLine, originalLine } from '../../document/labels-masthead.js';
import { annexLabel, listItemLabel, subparagraphLabel, subSubparagraphLabel } from '../../document/labels.js';
import { joinSponsors } from '../../document/export-text.js';
import { tagOf, type ExportState } from '../../document/export-text-inline.js';
import { paragraphLabel } from '../../document/export-text-paragraphs.js';
import { documentStableLabels } from '../../negotiation/stable-numbering.js';
import { paragraphBracket } from '../../negotiation/model.js';
import { commentAnchors, inlinesOf, type DocxComment, type Inline, type InlineContext } from './write-inline.js';
import { paragraphStyles, type ParagraphStyle } from './write-styles.js';

/**
 * One paragraph of the rendering. `unit` is the position of the document node it renders
 * (the units of shared/compare: title, body line, paragraphs, subparagraphs, list items,
 * annexes, annex paragraphs), null for masthead lines; `role` tells apart the paragraphs
 * of one node ('label' for an annex's "Annex I", '' otherwise; a masthead line's name).
 * `depth` is the nesting level (0 top), `labelled` whether it starts with a label and a tab.
 */
export type Block = { unit: number | null; role: string; style: ParagraphStyle; depth: number; labelled: boolean; inlines: Inline[] };

/** How brackets are shown and whether attribution tags are written. */
export type BlockOptions = { brackets: 'tags' | 'comments'; tags: boolean };

/**
 * The paragraphs of `doc` in order. In 'comments' mode each bracket's comment is added to
 * `comments` (null: none are made). The document is rendered as the compilation shows it;
 * a clean rendering is that of `cleanViewDoc(doc)`.
 */
export function documentBlocks(doc: Node, options: BlockOptions, comments: DocxComment[] | null): Block[] {
  const header = readHeader(doc);
  const state: ExportState = {
    language: header.language,
    footnotes: [],
    numbering: null,
    doc,
    view: 'compilation',
    tags: options.tags,
    stable: documentStableLabels(doc),
  };
  const ctx: InlineContext = { state, brackets: options.brackets, comments };
  const blocks = mastheadBlocks(header, documentKind(doc));
  let annexCount = 0;
  doc.forEach((child) => {
    if (child.type.name === 'annex') annexCount++;
  });
  let annexIndex = 0;
  doc.forEach((child, pos) => {
    const plain = (style: ParagraphStyle, role = ''): Block => ({ unit: pos, role, style, depth: 0, labelled: false, inlines: inlinesOf(child, ctx) });
    switch (child.type.name) {
      case 'title':
        blocks.push(plain(paragraphStyles.title));
        break;
      case 'body_line':
        blocks.push(plain(paragraphStyles.body));
        break;
      case 'preamble':
      case 'operative':
      case 'decision_body':
        partBlocks(child, pos, ctx, blocks);
        break;
      case 'annex':
        blocks.push(plainText(pos, 'label', paragraphStyles.annexLabel, annexLabel(++annexIndex, annexCount, header.language)));
        annexBlocks(child, pos, ctx, blocks);
        break;
    }
  });
  return blocks;
}

function plainText(unit: number | null, role: string, style: ParagraphStyle, text: string): Block {
  return { unit, role, style, depth: 0, labelled: false, inlines: [{ kind: 'text', text, italic: false, author: '' }] };
}

/**
 * The masthead as the header fields give it: symbol, "Distr.: Limited" (a symbol with "/L.",
 * a draft) or "Distr.: General", date and "Original: <language>" on the right; session and
 * agenda item on the left; "<sponsors>: draft resolution|decision"; the report heading.
 * "Original" is written when any other line is, or for a language other than English.
 */
export function mastheadBlocks(header: HeaderAttrs, kind: DocumentKind): Block[] {
  const sponsors = header.sponsors.filter((s) => s !== '');
  const any = [header.symbol, header.date, header.session, header.agendaItem].some((s) => s !== '') || sponsors.length > 0;
  const lines: [string, ParagraphStyle, string][] = [
    ['symbol', paragraphStyles.symbol, header.symbol],
    ['distr', paragraphStyles.masthead, header.symbol === '' ? '' : distributionLine(header.symbol, header.language)],
    ['date', paragraphStyles.masthead, header.date],
    ['original', paragraphStyles.masthead, any || header.language !== 'en' ? originalLine(header.language) : ''],
    ['session', paragraphStyles.session, header.session],
    ['agenda', paragraphStyles.session, header.agendaItem === '' ? '' : `Agenda item ${header.agendaItem}`],
    ['sponsors', paragraphStyles.sponsors, sponsors.length === 0 ? '' : `${joinSponsors(sponsors)}: draft ${kind}`],
    ['heading', paragraphStyles.heading, header.heading],
  ];
  return lines.filter(([, , text]) => text !== '').map(([role, style, text]) => plainText(null, role, style, text));
}

function partBlocks(part: Node, partPos: number, ctx: InlineContext, blocks: Block[]): void {
  let n = 0;
  let alt = 0;
  part.forEach((paragraph, offset) => {
    if (String(paragraph.attrs.alternativeOf ?? '') !== '') alt++;
    else {
      n++;
      alt = 0;
    }
    const style = paragraph.type.name === 'preambular_paragraph' ? paragraphStyles.preambular : paragraphStyles.operative;
    paragraphBlocks(paragraph, partPos + 1 + offset, paragraphLabel(paragraph, n, alt, ctx.state), 0, style, ctx, blocks);
  });
}

// One paragraph-level node and its children. A whole-paragraph bracket opens after the
// label and closes, with its tag, at the end of the last paragraph of the node's subtree.
function paragraphBlocks(node: Node, pos: number, label: string, depth: number, style: ParagraphStyle, ctx: InlineContext, blocks: Block[]): void {
  const bracket = paragraphBracket(node);
  const author = bracket?.proposedBy[0] ?? '';
  const first = blocks.length;
  const language = ctx.state.language;
  const closing: Inline[] = [];
  let subs = 0;
  let subsubs = 0;
  node.forEach((child, offset) => {
    const childPos = pos + 1 + offset;
    switch (child.type.name) {
      case 'paragraph_text': {
        const text = (value: string): Inline => ({ kind: 'text', text: value, italic: false, author });
        const opening: Inline[] = [];
        if (bracket) {
          const [start, end] = ctx.brackets === 'comments' ? commentAnchors(ctx, node.attrs.bracket as Record<string, unknown>) : [[], []];
          opening.push(...start, text('['));
          closing.push(...end);
        }
        const labelInline: Inline[] = label === '' ? [] : [text(`${label}\t`)];
        blocks.push({ unit: pos, role: '', style, depth, labelled: label !== '', inlines: [...labelInline, ...opening, ...inlinesOf(child, ctx, author)] });
        break;
      }
      case 'subparagraph':
        paragraphBlocks(child, childPos, subparagraphLabel(++subs, language), depth + 1, paragraphStyles.subparagraph, ctx, blocks);
        break;
      case 'sub_subparagraph':
        paragraphBlocks(child, childPos, subSubparagraphLabel(++subsubs, language), depth + 1, paragraphStyles.subparagraph, ctx, blocks);
        break;
      case 'numbered_list':
        listBlocks(child, childPos, depth + 1, ctx, blocks);
        break;
    }
  });
  const last = blocks[blocks.length - 1];
  if (bracket && last && blocks.length > first) {
    const tag = ctx.brackets === 'tags' ? tagOf(node.attrs.bracket as Record<string, unknown>, false, ctx.state) : '';
    last.inlines.push({ kind: 'text', text: `${tag}]`, italic: false, author }, ...closing);
  }
}

function listBlocks(list: Node, listPos: number, depth: number, ctx: InlineContext, blocks: Block[]): void {
  list.forEach((item, offset, index) => {
    paragraphBlocks(item, listPos + 1 + offset, listItemLabel(index + 1, ctx.state.language), depth, paragraphStyles.item, ctx, blocks);
  });
}

function annexBlocks(annex: Node, annexPos: number, ctx: InlineContext, blocks: Block[]): void {
  annex.forEach((child, offset) => {
    const pos = annexPos + 1 + offset;
    if (child.type.name === 'annex_title') {
      blocks.push({ unit: annexPos, role: '', style: paragraphStyles.annexTitle, depth: 0, labelled: false, inlines: inlinesOf(child, ctx) });
    } else if (child.type.name === 'annex_paragraph') {
      blocks.push({ unit: pos, role: '', style: paragraphStyles.annexParagraph, depth: 0, labelled: false, inlines: inlinesOf(child, ctx) });
    } else if (child.type.name === 'numbered_list') {
      listBlocks(child, pos, 0, ctx, blocks);
    }
  });
}
