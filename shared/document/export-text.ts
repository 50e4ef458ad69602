import type { Node } from 'prosemirror-model';
import { documentKind, readHeader, type DocumentKind, type HeaderAttrs } from './header.js';
import { annexLabel, superscriptNumber } from './labels.js';
import { originalLine } from './labels-masthead.js';
import { documentStableLabels } from '../negotiation/stable-numbering.js';
import { renderInline, type ExportState, type TextView } from './export-text-inline.js';
import { renderAnnex, renderPart } from './export-text-paragraphs.js';

export type { TextView } from './export-text-inline.js';


/**
 * Options of `exportText`: `view` (default 'compilation'); `tags` (default true) writes
 * attribution tags inside each bracket, `[text (EU, CAN)]`, and `[text (RUS: delete)]`
 * for a deletion proposal. A document without brackets is written the same either way.
 */
export type TextExportOptions = { view?: TextView; tags?: boolean };

/**
 * The document as plain text in UN layout (the contract shared with the importer, see
 * the issue): header block, heading, title, body line, paragraphs separated by one blank
 * line (children of one paragraph on consecutive lines, indented 4 spaces per level),
 * annexes, then the footnotes "¹ text", one per line. Openers are written `*...*`,
 * emphasis `_..._`, footnote markers as superscript document-order numbers, and a
 * cross-reference as its target's number or label ("??" when the target is missing).
 * Lines end with "\n", including the last.
 */
export function exportText(doc: Node, options: TextExportOptions = {}): string {
  const header = readHeader(doc);
  const kind = documentKind(doc);
  const state: ExportState = {
    language: header.language,
    footnotes: [],
    numbering: null,
    doc,
    view: options.view ?? 'compilation',
    tags: options.tags ?? true,
    stable: null,
  };
  if (state.view === 'compilation') state.stable = documentStableLabels(doc);
  const blocks: string[][] = [];
  const headerLines = headerBlock(header, kind);
  if (headerLines.length > 0) blocks.push(headerLines);
  if (header.heading !== '') blocks.push([header.heading]);
  let annexCount = 0;
  doc.forEach((child) => {
    if (child.type.name === 'annex') annexCount++;
  });
  let annexIndex = 0;
  doc.forEach((child) => {
    switch (child.type.name) {
      case 'title':
      case 'body_line':
        blocks.push([renderInline(child, state)]);
        break;
      case 'preamble':
      case 'operative':
      case 'decision_body':
        blocks.push(...renderPart(child, state));
        break;
      case 'annex':
        blocks.push([annexLabel(++annexIndex, annexCount, state.language)], ...renderAnnex(child, state));
        break;
    }
  });
  if (state.footnotes.length > 0) blocks.push(state.footnotes.map((text, i) => `${superscriptNumber(i + 1)} ${text}`));
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/**
 * Several documents in UN layout, one after another, separated by two blank lines; each
 * starts with its own header block, heading and title, and ends with its own footnotes
 * (numbered from 1 per document). An empty list gives ''.
 */
export function exportDocumentsText(docs: readonly Node[], options: TextExportOptions = {}): string {
  return docs.map((doc) => exportText(doc, options)).join('\n\n');
}

/**
 * The sponsors as UN writes them: "A", "A and B", "A, B and C".
 */
export function joinSponsors(sponsors: readonly string[]): string {
  if (sponsors.length <= 1) return sponsors[0] ?? '';
  return `${sponsors.slice(0, -1).join(', ')} and ${sponsors[sponsors.length - 1] ?? ''}`;
}

/**
 * The header block's lines, only for fields that are set: symbol, date, "Original: <Language>",
 * session, "Agenda item <n>", "<sponsors>: draft resolution|draft decision". The "Original"
 * line is written when any other header line is, or when the language is not English, so a
 * document with an empty English header has no header block at all.
 */
export function headerBlock(header: HeaderAttrs, kind: DocumentKind): string[] {
  const sponsors = header.sponsors.filter((s) => s !== '');
  const others = [header.symbol, header.date, header.session, header.agendaItem].some((s) => s !== '') || sponsors.length > 0;
  const original = others || header.language !== 'en' ? originalLine(header.language) : '';
  return [
    header.symbol,
    header.date,
    original,
    header.session,
    header.agendaItem === '' ? '' : `Agenda item ${header.agendaItem}`,
    sponsors.length === 0 ? '' : `${joinSponsors(sponsors)}: draft ${kind}`,
  ].filter((line) => line !== '');
}

