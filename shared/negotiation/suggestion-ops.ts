/**
 * Suggestion mode as edit operations: what a keystroke, a deletion, a paste or Enter becomes
 * when a delegation edits. Every result is a change that the host's role check
 * (electron/consultation/role-check.ts) accepts from that delegation:
 * - text typed outside the delegation's own proposal goes into a new bracket proposed by it,
 *   or into its own insertion bracket right next to the cursor (so a word is one bracket);
 * - text typed inside its own proposal (an insertion bracket proposed by it alone, or a new
 *   paragraph it proposed) is ordinary typing;
 * - deleting outside its own proposal marks the text as proposed for deletion (it stays),
 *   joining a deletion bracket of its own right next to it; inside its own proposal it
 *   deletes, and an emptied own bracket disappears;
 * - typing over a selection is a replacement `[current][proposed (CODE)]`;
 * - Enter proposes a new empty paragraph (a whole-paragraph bracket proposed by it);
 * - nothing inside a paragraph agreed or agreed ad ref: agreed text takes no proposals until
 *   the facilitator reopens the paragraph (the host refuses such a change too).
 * Each function returns a Transaction, or a notice (a sentence for people) when the action
 * is not something a delegation can propose there.
 */
import { Fragment, type Node, type ResolvedPos } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { newId } from '../ids.js';
import { bracketAttrs, canBracket } from './bracket-ops.js';
import { bracketableParagraphs, paragraphStatus, topParagraphs } from './model.js';
import { insideOwn, isOwnDeletion, isOwnInsertion, isOwnParagraph, ownProposalDepth } from './suggestion-ownership.js';

export { isOwnDeletion, isOwnInsertion, isOwnParagraph, ownProposalDepth } from './suggestion-ownership.js';

const { nodes } = resolutionSchema;

/** A change to dispatch, or a notice saying why nothing was changed. */
export type SuggestionResult = Transaction | { notice: string };

/** True when the result is a notice rather than a change. */
export function isNotice(result: SuggestionResult): result is { notice: string } {
  return 'notice' in result;
}

const notice = (text: string): { notice: string } => ({ notice: text });
const notHere = 'No proposal can be made here (the title and the header are not negotiated text).';
const oneParagraph = 'To propose a change, select text within one paragraph, all inside or all outside a bracket.';

const agreedText = 'This paragraph is agreed: a delegation cannot propose changes to agreed text. Ask the facilitator to reopen it first.';

/** A notice when from..to touches a paragraph agreed or agreed ad ref (closed to proposals), else null. */
export function agreedNotice(doc: Node, from: number, to = from): { notice: string } | null {
  for (const pos of from === to ? [from] : [from, to]) {
    const $pos = doc.resolve(pos);
    for (let depth = 1; depth <= $pos.depth; depth++) {
      const node = $pos.node(depth);
      if (!topParagraphs.has(node.type.name)) continue;
      const { state } = paragraphStatus(node);
      if (state === 'agreed' || state === 'agreed_ad_ref') return notice(agreedText);
      break;
    }
  }
  return null;
}

/**
 * Typing `text` over from..to (empty range: at the cursor) as delegation `d`: ordinary
 * typing inside its own proposal, else an insertion or a replacement proposal; the cursor
 * ends inside the proposal so the next keystroke extends it.
 */
export function suggestText(state: EditorState, d: string, from: number, to: number, text: string): SuggestionResult {
  if (text === '') return notice('Nothing to insert.');
  const { doc } = state;
  const agreed = agreedNotice(doc, from, to);
  if (agreed) return agreed;
  if (insideOwn(doc, from, to, d)) return state.tr.insertText(text, from, to);
  const $from = doc.resolve(from);
  const marks = state.storedMarks ?? $from.marks();
  if (from === to) {
    if (!$from.parent.inlineContent) return notice('Place the cursor in the text of a paragraph to propose an insertion.');
    let at = -1;
    if (isOwnInsertion($from.nodeBefore, d)) at = from - 1;
    else if (isOwnInsertion($from.nodeAfter, d)) at = from + 1;
    if (at >= 0) {
      const tr = state.tr.insert(at, resolutionSchema.text(text, marks));
      return tr.setSelection(TextSelection.create(tr.doc, at + text.length));
    }
    if (!$from.parent.canReplaceWith($from.index(), $from.index(), nodes.bracket)) return notice(notHere);
    const bracket = nodes.bracket.create(bracketAttrs({ proposedBy: [d] }), resolutionSchema.text(text, marks));
    const tr = state.tr.insert(from, bracket);
    return tr.setSelection(TextSelection.create(tr.doc, from + 1 + text.length));
  }
  if (!canBracket(doc, from, to) || !$from.parent.canReplaceWith($from.index(), doc.resolve(to).index(), nodes.bracket_alternatives)) return notice(oneParagraph);
  const current = nodes.bracket.create(bracketAttrs(), doc.slice(from, to).content);
  const proposed = nodes.bracket.create(bracketAttrs({ proposedBy: [d] }), resolutionSchema.text(text, marks));
  const tr = state.tr.replaceWith(from, to, nodes.bracket_alternatives.create({ id: newId() }, [current, proposed]));
  return tr.setSelection(TextSelection.create(tr.doc, from + 1 + current.nodeSize + 1 + text.length));
}

