/**
 * From the view paragraphs of a Word document to resolution documents, through the
 * plain-text importer's own structure logic: each paragraph becomes one line of the UN text
 * layout (Word's number resolved and written first, openers and footnotes marked, see
 * read-encode.ts), the importer's chunker classifies it (body line, annex heading, label),
 * its segmenter finds the documents, its structure reader the PP/OP/subparagraph tree and
 * its node builder the ProseMirror document; read-finish.ts then restores what the layout
 * had to encode. One structure reader for text and Word, so both read a text alike.
 */
import type { Node } from 'prosemirror-model';
import { buildDocumentNode } from '../../import/build-nodes.js';
import { markBareBodyLines, toChunks, type Chunk } from '../../import/chunks.js';
import { isBareBodyName } from '../../import/language-lines.js';
import { isMetaLine } from '../../import/header-lines.js';
import { bodyLineLanguage, isDecisionBodyLine, isDocumentHeading, splitLabel } from '../../import/patterns.js';
import { segmentDocuments, type DocumentChunks } from '../../import/segment.js';
import { readStructure } from '../../import/structure.js';
import { msg, type Message, type MessageValue } from '../../i18n/message.js';
import { lastReasons } from '../../import/reasons.js';
import { FormatError, type TrackedChangeMode } from '../types.js';
import type { Change } from './read-body.js';
import { bracketsBalanced, changeBase, encodePieces, hasReserved } from './read-encode.js';
import { finishDocument, sentinelMark, type Proposers } from './read-finish.js';
import type { Numbering } from './read-numbering.js';
import type { Styles } from './read-styles.js';
import type { ViewParagraph, ViewPiece } from './read-view.js';

/** What the builder needs: the body's view paragraphs, notes by id (`f:2`, `e:1`), numbering and styles. */
export type BuildInput = {
  paragraphs: ViewParagraph[];
  notes: Map<string, ViewPiece[]>;
  numbering: Numbering;
  styles: Styles;
  mode: TrackedChangeMode;
  proposers: Proposers;
  warnings: Message[];
};

/** The documents of the input, in order; throws a FormatError when it holds no resolution or decision. */
export function buildDocuments(input: BuildInput): Node[] {
  const { warnings } = input;
  const changes = new Map<number, Change>();
  const noteTexts = new Map<number, string>();
  const noteIds: string[] = [];
  const changeNumber = (piece: ViewPiece | null, whole?: Change): number => {
    const change = whole ?? piece?.change;
    if (!change) return 0;
    changes.set(change.id, change);
    return change.id;
  };
  const note = (id: string): number => {
    noteIds.push(id);
    const n = noteIds.length;
    const pieces = input.notes.get(id);
    if (!pieces) warnings.push(msg('formats:docx.noteEmpty', { id }));
    noteTexts.set(n, encodePieces(pieces ?? [], { opener: false, brackets: false, note: () => 0, changeNumber: () => 0 }));
    return n;
  };
  const bodyAt = input.paragraphs.findIndex((p) => {
    const line = plain(p.pieces).trim();
    return bodyLineLanguage(line) !== null || isBareBodyName(line);
  });
  let reserved = false;
  const chunks: Chunk[] = input.paragraphs.map((para, at) => {
    const beforeBody = at <= bodyAt;
    const pieces = beforeBody && input.mode === 'proposals' ? headerPieces(para, warnings) : para.pieces;
    const brackets = bracketsBalanced(plain(pieces));
    if (!brackets) warnings.push(msg('formats:docx.bracketsUnpaired', { n: para.source.index }));
    if (hasReserved(plain(pieces))) reserved = true;
    const line = plain(pieces).trim();
    // Header, heading and body lines are read unmarked (a body line in italics is still one).
    const italics = at > bodyAt && bodyLineLanguage(line) === null && !isMetaLine(line) && !isDocumentHeading(line);
    let text = encodePieces(pieces, { opener: true, italics, brackets, note, changeNumber: (piece) => changeNumber(piece) }).trim();
    const label = labelOf(para, input);
    if (para.whole && !(beforeBody && input.mode === 'proposals')) {
      // A number typed by hand stays outside the paragraph's bracket, as Word's own number does.
      const typed = label ? null : splitLabel(text);
      const number = typed ? text.slice(0, text.length - typed.rest.length) : '';
      text = `${number}[${text.slice(number.length)}\uE000${changeBase + changeNumber(null, para.whole)}\uE001]`;
    }
    const layout = label ? `${label} ${text}` : text;
    return toChunks(layout)[0] ?? { kind: 'text', text: layout, indent: 0, label: null, note: 0 };
  });
  markBareBodyLines(chunks);
  if (reserved) warnings.push(msg('formats:docx.privateUse'));
  const found = segmentDocuments(chunks, warnings);
  warnOutside(chunks, found, input.paragraphs, warnings);
  if (found.length === 0) {
    throw new FormatError(msg('formats:docx.noBodyLine'));
  }
  const documents: Node[] = [];
  const used = new Set<number>();
  found.forEach((doc, i) => {
    for (const chunk of doc.content) {
      if (chunk.kind !== 'text' && chunk.kind !== 'annex' && chunk.text.trim() !== '') {
        warnings.push(msg('formats:docx.lineOutside', { doc: i + 1, text: chunk.text.slice(0, 60), kind: msg(`formats:docx.lineKind.${chunk.kind}`) }));
      }
    }
    const body = doc.content.filter((c) => c.kind === 'text' || c.kind === 'annex');
    const tree = readStructure(body, isDecisionBodyLine(doc.body), warnings);
    if (tree.kind === 'resolution' && tree.operative.length === 0) {
      warnings.push(msg('formats:docx.noOperative', { n: i + 1, title: doc.title.slice(0, 60) }));
      return;
    }
    const footnote = (n: number): string | null => {
      if (n >= changeBase) return `${sentinelMark}${n - changeBase}`;
      used.add(n);
      return noteTexts.get(n) ?? '';
    };
    const header = { ...doc.header, language: doc.header.language || doc.bodyLanguage };
    const warn = (where: MessageValue, problem: Message, near: string) => {
      warnings.push(msg('formats:docx.near', { doc: i + 1, where, problem, near: near.replace(/[\uE000-\uF8FF]/g, '') }));
    };
    const built = buildDocumentNode({ tree, header, title: doc.title, body: doc.body, footnote, warn });
    documents.push(finishDocument(built, changes, input.proposers));
  });
  noteIds.forEach((id, i) => {
    if (used.has(i + 1)) return;
    warnings.push(msg('formats:docx.noteOutside', { id, text: (noteTexts.get(i + 1) ?? '').slice(0, 200) }));
  });
  if (documents.length === 0) throw new FormatError(msg('formats:docx.noDocument', { reasons: lastReasons(warnings) }));
  return documents;
}

