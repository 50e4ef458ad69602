import type { Node } from 'prosemirror-model';
import { documentKind, readHeader, type DocumentKind, type HeaderAttrs } from './header.js';
import {
  annexLabel,
  decisionParagraphLabel,
  languageNames,
  listItemLabel,
  operativeLabel,
  subparagraphLabel,
  subSubparagraphLabel,
  superscriptNumber,
  type Language,
} from './labels.js';
import { computeNumbering, type Numbering } from './numbering.js';
import { seamMark, tidySeams } from '../negotiation/seams.js';
import { documentStableLabels } from '../negotiation/stable-numbering.js';

type ExportState = {
  language: Language;
  footnotes: string[];
  numbering: Numbering | null;
  doc: Node;
  view: TextView;
  tags: boolean;
  // Stable labels by paragraph id while a compilation of a document in negotiation is written.
  stable: ReadonlyMap<string, string> | null;
};

/**
 * Which text of a negotiated document to write. 'compilation': everything, brackets as
 * literal `[...]`, alternatives adjacent `[shall][should]`, whole bracketed paragraphs
 * `7. [...]`, paragraph alternatives labelled `7 alt.` / `PP3 alt`. 'clean': only agreed
 * text: bracketed text, bracketed and deleted paragraphs and paragraph alternatives are
 * left out and the paragraphs numbered as they stand. A compilation of a document in
 * negotiation (its header carries a base) is numbered with the stable labels the editor
 * shows: "5 bis.", "(c) bis", "PP2 bis alt", cross-references "5 bis".
 */
export type TextView = 'compilation' | 'clean';

/**
 * Options of `exportText`: `view` (default 'compilation'); `tags` (default true) writes
 * attribution tags inside each bracket, `[text (EU, CAN)]`, and `[text (RUS: delete)]`
 * for a deletion proposal. A document without brackets is written the same either way.
 */
export type TextExportOptions = { view?: TextView; tags?: boolean };

const indentStep = '    ';

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
  const original = others || header.language !== 'en' ? `Original: ${languageNames[header.language]}` : '';
  return [
    header.symbol,
    header.date,
    original,
    header.session,
    header.agendaItem === '' ? '' : `Agenda item ${header.agendaItem}`,
    sponsors.length === 0 ? '' : `${joinSponsors(sponsors)}: draft ${kind}`,
  ].filter((line) => line !== '');
}

// The paragraphs of a preamble, operative part or decision body. An alternative
// (`alternativeOf` set) takes no number of its own: "7 alt.", "7 alt 2.", "PP3 alt".
function renderPart(part: Node, state: ExportState): string[][] {
  const blocks: string[][] = [];
  let n = 0;
  let alt = 0;
  part.forEach((paragraph) => {
    const alternative = String(paragraph.attrs.alternativeOf ?? '') !== '';
    if (state.view === 'clean' && (alternative || isBracketed(paragraph) || statusOf(paragraph) === 'deleted')) return;
    if (alternative) alt++;
    else {
      n++;
      alt = 0;
    }
    const stable = state.stable?.get(String(paragraph.attrs.id));
    const label =
      stable !== undefined ? stableTextLabel(paragraph, stable, alternative) : alternative ? alternativeLabel(paragraph, n, alt, state) : topLabel(paragraph, n, state);
    blocks.push(renderParagraph(paragraph, label, '', state));
  });
  return blocks;
}

function topLabel(paragraph: Node, n: number, state: ExportState): string {
  switch (paragraph.type.name) {
    case 'operative_paragraph':
      return operativeLabel(n);
    case 'decision_paragraph':
      return decisionParagraphLabel(n, state.language);
    default:
      return '';
  }
}

