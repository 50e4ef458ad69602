import type { Node } from 'prosemirror-model';
import type { Language } from './labels.js';
import { superscriptNumber } from './labels.js';
import { computeNumbering, type Numbering } from './numbering.js';
import { seamMark, tidySeams } from '../negotiation/seams.js';

/**
 * The inline part of the UN text export (export-text.ts): a text block's runs with their
 * marks, footnote markers, cross-references and brackets with their attribution tags, and
 * the state one export carries through the document.
 */

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

/** What one export carries through the document: its options, the footnotes written so far, numbering and stable labels. */
export type ExportState = {
  language: Language;
  footnotes: string[];
  numbering: Numbering | null;
  doc: Node;
  view: TextView;
  tags: boolean;
  // Stable labels by paragraph id while a compilation of a document in negotiation is written.
  stable: ReadonlyMap<string, string> | null;
};

/** The attribution tag of a bracket (inline node attrs or a paragraph's bracket object): " (EU, CAN)", " (RUS: delete)". */
export function tagOf(attrs: Record<string, unknown>, deletion: boolean, state: ExportState): string {
  if (!state.tags) return '';
  const codes = Array.isArray(attrs.proposedBy) ? attrs.proposedBy.filter((c): c is string => typeof c === 'string') : [];
  if (codes.length === 0) return deletion ? ' (delete)' : '';
  return ` (${codes.join(', ')}${deletion ? ': delete' : ''})`;
}

/**
 * Inline content with `*opener*`, `_emphasis_` (emphasis nests inside the opener), footnote
 * markers and cross-references. An atom between two runs of the same mark stays inside it
 * ("*Recalling¹ also*"); a mark that does not go on after the atom closes before it
 * ("_Convention_¹"), as UN texts place the marker after the italics.
 */
export function renderInline(block: Node, state: ExportState): string {
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

/** How the text writes a cross-reference: its target's number or label ("5", "(b)", "5 bis" in negotiation), "??" when the target is missing. */
export function crossReference(node: Node, state: ExportState): string {
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