// Text paragraphs no document took (a covering letter before the resolution, notes after
// it) are not imported; each is named so nothing goes silently.
function warnOutside(chunks: readonly Chunk[], found: readonly DocumentChunks[], paragraphs: readonly ViewParagraph[], warnings: Message[]): void {
  const used = new Set<Chunk>(found.flatMap((doc) => doc.content));
  const titles = found.map((doc) => doc.title).join('\n');
  chunks.forEach((chunk, at) => {
    if (chunk.kind !== 'text' || used.has(chunk) || titles.includes(chunk.text)) return;
    const shown = chunk.text.replace(/[\uE000-\uF8FF]/g, '').slice(0, 60);
    warnings.push(msg('formats:docx.paragraphOutside', { n: paragraphs[at]?.source.index ?? at + 1, text: shown }));
  });
}

function plain(pieces: readonly ViewPiece[]): string {
  return pieces.map((p) => ('text' in p ? p.text : '')).join('');
}

// Title, header and body line carry no proposals: their text before the change, said once.
function headerPieces(para: ViewParagraph, warnings: Message[]): ViewPiece[] {
  const changed = para.whole !== null || para.pieces.some((p) => p.change !== null);
  if (changed) warnings.push(msg('formats:docx.headerChanges', { n: para.source.index }));
  if (para.whole?.kind === 'ins') return [];
  return para.pieces.filter((p) => p.change?.kind !== 'ins').map((p) => ({ ...p, change: null }));
}

function labelOf(para: ViewParagraph, input: BuildInput): string | null {
  const { source } = para;
  const styled = input.styles.numbering(source.styleId);
  const numId = source.numId ?? styled?.numId ?? null;
  if (numId === null || numId === '0') return null;
  const ilvl = source.ilvl ?? (source.numId === null ? styled?.ilvl : null) ?? (source.styleId ? input.numbering.levelOfStyle(numId, source.styleId) : null) ?? 0;
  const label = input.numbering.next(numId, ilvl);
  return label === null || label.trim() === '' ? null : unLabel(label.trim());
}

// Word list formats that say the same as the UN's labels in another dress ("a." or "a)"
// for "(a)", "1)" or "(1)" for "1.") are written as the UN writes them, so the structure
// reader sees a label; anything else is kept as Word shows it.
function unLabel(label: string): string {
  const letters = /^\(?([a-z]{1,5})[.)]$/.exec(label);
  if (letters) return `(${letters[1]})`;
  const digits = /^\(?(\d{1,3})[.)]$/.exec(label);
  return digits ? `${digits[1]}.` : label;
}
