/**
 * Pieces (write-diff.ts) and paragraphs (write-blocks.ts) as WordprocessingML: runs with
 * their italics, inserted and deleted runs as `w:ins` / `w:del` with author and date,
 * formatting changes as `w:rPrChange`, footnote references with their notes written to
 * the footnotes part, and paragraphs with their style, indent, direction and, when the
 * whole paragraph is new or gone, an inserted or deleted paragraph mark.
 */
import type { Block } from './write-blocks.js';
import { diffPieces, type Atom, type Piece, type Rev } from './write-diff.js';
import { paragraphStyles } from './write-styles.js';
import { esc } from './write-xml.js';

/**
 * What writing one document's runs carries: whether revisions are tracked, the default
 * author and date of a revision, right-to-left text, the next revision id, and the
 * footnotes written so far (note n has id n, from 1).
 */
export type RunContext = {
  tracked: boolean;
  author: string;
  date: string | undefined;
  rtl: boolean;
  revision: number;
  notes: string[];
};

function revisionAttrs(ctx: RunContext, author: string): string {
  return `w:id="${ctx.revision++}" w:author="${esc(author === '' ? ctx.author : author)}"${ctx.date === undefined ? '' : ` w:date="${esc(ctx.date)}"`}`;
}

function runProps(ctx: RunContext, italic: boolean, style: string, change: string): string {
  const inner = (style === '' ? '' : `<w:rStyle w:val="${style}"/>`) + (italic ? '<w:i/><w:iCs/>' : '') + (ctx.rtl ? '<w:rtl/>' : '') + change;
  return inner === '' ? '' : `<w:rPr>${inner}</w:rPr>`;
}

// Text of one run: tabs as <w:tab/>, the rest in w:t (w:delText inside a deletion).
function runContent(text: string, deleted: boolean): string {
  const tag = deleted ? 'w:delText' : 'w:t';
  return text
    .split('\t')
    .map((part) => (part === '' ? '' : `<${tag} xml:space="preserve">${esc(part)}</${tag}>`))
    .join('<w:tab/>');
}

/**
 * The runs of `pieces`: consecutive pieces of one revision (and, for a revision, one
 * author: the bracket's proposer, else the context's author) in one `w:ins` / `w:del`;
 * consecutive characters of one formatting in one run; a footnote as its reference run,
 * its note added to `ctx.notes`.
 */
export function piecesXml(pieces: readonly Piece[], ctx: RunContext): string {
  let out = '';
  for (let i = 0; i < pieces.length; ) {
    const first = pieces[i]!;
    if (first.kind === 'anchor') {
      out += first.xml;
      i++;
      continue;
    }
    let j = i;
    const group: Extract<Piece, { kind: 'atom' }>[] = [];
    for (; j < pieces.length; j++) {
      const p = pieces[j]!;
      if (p.kind !== 'atom' || p.rev !== first.rev || (p.rev !== 'none' && p.atom.author !== first.atom.author)) break;
      group.push(p);
    }
    const runs = groupRuns(group, ctx);
    out += first.rev === 'none' ? runs : `<w:${first.rev} ${revisionAttrs(ctx, first.atom.author)}>${runs}</w:${first.rev}>`;
    i = j;
  }
  return out;
}

function groupRuns(group: readonly Extract<Piece, { kind: 'atom' }>[], ctx: RunContext): string {
  let out = '';
  for (let i = 0; i < group.length; ) {
    const { atom, rev, was } = group[i]!;
    if (atom.note) {
      out += noteReference(atom, rev, was, ctx);
      i++;
      continue;
    }
    const changed = was !== null && was.italic !== atom.italic;
    let text = '';
    let j = i;
    for (; j < group.length; j++) {
      const p = group[j]!;
      if (p.atom.note || p.atom.italic !== atom.italic || (p.was !== null && p.was.italic !== p.atom.italic) !== changed) break;
      text += p.atom.ch;
    }
    const change = changed ? `<w:rPrChange ${revisionAttrs(ctx, '')}><w:rPr>${was?.italic ? '<w:i/><w:iCs/>' : ''}</w:rPr></w:rPrChange>` : '';
    out += `<w:r>${runProps(ctx, atom.italic, '', change)}${runContent(text, rev === 'del')}</w:r>`;
    i = j;
  }
  return out;
}

// A footnote reference and its note: a kept note compares its old text with its new one,
// an inserted or deleted note is inserted or deleted whole (its number included).
function noteReference(atom: Atom, rev: Rev, was: Atom | null, ctx: RunContext): string {
  const id = ctx.notes.length + 1;
  ctx.notes.push('');
  const older = rev === 'del' ? atom.note : was?.note ?? null;
  const newer = rev === 'del' ? null : atom.note;
  const pieces = diffPieces(older, newer, ctx.tracked);
  const ref = `<w:r>${runProps(ctx, false, 'FootnoteReference', '')}<w:footnoteRef/></w:r><w:r>${runProps(ctx, false, '', '')}<w:tab/></w:r>`;
  const marker = rev === 'none' ? ref : `<w:${rev} ${revisionAttrs(ctx, atom.author)}>${ref}</w:${rev}>`;
  const body = piecesXml(pieces, ctx);
  ctx.notes[id - 1] = `<w:footnote w:id="${id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/>${ctx.rtl ? '<w:bidi/>' : ''}</w:pPr>${marker}${body}</w:p></w:footnote>`;
  return `<w:r>${runProps(ctx, false, 'FootnoteReference', '')}<w:footnoteReference w:id="${id}"/></w:r>`;
}

const indentedStyles: ReadonlySet<string> = new Set([paragraphStyles.preambular, paragraphStyles.operative, paragraphStyles.subparagraph, paragraphStyles.item, paragraphStyles.annexParagraph]);

// 1 cm steps: a labelled paragraph hangs its label in the step before its text; an
// unlabelled one (a preambular or annex paragraph) indents its first line one step.
function indent(block: Block): string {
  if (!indentedStyles.has(block.style)) return '';
  if (block.labelled) return `<w:ind w:left="${567 * (block.depth + 1)}" w:hanging="567"/>`;
  return `<w:ind w:left="${567 * block.depth}" w:firstLine="567"/>`;
}

function paragraphProps(block: Block, ctx: RunContext): string {
  return `<w:pStyle w:val="${block.style}"/>${ctx.rtl ? '<w:bidi/>' : ''}${indent(block)}`;
}

/**
 * One paragraph: `newer` with the diff from `older` when both are given (a changed style or
 * indent as `w:pPrChange`), an inserted paragraph (only `newer`, tracked: inserted mark),
 * a deleted one (only `older`: deleted content and mark), or `newer` as it is.
 */
export function paragraphXml(older: Block | null, newer: Block | null, ctx: RunContext): string {
  const shown = newer ?? older;
  if (!shown) return '';
  const mark: Rev = newer === null ? 'del' : older === null && ctx.tracked ? 'ins' : 'none';
  const pieces = diffPieces(older?.inlines ?? null, newer?.inlines ?? null, ctx.tracked);
  let props = paragraphProps(shown, ctx);
  if (mark !== 'none') props += `<w:rPr><w:${mark} ${revisionAttrs(ctx, '')}/></w:rPr>`;
  if (older && newer) {
    const was = paragraphProps(older, ctx);
    if (was !== props) props += `<w:pPrChange ${revisionAttrs(ctx, '')}><w:pPr>${was}</w:pPr></w:pPrChange>`;
  }
  return `<w:p><w:pPr>${props}</w:pPr>${piecesXml(pieces, ctx)}</w:p>`;
}
