/**
 * Opener rules of one language's conventions, checked against the 74th-session texts
 * (bench/style-corpus.ts and bench/language-conventions.ts print the counts):
 * - Arabic: the first preambular paragraph opens with "إذ" and every later one with "وإذ",
 *   the "and" joined to the particle: of the first PPs that open with an إذ form, 248 of 249
 *   write "إذ"; of the later ones, 4,561 of 4,568 write "وإذ" joined (the others: a bare
 *   "إذ" or "و إذ" apart). A PP after a section heading starts its section like a first
 *   one. Other openers ("وقد نظرت", "وإدراكا منها") are left alone: 48 first PPs open with
 *   "وقد نظرت".
 * - Russian: openers continue the body line ("Генеральная Ассамблея,") in lower case:
 *   12,070 of 12,168 PP and OP openings; the capitals are section headings and paragraphs
 *   the source split mid-sentence, never a listed opener (the rule fires on no adopted text).
 */
import { styleFix } from '../fix.js';
import type { OpenerMatch } from '../openers.js';
import { openerStart } from '../openers.js';
import type { LocalProblem } from '../types.js';

// "إذ" (vowel marks allowed) after an optional "و", joined or apart, before a space.
const particle = /^(و)?( ?)(إ[\u064B-\u0652\u0640]*ذ[\u064B-\u0652\u0640]*)(?=\s)/u;

/**
 * The Arabic particle problem of a preambular paragraph `text`, or null. `first` is true
 * for the part's first paragraph; a paragraph that prints a section heading before its
 * opener counts as first too.
 */
export function arabicParticleProblem(id: string, text: string, first: boolean): LocalProblem | null {
  const at = openerStart(text, 'ar');
  const match = particle.exec(text.slice(at));
  if (!match) return null;
  const headed = at > 0 && text.slice(0, at).includes(' \u2014 ');
  const and = match[1] === 'و';
  const apart = match[2] === ' ';
  const word = match[3] ?? 'إذ';
  const to = at + match[0].length;
  const opening = first || headed;
  let key: string;
  let written: string;
  if (opening && and) {
    key = 'arabicFirstPreambular';
    written = word;
  } else if (!opening && !and) {
    key = 'arabicLaterPreambular';
    written = `و${word}`;
  } else if (and && apart) {
    key = 'arabicJoinedAnd';
    written = `و${word}`;
  } else return null;
  const values = { written };
  return {
    rule: 'opener-particle', paragraphId: id, from: at, to, severity: 'warning',
    hint: { key, values },
    fix: styleFix({ key: 'write', values }, [{ from: at, to, insert: written }]),
  };
}

/**
 * The Russian case problem of a recognised opener: its first letter is a capital (the
 * lists are matched regardless of case). Its fix writes that letter in lower case.
 */
export function russianCaseProblem(id: string, opener: OpenerMatch, text: string): LocalProblem | null {
  const c = text.charAt(opener.from);
  if (c === c.toLowerCase()) return null;
  const first = opener.words[0];
  const end = first ? Math.max(first.to, opener.from + 1) : opener.from + 1;
  const written = c.toLowerCase() + text.slice(opener.from + 1, end);
  const values = { written };
  return {
    rule: 'opener-case', paragraphId: id, from: opener.from, to: end, severity: 'warning',
    hint: { key: 'russianLowerCase', values },
    fix: styleFix({ key: 'write', values }, [{ from: opener.from, to: opener.from + 1, insert: c.toLowerCase() }]),
  };
}
