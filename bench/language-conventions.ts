/**
 * `npm run bench -- language-conventions`: checks each convention of
 * seeds/conventions/conventions.json (and the labels of shared/document/labels.ts built
 * from it) against the official 74th-session Akoma Ntoso texts in six languages
 * (../shared/corpus/akn). Per language and rule it prints how many files follow the rule
 * out of the files where it applies ("Arabic OP numbers '1 -': N of M"): operative numbers,
 * subparagraph letters, (i)-level numerals, body lines, preambular openers (Arabic إذ/وإذ),
 * the Also/Further words, final punctuation of PPs, OPs and the last OP. Last line: one JSON
 * object of figures.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { conventions, type ConventionLanguage } from '../seeds/conventions/index.js';
import { operativeLabel, subparagraphLabel, subSubparagraphLabel } from '../shared/document/labels.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'akn');
const names: Record<ConventionLanguage, string> = { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish' };

type El = { localName: string | null; textContent: string | null; childNodes: ArrayLike<El>; nodeType: number; getElementsByTagName(n: string): ArrayLike<El> };
type Para = { label: string; text: string; opener: string };
type Tally = Record<string, { follow: number; of: number }>;

const squash = (s: string): string => s.replace(/[\s\u00a0\u200e\u200f]+/g, ' ').trim();

// The text of an element without its footnotes (AKN keeps a footnote's text inline, in <authorialNote>).
function ownText(el: El | undefined): string {
  if (!el) return '';
  if (el.nodeType === 3) return el.textContent ?? '';
  if (el.localName === 'authorialNote') return '';
  return Array.from(el.childNodes).map(ownText).join('');
}
const labelShape = /^(?:[\d\u0660-\u0669]{1,3} ?[-–.]|[(（][^()（）]{1,5}[)）]|[a-zа-я]{1,4}\)|[’‘'][\d]{1,3}[’‘']|[㈠-㈩])(?= |$)/;

// Every paragraph of the main body, in order: its label (<num> or typed at its start), its text and its opener.
function paragraphs(body: El): Para[] {
  const out: Para[] = [];
  const walk = (el: El): void => {
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType !== 1) continue;
      if (child.localName === 'paragraph' || child.localName === 'point' || child.localName === 'subparagraph') {
        const num = Array.from(child.childNodes).find((n) => n.localName === 'num');
        const p = child.getElementsByTagName('p')[0];
        let text = squash(ownText(p));
        let label = squash(num?.textContent ?? '');
        const typed = label === '' ? labelShape.exec(text) : null;
        if (typed) {
          label = typed[0];
          text = text.slice(typed[0].length).trim();
        }
        const span = p?.getElementsByTagName('span')[0];
        out.push({ label, text, opener: squash(span?.textContent ?? '') });
      }
      walk(child);
    }
  };
  walk(body);
  return out;
}

function preambleParagraphs(doc: El): Para[] {
  const preamble = doc.getElementsByTagName('preamble')[0];
  if (!preamble) return [];
  return Array.from(preamble.getElementsByTagName('container')).map((c) => {
    const p = c.getElementsByTagName('p')[0];
    return { label: '', text: squash(ownText(p)), opener: squash(p?.getElementsByTagName('span')[0]?.textContent ?? '') };
  });
}

// The final character of a paragraph, past footnote markers, brackets and closing quotes.
function finalMark(text: string): string {
  const stripped = text.replace(/[\s\d()（）”"’»*⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u, '');
  return stripped.charAt(stripped.length - 1);
}

function check(tally: Tally, rule: string, applies: boolean, follows: boolean): void {
  if (!applies) return;
  const entry = (tally[rule] ??= { follow: 0, of: 0 });
  entry.of++;
  if (follows) entry.follow++;
}

function checkFile(language: ConventionLanguage, xml: string, tally: Tally): void {
  const c = conventions[language];
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml') as unknown as El;
  const body = doc.getElementsByTagName('mainBody')[0];
  if (!body) return;
  const formula = squash(doc.getElementsByTagName('formula')[0]?.textContent ?? '');
  check(tally, `body line one of ${c.bodyLines.slice(0, 1).join('')}…`, formula !== '', c.bodyLines.some((b) => squash(b) === formula.replace(/ ([,،，])$/, '$1')));
  const paras = paragraphs(body);
  const numbers = paras.filter((p) => /^[\d\u0660-\u0669]{1,3} ?[-–.]$/.test(p.label));
  check(tally, `OP numbers '${operativeLabel(1, language)}'`, numbers.length > 0, numbers.every((p, i) => p.label === operativeLabel(i + 1, language) || /^\d/.test(p.label) === false ? p.label === operativeLabel(i + 1, language) : p.label.replace(/ ?[-–.]$/, '') !== '' && p.label === operativeLabel(Number(p.label.replace(/\D/g, '')), language)));
  check(tally, `OP numbers in ASCII digits`, numbers.length > 0, numbers.every((p) => /^\d/.test(p.label)));
  const letters = paras.filter((p) => p.label !== '' && !numbers.includes(p) && !/[’‘㈠-㈩]/.test(p.label) && !/^[(（]?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|[一二三四五六七八九十]+)[)）]$/.test(p.label));
  const shapes = new Set(Array.from({ length: 60 }, (_, i) => subparagraphLabel(i + 1, language)));
  check(tally, `subparagraph letters '${subparagraphLabel(1, language)}' '${subparagraphLabel(2, language)}' … '${subparagraphLabel(27, language)}'`, letters.length > 0, letters.every((p) => shapes.has(p.label.replace(/^（/, '(').replace(/）$/, ')'))));
  if (language === 'ru') check(tally, 'subparagraph letters in Latin script', letters.length > 0, letters.every((p) => !/[а-я]/.test(p.label)));
  const numerals = paras.filter((p) => /[’‘㈠-㈩]|^[(（]?(?:ii|iii|iv|[一二三四五六七八九十]+)[)）]$/.test(p.label));
  const numeralShapes = new Set(Array.from({ length: 40 }, (_, i) => subSubparagraphLabel(i + 1, language)));
  check(tally, `(i)-level '${subSubparagraphLabel(1, language)}' '${subSubparagraphLabel(2, language)}'`, numerals.length > 0, numerals.every((p) => numeralShapes.has(p.label)));
  const pps = preambleParagraphs(doc);
  if (c.ppFirst !== '') {
    check(tally, `first PP opens with '${c.ppFirst}'`, pps.length > 0, (pps[0]?.opener ?? '').startsWith(c.ppFirst));
    check(tally, `later PPs open with '${c.ppNext}' or 'و…'`, pps.length > 1, pps.slice(1).every((p) => p.opener.startsWith('و')));
  }
  if (language === 'ar') {
    // Per paragraph, PPs that open with an إذ form (the style rule opener-particle).
    pps.forEach((p, i) => {
      const form = /^(و ?)?إ[\u064B-\u0652]*ذ[\u064B-\u0652]*\s/u.exec(p.text.replace(/^.{0,300}? — /u, ''));
      if (!form) return;
      if (i === 0) check(tally, `first PP with an إذ form writes 'إذ' (paragraphs)`, true, !form[1]);
      else check(tally, `later PPs with an إذ form write 'وإذ' joined (paragraphs)`, true, form[1] === 'و');
    });
  }
  if (language === 'ru') {
    // Per paragraph, the opener's case (the style rule opener-case); headings aside (they end with ' — ').
    for (const p of [...pps, ...numbers]) {
      const start = p.text.replace(/^[IVX]+\.? /u, '').replace(/^\p{Lu}[^;:.]{0,200}? — (?=\p{Ll})/u, '');
      check(tally, 'PP and OP openers in lower case (paragraphs)', /^\p{L}/u.test(start), /^\p{Ll}/u.test(start));
    }
    check(tally, 'subparagraph letters in Cyrillic script', letters.length > 0, letters.every((p) => /[а-я]/.test(p.label)));
  }
  const openers = [...pps, ...numbers].map((p) => p.opener).filter((o) => o !== '');
  const also = language === 'zh' ? openers.some((o) => o.startsWith(c.also)) : openers.some((o) => o.split(' ').includes(c.also));
  const further = language === 'zh' ? openers.some((o) => o.startsWith(c.further)) : openers.some((o) => ` ${o} `.includes(` ${c.further} `));
  check(tally, `an opener with Also '${c.also}'`, openers.length > 0, also);
  check(tally, `an opener with Further '${c.further}'`, openers.length > 0, further);
  check(tally, `PPs end with '${c.ppEnd}'`, pps.length > 0, pps.every((p) => finalMark(p.text) === c.ppEnd));
  const ops = numbers.map((p) => p.text);
  check(tally, `OPs but the last end with '${c.opEnd}'`, ops.length > 1, ops.slice(0, -1).every((t) => [c.opEnd, ':', '：'].includes(finalMark(t))));
  check(tally, `last OP ends with '${c.lastEnd}'`, ops.length > 0, finalMark(ops[ops.length - 1] ?? '') === c.lastEnd);
}

/** Runs the bench and prints its figures. */
export async function run(): Promise<void> {
  const figures: Record<string, Record<string, string>> = {};
  for (const language of Object.keys(names) as ConventionLanguage[]) {
    const zip = unzipSync(readFileSync(join(corpus, `ga-74session-${names[language]}.zip`)));
    const tally: Tally = {};
    for (const [name, bytes] of Object.entries(zip)) {
      if (!name.toLowerCase().endsWith('.xml')) continue;
      const xml = new TextDecoder().decode(bytes);
      if (xml.trim() !== '') checkFile(language, xml, tally);
    }
    figures[language] = {};
    for (const [rule, { follow, of }] of Object.entries(tally)) {
      console.log(`${names[language]} ${rule}: ${follow} of ${of}`);
      (figures[language] as Record<string, string>)[rule] = `${follow}/${of}`;
    }
  }
  console.log(JSON.stringify(figures));
}
