/**
 * The Word (.docx) writer: a document in UN layout as an OOXML package, in the clean or
 * compilation view, brackets as literal brackets with attribution tags or with Word
 * comments, and optionally the changes since an earlier version as real tracked changes.
 * Pure: the XML is built as strings through one escaping function (write-xml.ts) and
 * zipped with fflate.
 */
import { strToU8, zipSync } from 'fflate';
import type { Node } from 'prosemirror-model';
import { readHeader } from '../../document/header.js';
import { cleanViewDoc } from '../../negotiation/clean-view.js';
import { msg } from '../../i18n/message.js';
import { FormatError, type ExportView } from '../types.js';
import { documentBlocks, type BlockOptions } from './write-blocks.js';
import { alignBlocks, type AlignedBlock } from './write-changes.js';
import type { DocxComment } from './write-inline.js';
import { appXml, contentTypesXml, coreXml, customXml, documentRelsXml, footerXml, footnotesXml, packageRelsXml, settingsXml, wordPart } from './write-package.js';
import { paragraphXml, type RunContext } from './write-runs.js';
import { stylesXml } from './write-styles.js';
import { esc } from './write-xml.js';

/**
 * Options of `writeDocx`. `view`: 'compilation' (default: everything, brackets shown) or
 * 'clean' (agreed text only, see `cleanViewDoc`). `brackets`: 'tags' (default) writes
 * `[text (EU, CAN)]` as the text export does (`tags: false` leaves the tags out),
 * 'comments' writes `[text]` with a Word comment naming proposers, supporters and
 * opponents. `changesFrom`: an earlier version of the document (its paragraph ids need not
 * match), whose differences from `doc` are written as tracked changes. `author`: the author
 * of revisions and comments (the exporting delegation; a change inside a bracket is its
 * proposer's; 'Penholder' when not given) and the package's creator. `date`: an ISO date-time for revisions, comments
 * and the package (left out when not given: the writer reads no clock). `properties`:
 * custom document properties (docProps/custom.xml), as text.
 */
export type DocxWriteOptions = {
  view?: ExportView;
  brackets?: 'tags' | 'comments';
  tags?: boolean;
  changesFrom?: Node;
  author?: string;
  date?: string;
  properties?: Record<string, string>;
};

const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
// A4 in twentieths of a point, UN margins.
const section = '<w:sectPr><w:footerReference w:type="default" r:id="rId5"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1247" w:bottom="1418" w:left="1247" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>';

/**
 * `doc` as a .docx package (see `DocxWriteOptions`): document, styles (Times New Roman
 * 10 pt, A4), settings, a footer with the page number, footnotes (real notes numbered through the document, with their
 * separators), comments when brackets are written as comments, core and custom properties.
 * With `changesFrom`, accepting every change in Word gives the rendering of `doc` and
 * rejecting every change that of `changesFrom`, in the same view. Arabic documents are
 * written right to left. Throws a FormatError for a `date` that is not an ISO date-time or
 * an invalid property name.
 */
export function writeDocx(doc: Node, options: DocxWriteOptions = {}): Uint8Array {
  if (options.date !== undefined && !dateTime.test(options.date)) throw new FormatError(msg('formats:docx.badDate', { date: JSON.stringify(options.date) }));
  const view = options.view ?? 'compilation';
  const shown = view === 'clean' ? cleanViewDoc(doc) : doc;
  const blockOptions: BlockOptions = { brackets: options.brackets ?? 'tags', tags: options.tags ?? true };
  const comments: DocxComment[] = [];
  const blocks = documentBlocks(shown, blockOptions, blockOptions.brackets === 'comments' ? comments : null);
  let aligned: AlignedBlock[] = blocks.map((block) => ({ older: null, newer: block }));
  if (options.changesFrom) {
    const old = view === 'clean' ? cleanViewDoc(options.changesFrom) : options.changesFrom;
    aligned = alignBlocks(documentBlocks(old, blockOptions, null), blocks, old, shown);
  }
  const header = readHeader(doc);
  const author = options.author ?? '';
  const ctx: RunContext = { tracked: options.changesFrom !== undefined, author: author === '' ? 'Penholder' : author, date: options.date, rtl: header.language === 'ar', revision: 1, notes: [] };
  const body = aligned.map(({ older, newer }) => paragraphXml(older, newer, ctx)).join('');
  const sect = ctx.rtl ? section.replace('</w:sectPr>', '<w:bidi/></w:sectPr>') : section;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypesXml(comments.length > 0)),
    '_rels/.rels': strToU8(packageRelsXml()),
    'word/document.xml': strToU8(wordPart('document', `<w:body>${body}${sect}</w:body>`)),
    'word/_rels/document.xml.rels': strToU8(documentRelsXml(comments.length > 0)),
    'word/styles.xml': strToU8(stylesXml(header.language)),
    'word/settings.xml': strToU8(settingsXml(ctx.tracked)),
    'word/footnotes.xml': strToU8(footnotesXml(ctx.notes)),
    'word/footer1.xml': strToU8(footerXml(ctx.rtl)),
    'docProps/core.xml': strToU8(coreXml(titleOf(doc, header.symbol), author, options.date)),
    'docProps/app.xml': strToU8(appXml()),
    'docProps/custom.xml': strToU8(customXml(options.properties ?? {})),
  };
  if (comments.length > 0) files['word/comments.xml'] = strToU8(commentsXml(comments, ctx));
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
}

function titleOf(doc: Node, symbol: string): string {
  let title = '';
  doc.forEach((child) => {
    if (child.type.name === 'title' && title === '') title = child.textContent;
  });
  return symbol === '' ? title : title === '' ? symbol : `${symbol}: ${title}`;
}

function commentsXml(comments: readonly DocxComment[], ctx: RunContext): string {
  const date = ctx.date === undefined ? '' : ` w:date="${esc(ctx.date)}"`;
  const items = comments.map(
    (c) =>
      `<w:comment w:id="${c.id}" w:author="${esc(ctx.author)}"${date} w:initials="${esc(ctx.author.slice(0, 3))}">` +
      `<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>` +
      `<w:r><w:t xml:space="preserve">${esc(c.text)}</w:t></w:r></w:p></w:comment>`,
  );
  return wordPart('comments', items.join(''));
}
