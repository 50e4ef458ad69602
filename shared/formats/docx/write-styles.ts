/**
 * `word/styles.xml` in UN layout: Times New Roman 10 pt throughout (Liberation Serif, its
 * metric twin, stands in where Word or LibreOffice lacks it), the masthead lines, a bold
 * title, justified paragraphs with 6 pt after, footnotes in 9 pt, and the character styles
 * of footnote and comment references. Indents are set per paragraph (write-runs.ts), since
 * the depth of subparagraphs and nested lists varies.
 */
import type { Language } from '../../document/labels.js';
import { wordPart } from './write-package.js';

/** The style ids paragraphs of the writer use, by what the paragraph is. */
export const paragraphStyles = {
  symbol: 'PhSymbol',
  masthead: 'PhMasthead',
  session: 'PhSession',
  sponsors: 'PhSponsors',
  heading: 'PhHeading',
  title: 'PhTitle',
  body: 'PhBodyLine',
  preambular: 'PhPreambular',
  operative: 'PhOperative',
  subparagraph: 'PhSubparagraph',
  item: 'PhListItem',
  annexLabel: 'PhAnnexLabel',
  annexTitle: 'PhAnnexTitle',
  annexParagraph: 'PhAnnexParagraph',
} as const;

/** One of the writer's paragraph style ids. */
export type ParagraphStyle = (typeof paragraphStyles)[keyof typeof paragraphStyles];

/** The font of the UN layout. */
export const fontName = 'Times New Roman';

const locales: Readonly<Record<Language, string>> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar-SA', zh: 'zh-CN', ru: 'ru-RU' };

// name (never "Title" or "Heading n": pandoc and Word give those other meanings), pPr, rPr.
const definitions: Readonly<Record<ParagraphStyle, [string, string, string]>> = {
  PhSymbol: ['UN symbol', '<w:jc w:val="right"/>', '<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>'],
  PhMasthead: ['UN masthead line', '<w:spacing w:after="0"/><w:jc w:val="right"/>', ''],
  PhSession: ['UN session line', '<w:spacing w:after="0"/>', ''],
  PhSponsors: ['UN sponsors line', '<w:spacing w:before="240" w:after="240"/>', ''],
  PhHeading: ['UN report heading', '<w:keepNext/><w:spacing w:before="120" w:after="120"/>', '<w:b/><w:bCs/>'],
  PhTitle: ['UN resolution title', '<w:keepNext/><w:spacing w:before="240" w:after="240"/>', '<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>'],
  PhBodyLine: ['UN body line', '<w:keepNext/><w:ind w:firstLine="567"/><w:jc w:val="both"/>', ''],
  PhPreambular: ['UN preambular paragraph', '<w:jc w:val="both"/>', ''],
  PhOperative: ['UN operative paragraph', '<w:jc w:val="both"/>', ''],
  PhSubparagraph: ['UN subparagraph', '<w:jc w:val="both"/>', ''],
  PhListItem: ['UN list item', '<w:jc w:val="both"/>', ''],
  PhAnnexLabel: ['UN annex label', '<w:keepNext/><w:pageBreakBefore/><w:spacing w:after="240"/>', '<w:b/><w:bCs/>'],
  PhAnnexTitle: ['UN annex title', '<w:keepNext/><w:spacing w:after="240"/>', '<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>'],
  PhAnnexParagraph: ['UN annex paragraph', '<w:jc w:val="both"/>', ''],
};

function style(id: string, name: string, pPr: string, rPr: string): string {
  return (
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
    (pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`) +
    (rPr === '' ? '' : `<w:rPr>${rPr}</w:rPr>`) +
    '</w:style>'
  );
}

/**
 * The styles part for a document in `language`: the language tags its text, and Chinese
 * text takes SimSun for its ideographs (Times New Roman has none).
 */
export function stylesXml(language: Language): string {
  const eastAsia = language === 'zh' ? 'SimSun' : fontName;
  const fonts = `<w:rFonts w:ascii="${fontName}" w:hAnsi="${fontName}" w:eastAsia="${eastAsia}" w:cs="${fontName}"/>`;
  const lang = `<w:lang w:val="${locales[language]}" w:eastAsia="${language === 'zh' ? 'zh-CN' : 'en-US'}" w:bidi="ar-SA"/>`;
  return wordPart(
    'styles',
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts}<w:sz w:val="20"/><w:szCs w:val="20"/>${lang}</w:rPr></w:rPrDefault>` +
      '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr>${fonts}<w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>` +
      '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
      Object.entries(definitions).map(([id, [name, pPr, rPr]]) => style(id, name, pPr, rPr)).join('') +
      '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>' +
      '<w:pPr><w:spacing w:after="0"/><w:ind w:left="567" w:hanging="283"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>' +
      '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/></w:style>' +
      '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>',
  );
}
