import type { Node } from 'prosemirror-model';
import { computeNumbering } from '../document/numbering.js';
import { documentStableLabels } from '../negotiation/stable-numbering.js';
import { stableNumbering } from '../negotiation/stable-view.js';
import type { Unit, UnitKind } from './types.js';

const unitKindOf: Readonly<Record<string, UnitKind>> = {
  title: 'title',
  body_line: 'body',
  preambular_paragraph: 'pp',
  operative_paragraph: 'op',
  decision_paragraph: 'decision',
  subparagraph: 'sub',
  sub_subparagraph: 'subsub',
  list_item: 'item',
  annex: 'annex',
  annex_paragraph: 'annex_paragraph',
};

const headingKinds: ReadonlySet<UnitKind> = new Set<UnitKind>(['title', 'body', 'annex']);

/** True for the kinds that count as paragraphs in `ChangeCounts` (all but title, body line and annex titles). */
export function isCountedKind(kind: UnitKind): boolean {
  return !headingKinds.has(kind);
}

type Walk = {
  units: Unit[];
  pathAt: ReadonlyMap<number, string>;
  refPath: (id: string) => string;
  annexParagraphs: Map<number, number>;
};

/**
 * The paragraph-level units of `doc` in document order (see `Unit`): title, body line,
 * every PP, OP, decision paragraph, (a)- and (i)-level subparagraph, list item, annex
 * (its title) and annex paragraph. Paths come from `computeNumbering`, relabelled with the
 * stable labels ("OP 5 bis") when the document is in negotiation, as the page shows them; an
 * annex paragraph is "<annex path> para N" (N counts annex paragraphs of that annex).
 */
export function listUnits(doc: Node): Unit[] {
  const stable = documentStableLabels(doc);
  const numbering = stable ? stableNumbering(computeNumbering(doc), stable) : computeNumbering(doc);
  const pathAt = new Map<number, string>();
  for (const entry of numbering.entries) if (entry.kind !== 'footnote') pathAt.set(entry.pos, entry.path);
  const refPath = (id: string): string => numbering.byId.get(id)?.path ?? '?';
  const walk: Walk = { units: [], pathAt, refPath, annexParagraphs: new Map() };
  walkChildren(walk, doc, -1, -1);
  return walk.units;
}

function walkChildren(walk: Walk, node: Node, nodePos: number, parent: number): void {
  node.forEach((child, offset) => {
    const pos = nodePos + 1 + offset;
    const kind = unitKindOf[child.type.name];
    if (kind === undefined) {
      // Containers (preamble, operative, decision_body, numbered_list) hold units but are none.
      if (!child.isTextblock && !child.isLeaf) walkChildren(walk, child, pos, parent);
      return;
    }
    const index = walk.units.length;
    walk.units.push({
      index,
      id: typeof child.attrs.id === 'string' ? child.attrs.id : '',
      kind,
      parent,
      pos,
      path: pathOf(walk, kind, pos, parent),
      text: unitText(child, walk.refPath),
    });
    if (!child.isTextblock) walkChildren(walk, child, pos, index);
  });
}

function pathOf(walk: Walk, kind: UnitKind, pos: number, parent: number): string {
  if (kind === 'title') return 'Title';
  if (kind === 'body') return 'Body line';
  if (kind === 'annex_paragraph') {
    const n = (walk.annexParagraphs.get(parent) ?? 0) + 1;
    walk.annexParagraphs.set(parent, n);
    const annexPath = walk.units[parent]?.path ?? 'Annex';
    return `${annexPath} para ${n}`;
  }
  return walk.pathAt.get(pos) ?? '';
}

/**
 * The own text of a unit node: a textblock's inline content (title, body line, annex
 * paragraph), else the text of its first textblock child (`paragraph_text`, `annex_title`).
 * See `inlineText` for how marks and inline nodes are written.
 */
export function unitText(node: Node, refPath: (id: string) => string = () => '?'): string {
  if (node.isTextblock) return inlineText(node, refPath);
  const first = node.firstChild;
  return first?.isTextblock ? inlineText(first, refPath) : '';
}

/**
 * A textblock's inline content as one comparable string: opener text as `*...*`, emphasis
 * as `_..._` (per text node), a footnote as `[^its text]` where its marker stands (so a
 * footnote's text is compared with its paragraph, and renumbering footnotes changes
 * nothing), a cross-reference as `[→path]` of its target in the same document ("OP 5";
 * '?' when missing), so a renumbered target shows as a change, as it does in print.
 */
export function inlineText(block: Node, refPath: (id: string) => string): string {
  let out = '';
  block.forEach((child) => {
    if (child.isText) {
      let text = child.text ?? '';
      if (child.marks.some((m) => m.type.name === 'emphasis')) text = `_${text}_`;
      if (child.marks.some((m) => m.type.name === 'opener')) text = `*${text}*`;
      out += text;
    } else if (child.type.name === 'footnote') {
      out += `[^${inlineText(child, refPath)}]`;
    } else if (child.type.name === 'cross_reference') {
      out += `[→${refPath(String(child.attrs.target ?? ''))}]`;
    }
  });
  return out;
}
