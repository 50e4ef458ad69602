/**
 * Repeated openers: when paragraphs of the same part open with the same phrase, the second
 * use takes "also" and the third and later ones "further" (English OP: "Also requests",
 * "Further requests"; PP: "Recalling also", "Recalling further"; French "Prie également",
 * "Rappelant en outre"; Spanish "Solicita también", "Recordando además"). Real adopted texts
 * break this rule, so it never blocks. It depends on the paragraphs before, so the checker
 * runs it over cached openers on every check.
 */
import { phraseLists } from '../../../seeds/index.js';
import type { OpenerMatch } from '../openers.js';
import { hasPhraseList } from '../openers.js';
import type { LocalProblem, StyleFix, StyleLanguage } from '../types.js';

/** One paragraph of a part (PPs, OPs or decision paragraphs) in document order, with its opener. */
export type OpenerEntry = { id: string; opener: OpenerMatch | null };

/**
 * The repeated-opener problems of one part's paragraphs, in order. Uses of an opener run in
 * cycles of three, as adopted texts write them: plain, "also", "further", then plain again
 * ("Decides", "Also decides", "Further decides", "Decides", "Also decides"). A plain use
 * where the cycle asks for an adverb is a warning when it directly follows the previous use
 * (the convention is firm there) and a hint ('info') when other paragraphs stand between
 * (adopted texts often restart the cycle after a gap). An adverb on the first use gets a
 * hint without a fix (the earlier paragraph may have been moved or deleted on purpose).
 * O(paragraphs).
 */
export function repeatedOpenerProblems(entries: readonly OpenerEntry[], language: StyleLanguage): LocalProblem[] {
  if (!hasPhraseList(language)) return [];
  const last = new Map<string, { index: number; position: number; id: string }>();
  const problems: LocalProblem[] = [];
  entries.forEach(({ id, opener }, index) => {
    if (!opener) return;
    const before = last.get(opener.key);
    const position = opener.adverb ? (opener.adverb.degree === 'also' ? 2 : 3) : 1;
    last.set(opener.key, { index, position, id });
    if (!before) {
      if (opener.adverb) {
        problems.push({
          rule: 'repeated-opener', paragraphId: id, from: opener.adverb.from, to: opener.adverb.to, severity: 'info',
          describe: (pathOf) => `${pathOf(id)}: "${opener.phrase}" is used here for the first time; "${opener.adverb?.degree}" marks a repeated opener`,
        });
      }
      return;
    }
    const expected = (before.position % 3) + 1;
    if (position !== 1 || expected === 1) return;
    const degree = expected === 2 ? 'also' : 'further';
    const adverb = phraseLists[language].adverbs[degree];
    const fix = insertAdverb(opener, adverb, language);
    const written = fix ? fix.label.replace(/^Write /, '') : `"${opener.phrase}" with "${adverb}"`;
    const consecutive = before.index === index - 1;
    const previousId = before.id;
    const problem: LocalProblem = {
      rule: 'repeated-opener', paragraphId: id, from: opener.from, to: opener.to, severity: consecutive ? 'warning' : 'info',
      describe: (pathOf) => `${pathOf(id)}: "${opener.phrase}" repeats the opener of ${pathOf(previousId)}; write ${written}`,
    };
    problems.push(fix ? { ...problem, fix } : problem);
  });
  return problems;
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
    return { label: `Write "${written}"`, edits: [{ from: head.from, to: head.from + 1, insert: `${adverb.charAt(0).toUpperCase()}${adverb.slice(1)} ${first.toLowerCase()}` }] };
  }
  if (language === 'es' && opener.words.length > 1) return null;
  return { label: `Write "${head.text} ${adverb}${rest}"`, edits: [{ from: head.to, to: head.to, insert: ` ${adverb}` }] };
}
