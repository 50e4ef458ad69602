/**
 * Splits a text's chunks into documents. Each authoring body line ("The General
 * Assembly,") makes one document; a heading ("Draft resolution II") before it, or else
 * the paragraph just before it, starts it (with any header block lines before that);
 * the next document's start, a heading or a report section heading ("C. Matters brought
 * to the attention ...") ends it. Report text around documents belongs to none.
 */
import { msg, type Message } from '../i18n/message.js';
import type { Chunk } from './chunks.js';
import type { ConventionLanguage } from '../../seeds/conventions/index.js';
import { parseHeaderLines, type ImportedHeader } from './header-lines.js';
import { bodyLineLanguage, endsWithTerminal } from './patterns.js';

/** One document's chunks: header fields, title, body line and what follows the body line. */
export type DocumentChunks = {
  header: ImportedHeader;
  title: string;
  body: string;
  bodyLanguage: ConventionLanguage;
  /** The chunks after the body line up to the document's end (footnotes included). */
  content: Chunk[];
};

type Span = { start: number; bodyAt: number; headingAt: number; titleFrom: number; metaFrom: number };

/** The documents found in `chunks`, in order; `warnings` receives what was skipped and why. */
export function segmentDocuments(chunks: readonly Chunk[], warnings: Message[]): DocumentChunks[] {
  const spans: Span[] = [];
  let floor = 0;
  chunks.forEach((chunk, at) => {
    if (chunk.kind === 'section') floor = at + 1;
    if (chunk.kind !== 'body') return;
    spans.push(locateStart(chunks, at, floor, warnings));
    floor = at + 1;
  });
  return spans.map((span, i) => {
    const next = spans[i + 1];
    let end = next ? next.start : chunks.length;
    for (let at = span.bodyAt + 1; at < end; at++) {
      const kind = chunks[at]?.kind;
      if (kind === 'section' || kind === 'heading') end = at;
    }
    return describe(chunks, span, end);
  });
}

function locateStart(chunks: readonly Chunk[], bodyAt: number, floor: number, warnings: Message[]): Span {
  let headingAt = -1;
  for (let at = bodyAt - 1; at >= floor; at--) {
    if (chunks[at]?.kind === 'heading') {
      headingAt = at;
      break;
    }
  }
  let titleFrom: number;
  if (headingAt >= 0) {
    titleFrom = headingAt + 1;
  } else {
    titleFrom = bodyAt - 1;
    while (titleFrom >= floor && chunks[titleFrom]?.kind === 'footnote') titleFrom--;
    const kind = chunks[titleFrom]?.kind;
    if (titleFrom < floor || (kind !== 'text' && kind !== 'meta') || chunks[titleFrom]?.label) {
      warnings.push(msg('formats:segment.noTitle', { body: chunks[bodyAt]?.text ?? '' }));
      titleFrom = bodyAt;
    }
    // A title broken over several chunks: earlier unfinished, unlabelled text chunks belong to it.
    while (titleFrom - 1 >= floor && isTitlePiece(chunks[titleFrom - 1])) titleFrom--;
  }
  let metaFrom = headingAt >= 0 ? headingAt : titleFrom;
  while (metaFrom - 1 >= floor && chunks[metaFrom - 1]?.kind === 'meta') metaFrom--;
  return { start: metaFrom, bodyAt, headingAt, titleFrom, metaFrom };
}

function isTitlePiece(chunk: Chunk | undefined): boolean {
  return chunk !== undefined && chunk.kind === 'text' && chunk.label === null && !endsWithTerminal(chunk.text);
}

function describe(chunks: readonly Chunk[], span: Span, end: number): DocumentChunks {
  const headerLines = chunks.slice(span.metaFrom, span.headingAt >= 0 ? span.headingAt : span.titleFrom).map((c) => c.text);
  const header = parseHeaderLines(headerLines);
  if (span.headingAt >= 0) header.heading = chunks[span.headingAt]?.text ?? '';
  const title = chunks
    .slice(span.titleFrom, span.bodyAt)
    .filter((c) => c.kind !== 'footnote')
    .map((c) => c.text)
    .join(' ');
  const body = chunks[span.bodyAt]?.text ?? '';
  return {
    header,
    title,
    body,
    bodyLanguage: bodyLineLanguage(body) ?? 'en',
    // Footnote text between the heading and the body line still belongs to this document.
    content: [...chunks.slice(span.start, span.bodyAt).filter((c) => c.kind === 'footnote'), ...chunks.slice(span.bodyAt + 1, end)],
  };
}
