/**
 * The keystroke bench's document: 12 PPs and 60 OPs (every fifth OP with two
 * subparagraphs, every fourth with a footnote), ~60,000 characters, as UN-layout text.
 * With `brackets > 0` it is a compilation text in negotiation: the same paragraphs carry
 * literal brackets that the importer turns into bracket objects, as a facilitator's text
 * has them: nested brackets (to depth 3), alternative groups of two and three, attribution
 * tags, a deletion proposal, and some operative paragraphs bracketed whole.
 */
import { buildDocument } from '../shared/document/build.js';
import { exportText } from '../shared/document/export-text.js';
import { importText } from '../shared/import/index.js';
import { countBrackets, type BracketCounts } from '../shared/negotiation/model.js';

const words = 'the Secretary-General to continue supporting Member States in strengthening criminal justice systems and legal aid'.split(' ');
const sentence = (seed: number, length: number) => Array.from({ length }, (_, i) => words[(seed + i * 7) % words.length]).join(' ');

// Bracketed phrases as delegations propose them, with the number of brackets each opens.
const units: ReadonlyArray<{ text: string; brackets: number }> = [
  { text: '[[all] Member States (EU, CAN)]', brackets: 2 },
  { text: '[strengthen][enhance (G77)]', brackets: 2 },
  { text: '[in accordance with national legislation (RUS, CHN)]', brackets: 1 },
  { text: '[urges][calls upon][encourages (USA)]', brackets: 3 },
  { text: '[[further] [strengthening (MEX)] legal aid (JPN)]', brackets: 3 },
  { text: '[to report [annually [in writing]] (NOR)]', brackets: 3 },
  { text: '[within existing resources (RUS: delete)]', brackets: 1 },
];

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
export function keystrokeBenchText(brackets = 0): string {
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
  const preamble = Array.from({ length: 12 }, (_, i) => ({ text: `Recalling ${place(sentence(i, 40), deal(1))},`, opener: 'Recalling' }));
  const operative = Array.from({ length: 60 }, (_, i) => ({
    text: `Requests ${place(sentence(i, 130), deal(2))}${i % 5 === 0 ? ':' : ';'}`,
    opener: 'Requests',
    footnotes: i % 4 === 0 ? [{ text: `See resolution 70/${i + 1}, annex.`, at: 40 }] : [],
    subparagraphs: i % 5 === 0 ? [`${sentence(i, 20)};`, `${sentence(i + 1, 20)};`] : [],
  }));
  // Whatever is left goes as single brackets into the OPs, from the first.
  for (let i = 0; left > 0; i = (i + 1) % 60, left--) operative[i]!.text = insertAt(operative[i]!.text, 30, units[2]!.text);
  const text = exportText(
    buildDocument({
      header: { symbol: 'A/C.3/78/L.99', sponsors: ['CAN', 'JPN'] },
      title: 'Strengthening access to legal aid in criminal justice systems',
      body: 'The General Assembly,',
      preamble,
      operative,
    }),
  );
  if (wholeOps.size === 0) return text;
  return text
    .split('\n')
    .map((line) => {
      const number = /^(\d+)\.\s/.exec(line)?.[1];
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
