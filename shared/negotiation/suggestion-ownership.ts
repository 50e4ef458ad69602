import type { Node, ResolvedPos } from 'prosemirror-model';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { bracketableParagraphs, paragraphBracket } from './model.js';

/**
 * What a delegation owns in suggestion mode: its own proposals (an insertion bracket or a
 * new paragraph proposed by it alone), inside which it edits freely, and its own deletion
 * proposals, which its next deletion joins. suggestion-ops.ts builds on these.
 */

const { nodes } = resolutionSchema;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const ownedBy = (v: unknown, d: string): boolean => {
  const by = strings(v);
  return by.length === 1 && by[0] === d;
};

/** True for a bracket proposed by `d` alone that is an insertion (not a deletion proposal). */
export function isOwnInsertion(node: Node | null | undefined, d: string): boolean {
  return !!node && node.type === nodes.bracket && node.attrs.deletion !== true && ownedBy(node.attrs.proposedBy, d);
}

/** True for a deletion proposal of `d` alone. */
export function isOwnDeletion(node: Node | null | undefined, d: string): boolean {
  return !!node && node.type === nodes.bracket && node.attrs.deletion === true && ownedBy(node.attrs.proposedBy, d);
}

/** True for a paragraph `d` proposed (whole-paragraph bracket of `d` alone, no status yet). */
export function isOwnParagraph(node: Node, d: string): boolean {
  const bracket = bracketableParagraphs.has(node.type.name) ? paragraphBracket(node) : null;
  return !!bracket && ownedBy(bracket.proposedBy, d) && (node.attrs.status === null || node.attrs.status === undefined);
}

/**
 * The depth of the outermost ancestor of `$pos` that is `d`'s own proposal (insertion
 * bracket or proposed paragraph), or -1: everything inside it is `d`'s to change.
 */
export function ownProposalDepth($pos: ResolvedPos, d: string): number {
  for (let depth = 1; depth <= $pos.depth; depth++) {
    const node = $pos.node(depth);
    if (isOwnInsertion(node, d) || isOwnParagraph(node, d)) return depth;
  }
  return -1;
}

/** True when the range from..to lies inside one own proposal of `d` (everything in it is `d`'s to change). */
export function insideOwn(doc: Node, from: number, to: number, d: string): boolean {
  const $from = doc.resolve(from);
  const depth = ownProposalDepth($from, d);
  return depth > 0 && to <= $from.end(depth);
}
