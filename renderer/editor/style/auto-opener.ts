/**
 * The opener shown in italics automatically. For each PP, OP or decision paragraph a
 * transaction touched, the `opener` mark is (re)applied to the leading phrase when it is a
 * phrase of the document language's lists (longest first, with "also"/"further" where the
 * convention puts it: "Also requests", "Recalling also"), in a transaction appended to the
 * user's, so it lands in the same undo step.
 *
 * A mark is removed only when it is stale AND was the editor's own: the paragraph no longer
 * opens with a listed phrase, and before this transaction its mark covered exactly the
 * phrase the lists recognised then (what this plugin would have applied). A mark the lists
 * never explained (an imported "Strongly encourages", an author's own choice) is left
 * alone, and so is a longer mark that starts with the listed phrase ("Notes with deep
 * concern" over "Notes"): the schema stores openers as marks precisely so that such
 * decisions survive (see resolution-marks.ts).
 */
import type { Mark, Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';
import { readHeader } from '../../../shared/document/header.js';
import { hasPhraseList, matchOpener } from '../../../shared/style/openers.js';
import { paragraphText, textOffsetToPos } from '../../../shared/style/index.js';
import type { OpenerPart } from '../../../shared/style/index.js';
import { touchedParagraphIds } from './touched.js';

/** The opener grammar of each paragraph type that opens with a phrase. */
export const openerParts: Readonly<Record<string, OpenerPart>> = {
  preambular_paragraph: 'pp',
  operative_paragraph: 'op',
  decision_paragraph: 'op',
};

type Range = { from: number; to: number };

/** The document range of the listed opener of a paragraph text at `textPos`, or null. */
export function listedOpenerRange(textNode: Node, textPos: number, part: OpenerPart, language: string): Range | null {
  if (!hasPhraseList(language as never)) return null;
  const match = matchOpener(paragraphText(textNode).text, part, language as 'en');
  if (!match?.known) return null;
  return { from: textOffsetToPos(textNode, textPos, match.from), to: textOffsetToPos(textNode, textPos, match.to) };
}

/** The document ranges of a paragraph text's opener-marked text, adjacent runs merged. */
export function openerMarkRanges(textNode: Node, textPos: number): Range[] {
  const ranges: Range[] = [];
  textNode.forEach((child, offset) => {
    if (!child.isText || !child.marks.some((m: Mark) => m.type.name === 'opener')) return;
    const from = textPos + 1 + offset;
    const to = from + child.nodeSize;
    const last = ranges[ranges.length - 1];
    if (last && last.to === from) last.to = to;
    else ranges.push({ from, to });
  });
  return ranges;
}

type Paragraph = { part: OpenerPart; textNode: Node; textPos: number };

function paragraphsById(doc: Node, ids: ReadonlySet<string>): Map<string, Paragraph> {
  const found = new Map<string, Paragraph>();
  doc.forEach((section, sectionOffset) => {
    section.forEach((node, offset) => {
      const part = openerParts[node.type.name];
      const id: unknown = node.attrs.id;
      const text = node.firstChild;
      if (!part || typeof id !== 'string' || !ids.has(id) || text?.type.name !== 'paragraph_text') return;
      found.set(id, { part, textNode: text, textPos: sectionOffset + 1 + offset + 1 });
    });
  });
  return found;
}

const same = (a: Range[], b: Range[]): boolean => a.length === b.length && a.every((r, i) => r.from === b[i]?.from && r.to === b[i]?.to);

/**
 * The transaction that brings the opener marks of the paragraphs `ids` in `state` in line
 * with the phrase lists (see the module comment), or null when nothing changes. `before`
 * is the document before the user's transaction(s), used to tell the editor's own marks.
 */
export function openerMarkTransaction(state: EditorState, before: Node, ids: ReadonlySet<string>): Transaction | null {
  const language = readHeader(state.doc).language;
  if (!hasPhraseList(language) || ids.size === 0) return null;
  const type = state.schema.marks.opener;
  if (!type) return null;
  const tr = state.tr;
  let old: Map<string, Paragraph> | null = null;
  for (const [id, { part, textNode, textPos }] of paragraphsById(state.doc, ids)) {
    const current = openerMarkRanges(textNode, textPos);
    const wanted = listedOpenerRange(textNode, textPos, part, language);
    if (wanted) {
      const first = current[0];
      const coversWanted = current.length === 1 && first !== undefined && first.from === wanted.from && first.to >= wanted.to;
      if (same(current, [wanted]) || (coversWanted && !endsInsideWord(state.doc, first.to))) continue;
      tr.removeMark(textPos + 1, textPos + textNode.nodeSize - 1, type);
      tr.addMark(wanted.from, wanted.to, type.create());
      continue;
    }
    if (current.length === 0) continue;
    old ??= paragraphsById(before, ids);
    const previous = old.get(id);
    if (!previous) continue;
    const previousWanted = listedOpenerRange(previous.textNode, previous.textPos, previous.part, language);
    if (previousWanted && same(openerMarkRanges(previous.textNode, previous.textPos), [previousWanted])) {
      tr.removeMark(textPos + 1, textPos + textNode.nodeSize - 1, type);
    }
  }
  return tr.docChanged ? tr : null;
}

// A mark ending inside a word ("Request|s" after a deletion) is never an author's choice.
function endsInsideWord(doc: Node, pos: number): boolean {
  const text = doc.textBetween(Math.max(0, pos - 1), Math.min(doc.content.size, pos + 1), '\n', '\n');
  return /^[\p{L}][\p{L}]$/u.test(text);
}

/** The key of the automatic opener plugin. */
export const autoOpenerKey = new PluginKey('penholder-auto-opener');

/**
 * The automatic opener plugin: an appendTransaction over the paragraphs the user's
 * transactions touched. Changes that come from the Y.Doc (other people's edits, undo and
 * redo) are left as they are, so undo really takes the mark back.
 */
export function autoOpenerPlugin(): Plugin {
  return new Plugin({
    key: autoOpenerKey,
    appendTransaction: (transactions, oldState, newState) => {
      const ids = new Set<string>();
      for (const tr of transactions) {
        const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
        if (!tr.docChanged || sync?.isChangeOrigin === true || tr.getMeta(autoOpenerKey) !== undefined) continue;
        for (const id of touchedParagraphIds(tr)) ids.add(id);
      }
      if (ids.size === 0) return null;
      return openerMarkTransaction(newState, oldState.doc, ids)?.setMeta(autoOpenerKey, true) ?? null;
    },
  });
}
