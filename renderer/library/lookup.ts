import type { Node } from 'prosemirror-model';
import type { ResolvedPos } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { LibrarySearchMode } from '../../shared/api/contract.js';
import { paragraphTypeNames } from '../editor/commands/structure.js';
import { enclosingBracketPos } from '../editor/negotiation/negotiation-commands.js';
import { computeNumbering } from '../../shared/document/numbering.js';
import { paragraphName } from '../components/private-notes-panel.js';
import { numberingKey } from '../editor/numbering-plugin.js';

/**
 * What the Library panel looks up for the editor's selection: the selected phrase, the
 * text of the bracket the cursor is in, or the paragraph the cursor is in, with the search
 * mode each calls for and a key that changes only when the lookup would.
 */

/** What the cursor or selection asks the library: `kind` says which, `where` names the paragraph ("OP 5"). */
export type LibraryLookup = {
  kind: 'selection' | 'bracket' | 'paragraph';
  text: string;
  mode: LibrarySearchMode;
  where: string;
  /** The paragraph's id (its text is what hits are compared with). */
  paragraphId: string;
  /** The paragraph's text as the library holds it (no footnotes, first alternative of a group). */
  paragraphText: string;
  key: string;
};

// A selection shorter than this (a stray double-click on "to") is not a phrase worth looking up.
const minPhrase = 3;
// The contract takes 20,000 characters; a longer selection is cut at a word.
const maxQuery = 4000;

/**
 * The words of inline content as the library indexes a paragraph: text as written, the
 * first alternative of a group of brackets (the others would run into it), bracketed text
 * without its brackets, footnotes and cross-references left out.
 */
export function plainText(node: Node): string {
  let out = '';
  node.forEach((child) => {
    if (child.isText) out += child.text ?? '';
    else if (child.type.name === 'bracket') out += plainText(child);
    else if (child.type.name === 'bracket_alternatives') out += child.firstChild ? plainText(child.firstChild) : '';
  });
  return out;
}

/**
 * The paragraph-level node (PP, OP, (a), list item ...) whose text holds `$pos`, inside
 * brackets and footnotes too, with its position; null outside paragraph text.
 */
export function paragraphAround($pos: ResolvedPos): { node: Node; pos: number } | null {
  for (let depth = $pos.depth; depth > 1; depth--) {
    if ($pos.node(depth).type.name !== 'paragraph_text') continue;
    const node = $pos.node(depth - 1);
    return paragraphTypeNames.has(node.type.name) ? { node, pos: $pos.before(depth - 1) } : null;
  }
  return null;
}

// "OP 5 (b)" from the numbering plugin (computed here for a state without it), else what the block is.
function whereOf(state: EditorState, id: string): string {
  const entry = (numberingKey.getState(state)?.numbering ?? computeNumbering(state.doc)).byId.get(id);
  if (entry) return entry.kind === 'pp' ? `PP ${entry.number}` : entry.path;
  return paragraphName(state, id);
}

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxQuery) return flat;
  const at = flat.lastIndexOf(' ', maxQuery);
  return flat.slice(0, at > 0 ? at : maxQuery);
}

/** The lookup for `state`'s selection, or null outside paragraph text (title, body line, annex title) or with nothing to look up. */
export function lookupAt(state: EditorState): LibraryLookup | null {
  const { selection } = state;
  const context = paragraphAround(selection.$from);
  if (!context) return null;
  const paragraphId = String(context.node.attrs.id ?? '');
  const paragraphText = cut(plainText(context.node.child(0)));
  const where = whereOf(state, paragraphId);
  const base = { where, paragraphId, paragraphText };
  if (!selection.empty) {
    const text = cut(state.doc.textBetween(selection.from, selection.to, ' ', ''));
    if (text.length >= minPhrase) return { ...base, kind: 'selection', text, mode: 'phrase', key: `s:${text}` };
  }
  const bracketPos = enclosingBracketPos(state);
  const bracket = bracketPos === null ? null : state.doc.nodeAt(bracketPos);
  if (bracket) {
    const text = cut(plainText(bracket));
    if (text.length >= minPhrase) return { ...base, kind: 'bracket', text, mode: 'phrase', key: `b:${text}` };
  }
  if (paragraphText.length < minPhrase) return null;
  return { ...base, kind: 'paragraph', text: paragraphText, mode: 'similar', key: `p:${paragraphId}:${paragraphText}` };
}
