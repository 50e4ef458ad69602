import type { Node, NodeType } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Numbering } from '../../shared/document/numbering.js';

/**
 * The outline of a document: its top-level paragraphs (PP, OP, decision paragraphs) with
 * their computed numbers and first words, and the one-transaction move behind drag and drop
 * in the outline panel. Pure functions over real ProseMirror states.
 */

/** The parts of a document that hold top-level paragraphs, by node name. */
export type OutlinePart = 'preamble' | 'operative' | 'decision_body';

/**
 * One row of the outline: a top-level paragraph (depth 0) or one of its subparagraphs
 * ((a) at depth 1, (i) at depth 2), in document order. `pos` is before its opening token.
 */
export type OutlineEntry = {
  id: string;
  kind: 'pp' | 'op' | 'decision' | 'sub' | 'subsub';
  part: OutlinePart;
  /** Index among the paragraphs of its part (0-based); a subparagraph has its top-level paragraph's. */
  index: number;
  /** 0 for a top-level paragraph, 1 for (a), 2 for (i). */
  depth: number;
  /** Short number for people: "PP 3", "OP 12", "(b)"; a subparagraph's own label: "(a)", "(ii)". */
  number: string;
  /** The first words of the paragraph's text ('' for an empty paragraph). */
  words: string;
  pos: number;
};

/** Where a dragged paragraph lands: before the paragraph at `index` of `part` (index = count: at its end). */
export type DropTarget = { part: OutlinePart; index: number };

const paragraphOfPart: Readonly<Record<OutlinePart, string>> = {
  preamble: 'preambular_paragraph',
  operative: 'operative_paragraph',
  decision_body: 'decision_paragraph',
};

const partOfKind = { pp: 'preamble', op: 'operative', decision: 'decision_body' } as const;

/**
 * The words of an inline node as the outline shows them: through brackets, the alternatives
 * of a group joined by " / " ("Recalling / Reaffirming all its ..."), footnotes left out.
 */
export function readingText(node: Node): string {
  let out = '';
  node.forEach((child) => {
    if (child.isText) out += child.text ?? '';
    else if (child.type.name === 'bracket_alternatives') {
      const alternatives: string[] = [];
      child.forEach((alternative) => alternatives.push(readingText(alternative)));
      out += alternatives.join(' / ');
    } else if (child.isInline && !child.isLeaf && child.type.name !== 'footnote') out += readingText(child);
  });
  return out;
}

/** The first `count` words of `text`, with an ellipsis when more follow. */
export function firstWords(text: string, count = 8): string {
  // Only the head is split: paragraphs run to thousands of characters and this runs per keystroke.
  const words = text.slice(0, count * 40).trim().split(/\s+/).filter((w) => w !== '');
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}

// Text nodes are immutable and shared between document versions, so a paragraph's first
// words are computed once per version of its text, not for every paragraph per keystroke.
const wordCache = new WeakMap<Node, string>();

function wordsOf(paragraph: Node, wordCount: number): string {
  const text = paragraph.firstChild;
  if (!text) return '';
  if (wordCount !== 8) return firstWords(readingText(text), wordCount);
  let words = wordCache.get(text);
  if (words === undefined) wordCache.set(text, (words = firstWords(readingText(text), wordCount)));
  return words;
}

/**
 * The outline entries of `doc` in document order, numbered from `numbering` (the numbering
 * plugin's state for this very document, so positions agree): each top-level paragraph
 * followed by its subparagraphs (list items are left out).
 */
