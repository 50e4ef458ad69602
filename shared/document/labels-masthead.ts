/**
 * The words of a UN document's masthead in the document's language, as the official texts of
 * each language print them: "United Nations" and the organ ("الأمم المتحدة", "大会", "Assemblée
 * générale"), the agenda item line, the sponsors line ("...: مشروع قرار", "...：决议草案") and
 * the distribution and original-language lines. The Arabic, Chinese and Russian mastheads
 * print the distribution block in English ("Distr.: Limited", "Original: Arabic"); French
 * and Spanish translate it. Evidence: the coverPage of every 74th-session AKN file prints
 * docStatus "Distr.: General" in Arabic, Chinese, Russian and English, "Distr. générale" in
 * French and "Distr. general" in Spanish (the issue date likewise: English in the first
 * three, "9 juillet 2020", "9 de julio de 2020"); adopted texts print no original-language
 * line, so "Original : français" / "Original: español" and the Limited forms follow the
 * same pattern without a file to show them. Pure data and string helpers; nothing here
 * reads a document.
 */
import { languageNames, type Language } from './labels.js';

/** The organs a symbol's prefix names, as keys of `MastheadWords.organs`. */
export type OrganKey = 'A/' | 'E/' | 'S/';

/** The masthead words of one language. */
export type MastheadWords = {
  unitedNations: string;
  organs: Readonly<Record<OrganKey, string>>;
  /** The distribution line of a draft with a symbol ("Distr.: Limited"). */
  limited: string;
  /** The distribution line of an issued text ("Distr.: General", "Distr. générale", "Distr. general"). */
  general: string;
  /** The original-language line of a text in this language ("Original: Arabic", "Original : français"). */
  original: string;
  /** Agenda item `{n}` ("Agenda item 61", "البند 61 من جدول الأعمال", "议程项目61"). */
  agendaItem: string;
  draftResolution: string;
  draftDecision: string;
  /** Between the sponsors and the kind of draft (": ", French " : ", Chinese "："). */
  kindSeparator: string;
  /** Between names but the last two (", ", Arabic "، ", Chinese "、"). */
  listSeparator: string;
  /** Before the last name (" and ", " et ", Arabic "، و", Chinese "和"). */
  lastSeparator: string;
};

const englishOrgans = { 'A/': 'General Assembly', 'E/': 'Economic and Social Council', 'S/': 'Security Council' } as const;
const englishDistribution = (language: Language) => ({ limited: 'Distr.: Limited', general: 'Distr.: General', original: `Original: ${languageNames[language]}` });

const words: Readonly<Record<Language, MastheadWords>> = {
  en: {
    unitedNations: 'United Nations', organs: englishOrgans, ...englishDistribution('en'), agendaItem: 'Agenda item {n}',
    draftResolution: 'draft resolution', draftDecision: 'draft decision', kindSeparator: ': ', listSeparator: ', ', lastSeparator: ' and ',
  },
  fr: {
    unitedNations: 'Nations Unies',
    organs: { 'A/': 'Assemblée générale', 'E/': 'Conseil économique et social', 'S/': 'Conseil de sécurité' },
    limited: 'Distr. limitée', general: 'Distr. générale', original: 'Original : français', agendaItem: 'Point {n} de l’ordre du jour',
    draftResolution: 'projet de résolution', draftDecision: 'projet de décision', kindSeparator: ' : ', listSeparator: ', ', lastSeparator: ' et ',
  },
  es: {
    unitedNations: 'Naciones Unidas',
    organs: { 'A/': 'Asamblea General', 'E/': 'Consejo Económico y Social', 'S/': 'Consejo de Seguridad' },
    limited: 'Distr. limitada', general: 'Distr. general', original: 'Original: español', agendaItem: 'Tema {n} del programa',
    draftResolution: 'proyecto de resolución', draftDecision: 'proyecto de decisión', kindSeparator: ': ', listSeparator: ', ', lastSeparator: ' y ',
  },
  ru: {
    unitedNations: 'Организация Объединенных Наций',
    organs: { 'A/': 'Генеральная Ассамблея', 'E/': 'Экономический и Социальный Совет', 'S/': 'Совет Безопасности' },
    ...englishDistribution('ru'), agendaItem: 'Пункт {n} повестки дня',
    draftResolution: 'проект резолюции', draftDecision: 'проект решения', kindSeparator: ': ', listSeparator: ', ', lastSeparator: ' и ',
  },
  ar: {
    unitedNations: 'الأمم المتحدة',
    organs: { 'A/': 'الجمعية العامة', 'E/': 'المجلس الاقتصادي والاجتماعي', 'S/': 'مجلس الأمن' },
    ...englishDistribution('ar'), agendaItem: 'البند {n} من جدول الأعمال',
    draftResolution: 'مشروع قرار', draftDecision: 'مشروع مقرر', kindSeparator: ': ', listSeparator: '، ', lastSeparator: '، و',
  },
  zh: {
    unitedNations: '联合国',
    organs: { 'A/': '大会', 'E/': '经济及社会理事会', 'S/': '安全理事会' },
    ...englishDistribution('zh'), agendaItem: '议程项目{n}',
    draftResolution: '决议草案', draftDecision: '决定草案', kindSeparator: '：', listSeparator: '、', lastSeparator: '和',
  },
};