// A stable label as the text writes it: "OP 5 bis" is "5 bis." (as "5." is), a preambular
// paragraph is unlabelled unless an alternative ("PP2 bis alt"), a decision paragraph as it is.
function stableTextLabel(paragraph: Node, stable: string, alternative: boolean): string {
  switch (paragraph.type.name) {
    case 'operative_paragraph':
      return `${stable.replace(/^OP /, '')}.`;
    case 'decision_paragraph':
      return stable;
    default:
      return alternative ? stable.replace(/^PP /, 'PP') : '';
  }
}

function alternativeLabel(paragraph: Node, n: number, alt: number, state: ExportState): string {
  const suffix = alt === 1 ? 'alt' : `alt ${alt}`;
  switch (paragraph.type.name) {
    case 'operative_paragraph':
      return `${n} ${suffix}.`;
    case 'decision_paragraph':
      return `${decisionParagraphLabel(n, state.language)} ${suffix}`;
    default:
      return `PP${n} ${suffix}`;
  }
}

function isBracketed(paragraph: Node): boolean {
  const bracket: unknown = paragraph.attrs.bracket;
  return bracket !== null && bracket !== undefined && typeof bracket === 'object';
}

function statusOf(paragraph: Node): string {
  const status: unknown = paragraph.attrs.status;
  return status !== null && typeof status === 'object' ? String((status as { state?: unknown }).state ?? '') : '';
}

// Attribution tag of a bracket (inline node attrs or a paragraph's bracket object): " (EU, CAN)".
function tagOf(attrs: Record<string, unknown>, deletion: boolean, state: ExportState): string {
  if (!state.tags) return '';
  const codes = Array.isArray(attrs.proposedBy) ? attrs.proposedBy.filter((c): c is string => typeof c === 'string') : [];
  if (codes.length === 0) return deletion ? ' (delete)' : '';
  return ` (${codes.join(', ')}${deletion ? ': delete' : ''})`;
}

// One paragraph-level node and its children, as consecutive lines.
// A whole-paragraph bracket opens before the paragraph's text and closes at the end of
// its last line (its last subparagraph's), with its tag: "7. [Requests ...: ... (b) ... (EU)]".
function renderParagraph(node: Node, label: string, indent: string, state: ExportState): string[] {
  const lines: string[] = [];
  let subs = 0;
  let subsubs = 0;
  const bracketed = state.view === 'compilation' && isBracketed(node);
  node.forEach((child) => {
    switch (child.type.name) {
      case 'paragraph_text':
        lines.push(`${indent}${label === '' ? '' : `${label} `}${bracketed ? '[' : ''}${renderInline(child, state)}`);
        break;
      case 'subparagraph':
        if (state.view === 'clean' && isBracketed(child)) break;
        lines.push(...renderParagraph(child, subparagraphLabel(++subs, state.language), indent + indentStep, state));
        break;
      case 'sub_subparagraph':
        if (state.view === 'clean' && isBracketed(child)) break;
        lines.push(...renderParagraph(child, subSubparagraphLabel(++subsubs, state.language), indent + indentStep, state));
        break;
      case 'numbered_list':
        lines.push(...renderList(child, indent + indentStep, state));
        break;
    }
  });
  if (bracketed && lines.length > 0) {
    lines[lines.length - 1] += `${tagOf(node.attrs.bracket as Record<string, unknown>, false, state)}]`;
  }
  return lines;
}

function renderList(list: Node, indent: string, state: ExportState): string[] {
  const lines: string[] = [];
  list.forEach((item, _offset, index) => lines.push(...renderParagraph(item, listItemLabel(index + 1), indent, state)));
  return lines;
}

// An annex's title and content as blocks; a numbered list directly follows the annex
// paragraph before it on the next line, as it is that paragraph's continuation ("... as follows:").
function renderAnnex(annex: Node, state: ExportState): string[][] {
  const blocks: string[][] = [];
  let previous: string[] | null = null;
  annex.forEach((child) => {
    if (child.type.name === 'annex_title') {
      blocks.push([renderInline(child, state)]);
    } else if (child.type.name === 'annex_paragraph') {
      previous = [renderInline(child, state)];
      blocks.push(previous);
    } else if (child.type.name === 'numbered_list') {
      const lines = renderList(child, '', state);
      if (previous) previous.push(...lines);
      else blocks.push(lines);
      previous = null;
    }
  });
  return blocks;
}