export function outlineEntries(doc: Node, numbering: Numbering, wordCount = 8): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const counters: Record<OutlinePart, number> = { preamble: 0, operative: 0, decision_body: 0 };
  let parent: OutlineEntry | null = null;
  for (const entry of numbering.entries) {
    const top = entry.kind === 'pp' || entry.kind === 'op' || entry.kind === 'decision';
    if (!top && entry.kind !== 'sub' && entry.kind !== 'subsub') continue;
    const node = doc.nodeAt(entry.pos);
    if (!node) continue;
    const words = wordsOf(node, wordCount);
    if (top) {
      const part = partOfKind[entry.kind as 'pp' | 'op' | 'decision'];
      const number = entry.kind === 'decision' ? entry.label : entry.path;
      parent = { id: entry.id, kind: entry.kind as 'pp' | 'op' | 'decision', part, index: counters[part]++, depth: 0, number, words, pos: entry.pos };
      entries.push(parent);
    } else if (parent) {
      // A decision's (i) sits right under its lettered paragraph; elsewhere (i) is under an (a).
      const depth = entry.kind === 'sub' || parent.kind === 'decision' ? 1 : 2;
      entries.push({ id: entry.id, kind: entry.kind as 'sub' | 'subsub', part: parent.part, index: parent.index, depth, number: entry.label, words, pos: entry.pos });
    }
  }
  return entries;
}

/** The position of the part node named `part` in `doc` (before its opening token), or -1. */
function partPos(doc: Node, part: OutlinePart): number {
  let found = -1;
  doc.forEach((child, offset) => {
    if (found < 0 && child.type.name === part) found = offset;
  });
  return found;
}

/** `node` as a node of `type` (same attrs and children), or null when its children do not fit `type`. */
function retype(node: Node, type: NodeType): Node | null {
  if (node.type === type) return node;
  if (!type.validContent(node.content)) return null;
  return type.create(node.attrs, node.content, node.marks);
}

/**
 * One transaction moving the top-level paragraph at `fromPos` (with all its children) to
 * `target`, or null when the move is impossible or changes nothing. Moving between preamble
 * and operative part changes the node type (PP <-> OP) and keeps its id and children; the
 * move is refused when the children do not fit the new type (an OP holding a numbered list
 * cannot become a PP) or when it would leave the operative part empty (it needs one OP).
 */
export function moveParagraphTr(state: EditorState, fromPos: number, target: DropTarget): Transaction | null {
  const doc = state.doc;
  const node = doc.nodeAt(fromPos);
  const $from = node ? doc.resolve(fromPos) : null;
  if (!node || !$from || $from.depth !== 1) return null;
  const fromPart = $from.parent.type.name as OutlinePart;
  if (!(fromPart in paragraphOfPart) || node.type.name !== paragraphOfPart[fromPart]) return null;
  const toPartPos = partPos(doc, target.part);
  const toPart = toPartPos < 0 ? null : doc.child(doc.resolve(toPartPos).index());
  if (!toPart || target.index < 0 || target.index > toPart.childCount) return null;
  const fromIndex = $from.index();
  if (fromPart === target.part && (target.index === fromIndex || target.index === fromIndex + 1)) return null;
  if (fromPart !== target.part && fromPart === 'operative' && $from.parent.childCount === 1) return null;
  const type = state.schema.nodes[paragraphOfPart[target.part]];
  const moved = type ? retype(node, type) : null;
  if (!moved) return null;
  let insertAt = toPartPos + 1;
  for (let i = 0; i < target.index; i++) insertAt += toPart.child(i).nodeSize;
  const tr = state.tr.delete(fromPos, fromPos + node.nodeSize);
  tr.insert(tr.mapping.map(insertAt), moved);
  return tr.scrollIntoView();
}

/** The position of the paragraph-level node with id `id` in `doc`, or -1. */
export function findNodeById(doc: Node, id: string): number {
  let found = -1;
  if (id === '') return found;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.attrs.id === id && !node.isInline) found = pos;
    return node.isBlock && !node.isTextblock;
  });
  return found;
}

/** One transaction putting the cursor at the start of the text of the paragraph at `pos`, scrolled into view. */
export function jumpToParagraphTr(state: EditorState, pos: number): Transaction | null {
  const node = state.doc.nodeAt(pos);
  if (!node || node.isInline) return null;
  const inside = node.isTextblock ? pos + 1 : pos + 2;
  return state.tr.setSelection(TextSelection.near(state.doc.resolve(Math.min(inside, state.doc.content.size)))).scrollIntoView();
}