/** Deletes from..to inside `d`'s own proposal, removing an own bracket it empties (not one in an alternative group). */
function deleteOwn(state: EditorState, d: string, from: number, to: number): Transaction {
  const tr = state.tr.delete(from, to);
  const $pos = tr.doc.resolve(from);
  const depth = ownProposalDepth($pos, d);
  const own = depth > 0 ? $pos.node(depth) : null;
  if (own && own.type === nodes.bracket && own.childCount === 0 && $pos.node(depth - 1).type !== nodes.bracket_alternatives) {
    tr.delete($pos.before(depth), $pos.after(depth));
  }
  return tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(from, -1)));
}

/** Content of a deletion proposal over `content`: own deletions unwrapped, own insertions withdrawn. */
function deletionContent(content: Fragment, d: string): Node[] {
  const out: Node[] = [];
  content.forEach((child) => {
    if (isOwnDeletion(child, d)) child.content.forEach((c) => void out.push(c));
    else if (!isOwnInsertion(child, d)) out.push(child);
  });
  return out;
}

/**
 * Proposes deleting from..to as `d`, joined with `d`'s deletion brackets right before and
 * after it (repeated Backspace grows one bracket). The cursor goes before the bracket
 * (`backward`) or after it.
 */
export function markDeletion(state: EditorState, d: string, from: number, to: number, backward: boolean): SuggestionResult {
  const { doc } = state;
  let reuse: Node | null = null;
  for (let $f = doc.resolve(from); isOwnDeletion($f.nodeBefore, d); $f = doc.resolve(from)) {
    reuse ??= $f.nodeBefore;
    from -= $f.nodeBefore!.nodeSize;
  }
  for (let $t = doc.resolve(to); isOwnDeletion($t.nodeAfter, d); $t = doc.resolve(to)) {
    reuse ??= $t.nodeAfter;
    to += $t.nodeAfter!.nodeSize;
  }
  if (!canBracket(doc, from, to)) {
    const $f = doc.resolve(from);
    return notice($f.sameParent(doc.resolve(to)) && $f.parent.inlineContent ? notHere : oneParagraph);
  }
  const content = deletionContent(doc.slice(from, to).content, d);
  if (content.length === 0) return state.tr.delete(from, to);
  const attrs = reuse ? reuse.attrs : bracketAttrs({ proposedBy: [d], deletion: true });
  const bracket = nodes.bracket.create(attrs, Fragment.fromArray(content));
  const tr = state.tr.replaceWith(from, to, bracket);
  return tr.setSelection(TextSelection.create(tr.doc, backward ? from : from + bracket.nodeSize));
}

const atEdge = 'As a delegation you cannot join or split paragraphs; propose a deletion of text instead (select it and press Delete).';

/**
 * Backspace (`backward`) or Delete as `d`: deletes inside its own proposal, else proposes
 * deleting the selection or the character (with `word`, the word; or a footnote, a
 * reference) next to the cursor.
 */
export function suggestDelete(state: EditorState, d: string, backward: boolean, word = false): SuggestionResult {
  const { doc, selection } = state;
  const agreed = agreedNotice(doc, selection.from, selection.to);
  if (agreed) return agreed;
  if (!selection.empty) {
    const { from, to } = selection;
    if (insideOwn(doc, from, to, d)) return deleteOwn(state, d, from, to);
    return markDeletion(state, d, from, to, backward);
  }
  let pos = selection.head;
  for (let steps = 0; steps < 64; steps++) {
    const $pos = doc.resolve(pos);
    const depth = ownProposalDepth($pos, d);
    const node = backward ? $pos.nodeBefore : $pos.nodeAfter;
    if (depth > 0 && node) {
      const size = node.isText ? textStep(node.text ?? '', backward, word) : node.nodeSize;
      return deleteOwn(state, d, backward ? pos - size : pos, backward ? pos : pos + size);
    }
    if (!node) {
      const parent = $pos.parent;
      if (parent.isInline) {
        pos = backward ? $pos.before() : $pos.after();
        continue;
      }
      if (depth > 0 && parent.content.size === 0 && isOwnParagraph($pos.node(depth), d)) return withdrawParagraph(state, $pos, depth, backward);
      return notice(atEdge);
    }
    if (node.isText) {
      const size = textStep(node.text ?? '', backward, word);
      return markDeletion(state, d, backward ? pos - size : pos, backward ? pos : pos + size, backward);
    }
    if (isOwnDeletion(node, d)) {
      pos += backward ? -node.nodeSize : node.nodeSize;
      continue;
    }
    if (node.type === nodes.bracket || node.type === nodes.bracket_alternatives) {
      pos += backward ? -1 : 1;
      continue;
    }
    return markDeletion(state, d, backward ? pos - node.nodeSize : pos, backward ? pos : pos + node.nodeSize, backward);
  }
  return notice(atEdge);
}

