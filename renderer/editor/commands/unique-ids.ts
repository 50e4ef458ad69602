import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform';
import { idNodeNames } from '../../../schemas/resolution-schema.js';
import { newId } from '../../../shared/ids.js';

/**
 * Every paragraph-level node (and footnote) keeps a unique, non-empty `id`: splits, pastes
 * and copies carry attributes along, so after any change that brought such nodes in, the
 * plugin gives a fresh id to each node whose id is empty or already used earlier in the
 * document. The first occurrence keeps its id, so a paragraph split in two stays "itself".
 */

const idTypes: ReadonlySet<string> = new Set(idNodeNames);

/** The unique-ids plugin's key (its transactions carry this meta). */
export const uniqueIdsKey = new PluginKey('uniqueIds');

/** Positions of nodes in `doc` whose id is empty or repeats an earlier one, in document order. */
export function findIdProblems(doc: Node): number[] {
  const seen = new Set<string>();
  const problems: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isText) return false;
    if (idTypes.has(node.type.name)) {
      const id = String(node.attrs.id ?? '');
      if (id === '' || seen.has(id)) problems.push(pos);
      else seen.add(id);
    }
    // Footnotes sit in inline content, so textblocks are entered; a footnote's own text holds no ids.
    return node.type.name !== 'footnote' && node.type.name !== 'cross_reference';
  });
  return problems;
}

/** Gives a fresh id to every node `findIdProblems` reports; returns `tr` (unchanged when all ids are fine). */
export function fixIds(tr: Transaction): Transaction {
  for (const pos of findIdProblems(tr.doc)) tr.setNodeAttribute(pos, 'id', newId());
  return tr;
}

// Only steps that bring in node content (or change attributes) can create empty or repeated
// ids; typing and deleting cannot, so a keystroke never pays for a document walk.
function mayIntroduceIds(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
      let found = false;
      step.slice.content.descendants((node) => {
        if (idTypes.has(node.type.name)) found = true;
        return !found && !node.isTextblock;
      });
      if (!found) step.slice.content.forEach((node) => (found ||= node.isTextblock && hasFootnote(node)));
      return found;
    }
    return true;
  });
}

function hasFootnote(node: Node): boolean {
  let found = false;
  node.forEach((child) => (found ||= child.type.name === 'footnote'));
  return found;
}

/** The plugin that keeps ids unique and non-empty after every document change. */
export function uniqueIdsPlugin(): Plugin {
  return new Plugin({
    key: uniqueIdsKey,
    appendTransaction(transactions, _old, state) {
      if (!transactions.some((tr) => tr.docChanged && mayIntroduceIds(tr))) return null;
      const tr = fixIds(state.tr);
      return tr.docChanged ? tr.setMeta(uniqueIdsKey, true).setMeta('addToHistory', false) : null;
    },
  });
}
