/**
 * Footnotes, endnotes and comments of a Word document. Notes become the text of the
 * document's footnotes (endnotes too: the resolution schema has one kind of note). Notes
 * hold no proposals (a footnote node holds plain inline text), so in 'proposals' mode a
 * note shows its text before the changes and a warning says so. Comments have no place
 * in a resolution (the schema has no annotation node, and a comment is not text of the
 * resolution): each is kept as a warning naming its author, date, the text it is
 * anchored to and what it says, so the importer's user reads every one of them.
 */
import type { Element } from '@xmldom/xmldom';
import { msg, type Message } from '../../i18n/message.js';
import type { TrackedChangeMode } from '../types.js';
import { authorName, readParagraphs, type BodyState } from './read-body.js';
import { viewParagraphs, type ViewPiece } from './read-view.js';
import { wAttr, wChildren } from './ooxml-read.js';

/**
 * The notes of `root` (w:footnotes or w:endnotes; `prefix` 'f' or 'e') as view pieces by
 * id (`f:2`), paragraphs joined by a space. Separator notes are left out.
 */
export function readNotes(root: Element | null, prefix: 'f' | 'e', state: BodyState, mode: TrackedChangeMode, into: Map<string, ViewPiece[]>): void {
  const local = prefix === 'f' ? 'footnote' : 'endnote';
  for (const note of wChildren(root, local)) {
    const type = wAttr(note, 'type');
    const id = wAttr(note, 'id');
    if (id === null || (type !== null && type !== 'normal')) continue;
    const paragraphs = readParagraphs(note, state);
    const changed = paragraphs.some((p) => p.markIns || p.markDel || p.pieces.some((piece) => piece.ins || piece.del));
    if (changed && mode === 'proposals') state.warnings.push(msg(prefix === 'f' ? 'formats:docx.footnoteChanges' : 'formats:docx.endnoteChanges', { id }));
    const view = viewParagraphs(paragraphs, mode === 'proposals' ? 'reject' : mode, () => undefined);
    const pieces: ViewPiece[] = [];
    view.forEach((para, i) => {
      if (i > 0) pieces.push({ text: ' ', italic: false, change: null });
      pieces.push(...para.pieces.filter((p) => 'text' in p));
    });
    const first = pieces[0];
    if (first && 'text' in first) pieces[0] = { ...first, text: first.text.trimStart() };
    into.set(`${prefix}:${id}`, pieces);
  }
}

/** One warning per comment of comments.xml (`root`, or null), in the order of the file. */
export function commentWarnings(root: Element | null, anchors: ReadonlyMap<string, string>): Message[] {
  const out: Message[] = [];
  for (const comment of wChildren(root, 'comment')) {
    const id = wAttr(comment, 'id') ?? '';
    const author = authorName(wAttr(comment, 'author') ?? '');
    const date = wAttr(comment, 'date');
    const text = (comment.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 500);
    const anchor = (anchors.get(id) ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
    const dated = date ? 'Dated' : '';
    out.push(msg(`formats:docx.comment${dated}${anchor === '' ? '' : 'On'}`, { author, text, ...(date ? { date } : {}), ...(anchor === '' ? {} : { anchor }) }));
  }
  return out;
}
