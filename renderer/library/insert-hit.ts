import { TextSelection } from 'prosemirror-state';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import type { LibraryHit } from '../../shared/api/contract.js';
import { buildParagraph } from '../../shared/document/build.js';
import { readHeader } from '../../shared/document/header.js';
import { citationFootnote } from '../../shared/document/labels-citation.js';
import { detectOpener } from '../../shared/import/openers.js';
import type { OpenerKind } from '../../shared/import/openers.js';
import { insertFootnote } from '../editor/commands/footnote-commands.js';
import { cursorInParagraph } from '../editor/commands/structure.js';
import { t } from '../i18n/index.js';
import { paragraphAround } from './lookup.js';

/**
 * The two things a delegate does with agreed language found in the library: take the
 * paragraph into the draft, or cite where it was agreed in a footnote.
 */

// Which opener a paragraph type begins with: preambular participles, operative verbs; none below.
const openerKinds: Readonly<Record<string, OpenerKind>> = {
  preambular_paragraph: 'pp',
  operative_paragraph: 'op',
  decision_paragraph: 'op',
};

/**
 * The text of a hit as a new paragraph of the type the cursor is in: the library's text,
 * its white space folded, with its opener ("Requests", "Recalling") detected for a
 * preambular, operative or decision paragraph.
 */
export function hitParagraphSpec(hit: Pick<LibraryHit, 'text'>, typeName: string): { text: string; opener?: string } {
  const text = hit.text.replace(/\s+/g, ' ').trim();
  const kind = openerKinds[typeName];
  const end = kind ? detectOpener(text, kind) : 0;
  return end > 0 ? { text, opener: text.slice(0, end) } : { text };
}

/**
 * Inserts the hit's text as a new paragraph (fresh id) right after the paragraph the
 * selection starts in, of the same type (an OP after an OP, an (a) after an (a)), its
 * opener marked; the cursor goes to the end of the new paragraph (where a citation goes). One undo step. False
 * outside paragraph text.
 */
export function insertHitAfter(hit: Pick<LibraryHit, 'text'>): Command {
  return (state, dispatch) => {
    const context = paragraphAround(state.selection.$from);
    if (!context) return false;
    const typeName = context.node.type.name;
    let node;
    try {
      node = buildParagraph(typeName, hitParagraphSpec(hit, typeName));
    } catch {
      return false;
    }
    const at = context.pos + context.node.nodeSize;
    const $at = state.doc.resolve(at);
    if (!$at.parent.canReplaceWith($at.index(), $at.index(), node.type)) return false;
    if (dispatch) dispatch(cursorInParagraph(state.tr.insert(at, node), at, node.firstChild?.content.size ?? 0).scrollIntoView());
    return true;
  };
}

/**
 * Where a citation goes, as a selection change: after a selected phrase (instead of
 * replacing it), at the end of the paragraph for a cursor at the start of its text; null
 * when the cursor is already where it goes.
 */
export function collapseToEnd(state: EditorState): Transaction | null {
  const { selection } = state;
  if (!selection.empty) return state.tr.setSelection(TextSelection.create(state.doc, selection.to));
  // A footnote before the opener would hide it from the opener rules: at the start of a
  // paragraph's text the citation goes to its end instead.
  const { $from } = selection;
  if ($from.parent.type.name === 'paragraph_text' && $from.parentOffset === 0 && $from.parent.content.size > 0) {
    return state.tr.setSelection(TextSelection.create(state.doc, $from.end()));
  }
  return null;
}

/**
 * Inserts at the cursor a footnote citing the hit in the document's language ("Resolution
 * 74/129, OP 5.", "Résolution 74/129, OP 5.", "第74/129号决议，OP 5。"): the footnote is part of
 * the text, whatever the interface's language. False where a footnote cannot go.
 */
export function citeHit(hit: Pick<LibraryHit, 'symbol' | 'label'>): Command {
  return (state, dispatch, view) => {
    const text = citationFootnote(hit.symbol, hit.label, readHeader(state.doc).language, t('library:agreedLanguage.untitledText'));
    return insertFootnote(text)(state, dispatch, view);
  };
}