/** The masthead words of `language`. */
export function mastheadWords(language: Language): MastheadWords {
  return words[language];
}

/** The organ a symbol belongs to in `language` ("A/C.3/78/L.12" -> "General Assembly", "大会"), or ''. */
export function organOfSymbol(symbol: string, language: Language = 'en'): string {
  const key = (Object.keys(englishOrgans) as OrganKey[]).find((prefix) => symbol.startsWith(prefix));
  return key ? words[language].organs[key] : '';
}

/**
 * The organ named by an authoring body line, its article or particle and final punctuation
 * dropped: "The General Assembly," -> "General Assembly", "L’Assemblée générale," ->
 * "Assemblée générale", "إن الجمعية العامة،" -> "الجمعية العامة", "大会，" -> "大会".
 */
export function organOfBodyLine(body: string): string {
  return body
    .trim()
    .replace(/^(?:the\s+|l['’]|la\s+|el\s+|إن\s+)/iu, '')
    .replace(/[,:;.،؛，：；。\s]+$/u, '');
}

/**
 * The distribution line of a document with symbol `symbol` in `language`: a draft (a symbol
 * of the L series, "/L.12") is "Distr.: Limited" ("Distr. limitée"), any other text "Distr.:
 * General" ("Distr. générale", "Distr. general").
 */
export function distributionLine(symbol: string, language: Language): string {
  return /\/L\.\d/.test(symbol) ? words[language].limited : words[language].general;
}

/** The original-language line of a document in `language`: "Original: Arabic", "Original : français". */
export function originalLine(language: Language): string {
  return words[language].original;
}

/** The agenda item line for `item` ("61" -> "Agenda item 61"); an item already written out is kept as it is. */
export function agendaItemLine(item: string, language: Language): string {
  const trimmed = item.trim();
  if (trimmed === '') return '';
  return /^[\d\s,.()a-z-]+$/i.test(trimmed) && /\d/.test(trimmed) ? words[language].agendaItem.replace('{n}', trimmed) : trimmed;
}

/** The sponsors line: "Canada and Japan: draft resolution", "كندا، واليابان: مشروع قرار", "加拿大和日本：决议草案". */
export function sponsorsLine(sponsors: readonly string[], kind: 'resolution' | 'decision', language: Language): string {
  if (sponsors.length === 0) return '';
  const w = words[language];
  const names = sponsors.length === 1 ? sponsors[0] ?? '' : `${sponsors.slice(0, -1).join(w.listSeparator)}${w.lastSeparator}${sponsors[sponsors.length - 1] ?? ''}`;
  return `${names}${w.kindSeparator}${kind === 'decision' ? w.draftDecision : w.draftResolution}`;
}
