/**
 * Test-side layout transforms of a UN text, to check that the importer's counts do not
 * depend on how the text was obtained: without `*` markers, as clean paragraphs, hard
 * wrapped like pdftotext with page headers and footers, with CRLF line endings, without
 * the report text around the documents, and without document headings.
 */

const footnoteLine = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ /;
const labelLine = /^\s*(?:-\s*)?(?:\d{1,3}\.|\([a-z]{1,4}\)|[a-z]{1,4}\))\s/;
const headingLine = /^(?:Draft (?:resolution|decision)\b.*|[A-Z]\. .*|The .*[,:])$/;

/** The text with every `*` removed. */
export function withoutStars(text: string): string {
  return text.replace(/\*/g, '');
}

/** The text with CRLF line endings. */
export function withCrlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

/**
 * Clean paragraphs: each footnote line moved to the end of the document it appears in
 * (a document ends where a "Draft ..." heading or a report section heading starts),
 * paragraphs cut by a page break joined back, paragraphs separated by a blank line
 * (or by nothing when `dense`).
 */
export function asCleanParagraphs(text: string, dense = false): string {
  const out: string[] = [];
  let notes: string[] = [];
  const flushNotes = () => {
    out.push(...notes);
    notes = [];
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (footnoteLine.test(line)) {
      notes.push(line);
      continue;
    }
    if (/^(?:Draft (?:resolution|decision)|[A-Z]\. )/.test(line)) flushNotes();
    const last = out[out.length - 1];
    const cut = last !== undefined && !/[,;.:]\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]*$/.test(last) && !headingLine.test(last) && !headingLine.test(line);
    if (cut && !labelLine.test(line)) out[out.length - 1] = `${last} ${line.trim()}`;
    else out.push(line);
  }
  flushNotes();
  return `${out.join(dense ? '\n' : '\n\n')}\n`;
}

/**
 * Hard-wrapped at `width` columns (continuation lines keep the first line's indent),
 * with a page footer and the next page's header inserted every `pageLines` lines.
 * `dense` drops the blank lines between paragraphs.
 */
export function hardWrapped(text: string, width = 90, pageLines = 45, dense = false): string {
  const wrapped: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (!dense) wrapped.push('');
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const pad = ' '.repeat(indent);
    let current = '';
    for (const word of line.trim().split(' ')) {
      if (current !== '' && pad.length + current.length + 1 + word.length > width) {
        wrapped.push(pad + current);
        current = word;
      } else current = current === '' ? word : `${current} ${word}`;
    }
    if (current !== '') wrapped.push(pad + current);
  }
  const out: string[] = [];
  let page = 1;
  wrapped.forEach((line, i) => {
    out.push(line);
    if ((i + 1) % pageLines === 0) {
      page++;
      out.push('', `${page - 1}/45`, 'V.23-09876', '\f', 'E/2023/30', '');
    }
  });
  return `${out.join('\n')}\n`;
}

/** The text without report section headings ("A. ...") and the report's own numbered paragraphs. */
export function withoutReportText(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^[A-Z]\. /.test(line) && !/^\d+\. The (?:Commission|following)\b.*:$/.test(line))
    .join('\n');
}

/** The text without "Draft resolution I" / "Draft decision" headings. */
export function withoutHeadings(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^Draft (?:resolution|decision)\b/.test(line))
    .join('\n');
}
