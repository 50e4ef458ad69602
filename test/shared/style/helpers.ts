/**
 * Test helpers for the style checker: small documents from plain strings, problems of one
 * rule, and applying a problem's fix to the document the way an editor would (mapping the
 * fix's text offsets to document positions with `textOffsetToPos`).
 */
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { buildDocument, type DocumentSpec, type Paragraph } from '../../../shared/document/build.js';
import type { Language } from '../../../shared/document/labels.js';
import { paragraphText, textOffsetToPos } from '../../../shared/style/text.js';
import type { RuleId, StyleProblem } from '../../../shared/style/types.js';
import { checkDocument } from '../../../shared/style/check.js';

/** A resolution with these preambular and operative paragraphs (language `en` unless given). */
export function resolution(preamble: Paragraph[], operative: Paragraph[], language: Language = 'en', extra: Partial<DocumentSpec> = {}): Node {
  return buildDocument({ title: 'Test resolution', body: 'The General Assembly,', header: { language }, preamble, operative, ...extra });
}

/** A decision with these lettered paragraphs. */
export function decision(paragraphs: Paragraph[], language: Language = 'en'): Node {
  return buildDocument({ kind: 'decision', title: 'Test decision', body: 'The Economic and Social Council:', header: { language }, operative: paragraphs });
}

/** The problems of `doc` (from a fresh check) raised by `rule`. */
export function problemsOf(doc: Node, rule: RuleId): StyleProblem[] {
  return checkDocument(doc).filter((p) => p.rule === rule);
}

/** The node with attribute id `id` and its position, or throws. */
export function findById(doc: Node, id: string): { node: Node; pos: number } {
  let found: { node: Node; pos: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.attrs.id === id && node.type.name !== 'header') found = { node, pos };
    return true;
  });
  if (!found) throw new Error(`no node with id ${id}`);
  return found;
}

/** The node holding a problem's text (a paragraph's paragraph_text, an annex paragraph or a footnote) and its position. */
export function textNodeOf(doc: Node, id: string): { node: Node; pos: number } {
  const { node, pos } = findById(doc, id);
  if (node.firstChild?.type.name === 'paragraph_text') return { node: node.firstChild, pos: pos + 1 };
  return { node, pos };
}

/** `doc` with the edits of `problem.fix` applied (throws when it has none). */
export function applyProblemFix(doc: Node, problem: StyleProblem): Node {
  if (!problem.fix) throw new Error(`problem has no fix: ${problem.message}`);
  const { node, pos } = textNodeOf(doc, problem.paragraphId);
  const tr = new Transform(doc);
  const edits = [...problem.fix.edits].sort((a, b) => b.from - a.from);
  for (const edit of edits) {
    const from = textOffsetToPos(node, pos, edit.from);
    const to = textOffsetToPos(node, pos, edit.to);
    if (edit.insert === '') tr.delete(from, to);
    else tr.replaceWith(from, to, doc.type.schema.text(edit.insert, doc.resolve(from).marks()));
  }
  return tr.doc;
}

/** The text of the paragraph (or footnote) with id `id`, as the rules read it. */
export function ownTextOf(doc: Node, id: string): string {
  return paragraphText(textNodeOf(doc, id).node).text;
}
