/**
 * The paragraphs a reader sees in one tracked-change mode. 'accept': inserted text and
 * paragraph marks stay, deleted ones go; 'reject' the reverse; 'proposals': the text before
 * the changes (as 'reject'), each inserted or deleted piece kept and tagged with its change,
 * and whole paragraphs inserted or deleted recognised as such. A paragraph whose mark is
 * gone in the view joins the next one (Word's rule); the joined paragraph keeps the style
 * and numbering of its first member with visible text.
 */
import { msg, type Message } from '../../i18n/message.js';
import type { TrackedChangeMode } from '../types.js';
import { authorName, type Change, type DocxParagraph, type Piece } from './read-body.js';

/** A piece of a view paragraph; `change` is set only in 'proposals' mode (the change it proposes). */
export type ViewPiece = ({ text: string; italic: boolean } | { note: string }) & { change: Change | null };

/** A paragraph of the view: its pieces, the whole-paragraph change (proposals), and whose properties it has. */
export type ViewParagraph = { pieces: ViewPiece[]; whole: Change | null; source: DocxParagraph };

/** What stays of `paragraphs` in `mode`; `warn` hears of changes the mode cannot keep. */
export function viewParagraphs(paragraphs: readonly DocxParagraph[], mode: TrackedChangeMode, warn: (warning: Message) => void): ViewParagraph[] {
  const kinds = mode === 'proposals' ? classify(paragraphs) : paragraphs.map(() => 'normal' as const);
  const out: ViewParagraph[] = [];
  let group: { members: DocxParagraph[]; pieces: ViewPiece[] } = { members: [], pieces: [] };
  paragraphs.forEach((para, i) => {
    const kind = kinds[i] ?? 'normal';
    const whole = kind === 'inserted' ? firstChange(para, 'ins') : kind === 'deleted' ? firstChange(para, 'del') : null;
    for (const piece of para.pieces) {
      const kept = keep(piece, mode, kind);
      if (kept) group.pieces.push(kept);
    }
    group.members.push(para);
    const next = kinds[i + 1];
    if (!markRemoved(para, mode, kind, next, warn)) {
      const source = group.members.find((m) => m.pieces.some((p) => 'text' in p && keep(p, mode, kind) && p.text.trim() !== '')) ?? para;
      if (group.pieces.some((p) => !('text' in p) || p.text.trim() !== '')) out.push({ pieces: group.pieces, whole, source });
      group = { members: [], pieces: [] };
    }
  });
  if (group.pieces.some((p) => !('text' in p) || p.text.trim() !== '')) out.push({ pieces: group.pieces, whole: null, source: group.members[0] ?? (paragraphs[0] as DocxParagraph) });
  return out;
}

type Kind = 'normal' | 'inserted' | 'deleted';

// Inserted paragraph: all its text inserted and an inserted mark on it or just before it
// (Word marks the mark of the paragraph Enter was pressed in, LibreOffice the new one's).
function classify(paragraphs: readonly DocxParagraph[]): Kind[] {
  return paragraphs.map((para, i) => {
    const texts = para.pieces.filter((p) => 'note' in p || p.text.trim() !== '');
    if (texts.length === 0) return 'normal';
    const before = paragraphs[i - 1];
    if (texts.every((p) => p.ins !== null && p.del === null) && (para.markIns || before?.markIns)) return 'inserted';
    if (texts.every((p) => p.del !== null) && (para.markDel || before?.markDel)) return 'deleted';
    return 'normal';
  });
}

function firstChange(para: DocxParagraph, kind: 'ins' | 'del'): Change | null {
  for (const piece of para.pieces) {
    const found = kind === 'ins' ? piece.ins : piece.del;
    if (found) return found;
  }
  return kind === 'ins' ? para.markIns : para.markDel;
}

function keep(piece: Piece, mode: TrackedChangeMode, kind: Kind): ViewPiece | null {
  const base = 'text' in piece ? { text: piece.text, italic: piece.italic } : { note: piece.note };
  if (mode === 'accept') return piece.del ? null : { ...base, change: null };
  if (mode === 'reject') return piece.ins ? null : { ...base, change: null };
  if (piece.ins && piece.del) return null;
  if (kind !== 'normal') return { ...base, change: null };
  return { ...base, change: piece.ins ?? piece.del };
}

// Whether paragraph `para`'s mark is gone in the view, so that it joins the next one.
function markRemoved(para: DocxParagraph, mode: TrackedChangeMode, kind: Kind, next: Kind | undefined, warn: (warning: Message) => void): boolean {
  if (mode === 'accept') return para.markDel !== null;
  if (mode === 'reject') return para.markIns !== null;
  if (para.markIns && !para.markDel && kind !== 'inserted' && next !== 'inserted') {
    warn(msg('formats:docx.breakInserted', { n: para.index, author: authorName(para.markIns.author) }));
    return true;
  }
  if (para.markDel && kind !== 'deleted' && next !== 'deleted') {
    warn(msg('formats:docx.breakDeleted', { n: para.index, author: authorName(para.markDel.author) }));
  }
  return false;
}
