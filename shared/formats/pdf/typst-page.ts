import type { DocumentKind, HeaderAttrs } from '../../document/header.js';
import { joinSponsors } from '../../document/export-text.js';
import type { Language } from '../../document/labels.js';
import { distributionLine, originalLine } from '../../document/labels-masthead.js';
import { typstString, typstText } from './typst-escape.js';

/**
 * The page of the Typst writer (typst.ts): paper, margins, fonts, language and direction,
 * running header and page numbers, and the first page's UN masthead.
 */

/** Paper sizes the PDF is set on. */
export type Paper = 'a4' | 'letter';

/** The width of one indentation step (a hanging label's box), as UN texts indent: 0.5 in. */
export const indentStep = '1.27cm';

// Times New Roman, else its metric twin; then the Noto faces for Arabic and Chinese, then
// Typst's own serif, so a machine without any of them still prints every Latin glyph.
const latinFonts = ['Times New Roman', 'Liberation Serif'];
const arabicFonts = ['Noto Naskh Arabic', 'Noto Sans Arabic'];
const cjkFonts = ['Noto Serif CJK SC', 'Noto Sans CJK SC'];
const bundledSerif = 'Libertinus Serif';

/** The font list for a document in `language`: its script's faces first where Latin faces lack its glyphs' look. */
export function fontList(language: Language): string[] {
  const scripts = language === 'zh' ? [...cjkFonts, ...arabicFonts] : [...arabicFonts, ...cjkFonts];
  return [...latinFonts, ...scripts, bundledSerif];
}

/** Typst's region for a language where the script variant depends on it (Chinese: simplified, as the UN writes it). */
const regions: Partial<Record<Language, string>> = { zh: 'cn' };

/**
 * The set rules of the document: metadata (`title`, `description`, `keywords`), the page
 * (paper, margins, the symbol at the top of every page after the first, the page number
 * at the foot of every page), the text (10 pt, fonts, `lang`, which sets the direction:
 * right to left for Arabic), paragraphs and footnotes.
 */
export function pageSetup(options: {
  paper: Paper;
  language: Language;
  symbol: string;
  title: string;
  description: string;
  keywords: string[];
}): string {
  const region = regions[options.language];
  const metadata = [
    `title: ${typstString(options.title)}`,
    options.description === '' ? '' : `description: ${typstString(options.description)}`,
    options.keywords.length === 0 ? '' : `keywords: (${options.keywords.map(typstString).join(', ')},)`,
  ].filter((s) => s !== '');
  const symbol = options.symbol === '' ? '[]' : `text(size: 9pt, weight: "bold", ${typstString(options.symbol)})`;
  return [
    `#set document(${metadata.join(', ')})`,
    `#set page(paper: ${typstString(options.paper === 'letter' ? 'us-letter' : 'a4')}, margin: (top: 2.5cm, bottom: 2.5cm, x: 2.2cm),`,
    `  header: context { let n = counter(page).get().first(); if n > 1 { align(if calc.even(n) { left } else { right }, ${symbol}) } },`,
    `  footer: context align(center, text(size: 9pt, counter(page).display("1"))))`,
    `#set text(font: (${fontList(options.language).map(typstString).join(', ')}), size: 10pt, hyphenate: false, lang: ${typstString(options.language)}${region ? `, region: ${typstString(region)}` : ''})`,
    '#set par(justify: true, leading: 0.5em, spacing: 0.85em)',
    '#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt), gap: 0.4em, clearance: 1em)',
    '#show footnote.entry: set text(size: 9pt)',
    '#show footnote.entry: set par(justify: false, hanging-indent: 0pt)',
  ].join('\n');
}

const organs: ReadonlyArray<[RegExp, string]> = [
  [/^A\//, 'General Assembly'],
  [/^E\//, 'Economic and Social Council'],
  [/^S\//, 'Security Council'],
];

/** The principal organ a symbol belongs to ("A/C.3/78/L.99" -> "General Assembly"), '' when the symbol does not say. */
export function organOf(symbol: string): string {
  return organs.find(([prefix]) => prefix.test(symbol))?.[1] ?? '';
}

/** "Limited" for a symbol of the L series ("/L.99"), else "General": the masthead's Distr. line. */
export function distributionOf(symbol: string): string {
  return /\/L\.\d/.test(symbol) ? 'Limited' : 'General';
}

/**
 * The first page's masthead and the lines under it, as Typst markup: "United Nations"
 * and the symbol over a rule, the organ and the Distr./date/Original block, a rule, then
 * the session, "Agenda item ...", the heading and "<sponsors>: draft resolution". Without
 * a symbol there is no masthead, only the date and "Original" at the end of the line; a
 * document whose header says nothing (no symbol, date, session, agenda item, sponsors,
 * English) gets neither, only its heading. Set left to right in every language.
 */
export function masthead(header: HeaderAttrs, kind: DocumentKind): string {
  const sponsors = header.sponsors.filter((s) => s !== '');
  const any = [header.symbol, header.date, header.session, header.agendaItem].some((s) => s !== '') || sponsors.length > 0 || header.language !== 'en';
  const lines: string[] = [];
  if (any && header.symbol !== '') {
    const organ = organOf(header.symbol);
    const right = [distributionLine(header.symbol, header.language), header.date, originalLine(header.language)].filter((s) => s !== '');
    lines.push(
      '#block(width: 100%, below: 0.35em, grid(columns: (1fr, auto), align: (start + bottom, end + bottom),',
      `  text(size: 10pt, ${typstString(organ === '' ? '' : 'United Nations')}), text(size: 16pt, weight: "bold", ${typstString(header.symbol)})))`,
      '#line(length: 100%, stroke: 1.5pt)',
      '#block(width: 100%, below: 0.3em, grid(columns: (1fr, auto), align: (start + top, start + top), column-gutter: 1em,',
      `  text(size: 18pt, weight: "bold", ${typstString(organ)}),`,
      `  [${right.map((s) => typstText(s)).join(' \\ ')}]))`,
      '#line(length: 100%, stroke: 1.5pt)',
      '#v(0.6em)',
    );
  } else if (any) {
    // No symbol, no masthead: the date and language still head the page.
    lines.push(`#align(end, [${[header.date, originalLine(header.language)].filter((s) => s !== '').map((s) => typstText(s)).join(' \\ ')}])`);
  }
  const block = (markup: string) => `#block(above: 0.2em, below: 0.2em, [${markup}])`;
  if (header.session !== '') lines.push(block(typstText(header.session)));
  if (header.agendaItem !== '') lines.push(block(typstText(`Agenda item ${header.agendaItem}`)));
  if (header.heading !== '') lines.push(`#v(0.6em)`, block(`#strong[${typstText(header.heading)}]`));
  if (sponsors.length > 0) lines.push('#v(0.6em)', block(typstText(`${joinSponsors(sponsors)}: draft ${kind}`)));
  if (lines.length === 0) return '';
  // The masthead's words are English for now (the six-languages issue localises them): set
  // left to right, or an Arabic document's bidi would print "12 October 2023" as "October 2023 12".
  return ['#[', '#set text(dir: ltr)', ...lines, '#v(0.6em)', ']'].join('\n');
}
