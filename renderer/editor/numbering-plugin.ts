import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Mappable } from 'prosemirror-transform';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { computeNumbering } from '../../shared/document/numbering.js';
import type { NumberEntry, Numbering } from '../../shared/document/numbering.js';
import { readNegotiationBase, type NegotiationBaseAttr } from '../../shared/negotiation/negotiation-base.js';
import { stableLabels } from '../../shared/negotiation/stable-numbering.js';
import { paragraphStructureKey, stableNumbering } from '../../shared/negotiation/stable-view.js';
import { textOnlyChange } from './text-change.js';
import type { Language } from '../../shared/document/labels.js';
import { fillName, partNamesFor, type PartNames } from '../../shared/document/labels-names.js';
import { interfaceLanguageChanged } from '../i18n/editor-language.js';
import { t } from '../i18n/index.js';

/**
 * Computed numbering shown, never typed: after every transaction that changed the document,
 * `computeNumbering` runs on the new document and each numbered node gets a node decoration
 * carrying its label as `data-label` (drawn by CSS `::before`) and an `aria-label` naming it
 * for assistive technology ("Operative paragraph 3"). Cross-references show their target's
 * number the same way. While the document is in negotiation (its header carries a base,
 * shared/negotiation/negotiation-base.ts), top-level paragraphs show their stable labels
 * against the base ("5 bis.", "PP 2 ter") instead; see shared/negotiation/stable-view.ts.
 * The base is read from the document itself, so every replica, the revision reader and the
 * views number alike without being told.
 */

/** The base of stable numbering: the header's base, the paragraph structure the labels were computed for, the labels by id. */
export type NumberingBase = { attr: NegotiationBaseAttr; key: string; labels: ReadonlyMap<string, string> };

/**
 * The plugin's state: the numbering the document shows (stable labels while `base` is set),
 * its decorations, and the negotiation base (null: fresh numbers).
 */
export type NumberingState = { numbering: Numbering; decorations: DecorationSet; base: NumberingBase | null };

/** The key under which the numbering plugin keeps its state (read it with `numberingKey.getState`). */
export const numberingKey = new PluginKey<NumberingState>('penholder-numbering');

/**
 * The accessible name of a numbered node in the document's `language` (its conventions,
 * shared/document/labels-names.ts: the editor's root carries the document's lang, so these are
 * spoken with its voice): "Preambular paragraph 2", "Operative paragraph 3", "Subparagraph (ii)
 * of operative paragraph 12 (b)", "List item 3 of operative paragraph 11", "Paragraph (a)"
 * (decision), "Annex II", "Footnote 2"; in French "Paragraphe 3 du dispositif".
 */
export function accessibleName(entry: NumberEntry, language: Language = 'en'): string {
  const names = partNamesFor(language);
  switch (entry.kind) {
    case 'pp':
      return fillName(names.pp, { n: entry.path.replace(/^PP /, '') });
    case 'op':
      return fillName(names.op, { n: entry.path.replace(/^OP /, '') });
    case 'sub':
    case 'subsub':
      return withParent(fillName(names.sub, { label: entry.label }), entry.path, ` ${entry.label}`, names);
    case 'decision':
      return fillName(names.decision, { label: entry.label });
    case 'item':
      return withParent(fillName(names.item, { n: entry.number }), entry.path, `item ${entry.number}`, names);
    case 'annex':
      return entry.label;
    case 'footnote':
      return fillName(names.footnote, { n: entry.number });
  }
}

// `path` ends with the node's own part; what precedes it names the parent ("OP 12 (b)").
function withParent(name: string, path: string, ownPart: string, names: Readonly<PartNames>): string {
  const parent = path.endsWith(ownPart) ? path.slice(0, path.length - ownPart.length).trim() : '';
  if (parent === '') return name;
  const spoken = parent.replace(/^OP (\d+)/, (_m, n: string) => fillName(names.opParent, { n })).replace(/^PP (\d+)/, (_m, n: string) => fillName(names.ppParent, { n }));
  return fillName(names.within, { name, parent: spoken });
}

/** How a cross-reference to `entry` reads in running text: "5" for OP 5 (and OP 5 alt), "5 bis" in negotiation, "5 (a)" for its (a). */
export function referenceText(entry: NumberEntry): string {
  if (entry.kind === 'op') return entry.path.replace(/^OP /, '').replace(/ alt( \d+)?$/, '');
  if (entry.kind === 'item') return String(entry.number);
  return entry.path.replace(/^OP /, '').replace(/^PP /, '');
}

/**
 * The decorations for `doc`: one node decoration per numbered node (`data-label` when the
 * node prints a label, `aria-label` and `role="group"` for paragraphs) and one per
 * cross-reference (`data-label` = the target's number, `?` when the target is gone). Each
 * decoration's spec is `{ attrs, entry? }`: the attributes it sets and the numbering entry.
 * With `stable` (a numbering from `stableNumbering`), top-level paragraphs also get
 * `data-stable` so the page can lay out the longer labels ("12 quater.").
 */
export function numberingDecorations(doc: Node, numbering: Numbering = computeNumbering(doc), stable = false): DecorationSet {
  return DecorationSet.create(doc, numberingDecorationList(doc, numbering, stable));
}

