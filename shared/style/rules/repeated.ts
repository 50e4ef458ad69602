/**
 * Repeated openers: when consecutive paragraphs of the same part open with the same phrase,
 * the second takes "also" and the third "further" (English OP: "Also requests", "Further
 * requests"; PP: "Recalling also", "Recalling further"; French "Prie également", "Rappelant
 * en outre"; Spanish "Solicita también", "Recordando además"). Real adopted texts break this
 * rule, so it never blocks. It depends on the paragraphs before, so the checker runs it over
 * cached openers on every check.
 *
 * The rule as the 74th-session General Assembly resolutions write it (318 adopted texts,
 * English, counted by bench/style-corpus.ts's corpus with the openers of this module):
 * - the adverb marks a run of DIRECTLY consecutive uses. After other paragraphs the cycle
 *   starts again with the plain opener: of 4,397 uses after a gap, 4,372 are plain (OP 10
 *   "Requests" after OP 3 "Requests" is right);
 * - an opener that asks someone to act ("Requests the Secretary-General to", "Calls upon
 *   all States to", see addressee.ts) continues a run only for the same addressee: directly
 *   after "Requests the Secretary-General to", "Requests the United Nations Office on Drugs
 *   and Crime to" is plain (61 of 62 cases), "Also requests the Secretary-General to" takes
 *   the adverb (118 of 127). Requests, Calls upon, Urges, Invites and Encourages alike;
 * - other openers ("Welcomes", "Reaffirms", "Recalling") take the adverb when they directly
 *   repeat, whatever follows them (807 of 1,262 OPs, 904 of 1,014 PPs);
 * - "once again", "once more" or "again" marks the renewed use as "also" does ("Reaffirms
 *   once again that", "Reaffirming once more"), so it needs no adverb;
 * - a section heading printed before the paragraph ("XIV Seventy-fifth session of the
 *   General Assembly — Requests ...", "Financing of the appropriation — Decides ...") starts
 *   a new section, where the cycle starts again (all 35 such uses in the corpus are plain).
 */
import { phraseLists } from '../../../seeds/index.js';
import type { OpenerMatch } from '../openers.js';
import { hasPhraseList } from '../openers.js';
import { styleFix } from '../fix.js';
import { hint } from '../hint-text.js';
import type { LocalProblem, StyleFix, StyleLanguage } from '../types.js';

/** One paragraph of a part (PPs, OPs or decision paragraphs) in document order, with its opener. */
export type OpenerEntry = { id: string; opener: OpenerMatch | null };

/**
 * The repeated-opener problems of one part's paragraphs, in order. A paragraph continues a
 * run when the paragraph right before it has the same opener and, when both name an
 * addressee, the same one. Uses within a run cycle in threes, as adopted texts write them:
 * plain, "also", "further", then plain again ("Decides", "Also decides", "Further decides",
 * "Decides", "Also decides"). A plain use where the run asks for an adverb is a warning
 * with the adverb as its fix; a use that starts a run (after other paragraphs, or for
 * another addressee) is never a repeat. An adverb on the first use of an opener in the part
 * gets a hint without a fix (the earlier paragraph may have been moved or deleted on
 * purpose). O(paragraphs).
 */
export function repeatedOpenerProblems(entries: readonly OpenerEntry[], language: StyleLanguage): LocalProblem[] {
  if (!hasPhraseList(language)) return [];
  const used = new Set<string>();
  const problems: LocalProblem[] = [];
  let previous: { opener: OpenerMatch; position: number; id: string } | null = null;
  entries.forEach(({ id, opener }) => {
    const before = previous;
    previous = null;
    if (!opener) return;
    const position = opener.adverb ? (opener.adverb.degree === 'also' ? 2 : 3) : 1;
    previous = { opener, position, id };
    const firstUse = !used.has(opener.key);
    used.add(opener.key);
    if (firstUse && opener.adverb) {
      problems.push({
        rule: 'repeated-opener', paragraphId: id, from: opener.adverb.from, to: opener.adverb.to, severity: 'info',
        hint: hint('adverbFirstUse', { phrase: opener.phrase, adverb: opener.adverb.degree }),
      });
      return;
    }
    if (!before || !sameRun(before.opener, opener) || opener.again || opener.headed) return;
    const expected = (before.position % 3) + 1;
    if (position !== 1 || expected === 1) return;
    const degree = expected === 2 ? 'also' : 'further';
    const adverb = phraseLists[language].adverbs[degree];
    const fix = insertAdverb(opener, adverb, language);
    const previousId = before.id;
    const written = fix?.hint.values.written;
    const problem: LocalProblem = {
      rule: 'repeated-opener', paragraphId: id, from: opener.from, to: opener.to, severity: 'warning',
      hint: (pathOf) => typeof written === 'string'
        ? hint('repeatsWrite', { phrase: opener.phrase, previous: pathOf(previousId), written })
        : hint('repeatsWith', { phrase: opener.phrase, previous: pathOf(previousId), adverb }),
    };
    problems.push(fix ? { ...problem, fix } : problem);
  });
  return problems;
}

// Same opener, and the same addressee where both paragraphs name one.
function sameRun(a: OpenerMatch, b: OpenerMatch): boolean {
  if (a.key !== b.key) return false;
  return a.addressee === null || b.addressee === null || a.addressee === b.addressee;
}

// English OPs put the adverb first; everywhere else it follows the first word. Spanish
// multi-word phrases are left without a fix: usage varies ("Toma nota también" / "Toma también nota").
function insertAdverb(opener: OpenerMatch, adverb: string, language: StyleLanguage): StyleFix | null {
  const head = opener.words[0];
  if (!head) return null;
  const rest = opener.words.slice(1).map((w) => ` ${w.text}`).join('');
  if (language === 'en' && opener.part === 'op') {
    const first = head.text.charAt(0);
    const written = `${adverb.charAt(0).toUpperCase()}${adverb.slice(1)} ${first.toLowerCase()}${head.text.slice(1)}${rest}`;
    return styleFix(hint('write', { written }), [{ from: head.from, to: head.from + 1, insert: `${adverb.charAt(0).toUpperCase()}${adverb.slice(1)} ${first.toLowerCase()}` }]);
  }
  if (language === 'es' && opener.words.length > 1) return null;
  if (language === 'zh') return styleFix(hint('write', { written: `${adverb}${opener.phrase}` }), [{ from: head.from, to: head.from, insert: adverb }]);
  // Arabic and Russian put the adverb after the whole phrase ("وإذ تشير أيضا", "с удовлетворением отмечая также").
  const last = opener.words[opener.words.length - 1] ?? head;
  if (language === 'ar' || language === 'ru') return styleFix(hint('write', { written: `${opener.words.map((w) => w.text).join(' ')} ${adverb}` }), [{ from: last.to, to: last.to, insert: ` ${adverb}` }]);
  return styleFix(hint('write', { written: `${head.text} ${adverb}${rest}` }), [{ from: head.to, to: head.to, insert: ` ${adverb}` }]);
}
