/**
 * The clean view of a negotiated document as a document (not text), so the app can draw it
 * like the page: what `exportText(doc, { view: 'clean' })` writes, as ProseMirror nodes.
 */
import { Fragment, type Node } from 'prosemirror-model';
import { paragraphStatus } from './model.js';
import { seamKeep, seamMark } from './seams.js';

const parts: ReadonlySet<string> = new Set(['preamble', 'operative', 'decision_body']);
const droppedWhenBracketed: ReadonlySet<string> = new Set(['subparagraph', 'sub_subparagraph']);
// What the clean text removes a space before (export-text.ts): punctuation and footnote markers.
const tight = /[,;.:⁰¹²³⁴⁵⁶⁷⁸⁹]/;

// Cleaned nodes by original: ProseMirror shares unchanged nodes between versions of a
// document, so a view redrawn per edit re-cleans only the paragraphs that changed, and an
// unchanged paragraph keeps its identity (its DOM is kept too). null = left out.
const cache = new WeakMap<Node, Node | null>();

/**
 * Only the agreed text of `doc`, with the semantics of the clean text export: inline
 * brackets and alternative groups are removed with their text, top-level paragraphs that
 * are bracketed whole, alternatives (`alternativeOf` set) or of status "deleted" are left
 * out, as are bracketed subparagraphs. A paragraph, subparagraph, list item or annex
 * paragraph whose text this empties (all of it was in brackets) and that keeps nothing else
 * goes too, as if bracketed whole, and so does a list left without items: the agreed text
 * has no empty numbered line. The text around removed brackets is tidied (one
 * space between words, none before punctuation or a footnote marker, none at either end),
 * and the header carries no negotiation base (the clean text is numbered as it stands).
 * Nodes without anything to remove are returned as they are (the same objects). The
 * result is meant for display: it may hold an operative part without paragraphs, which
 * the schema would refuse, when every operative paragraph is bracketed.
 */
export function cleanViewDoc(doc: Node): Node {
  return cleanNode(doc) ?? doc;
}

function cleanNode(node: Node): Node | null {
  const known = cache.get(node);
  if (known !== undefined) return known;
  const result = node.inlineContent ? cleanInline(node) : cleanBlock(node);
  cache.set(node, result);
  return result;
}

function leftOut(parent: Node, child: Node): boolean {
  const bracketed = child.attrs.bracket !== null && typeof child.attrs.bracket === 'object';
  if (parts.has(parent.type.name)) {
    return bracketed || String(child.attrs.alternativeOf ?? '') !== '' || paragraphStatus(child).state === 'deleted';
  }
  return bracketed && droppedWhenBracketed.has(child.type.name);
}

function cleanBlock(node: Node): Node {
  // The clean text is numbered as it stands: out of negotiation, its header has no base.
  if (node.type.name === 'header' && node.attrs.negotiation) return node.type.create({ ...node.attrs, negotiation: null });
  if (node.isLeaf) return node;
  const children: Node[] = [];
  let changed = false;
  node.forEach((child) => {
    let cleaned = leftOut(node, child) ? null : cleanNode(child);
    if (cleaned && cleaned !== child && emptied(child, cleaned)) cleaned = null;
    if (cleaned !== child) changed = true;
    if (cleaned) children.push(cleaned);
  });
  return changed ? node.copy(Fragment.fromArray(children)) : node;
}

// True when cleaning left `cleaned` with no text where `original` had some, and nothing else:
// an annex paragraph with no content, a paragraph-level node (its text first) with an empty
// text and no other child, or a list whose items all went. Titles and a paragraph's own text
// are not paragraphs: their parent decides.
function emptied(original: Node, cleaned: Node): boolean {
  if (cleaned.type.name === 'numbered_list') return cleaned.childCount === 0;
  if (cleaned.type.name === 'annex_paragraph') return original.childCount > 0 && cleaned.childCount === 0;
  const text = cleaned.firstChild;
  if (cleaned.childCount !== 1 || text?.type.name !== 'paragraph_text') return false;
  return text.childCount === 0 && (original.firstChild?.childCount ?? 0) > 0;
}

// One item of a text block's content: a text node's characters, an atom (one character),
// or the seam where a bracket was removed (no node).
type Piece = { node: Node | null; chars: string };

function cleanInline(block: Node): Node {
  const pieces: Piece[] = [];
  let changed = false;
  block.forEach((child) => {
    if (child.type.name === 'bracket' || child.type.name === 'bracket_alternatives') {
      changed = true;
      pieces.push({ node: null, chars: seamMark });
      return;
    }
    const cleaned = child.type.name === 'footnote' ? (cleanNode(child) ?? child) : child;
    if (cleaned !== child) changed = true;
    pieces.push({ node: cleaned, chars: cleaned.isText ? (cleaned.text ?? '') : cleaned.type.name === 'footnote' ? '¹' : 'x' });
  });
  const keep = tidyMask(pieces.map((p) => p.chars).join(''));
  const content: Node[] = [];
  let at = 0;
  for (const piece of pieces) {
    const mask = keep.slice(at, at + piece.chars.length);
    at += piece.chars.length;
    if (!piece.node) continue;
    if (!piece.node.isText) {
      content.push(piece.node);
      continue;
    }
    const kept = piece.chars.split('').filter((_c, i) => mask[i]).join('');
    if (kept.length !== piece.chars.length) changed = true;
    if (kept !== '') content.push(kept === piece.chars ? piece.node : piece.node.type.schema.text(kept, piece.node.marks));
  }
  return changed ? block.copy(Fragment.fromArray(content)) : block;
}

// Which characters of `text` the clean export keeps: the seams tidied (seams.ts), then the
// first space of a run, no space before punctuation or a footnote marker, none at the start
// or the end.
function tidyMask(text: string): boolean[] {
  const seams = seamKeep(text);
  const keep = text.split('').map((c, i) => !!seams[i] && (c !== ' ' || !prevKept(text, seams, i, ' ')));
  const next = (i: number): string | undefined => {
    for (let j = i + 1; j < text.length; j++) if (keep[j]) return text[j];
    return undefined;
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ' ' || !keep[i]) continue;
    const after = next(i);
    if (after === undefined || tight.test(after)) keep[i] = false;
  }
  for (let i = 0; i < text.length && (text[i] === ' ' || !keep[i]); i++) keep[i] = false;
  return keep;
}

// True when the kept character before `i` is `c`.
function prevKept(text: string, keep: readonly boolean[], i: number, c: string): boolean {
  for (let j = i - 1; j >= 0; j--) if (keep[j]) return text[j] === c;
  return false;
}
