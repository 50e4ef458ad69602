import type { Node } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { newId } from '../../../shared/ids.js';

/**
 * Footnotes are inline atoms at the point of their marker; their numbers come from
 * document order, so inserting one renumbers the ones after it without touching them.
 */

/**
 * Inserts a footnote with a fresh id at the cursor (replacing a selection), with `text` as
 * its text (empty by default: the text is written in the footnote pane), and puts the cursor
 * after its marker. False where inline content cannot go (title, body line, between blocks).
 */
export function insertFootnote(text = ''): Command {
  return (state, dispatch) => {
    const { $from, $to } = state.selection;
    const footnoteType = resolutionSchema.nodes.footnote;
    if (!$from.sameParent($to) || !$from.parent.isTextblock) return false;
    if (!$from.parent.canReplaceWith($from.index(), $to.index(), footnoteType)) return false;
    const footnote = footnoteType.create({ id: newId() }, text === '' ? null : resolutionSchema.text(text));
    dispatch?.(state.tr.replaceSelectionWith(footnote, false).scrollIntoView());
    return true;
  };
}

/** The position of the footnote with id `id` in `doc` (before its node), or -1. */
export function footnotePos(doc: Node, id: string): number {
  let found = -1;
  if (id === '') return found;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.type.name === 'footnote' && node.attrs.id === id) found = pos;
    return !node.isInline;
  });
  return found;
}

/**
 * Replaces the text of the footnote `id` with `text` (its marker and number stay), as one
 * transaction through the editor, so the change syncs and undoes like typing. Emphasis
 * marks on the old text are dropped only where the text changed: the unchanged head and
 * tail keep theirs. False when there is no such footnote or nothing changes.
 */
export function setFootnoteText(id: string, text: string): Command {
  return (state, dispatch) => {
    const pos = footnotePos(state.doc, id);
    const node = pos < 0 ? null : state.doc.nodeAt(pos);
    if (!node) return false;
    const old = node.textContent;
    if (old === text) return false;
    let head = 0;
    while (head < old.length && head < text.length && old[head] === text[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < text.length - head && old[old.length - 1 - tail] === text[text.length - 1 - tail]) tail++;
    if (dispatch) {
      const from = pos + 1 + head;
      const to = pos + 1 + old.length - tail;
      const inserted = text.slice(head, text.length - tail);
      const tr = inserted === '' ? state.tr.delete(from, to) : state.tr.insertText(inserted, from, to);
      dispatch(tr);
    }
    return true;
  };
}

/** The DOM event (detail `{ id }`) the editor's root fires to open a footnote's text for editing. */
export const footnoteEditEvent = 'penholder:edit-footnote';

/** Asks the footnote pane (through `footnoteEditEvent` on `dom`) to open the footnote `id` for editing. */
export function requestFootnoteEdit(dom: HTMLElement, id: string): void {
  dom.dispatchEvent(new CustomEvent(footnoteEditEvent, { bubbles: true, detail: { id } }));
}

/**
 * Mod-Alt-f: inserts an empty footnote at the cursor (as `insertFootnote`) and asks the
 * footnote pane to open its text for writing; the cursor stays after the marker.
 */
export const insertFootnoteAndEdit: Command = (state, dispatch, view) =>
  insertFootnote()(
    state,
    dispatch &&
      ((tr) => {
        dispatch(tr);
        const inserted = tr.selection.$from.nodeBefore;
        if (view && inserted?.type.name === 'footnote') requestFootnoteEdit(view.dom, String(inserted.attrs.id));
      }),
    view,
  );
