import type { Node } from 'prosemirror-model';
import { tagOf, type ExportState } from '../../document/export-text-inline.js';
import { decisionParagraphLabel, listItemLabel, operativeLabel, subparagraphLabel, subSubparagraphLabel } from '../../document/labels.js';
import { typstText } from './typst-escape.js';
import { inlineTypst } from './typst-inline.js';
import { indentStep } from './typst-page.js';

/**
 * The paragraphs of the Typst writer (typst.ts), labelled as the text export labels them
 * (shared/document/export-text-paragraphs.ts): operative numbers, decision letters and
 * (a)/(i) labels hang in a box one indentation step wide, the text wrapping under the
 * text; preambular and annex paragraphs take a first-line indent. In a compilation a
 * bracketed paragraph opens "[" before its text and closes with its tag after its last
 * line; the clean view gets a document from which cleanViewDoc removed all that.
 */

// One paragraph as Typst will set it: its depth (indentation steps before the label), its
// label ('' for none) and its text markup; `close` is appended after the text (a bracket's tag).
type Line = { depth: number; label: string; text: string; close: string };

/** The paragraphs of a preamble, operative part or decision body as Typst markup, one `#par` each. */
export function partTypst(part: Node, state: ExportState): string[] {
  const lines: Line[] = [];
  let n = 0;
  let alt = 0;
  part.forEach((paragraph) => {
    const alternative = String(paragraph.attrs.alternativeOf ?? '') !== '';
    if (alternative) alt++;
    else {
      n++;
      alt = 0;
    }
    const stable = state.stable?.get(String(paragraph.attrs.id));
    const label = stable !== undefined ? stableLabel(paragraph, stable, alternative) : alternative ? alternativeLabel(paragraph, n, alt, state) : topLabel(paragraph, n, state);
    lines.push(...paragraphLines(paragraph, label, 0, state));
  });
  return lines.map((line) => setLine(line, part.type.name === 'preamble'));
}

/** An annex's title (bold, centred) and its paragraphs (first-line indent) and numbered lists (hanging numbers). */
export function annexTypst(annex: Node, state: ExportState): string[] {
  const out: string[] = [];
  annex.forEach((child) => {
    if (child.type.name === 'annex_title') out.push(`#align(center, block(above: 1em, below: 1.2em, strong[${inlineTypst(child, state)}]))`);
    else if (child.type.name === 'annex_paragraph') out.push(setLine({ depth: 0, label: '', text: inlineTypst(child, state), close: '' }, true));
    else if (child.type.name === 'numbered_list') out.push(...listLines(child, 0, state).map((line) => setLine(line, false)));
  });
  return out;
}

function topLabel(paragraph: Node, n: number, state: ExportState): string {
  if (paragraph.type.name === 'operative_paragraph') return operativeLabel(n, state.language);
  if (paragraph.type.name === 'decision_paragraph') return decisionParagraphLabel(n, state.language);
  return '';
}

// As the text export: "OP 5 bis" is "5 bis.", a PP is unlabelled unless an alternative.
function stableLabel(paragraph: Node, stable: string, alternative: boolean): string {
  if (paragraph.type.name === 'operative_paragraph') return `${stable.replace(/^OP /, '')}.`;
  if (paragraph.type.name === 'decision_paragraph') return stable;
  return alternative ? stable.replace(/^PP /, 'PP') : '';
}

function alternativeLabel(paragraph: Node, n: number, alt: number, state: ExportState): string {
  const suffix = alt === 1 ? 'alt' : `alt ${alt}`;
  if (paragraph.type.name === 'operative_paragraph') return `${n} ${suffix}.`;
  if (paragraph.type.name === 'decision_paragraph') return `${decisionParagraphLabel(n, state.language)} ${suffix}`;
  return `PP${n} ${suffix}`;
}

function bracketOf(node: Node): Record<string, unknown> | null {
  const bracket: unknown = node.attrs.bracket;
  return bracket !== null && typeof bracket === 'object' ? (bracket as Record<string, unknown>) : null;
}

function paragraphLines(node: Node, label: string, depth: number, state: ExportState): Line[] {
  const lines: Line[] = [];
  const bracket = state.view === 'compilation' ? bracketOf(node) : null;
  let subs = 0;
  let subsubs = 0;
  node.forEach((child) => {
    switch (child.type.name) {
      case 'paragraph_text':
        lines.push({ depth, label, text: `${bracket ? typstText('[') : ''}${inlineTypst(child, state)}`, close: '' });
        break;
      case 'subparagraph':
        lines.push(...paragraphLines(child, subparagraphLabel(++subs, state.language), depth + 1, state));
        break;
      case 'sub_subparagraph':
        lines.push(...paragraphLines(child, subSubparagraphLabel(++subsubs, state.language), depth + 1, state));
        break;
      case 'numbered_list':
        lines.push(...listLines(child, depth + 1, state));
        break;
    }
  });
  const last = lines[lines.length - 1];
  if (bracket && last) last.close += typstText(`${tagOf(bracket, false, state)}]`);
  return lines;
}

function listLines(list: Node, depth: number, state: ExportState): Line[] {
  const lines: Line[] = [];
  list.forEach((item, _offset, index) => lines.push(...paragraphLines(item, listItemLabel(index + 1, state.language), depth, state)));
  return lines;
}

// A label longer than its box would run into the text: it is set inline with a space instead.
const boxedLabelLength = 7;

function setLine(line: Line, firstLineIndent: boolean): string {
  const step = (k: number) => (k === 0 ? '0pt' : `${k} * ${indentStep}`);
  const text = `${line.text}${line.close}`;
  if (line.label === '') {
    const first = firstLineIndent ? step(line.depth + 1) : step(line.depth);
    return `#par(first-line-indent: (amount: ${first}, all: true), hanging-indent: ${step(line.depth)})[${text}]`;
  }
  const label = line.label.length > boxedLabelLength ? `${typstText(line.label)}#h(0.5em)` : `#box(width: ${indentStep})[${typstText(line.label)}]`;
  return `#par(first-line-indent: (amount: ${step(line.depth)}, all: true), hanging-indent: ${step(line.depth + 1)})[${label}${text}]`;
}
