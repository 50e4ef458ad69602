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
