import type { Node } from 'prosemirror-model';
import { collectBrackets, paragraphStatus, topParagraphs } from './model.js';

/**
 * Checks what the schema cannot: every bracket (inline or whole-paragraph) has a
 * non-empty id unique among brackets and paragraphs; every paragraph alternative
 * (`alternativeOf`) follows its base paragraph, or another alternative of it, in the same
 * part; a reservation names delegations and "agreed pending" links paragraphs. Returns
 * the problems found, as sentences (empty when the negotiation state is consistent).
 */
export function negotiationProblems(doc: Node): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  doc.descendants((node) => {
    if (typeof node.attrs.id === 'string' && node.attrs.id !== '') seen.add(node.attrs.id);
    return !node.isTextblock || node.inlineContent;
  });
  const bracketIds = new Set<string>();
  for (const bracket of collectBrackets(doc)) {
    if (bracket.id === '') problems.push(`a ${bracket.kind} bracket at ${bracket.pos} has no id`);
    else if (bracketIds.has(bracket.id)) problems.push(`bracket id "${bracket.id}" is used twice`);
    else if (bracket.kind === 'paragraph' && seen.has(bracket.id)) problems.push(`paragraph bracket id "${bracket.id}" is also a node id`);
    bracketIds.add(bracket.id);
  }
  doc.descendants((node) => {
    if (!['preamble', 'operative', 'decision_body'].includes(node.type.name)) return !node.isTextblock;
    let base = '';
    node.forEach((child) => {
      if (!topParagraphs.has(child.type.name)) return;
      const of = String(child.attrs.alternativeOf ?? '');
      if (of === '') base = String(child.attrs.id);
      else if (of !== base) problems.push(`paragraph ${String(child.attrs.id)} is an alternative of "${of}" but does not follow it`);
      const status = paragraphStatus(child);
      if (status.state === 'reservation' && status.delegations.length === 0) problems.push(`paragraph ${String(child.attrs.id)} has a reservation by nobody`);
      if (status.state === 'agreed_pending' && status.linked.length === 0) problems.push(`paragraph ${String(child.attrs.id)} is agreed pending nothing`);
    });
    return false;
  });
  return problems;
}