// Inline content with `*opener*`, `_emphasis_` (emphasis nests inside the opener), footnote
// markers and cross-references. An atom between two runs of the same mark stays inside it
// ("*Recalling¹ also*"); a mark that does not go on after the atom closes before it
// ("_Convention_¹"), as UN texts place the marker after the italics.
function renderInline(block: Node, state: ExportState): string {
  let out = '';
  let inOpener = false;
  let inEmphasis = false;
  const moveTo = (opener: boolean, emphasis: boolean, openNew: boolean): void => {
    if (inEmphasis && (!emphasis || opener !== inOpener)) {
      out += '_';
      inEmphasis = false;
    }
    if (inOpener && !opener) {
      out += '*';
      inOpener = false;
    }
    if (!openNew) return;
    if (opener && !inOpener) {
      out += '*';
      inOpener = true;
    }
    if (emphasis && !inEmphasis) {
      out += '_';
      inEmphasis = true;
    }
  };
  const children: Node[] = [];
  block.forEach((child) => children.push(child));
  children.forEach((child, index) => {
    if (child.isText) {
      moveTo(hasMark(child, 'opener'), hasMark(child, 'emphasis'), true);
      out += child.text ?? '';
      return;
    }
    const next = children.slice(index + 1).find((c) => c.isText);
    // A bracket renders its own marks inside it, so none stays open across it.
    const contained = child.type.name === 'bracket' || child.type.name === 'bracket_alternatives';
    moveTo(next && !contained ? hasMark(next, 'opener') : false, next && !contained ? hasMark(next, 'emphasis') : false, false);
    if (child.type.name === 'footnote') {
      const n = state.footnotes.push(renderInline(child, state));
      out += superscriptNumber(n);
    } else if (child.type.name === 'cross_reference') {
      out += crossReference(child, state);
    } else if (child.type.name === 'bracket_alternatives') {
      if (state.view === 'compilation') child.forEach((alternative) => (out += renderBracket(alternative, state)));
      else out += seamMark;
    } else if (child.type.name === 'bracket') {
      if (state.view === 'compilation') out += renderBracket(child, state);
      else out += seamMark;
    }
  });
  moveTo(false, false, false);
  // Text left around dropped brackets: one space between words, none before punctuation,
  // no doubled separator where the bracket was ("violence, [abuse], exploitation").
  return state.view === 'clean' ? tidySeams(out).replace(/ {2,}/g, ' ').replace(/ +(?=[,;.:⁰¹²³⁴⁵⁶⁷⁸⁹])/g, '').trim() : out;
}

function renderBracket(bracket: Node, state: ExportState): string {
  const attrs = bracket.attrs as Record<string, unknown>;
  return `[${renderInline(bracket, state)}${tagOf(attrs, attrs.deletion === true, state)}]`;
}

function hasMark(node: Node, name: string): boolean {
  return node.marks.some((m) => m.type.name === name);
}

function crossReference(node: Node, state: ExportState): string {
  state.numbering ??= computeNumbering(state.doc);
  const target: unknown = node.attrs.target;
  const entry = typeof target === 'string' ? state.numbering.byId.get(target) : undefined;
  if (!entry) return '??';
  const stable = typeof target === 'string' ? state.stable?.get(target) : undefined;
  // In negotiation a reference reads as the editor shows it: "5 bis" (an alternative: its paragraph's).
  if (stable !== undefined) return stable.replace(/^(OP|PP) /, '').replace(/ alt( \d+)?$/, '');
  switch (entry.kind) {
    case 'sub':
    case 'subsub':
    case 'decision':
    case 'annex':
      return entry.label;
    default:
      return String(entry.number);
  }
}
