import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { computeNumbering } from '../../shared/document/numbering.js';
import type { NumberEntry, Numbering } from '../../shared/document/numbering.js';

/**
 * Computed numbering shown, never typed: after every transaction that changed the document,
 * `computeNumbering` runs on the new document and each numbered node gets a node decoration
 * carrying its label as `data-label` (drawn by CSS `::before`) and an `aria-label` naming it
 * for assistive technology ("Operative paragraph 3"). Cross-references show their target's
 * number the same way.
 */

/** The plugin's state: the numbering of the current document and its decorations. */
export type NumberingState = { numbering: Numbering; decorations: DecorationSet };

/** The key under which the numbering plugin keeps its state (read it with `numberingKey.getState`). */
export const numberingKey = new PluginKey<NumberingState>('penholder-numbering');

/** The accessible name of a numbered node ("Operative paragraph 3", "Subparagraph (a)", "Footnote 2"). */
export function accessibleName(entry: NumberEntry): string {
  switch (entry.kind) {
    case 'pp':
      return `Preambular paragraph ${entry.number}`;
    case 'op':
      return `Operative paragraph ${entry.number}`;
    case 'sub':
    case 'subsub':
      return `Subparagraph ${entry.label} of ${entry.path}`;
    case 'decision':
      return `Paragraph ${entry.label}`;
    case 'item':
      return `List item ${entry.number}, ${entry.path}`;
    case 'annex':
      return entry.label;
    case 'footnote':
      return `Footnote ${entry.number}`;
  }
}

/** How a cross-reference to `entry` reads in running text: "5" for OP 5, "5 (a)" for its (a). */
export function referenceText(entry: NumberEntry): string {
  if (entry.kind === 'op' || entry.kind === 'item') return String(entry.number);
  return entry.path.replace(/^OP /, '').replace(/^PP /, '');
}

/**
 * The decorations for `doc`: one node decoration per numbered node (`data-label` when the
 * node prints a label, `aria-label` and `role="group"` for paragraphs) and one per
 * cross-reference whose target exists (`data-label` = the target's number, else `?`).
 */
export function numberingDecorations(doc: Node, numbering: Numbering = computeNumbering(doc)): DecorationSet {
  const decorations: Decoration[] = [];
  for (const entry of numbering.entries) {
    const node = doc.nodeAt(entry.pos);
    if (!node) continue;
    const attrs: Record<string, string> = { 'aria-label': accessibleName(entry) };
    if (entry.label !== '') attrs['data-label'] = entry.label;
    if (entry.kind !== 'footnote') attrs.role = entry.kind === 'annex' ? 'region' : 'group';
    decorations.push(Decoration.node(entry.pos, entry.pos + node.nodeSize, attrs));
  }
  doc.descendants((node, pos) => {
    if (node.type.name !== 'cross_reference') return true;
    const target = numbering.byId.get(String(node.attrs.target ?? ''));
    const label = target ? referenceText(target) : '?';
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-label': label, 'aria-label': target ? target.path : 'Broken reference' }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** The numbering plugin: recomputes numbering and decorations whenever the document changes. */
export function numberingPlugin(): Plugin<NumberingState> {
  const compute = (doc: Node): NumberingState => {
    const numbering = computeNumbering(doc);
    return { numbering, decorations: numberingDecorations(doc, numbering) };
  };
  return new Plugin<NumberingState>({
    key: numberingKey,
    state: {
      init: (_config, state) => compute(state.doc),
      apply: (tr, previous, _old, next) => (tr.docChanged ? compute(next.doc) : previous),
    },
    props: {
      decorations: (state: EditorState) => numberingKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}
