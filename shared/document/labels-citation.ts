/**
 * How a footnote cites an adopted text, in the document's language, as the official texts of
 * each language print it. Evidence: the footnotes of the 74th-session AKN files cite the same
 * resolution as "Resolution 73/195, annex.", "Résolution 73/195, annexe.", "Resolución
 * 73/195, anexo.", "Резолюция 73/195, приложение.", "القرار 73/195، المرفق." and
 * "第73/195号决议，附件。": the number after the word (before it in Chinese, inside 第…号),
 * the Arabic comma in Arabic, full-width punctuation in Chinese. Decisions follow the same
 * pattern with the word each language uses for a General Assembly decision. The part cited
 * (a paragraph label such as "OP 5") is passed through as written. Pure data and strings.
 */
import type { Language } from './labels.js';

/** What a citation names: a General Assembly resolution or decision by number, or any other symbol as written. */
export type CitedText = { kind: 'resolution' | 'decision'; number: string } | { kind: 'symbol'; symbol: string };

type CitationWords = {
  resolution: (n: string) => string;
  decision: (n: string) => string;
  /** Between the text cited and the part cited (", ", Arabic "، ", Chinese "，"). */
  separator: string;
  /** The closing full stop ("." or Chinese "。"). */
  stop: string;
};

const words: Readonly<Record<Language, CitationWords>> = {
  en: { resolution: (n) => `Resolution ${n}`, decision: (n) => `Decision ${n}`, separator: ', ', stop: '.' },
  fr: { resolution: (n) => `Résolution ${n}`, decision: (n) => `Décision ${n}`, separator: ', ', stop: '.' },
  es: { resolution: (n) => `Resolución ${n}`, decision: (n) => `Decisión ${n}`, separator: ', ', stop: '.' },
  ru: { resolution: (n) => `Резолюция ${n}`, decision: (n) => `Решение ${n}`, separator: ', ', stop: '.' },
  ar: { resolution: (n) => `القرار ${n}`, decision: (n) => `المقرر ${n}`, separator: '، ', stop: '.' },
  zh: { resolution: (n) => `第${n}号决议`, decision: (n) => `第${n}号决定`, separator: '，', stop: '。' },
};

/**
 * What a symbol cites: "A/RES/74/129" is resolution 74/129, "A/DEC/74/501" decision 74/501
 * (any case, spaces around ignored); anything else is cited by its symbol as written.
 */
export function citedText(symbol: string): CitedText {
  const trimmed = symbol.trim();
  const match = /^A\/(RES|DEC)\/(.+)$/i.exec(trimmed);
  if (!match) return { kind: 'symbol', symbol: trimmed };
  return { kind: match[1]!.toUpperCase() === 'RES' ? 'resolution' : 'decision', number: match[2]! };
}

/**
 * The text of a footnote citing `symbol` (and the part `label`, when given) in `language`:
 * "Resolution 74/129, OP 5.", "Résolution 74/129, OP 5.", "第74/129号决议，OP 5。". A symbol
 * that is no General Assembly resolution or decision is cited as written; an empty one by
 * `untitled` (words of the caller's choosing).
 */
export function citationFootnote(symbol: string, label: string, language: Language, untitled: string): string {
  const w = words[language];
  const cited = citedText(symbol);
  let name: string;
  if (cited.kind === 'symbol') name = cited.symbol || untitled;
  else name = cited.kind === 'resolution' ? w.resolution(cited.number) : w.decision(cited.number);
  return label ? `${name}${w.separator}${label}${w.stop}` : `${name}${w.stop}`;
}
