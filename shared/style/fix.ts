/**
 * Quick fixes and problems' English text from their catalogue hints (see hint-text.ts).
 */
import { hintText, type HintKey } from './hint-text.js';
import type { LocalProblem, StyleFix, StyleProblem, TextEdit } from './types.js';

/** A quick fix whose label is the catalogue sentence `hint` (English in `label`). */
export function styleFix(hint: HintKey, edits: TextEdit[]): StyleFix {
  return { label: hintText(hint), hint, edits };
}

/**
 * The problem `local` with its place and hint resolved by `pathOf`, and its English message
 * ("OP 3: ends with ..."), as the checker returns it.
 */
export function resolveProblem(local: LocalProblem, pathOf: (id: string) => string): StyleProblem {
  const { hint: given, place: placeOf, fix, ...rest } = local;
  const hint = typeof given === 'function' ? given(pathOf) : given;
  const place = placeOf ? placeOf(pathOf) : pathOf(local.paragraphId);
  const problem: StyleProblem = { ...rest, place, hint, message: `${place}: ${hintText(hint)}` };
  if (fix) problem.fix = fix;
  return problem;
}
