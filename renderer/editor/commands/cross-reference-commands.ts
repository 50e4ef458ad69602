import type { Node } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import type { NumberEntry, Numbering } from '../../../shared/document/numbering.js';
import { firstWords } from '../outline.js';
import { referenceText } from '../numbering-plugin.js';

/**
 * Cross-references to paragraphs: an inline `cross_reference` atom stores the target's id,
 * and the numbering plugin draws the target's current number, so "paragraph 5" follows the
 * paragraph when it is renumbered. Picking the target is the picker's job: the command
 * bound to the key and the toolbar only asks for it (an event on the editor's DOM).
 */

/** The DOM event the editor's root fires when the user asks to insert a cross-reference. */
export const crossReferenceRequestEvent = 'penholder:insert-cross-reference';

/** A paragraph a cross-reference can point to, as the picker lists it. */
export type ReferenceTarget = {
  id: string;
  /** Where it is, for people: "PP 3", "OP 5 (a)". */
  path: string;
  /** The word before the number in running text: "paragraph", "preambular paragraph". */
  noun: string;
  /** How the reference reads in running text: "preambular paragraph 3", "paragraph 5 (a)". */
  reads: string;
  /** The first words of its text. */
  words: string;
};

const targetKinds: ReadonlySet<NumberEntry['kind']> = new Set(['pp', 'op', 'sub', 'subsub', 'decision']);

/** The word put before a reference's number: UN texts write "paragraph 5", "the third preambular paragraph". */
function nounFor(entry: NumberEntry): string {
  return entry.kind === 'pp' ? 'preambular paragraph' : 'paragraph';
}

/** Every paragraph of `doc` a cross-reference can point to, in document order, numbered by `numbering`. */
export function referenceTargets(doc: Node, numbering: Numbering): ReferenceTarget[] {
  const out: ReferenceTarget[] = [];
  for (const entry of numbering.entries) {
    if (!targetKinds.has(entry.kind) || entry.id === '') continue;
    const node = doc.nodeAt(entry.pos);
    if (!node) continue;
    out.push({ id: entry.id, path: entry.path, noun: nounFor(entry), reads: `${nounFor(entry)} ${referenceText(entry)}`, words: firstWords(node.firstChild?.textContent ?? '', 10) });
  }
  return out;
}

/** The targets whose path, reading or first words contain every word of `query` (case-insensitive). */
export function filterTargets(targets: readonly ReferenceTarget[], query: string): ReferenceTarget[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [...targets];
  return targets.filter((t) => {
    const hay = `${t.path} ${t.reads} ${t.words}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** True when an inline node can go at the selection (in paragraph text, not the title or body line). */
export function canInsertInline(state: EditorState): boolean {
  const { $from, $to } = state.selection;
  if (!$from.sameParent($to) || !$from.parent.isTextblock) return false;
  return $from.parent.canReplaceWith($from.index(), $to.index(), resolutionSchema.nodes.cross_reference);
}

/**
 * Inserts a cross-reference to the paragraph `targetId` at the selection (replacing it),
 * preceded by `noun` and a space ("paragraph ") unless the text before already ends with
 * "paragraph " or "paragraphs ", and puts the cursor after it. One transaction.
 */
export function insertCrossReference(targetId: string, noun = 'paragraph'): Command {
  return (state, dispatch) => {
    if (targetId === '' || !canInsertInline(state)) return false;
    if (dispatch) {
      const tr = state.tr.deleteSelection();
      const $at = tr.selection.$from;
      const before = $at.parent.textBetween(Math.max(0, $at.parentOffset - 40), $at.parentOffset, undefined, '\uFFFC');
      if (noun !== '' && !/paragraphs? $/i.test(before)) {
        const lead = before === '' || /\s$/.test(before) ? '' : ' ';
        tr.insertText(`${lead}${noun} `);
      }
      tr.replaceSelectionWith(resolutionSchema.nodes.cross_reference.create({ target: targetId }), true);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/**
 * Mod-Alt-r: asks for a cross-reference at the cursor (fires `crossReferenceRequestEvent` on
 * the editor's root; the picker listens, lets the user choose and runs
 * `insertCrossReference`). False where a reference cannot go.
 */
export const requestCrossReference: Command = (state, dispatch, view) => {
  if (!canInsertInline(state)) return false;
  if (dispatch && view) view.dom.dispatchEvent(new CustomEvent(crossReferenceRequestEvent, { bubbles: true }));
  return true;
};
