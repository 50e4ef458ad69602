import type { Node } from 'prosemirror-model';
import { decisionParagraphLabel, listItemLabel, operativeLabel, subparagraphLabel, subSubparagraphLabel } from './labels.js';
import { renderInline, tagOf, type ExportState } from './export-text-inline.js';

/**
 * The paragraphs of the UN text export (export-text.ts): parts, paragraphs with their
 * labels (numbers, stable negotiation labels, alternatives) and children, lists and annexes.
 */

const indentStep = '    ';

/**
 * The paragraphs of a preamble, operative part or decision body, one block each. An
 * alternative (`alternativeOf` set) takes no number of its own: "7 alt.", "7 alt 2.", "PP3 alt".
 */
export function renderPart(part: Node, state: ExportState): string[][] {
  const blocks: string[][] = [];
  let n = 0;
  let alt = 0;
  part.forEach((paragraph) => {
    const alternative = String(paragraph.attrs.alternativeOf ?? '') !== '';
    if (state.view === 'clean' && (alternative || isBracketed(paragraph) || statusOf(paragraph) === 'deleted' || emptiedInClean(paragraph, state))) return;
    if (alternative) alt++;
    else {
      n++;
      alt = 0;
    }
    blocks.push(renderParagraph(paragraph, paragraphLabel(paragraph, n, alt, state), '', state));
  });
  return blocks;
}

/**
 * The label the text writes before a top-level paragraph (PP, OP, decision paragraph), the
 * `n`-th of its part not counting alternatives, `alt` its place among the alternatives that
 * follow it (0 = not an alternative): "5.", "(b)", '' for a PP; "7 alt." / "PP3 alt"; in a
 * compilation of a document in negotiation its stable label ("5 bis.", "PP2 bis alt").
 */
export function paragraphLabel(paragraph: Node, n: number, alt: number, state: ExportState): string {
  const alternative = String(paragraph.attrs.alternativeOf ?? '') !== '';
  const stable = state.stable?.get(String(paragraph.attrs.id));
  if (stable !== undefined) return stableTextLabel(paragraph, stable, alternative);
  return alternative ? alternativeLabel(paragraph, n, alt, state) : topLabel(paragraph, n, state);
}

function topLabel(paragraph: Node, n: number, state: ExportState): string {
  switch (paragraph.type.name) {
    case 'operative_paragraph':
      return operativeLabel(n, state.language);
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
      case 'paragraph_text': {
        // A bracket dropped at the very start of a paragraph (or of its *opener*) in the clean
        // view leaves its seam's space there.
        const text = state.view === 'clean' ? renderInline(child, state).replace(/^([*_]*)\s+/, '$1') : renderInline(child, state);
        lines.push(`${indent}${label === '' ? '' : `${label} `}${bracketed ? '[' : ''}${text}`);
        break;
      }
      case 'subparagraph':
        if (droppedInClean(child, state)) break;
        lines.push(...renderParagraph(child, subparagraphLabel(++subs, state.language), indent + indentStep, state));
        break;
      case 'sub_subparagraph':
        if (droppedInClean(child, state)) break;
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
  let n = 0;
  list.forEach((item) => {
    if (!emptiedInClean(item, state)) lines.push(...renderParagraph(item, listItemLabel(++n, state.language), indent, state));
  });
  return lines;
}

// In the clean view, a subparagraph goes when bracketed whole or emptied (see below).
function droppedInClean(node: Node, state: ExportState): boolean {
  return state.view === 'clean' && (isBracketed(node) || emptiedInClean(node, state));
}

// The clean view's rule for emptied paragraphs (clean-view.ts, which draws this text): a
// paragraph, subparagraph, list item or annex paragraph whose text had words that were all in
// brackets, with nothing else kept, goes as if bracketed whole; so does a list left without items.
function emptiedInClean(node: Node, state: ExportState): boolean {
  if (state.view !== 'clean') return false;
  if (node.type.name === 'numbered_list') {
    let kept = false;
    node.forEach((item) => (kept ||= !emptiedInClean(item, state)));
    return !kept;
  }
  // A probe: rendering numbers the footnotes it meets, which the real rendering does again.
  const empty = (block: Node) => block.childCount > 0 && renderInline(block, { ...state, footnotes: [] }).trim() === '';
  if (node.type.name === 'annex_paragraph') return empty(node);
  const text = node.firstChild;
  if (text?.type.name !== 'paragraph_text' || !empty(text)) return false;
  let kept = false;
  node.forEach((child, _offset, index) => (kept ||= index > 0 && !(child.type.name === 'numbered_list' ? emptiedInClean(child, state) : droppedInClean(child, state))));
  return !kept;
}

/**
 * An annex's title and content as blocks; a numbered list directly follows the annex
 * paragraph before it on the next line, as it is that paragraph's continuation ("... as follows:").
 */
export function renderAnnex(annex: Node, state: ExportState): string[][] {
  const blocks: string[][] = [];
  let previous: string[] | null = null;
  annex.forEach((child) => {
    if (child.type.name === 'annex_title') {
      blocks.push([renderInline(child, state)]);
    } else if (child.type.name === 'annex_paragraph') {
      if (emptiedInClean(child, state)) return;
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