function numberingDecorationList(doc: Node, numbering: Numbering, stable: boolean): Decoration[] {
  const decorations: Decoration[] = [];
  for (const entry of numbering.entries) {
    const node = doc.nodeAt(entry.pos);
    if (!node) continue;
    const attrs: Record<string, string> = { 'aria-label': accessibleName(entry, numbering.language) };
    if (entry.label !== '') attrs['data-label'] = entry.label;
    if (stable && (entry.kind === 'pp' || entry.kind === 'op' || entry.kind === 'decision')) attrs['data-stable'] = '';
    if (entry.kind !== 'footnote') attrs.role = entry.kind === 'annex' ? 'region' : 'group';
    decorations.push(Decoration.node(entry.pos, entry.pos + node.nodeSize, attrs, { attrs, entry }));
  }
  doc.descendants((node, pos) => {
    if (node.type.name !== 'cross_reference') return true;
    const target = numbering.byId.get(String(node.attrs.target ?? ''));
    const label = target ? referenceText(target) : '?';
    const attrs: Record<string, string> = target
      ? { 'data-label': label, 'aria-label': fillName(partNamesFor(numbering.language).reference, { path: target.path }) }
      : // A broken reference is a warning to the user: in the interface language.
        { 'data-label': label, 'aria-label': t('editor:reference.broken'), class: 'ph-xref-broken', title: t('editor:reference.brokenTitle') };
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
export function updateNumberingDecorations(previous: DecorationSet, tr: Transaction, numbering: Numbering, stable = false): DecorationSet {
  const mapped = previous.map(tr.mapping, tr.doc);
  const kept = new Map<string, Decoration>();
  for (const deco of mapped.find()) kept.set(keyOf(deco), deco);
  const added: Decoration[] = [];
  for (const deco of numberingDecorationList(tr.doc, numbering, stable)) {
    const key = keyOf(deco);
    if (kept.has(key)) kept.delete(key);
    else added.push(deco);
  }
  if (kept.size === 0 && added.length === 0) return mapped;
  return mapped.remove([...kept.values()]).add(tr.doc, added);
}

/**
 * `numbering` carried through `mapping` of a change that added, removed or changed no node
 * (text typed inside one text block, text-change.ts): every label and path stays, positions
 * move. Equal to `computeNumbering` (or its stable form) of the new document, without
 * walking it; entries that did not move are kept as they are.
 */
export function mapNumbering(numbering: Numbering, mapping: Mappable): Numbering {
  let moved = false;
  const entries = numbering.entries.map((entry) => {
    const pos = mapping.map(entry.pos);
    if (pos === entry.pos) return entry;
    moved = true;
    return { ...entry, pos };
  });
  if (!moved) return numbering;
  const byId = new Map<string, NumberEntry>();
  for (const entry of entries) if (entry.id !== '' && !byId.has(entry.id)) byId.set(entry.id, entry);
  return { ...numbering, byId, entries };
}

// Stable labels depend only on the base and the order and ids of top-level paragraphs: they are
// recomputed when the header's base changed (an attrs object is kept while the header is
// untouched, so a keystroke costs one attribute read) or that structure changed (Enter, a
// paragraph deleted or moved), never per character typed.
function nextBase(doc: Node, previous: NumberingBase | null): NumberingBase | null {
  const attr = readNegotiationBase(doc);
  if (!attr) return null;
  const key = paragraphStructureKey(doc);
  if (previous && previous.attr === attr && previous.key === key) return previous;
  return { attr, key, labels: stableLabels(doc, attr.numbers) };
}

/**
 * The numbering plugin: recomputes the numbering whenever the document's nodes change and
 * replaces only the decorations whose label or place changed; typing (text replaced inside
 * one text block) only maps the numbering and its decorations. The document's header
 * switches between fresh and stable numbering (its `negotiation` base).
 */
export function numberingPlugin(): Plugin<NumberingState> {
  return new Plugin<NumberingState>({
    key: numberingKey,
    state: {
      init: (_config, state) => {
        const base = nextBase(state.doc, null);
        const fresh = computeNumbering(state.doc);
        const numbering = base ? stableNumbering(fresh, base.labels) : fresh;
        return { numbering, decorations: numberingDecorations(state.doc, numbering, base !== null), base };
      },
      apply: (tr, previous) => {
        // A broken reference's warning is in the interface language: redrawn when it changes.
        if (interfaceLanguageChanged(tr)) return { ...previous, decorations: numberingDecorations(tr.doc, previous.numbering, previous.base !== null) };
        if (!tr.docChanged) return previous;
        // Typing changes no label: positions move, decorations are mapped.
        if (textOnlyChange(tr) !== null) return { ...previous, numbering: mapNumbering(previous.numbering, tr.mapping), decorations: previous.decorations.map(tr.mapping, tr.doc) };
        const base = nextBase(tr.doc, previous.base);
        const fresh = computeNumbering(tr.doc);
        const numbering = base ? stableNumbering(fresh, base.labels) : fresh;
        return { numbering, decorations: updateNumberingDecorations(previous.decorations, tr, numbering, base !== null), base };
      },
    },
    props: {
      decorations: (state: EditorState) => numberingKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}