// How many characters one Backspace (backward) or Delete takes from `text` next to the
// cursor: one, or with `word` the word (and the spaces after it, or before it going forward).
function textStep(text: string, backward: boolean, word: boolean): number {
  if (!word) return 1;
  const m = backward ? /(\S+\s*|\s+)$/.exec(text) : /^(\s*\S+|\s+)/.exec(text);
  return Math.max(1, m?.[0].length ?? 1);
}

/** Removes an empty paragraph `d` proposed (Backspace or Delete in it): withdrawing the proposal. */
function withdrawParagraph(state: EditorState, $pos: ResolvedPos, depth: number, backward: boolean): SuggestionResult {
  const para = $pos.node(depth);
  if (para.childCount > 1) return notice(atEdge);
  const start = $pos.before(depth);
  const tr = state.tr.delete(start, $pos.after(depth));
  const target = Math.min(start, tr.doc.content.size);
  return tr.setSelection(TextSelection.near(tr.doc.resolve(target), backward ? -1 : 1));
}

/**
 * Enter as `d`: proposes a new empty paragraph of the kind the cursor is in, right after
 * that paragraph and its alternative versions (a whole-paragraph bracket proposed by `d`),
 * with the cursor in it.
 */
export function suggestParagraph(state: EditorState, d: string): SuggestionResult {
  const $from = state.selection.$from;
  let depth = $from.depth;
  while (depth > 0 && !bracketableParagraphs.has($from.node(depth).type.name)) depth--;
  if (depth === 0) return notice('New paragraphs can be proposed in the preamble and the operative part only.');
  // A new subparagraph would go inside its paragraph; a new paragraph goes after it.
  if (!topParagraphs.has($from.node(depth).type.name)) {
    const agreed = agreedNotice(state.doc, $from.pos);
    if (agreed) return agreed;
  }
  const type = $from.node(depth).type;
  let at = $from.after(depth);
  // Not between a paragraph and its alternative versions (OP 7, OP 7 alt): after them.
  for (let next = state.doc.resolve(at).nodeAfter; next && typeof next.attrs.alternativeOf === 'string' && next.attrs.alternativeOf !== ''; next = state.doc.resolve(at).nodeAfter) {
    at += next.nodeSize;
  }
  const $at = state.doc.resolve(at);
  const attrs = { id: newId(), bracket: { id: newId(), proposedBy: [d], supportedBy: [], opposedBy: [], revision: '' } };
  const para = type.createAndFill(attrs);
  if (!para || !$at.parent.canReplaceWith($at.index(), $at.index(), type)) return notice('A new paragraph cannot be proposed here.');
  const tr = state.tr.insert(at, para);
  return tr.setSelection(TextSelection.create(tr.doc, at + 2));
}

/** The placeholder a composition starts on inside a new proposal (a zero-width space). */
export const compositionPlaceholder = '\u200b';

/**
 * Before an input method composes text as `d` outside its own proposal: the cursor moves into
 * its adjacent own bracket, or a new proposal holding a placeholder is made (over the
 * selection: a replacement), so the browser composes inside `d`'s own bracket and nothing
 * redraws the text under composition. Null when nothing needs doing (or nothing can be done).
 */
export function prepareComposition(state: EditorState, d: string): Transaction | null {
  const { from, to, empty } = state.selection;
  if (insideOwn(state.doc, from, to, d)) return null;
  const $from = state.doc.resolve(from);
  if (empty && isOwnInsertion($from.nodeBefore, d)) return state.tr.setSelection(TextSelection.create(state.doc, from - 1));
  if (empty && isOwnInsertion($from.nodeAfter, d)) return state.tr.setSelection(TextSelection.create(state.doc, from + 1));
  const result = suggestText(state, d, from, to, compositionPlaceholder);
  return isNotice(result) ? null : result;
}

/** Removes the composition placeholders left in `d`'s own brackets; null when there are none. */
export function stripPlaceholders(state: EditorState, d: string): Transaction | null {
  const found: number[] = [];
  state.doc.descendants((node, pos, parent) => {
    if (node.isText && isOwnInsertion(parent, d)) {
      const text = node.text ?? '';
      for (let i = text.indexOf(compositionPlaceholder); i >= 0; i = text.indexOf(compositionPlaceholder, i + 1)) found.push(pos + i);
    }
    return true;
  });
  if (found.length === 0) return null;
  const tr = state.tr;
  for (const pos of found.reverse()) tr.delete(pos, pos + 1);
  return tr;
}
