/**
 * The keystroke bench's document: 12 PPs and 60 OPs (every fifth OP with two
 * subparagraphs, every fourth with a footnote), ~60,000 characters, as UN-layout text, in
 * English or in Arabic (`language` 'ar': the same structure with Arabic words, openers, body
 * line and labels, '31 -', as an Arabic resolution is written right to left).
 * With `brackets > 0` it is a compilation text in negotiation: the same paragraphs carry
 * literal brackets that the importer turns into bracket objects, as a facilitator's text
 * has them: nested brackets (to depth 3), alternative groups of two and three, attribution
 * tags, a deletion proposal, and some operative paragraphs bracketed whole.
 */
import { buildDocument } from '../shared/document/build.js';
import { exportText } from '../shared/document/export-text.js';
import { importText } from '../shared/import/index.js';
import { countBrackets, type BracketCounts } from '../shared/negotiation/model.js';

/** The languages the bench document is written in. */
export type BenchLanguage = 'en' | 'ar';

type Unit = { text: string; brackets: number };

// The words, phrases and bracketed phrases (as delegations propose them, with the number of
// brackets each opens) of the document in each language.
const wording: Readonly<Record<BenchLanguage, { words: string[]; units: Unit[]; title: string; body: string; pp: string; op: string; ppEnd: string; opEnd: string; footnote: string }>> = {
  en: {
    words: 'the Secretary-General to continue supporting Member States in strengthening criminal justice systems and legal aid'.split(' '),
    units: [
      { text: '[[all] Member States (EU, CAN)]', brackets: 2 },
      { text: '[strengthen][enhance (G77)]', brackets: 2 },
      { text: '[in accordance with national legislation (RUS, CHN)]', brackets: 1 },
      { text: '[urges][calls upon][encourages (USA)]', brackets: 3 },
      { text: '[[further] [strengthening (MEX)] legal aid (JPN)]', brackets: 3 },
      { text: '[to report [annually [in writing]] (NOR)]', brackets: 3 },
      { text: '[within existing resources (RUS: delete)]', brackets: 1 },
    ],
    title: 'Strengthening access to legal aid in criminal justice systems',
    body: 'The General Assembly,',
    pp: 'Recalling',
    op: 'Requests',
    ppEnd: ',',
    opEnd: ';',
    footnote: 'See resolution 70/{n}, annex.',
  },
  ar: {
    words: 'الأمين العام إلى مواصلة دعم الدول الأعضاء في تعزيز نظم العدالة الجنائية والمساعدة القانونية للجميع'.split(' '),
    units: [
      { text: '[[جميع] الدول الأعضاء (EU, CAN)]', brackets: 2 },
      { text: '[تعزيز][توطيد (G77)]', brackets: 2 },
      { text: '[وفقا للتشريعات الوطنية (RUS, CHN)]', brackets: 1 },
      { text: '[تحث][تهيب][تشجع (USA)]', brackets: 3 },
      { text: '[[كذلك] [تعزيز (MEX)] المساعدة القانونية (JPN)]', brackets: 3 },
      { text: '[أن يقدم تقريرا [سنويا [كتابة]] (NOR)]', brackets: 3 },
      { text: '[في حدود الموارد القائمة (RUS: delete)]', brackets: 1 },
    ],
    title: 'تعزيز الحصول على المساعدة القانونية في نظم العدالة الجنائية',
    body: 'إن الجمعية العامة،',
    pp: 'وإذ تشير',
    op: 'تطلب',
    ppEnd: '،',
    opEnd: '؛',
    footnote: 'انظر القرار 70/{n}، المرفق.',
  },
};

/** The bench document's title in `language` (the button the bench clicks to open it). */
export function keystrokeBenchTitle(language: BenchLanguage = 'en'): string {
  return wording[language].title;
}

// Puts `unit` after the `at`-th word of `text`.
const insertAt = (text: string, at: number, unit: string): string => {
  const parts = text.split(' ');
  parts.splice(Math.min(at, parts.length), 0, unit);
  return parts.join(' ');
};

/**
 * The bench document's text with about `brackets` brackets (0: none). Brackets are dealt
 * out over the paragraphs in turn (two phrases per OP, one per PP, then single brackets),
 * and every tenth OP without subparagraphs is bracketed whole.
 */
export function keystrokeBenchText(brackets = 0, language: BenchLanguage = 'en'): string {
  const w = wording[language];
  const { units } = w;
  const sentence = (seed: number, length: number) => Array.from({ length }, (_, i) => w.words[(seed + i * 7) % w.words.length]).join(' ');
  let left = brackets;
  let next = 0;
  // The phrases one paragraph gets (at most `slots`), consuming the budget.
  const deal = (slots: number): string[] => {
    const out: string[] = [];
    for (let s = 0; s < slots && left > 0; s++) {
      let unit = units[next++ % units.length]!;
      if (unit.brackets > left) unit = units[2]!;
      out.push(unit.text);
      left -= unit.brackets;
    }
    return out;
  };
  const wholeOps = new Set<number>();
  for (let i = 3; i < 60 && brackets > 0; i += 10) if (i % 5 !== 0) wholeOps.add(i);
  left -= wholeOps.size;
  const place = (text: string, phrases: string[]) => phrases.reduce((t, unit, k) => insertAt(t, 6 + k * 17, unit), text);
  const preamble = Array.from({ length: 12 }, (_, i) => ({ text: `${w.pp} ${place(sentence(i, 40), deal(1))}${w.ppEnd}`, opener: w.pp }));
  const operative = Array.from({ length: 60 }, (_, i) => ({
    text: `${w.op} ${place(sentence(i, 130), deal(2))}${i % 5 === 0 ? ':' : w.opEnd}`,
    opener: w.op,
    footnotes: i % 4 === 0 ? [{ text: w.footnote.replace('{n}', String(i + 1)), at: 40 }] : [],
    subparagraphs: i % 5 === 0 ? [`${sentence(i, 20)}${w.opEnd}`, `${sentence(i + 1, 20)}${w.opEnd}`] : [],
  }));
  // Whatever is left goes as single brackets into the OPs, from the first.
  for (let i = 0; left > 0; i = (i + 1) % 60, left--) operative[i]!.text = insertAt(operative[i]!.text, 30, units[2]!.text);
  const text = exportText(
    buildDocument({
      header: { symbol: 'A/C.3/78/L.99', sponsors: ['CAN', 'JPN'], language },
      title: w.title,
      body: w.body,
      preamble,
      operative,
    }),
  );
  if (wholeOps.size === 0) return text;
  return text
    .split('\n')
    .map((line) => {
      const number = /^(\d+)(?:\.| -)\s/.exec(line)?.[1];
      return number !== undefined && wholeOps.has(Number(number) - 1) ? `[${line}]` : line;
    })
    .join('\n');
}

/** The bracket counts of `text` once imported (what the editor will hold). */
export function importedBracketCounts(text: string): BracketCounts {
  const [doc] = importText(text).documents;
  if (!doc) throw new Error('the bench text did not import');
  return countBrackets(doc);
}
