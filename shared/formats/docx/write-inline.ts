/**
 * The inline content of the Word writer: a text block's runs as the text export writes them
 * (shared/document/export-text-inline.ts), but structured for OOXML: italics (opener and
 * emphasis) as a run property, footnotes as real notes with their own content, brackets as
 * literal brackets with their attribution tags, or with a Word comment naming who proposed,
 * supports and opposes them.
 */
import type { Node } from 'prosemirror-model';
import { crossReference, tagOf, type ExportState } from '../../document/export-text-inline.js';
import { readAttribution } from '../../negotiation/model.js';

/**
 * One piece of a paragraph: text (tabs as "\t"; `author` the first proposer of the
 * innermost bracket it lies in, '' outside brackets), a footnote with its content, or
 * zero-width markup written as it is (comment range marks and references).
 */
export type Inline =
  | { kind: 'text'; text: string; italic: boolean; author: string }
  | { kind: 'note'; content: Inline[]; author: string }
  | { kind: 'anchor'; xml: string };

/** A Word comment: its id in comments.xml and its text. */
export type DocxComment = { id: number; text: string };

/**
 * What the inline writer carries: the text export's state (language, stable labels, tags
 * option), how brackets are shown, and the comments made so far (null: brackets in
 * 'comments' mode are written as literal brackets without comments, as for the old side of
 * a comparison).
 */
export type InlineContext = { state: ExportState; brackets: 'tags' | 'comments'; comments: DocxComment[] | null };

/** The inline content of a text block (paragraph_text, title, annex paragraph, footnote). */
export function inlinesOf(block: Node, ctx: InlineContext, author = ''): Inline[] {
  const out: Inline[] = [];
  block.forEach((child) => {
    if (child.isText) {
      const italic = child.marks.some((m) => m.type.name === 'opener' || m.type.name === 'emphasis');
      out.push({ kind: 'text', text: child.text ?? '', italic, author });
    } else if (child.type.name === 'footnote') {
      out.push({ kind: 'note', content: inlinesOf(child, ctx, author), author });
    } else if (child.type.name === 'cross_reference') {
      out.push({ kind: 'text', text: crossReference(child, ctx.state), italic: false, author });
    } else if (child.type.name === 'bracket_alternatives') {
      child.forEach((alternative) => out.push(...bracketInlines(alternative, ctx, author)));
    } else if (child.type.name === 'bracket') {
      out.push(...bracketInlines(child, ctx, author));
    }
  });
  return out;
}

function bracketInlines(bracket: Node, ctx: InlineContext, outer: string): Inline[] {
  const attrs = bracket.attrs as Record<string, unknown>;
  const author = readAttribution(attrs).proposedBy[0] ?? outer;
  const inner = inlinesOf(bracket, ctx, author);
  const text = (value: string): Inline => ({ kind: 'text', text: value, italic: false, author });
  if (ctx.brackets === 'tags') return [text('['), ...inner, text(`${tagOf(attrs, attrs.deletion === true, ctx.state)}]`)];
  const [start, end] = commentAnchors(ctx, attrs);
  return [...start, text('['), ...inner, text(']'), ...end];
}

/**
 * The comment range marks around a bracket in 'comments' mode, as anchors before and after
 * it, with the comment recorded in `ctx.comments`; none when comments are not kept.
 */
export function commentAnchors(ctx: InlineContext, attrs: Record<string, unknown>): [Inline[], Inline[]] {
  if (ctx.comments === null) return [[], []];
  const id = ctx.comments.length;
  ctx.comments.push({ id, text: commentText(attrs) });
  return [
    [{ kind: 'anchor', xml: `<w:commentRangeStart w:id="${id}"/>` }],
    [{ kind: 'anchor', xml: `<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>` }],
  ];
}

/**
 * The text of a bracket's comment: "Proposed by EU, CAN. Supported by MEX. Opposed by RUS."
 * ("Proposed for deletion by ..." for a deletion proposal), leaving out empty lists; a
 * bracket nobody is named for reads "Bracketed." / "Proposed for deletion.".
 */
export function commentText(attrs: Record<string, unknown>): string {
  const who = readAttribution(attrs);
  const deletion = attrs.deletion === true;
  const lines: string[] = [];
  const proposed = deletion ? 'Proposed for deletion' : 'Proposed';
  lines.push(who.proposedBy.length === 0 ? (deletion ? 'Proposed for deletion.' : 'Bracketed.') : `${proposed} by ${who.proposedBy.join(', ')}.`);
  if (who.supportedBy.length > 0) lines.push(`Supported by ${who.supportedBy.join(', ')}.`);
  if (who.opposedBy.length > 0) lines.push(`Opposed by ${who.opposedBy.join(', ')}.`);
  return lines.join(' ');
}
