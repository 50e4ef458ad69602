/**
 * The fixed parts of the Word package the writer produces: content types, relationships,
 * settings, document properties (core and custom) and the wrappers of the footnotes and
 * comments parts. The styles (UN layout) are in write-styles.ts.
 */
import { msg } from '../../i18n/message.js';
import { FormatError } from '../types.js';
import { esc, rNs, wNs, xmlHead } from './write-xml.js';

const officeRel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const wordType = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

/** `[Content_Types].xml`: the package's parts and their types; comments only when used. */
export function contentTypesXml(comments: boolean): string {
  const part = (name: string, type: string): string => `<Override PartName="${name}" ContentType="${type}"/>`;
  return (
    `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    part('/word/document.xml', `${wordType}.document.main+xml`) +
    part('/word/styles.xml', `${wordType}.styles+xml`) +
    part('/word/settings.xml', `${wordType}.settings+xml`) +
    part('/word/footnotes.xml', `${wordType}.footnotes+xml`) +
    part('/word/footer1.xml', `${wordType}.footer+xml`) +
    (comments ? part('/word/comments.xml', `${wordType}.comments+xml`) : '') +
    part('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    part('/docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml') +
    part('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

function relationships(rels: readonly [string, string, string][]): string {
  const items = rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('');
  return `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** `_rels/.rels`: the main document and the three property parts. */
export function packageRelsXml(): string {
  return relationships([
    ['rId1', `${officeRel}/officeDocument`, 'word/document.xml'],
    ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
    ['rId3', `${officeRel}/custom-properties`, 'docProps/custom.xml'],
    ['rId4', `${officeRel}/extended-properties`, 'docProps/app.xml'],
  ]);
}

/** `word/_rels/document.xml.rels`: styles, settings, footnotes, the footer and, when used, comments. */
export function documentRelsXml(comments: boolean): string {
  return relationships([
    ['rId1', `${officeRel}/styles`, 'styles.xml'],
    ['rId2', `${officeRel}/settings`, 'settings.xml'],
    ['rId3', `${officeRel}/footnotes`, 'footnotes.xml'],
    ['rId5', `${officeRel}/footer`, 'footer1.xml'],
    ...(comments ? [['rId4', `${officeRel}/comments`, 'comments.xml'] as [string, string, string]] : []),
  ]);
}

/**
 * `word/settings.xml`: the footnote separators, and change tracking switched on when the
 * document carries tracked changes (further edits in Word are tracked too).
 */
export function settingsXml(trackRevisions: boolean): string {
  return (
    `${xmlHead}<w:settings xmlns:w="${wNs}">` +
    (trackRevisions ? '<w:trackRevisions/>' : '') +
    '<w:defaultTabStop w:val="567"/><w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '</w:settings>'
  );
}

/** The root of a part of the main namespace, with the relationships namespace declared. */
export function wordPart(root: string, content: string): string {
  return `${xmlHead}<w:${root} xmlns:w="${wNs}" xmlns:r="${rNs}">${content}</w:${root}>`;
}

/** `word/footnotes.xml`: the separator (-1) and continuation separator (0), then the notes. */
export function footnotesXml(notes: readonly string[]): string {
  const separator = (type: string, id: number, child: string): string =>
    `<w:footnote w:type="${type}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:${child}/></w:r></w:p></w:footnote>`;
  return wordPart('footnotes', separator('separator', -1, 'separator') + separator('continuationSeparator', 0, 'continuationSeparator') + notes.join(''));
}

/** `word/footer1.xml`: the page number, centred (a PAGE field), as on every page of a UN document. */
export function footerXml(rtl: boolean): string {
  const run = (inner: string): string => `<w:r>${rtl ? '<w:rPr><w:rtl/></w:rPr>' : ''}${inner}</w:r>`;
  return wordPart(
    'ftr',
    `<w:p><w:pPr>${rtl ? '<w:bidi/>' : ''}<w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>` +
      run('<w:fldChar w:fldCharType="begin"/>') +
      run('<w:instrText xml:space="preserve"> PAGE </w:instrText>') +
      run('<w:fldChar w:fldCharType="separate"/>') +
      run('<w:t>1</w:t>') +
      run('<w:fldChar w:fldCharType="end"/>') +
      '</w:p>',
  );
}

/** `docProps/core.xml`: title, creator and, when a date is given, creation and modification date. */
export function coreXml(title: string, author: string, date: string | undefined): string {
  const when = date === undefined ? '' : `<dcterms:created xsi:type="dcterms:W3CDTF">${esc(date)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${esc(date)}</dcterms:modified>`;
  return (
    `${xmlHead}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(title)}</dc:title>` +
    (author === '' ? '' : `<dc:creator>${esc(author)}</dc:creator><cp:lastModifiedBy>${esc(author)}</cp:lastModifiedBy>`) +
    when +
    '</cp:coreProperties>'
  );
}

/** `docProps/app.xml`: the application that wrote the package. */
export function appXml(): string {
  return `${xmlHead}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Penholder</Application></Properties>`;
}

/**
 * `docProps/custom.xml`: each property as a text (`vt:lpwstr`) custom property, in the order
 * given. Throws a FormatError for an empty name or one longer than 255 characters.
 */
export function customXml(properties: Readonly<Record<string, string>>): string {
  let pid = 2;
  const items = Object.entries(properties).map(([name, value]) => {
    if (name.trim() === '' || name.length > 255) throw new FormatError(msg('formats:docx.badPropertyName', { name: JSON.stringify(name.slice(0, 40)) }));
    return `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid++}" name="${esc(name)}"><vt:lpwstr>${esc(value)}</vt:lpwstr></property>`;
  });
  return (
    `${xmlHead}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ` +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items.join('')}</Properties>`
  );
}
