import type { Node } from 'prosemirror-model';
import { computeNumbering } from '../../document/numbering.js';
import { tagOf, type ExportState } from '../../document/export-text-inline.js';
import { typstText } from './typst-escape.js';

/**
 * The inline part of the Typst writer (typst.ts): a text block's runs as escaped Typst
 * markup, openers in italics, emphasis toggling italics (upright inside an opener, as UN
 * texts set a title cited in an opener), footnotes as Typst footnotes (numbered through the
 * document, set at the foot of the page that cites them), cross-references as the number
 * or label the text export prints, and brackets with the text export's attribution tags.
 */

/**
 * The content of `block` (a text block, a footnote or a bracket) as Typst markup. Every
 * character of user text goes through `typstText`; the markup around it is ours.
 */
export function inlineTypst(block: Node, state: ExportState): string {
  let out = '';
  block.forEach((child) => {
    if (child.isText) {
      out += marked(child, typstText(child.text ?? ''));
    } else if (child.type.name === 'footnote') {
      out += `#footnote[${inlineTypst(child, state)}]`;
    } else if (child.type.name === 'cross_reference') {
      out += typstText(crossReference(child, state));
    } else if (child.type.name === 'bracket_alternatives') {
      if (state.view === 'compilation') child.forEach((alternative) => (out += bracketTypst(alternative, state)));
    } else if (child.type.name === 'bracket') {
      if (state.view === 'compilation') out += bracketTypst(child, state);
    }
  });
  return out;
}

function marked(node: Node, markup: string): string {
  let out = markup;
  if (node.marks.some((m) => m.type.name === 'emphasis')) out = `#emph[${out}]`;
  if (node.marks.some((m) => m.type.name === 'opener')) out = `#emph[${out}]`;
  return out;
}

function bracketTypst(bracket: Node, state: ExportState): string {
  const attrs = bracket.attrs as Record<string, unknown>;
  return `${typstText('[')}${inlineTypst(bracket, state)}${typstText(`${tagOf(attrs, attrs.deletion === true, state)}]`)}`;
}

// As the text export writes a reference: the target's number or label, its stable label in
// negotiation ("5 bis"), "??" when the target is missing.
function crossReference(node: Node, state: ExportState): string {
  state.numbering ??= computeNumbering(state.doc);
  const target: unknown = node.attrs.target;
  const entry = typeof target === 'string' ? state.numbering.byId.get(target) : undefined;
  if (!entry) return '??';
  const stable = typeof target === 'string' ? state.stable?.get(target) : undefined;
  if (stable !== undefined) return stable.replace(/^(OP|PP) /, '').replace(/ alt( \d+)?$/, '');
  return entry.kind === 'sub' || entry.kind === 'subsub' || entry.kind === 'decision' || entry.kind === 'annex' ? entry.label : String(entry.number);
}
