import type { Node } from 'prosemirror-model';
import type { ExportState } from '../../document/export-text-inline.js';
import { childText, documentKind, readHeader } from '../../document/header.js';
import { annexLabel } from '../../document/labels.js';
import { cleanViewDoc } from '../../negotiation/clean-view.js';
import { documentStableLabels } from '../../negotiation/stable-numbering.js';
import type { ExportView } from '../types.js';
import { typstText } from './typst-escape.js';
import { inlineTypst } from './typst-inline.js';
import { masthead, pageSetup, type Paper } from './typst-page.js';
import { annexTypst, partTypst } from './typst-paragraphs.js';

/**
 * Options of `toTypst`: `view` (default 'compilation': brackets with attribution tags as
 * the text export writes them, bis/ter numbers in negotiation; 'clean': only agreed text,
 * numbered as it stands); `paper` (default 'a4'); `tags` (default true: attribution tags
 * inside brackets); `properties`: document properties, `subject` as the PDF's subject,
 * every other `key: value` as a keyword.
 */
export type TypstOptions = { view?: ExportView; paper?: Paper; tags?: boolean; properties?: Record<string, string> };

/**
 * The Typst source of `doc` in UN layout: A4 or US Letter, Times New Roman 10 pt (Liberation
 * Serif, then Typst's serif), the first page's masthead, session, agenda item, heading and
 * sponsors lines, the title in bold, the body line, preambular paragraphs unnumbered with
 * italic openers, operative numbers and (a)/(i) labels hanging as the text export labels
 * them, footnotes at the foot of the page that cites them (numbered through the document),
 * page numbers, annexes each on a new page; `lang` from the header (right to left for
 * Arabic). Pure: every piece of user text is a Typst string literal, so nothing the
 * document holds is read as markup or runs as code.
 */
export function toTypst(doc: Node, options: TypstOptions = {}): string {
  const view = options.view ?? 'compilation';
  const shown = view === 'clean' ? cleanViewDoc(doc) : doc;
  const header = readHeader(shown);
  const state: ExportState = {
    language: header.language,
    footnotes: [],
    numbering: null,
    doc: shown,
    view,
    tags: options.tags ?? true,
    stable: view === 'compilation' ? documentStableLabels(shown) : null,
  };
  const properties = options.properties ?? {};
  const title = childText(shown, 'title');
  const out: string[] = [
    pageSetup({
      paper: options.paper ?? 'a4',
      language: header.language,
      symbol: header.symbol,
      title: properties.title ?? (title === '' ? header.symbol : title),
      description: properties.subject ?? '',
      keywords: Object.entries(properties)
        .filter(([key]) => key !== 'title' && key !== 'subject')
        .map(([key, value]) => `${key}: ${value}`),
    }),
    masthead(header, documentKind(shown)),
  ];
  let annexCount = 0;
  shown.forEach((child) => {
    if (child.type.name === 'annex') annexCount++;
  });
  let annexIndex = 0;
  shown.forEach((child) => {
    switch (child.type.name) {
      case 'title':
        out.push(`#block(above: 0.8em, below: 1.2em, text(weight: "bold", size: 11pt)[${inlineTypst(child, state)}])`);
        break;
      case 'body_line':
        out.push(`#par(first-line-indent: (amount: 1.27cm, all: true))[${inlineTypst(child, state)}]`);
        break;
      case 'preamble':
      case 'operative':
      case 'decision_body':
        out.push(...partTypst(child, state));
        break;
      case 'annex':
        out.push('#pagebreak(weak: true)', `#align(center, strong(${typstString(annexLabel(++annexIndex, annexCount, state.language))}))`, ...annexTypst(child, state));
        break;
    }
  });
  return `${out.filter((s) => s !== '').join('\n')}\n`;
}

function typstString(text: string): string {
  return `[${typstText(text)}]`;
}
