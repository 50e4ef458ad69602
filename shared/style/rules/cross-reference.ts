/**
 * Cross-references ("paragraph 5 above") point at a paragraph by id; when that paragraph is
 * deleted the reference is broken. There is no certain fix: which paragraph was meant is
 * for the author to say.
 */
import type { ParagraphText } from '../text.js';
import { hint } from '../hint-text.js';
import type { LocalProblem } from '../types.js';

/**
 * One problem per cross-reference in the paragraph `id` whose target is not a paragraph of
 * the document (`isTarget` says which ids are); the range is the reference's character.
 */
export function brokenReferenceProblems(id: string, paragraph: ParagraphText, isTarget: (id: string) => boolean): LocalProblem[] {
  return paragraph.atoms
    .filter((atom) => atom.kind === 'cross_reference' && !isTarget(atom.id))
    .map((atom) => ({
      rule: 'broken-reference' as const, paragraphId: id, from: atom.offset, to: atom.offset + 1, severity: 'warning' as const,
      hint: hint('brokenReference'),
    }));
}
