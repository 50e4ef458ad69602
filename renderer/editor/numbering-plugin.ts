import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
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

/**
 * The accessible name of a numbered node: "Preambular paragraph 2", "Operative paragraph 3",
 * "Subparagraph (ii) of operative paragraph 12 (b)", "List item 3 of operative paragraph 11",
 * "Paragraph (a)" (decision), "Annex II", "Footnote 2".
 */
export function accessibleName(entry: NumberEntry): string {
  switch (entry.kind) {
    case 'pp':
      return `Preambular paragraph ${entry.number}`;
    case 'op':
      return `Operative paragraph ${entry.number}`;
    case 'sub':
    case 'subsub':
      return withParent(`Subparagraph ${entry.label}`, entry.path, ` ${entry.label}`);
    case 'decision':
      return `Paragraph ${entry.label}`;
    case 'item':
      return withParent(`List item ${entry.number}`, entry.path, `item ${entry.number}`);
    case 'annex':
      return entry.label;
    case 'footnote':
      return `Footnote ${entry.number}`;
  }
}

// `path` ends with the node's own part; what precedes it names the parent ("OP 12 (b)").
function withParent(name: string, path: string, ownPart: string): string {
  const parent = path.endsWith(ownPart) ? path.slice(0, path.length - ownPart.length).trim() : '';
  if (parent === '') return name;
  const spoken = parent.replace(/^OP (\d+)/, 'operative paragraph $1').replace(/^PP (\d+)/, 'preambular paragraph $1');
  return `${name} of ${spoken}`;
}

/** How a cross-reference to `entry` reads in running text: "5" for OP 5, "5 (a)" for its (a). */
export function referenceText(entry: NumberEntry): string {
  if (entry.kind === 'op' || entry.kind === 'item') return String(entry.number);
  return entry.path.replace(/^OP /, '').replace(/^PP /, '');
}

/**
 * The decorations for `doc`: one node decoration per numbered node (`data-label` when the
 * node prints a label, `aria-label` and `role="group"` for paragraphs) and one per
 * cross-reference (`data-label` = the target's number, `?` when the target is gone). Each
 * decoration's spec is `{ attrs, entry? }`: the attributes it sets and the numbering entry.
 */
export function numberingDecorations(doc: Node, numbering: Numbering = computeNumbering(doc)): DecorationSet {
  return DecorationSet.create(doc, numberingDecorationList(doc, numbering));
}

function numberingDecorationList(doc: Node, numbering: Numbering): Decoration[] {
  const decorations: Decoration[] = [];
  for (const entry of numbering.entries) {
    const node = doc.nodeAt(entry.pos);
    if (!node) continue;
    const attrs: Record<string, string> = { 'aria-label': accessibleName(entry) };
    if (entry.label !== '') attrs['data-label'] = entry.label;
    if (entry.kind !== 'footnote') attrs.role = entry.kind === 'annex' ? 'region' : 'group';
    decorations.push(Decoration.node(entry.pos, entry.pos + node.nodeSize, attrs, { attrs, entry }));
  }
  doc.descendants((node, pos) => {
    if (node.type.name !== 'cross_reference') return true;
    const target = numbering.byId.get(String(node.attrs.target ?? ''));
    const label = target ? referenceText(target) : '?';
    const attrs: Record<string, string> = target
      ? { 'data-label': label, 'aria-label': `Reference to ${target.path}` }
      : { 'data-label': label, 'aria-label': 'Broken reference', class: 'ph-xref-broken', title: 'Broken reference: the paragraph it pointed to was deleted' };
    decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs, { attrs }));
    return false;
  });
  return decorations;
}

// Where a decoration is and what it sets: two decorations with the same key draw the same.
// (Built by hand, not JSON.stringify: it runs for every numbered node on every keystroke.)
const keyOf = (deco: Decoration): string => {
  const attrs = (deco.spec as { attrs: Record<string, string> }).attrs;
  let key = `${deco.from}:${deco.to}`;
  for (const name in attrs) key += `|${name}=${attrs[name]}`;
  return key;
};

/**
 * `previous` (the decorations before `tr`) brought up to `numbering` of `tr.doc`: mapped
 * decorations that still set the same attributes on the same node are kept as they are, so
 * typing inside a paragraph (which never changes a label) makes ProseMirror redraw no
 * numbered node; only changed ones are replaced. Draws the same as
 * `numberingDecorations(tr.doc, numbering)`; a kept decoration's `entry` may be the older one
 * (same label, older position).
 */
export function updateNumberingDecorations(previous: DecorationSet, tr: Transaction, numbering: Numbering): DecorationSet {
  const mapped = previous.map(tr.mapping, tr.doc);
  const kept = new Map<string, Decoration>();
  for (const deco of mapped.find()) kept.set(keyOf(deco), deco);
  const added: Decoration[] = [];
  for (const deco of numberingDecorationList(tr.doc, numbering)) {
    const key = keyOf(deco);
    if (kept.has(key)) kept.delete(key);
    else added.push(deco);
  }
  if (kept.size === 0 && added.length === 0) return mapped;
  return mapped.remove([...kept.values()]).add(tr.doc, added);
}

/**
 * The numbering plugin: recomputes the numbering whenever the document changes (it is cheap)
 * and replaces only the decorations whose label or place changed.
 */
export function numberingPlugin(): Plugin<NumberingState> {
  return new Plugin<NumberingState>({
    key: numberingKey,
    state: {
      init: (_config, state) => {
        const numbering = computeNumbering(state.doc);
        return { numbering, decorations: numberingDecorations(state.doc, numbering) };
      },
      apply: (tr, previous) => {
        if (!tr.docChanged) return previous;
        const numbering = computeNumbering(tr.doc);
        return { numbering, decorations: updateNumberingDecorations(previous.decorations, tr, numbering) };
      },
    },
    props: {
      decorations: (state: EditorState) => numberingKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}
