import type { Node } from 'prosemirror-model';
import { readHeader } from './header.js';
import {
  annexLabel,
  decisionParagraphLabel,
  listItemLabel,
  operativeLabel,
  subparagraphLabel,
  subSubparagraphLabel,
  type Language,
} from './labels.js';

/** What a numbered node is: preambular, operative, (a)-level, (i)-level, decision (a), list item, annex, footnote. */
export type NumberKind = 'pp' | 'op' | 'sub' | 'subsub' | 'decision' | 'item' | 'annex' | 'footnote';

/**
 * The computed number of one node. `number` is 1-based among its siblings of the same kind
 * (footnotes: through the whole document). `label` is what the text prints before the
 * paragraph ("12.", "(b)", "b)", "Annex II"; a footnote's plain number "3"; '' for a
 * preambular paragraph, which prints no number). `path` locates it for people:
 * "PP 3", "OP 12 (b) (ii)", "OP 11 item 3", "(a) (i)" in a decision, "Annex I", "Footnote 2".
 * `pos` is the node's position in the document (before its opening token). A paragraph
 * alternative (`alternativeOf` set) shares its base's number: label "7 alt.", path
 * "OP 7 alt", then "OP 7 alt 2"; "PP 3 alt"; "(a) alt" in a decision.
 */
export type NumberEntry = {
  id: string;
  kind: NumberKind;
  number: number;
  label: string;
  path: string;
  pos: number;
};

/**
 * Numbering of a whole document, computed from position only (never stored).
 * `byId` maps a node id to its entry (nodes with an empty id are only in `entries`; with
 * duplicate ids the first occurrence wins); `entries` lists every numbered node in
 * document order; `footnoteOrder` holds footnote ids in document order (index + 1 = number).
 */
export type Numbering = {
  language: Language;
  byId: ReadonlyMap<string, NumberEntry>;
  entries: readonly NumberEntry[];
  footnoteOrder: readonly string[];
};

type Context = {
  language: Language;
  annexCount: number;
  byId: Map<string, NumberEntry>;
  entries: NumberEntry[];
  footnoteOrder: string[];
};

const kindOfNode: Readonly<Record<string, NumberKind>> = {
  preambular_paragraph: 'pp',
  operative_paragraph: 'op',
  decision_paragraph: 'decision',
  subparagraph: 'sub',
  sub_subparagraph: 'subsub',
  list_item: 'item',
  annex: 'annex',
};

/**
 * Numbers every paragraph-level node, annex and footnote of `doc` in one pass over the
 * block structure (inline content is only scanned for footnotes). Labels follow the
 * language in `header.attrs.language` (see labels.ts).
 */
export function computeNumbering(doc: Node): Numbering {
  let annexCount = 0;
  doc.forEach((child) => {
    if (child.type.name === 'annex') annexCount++;
  });
  const ctx: Context = {
    language: readHeader(doc).language,
    annexCount,
    byId: new Map(),
    entries: [],
    footnoteOrder: [],
  };
  numberChildren(ctx, doc, -1, '');
  return { language: ctx.language, byId: ctx.byId, entries: ctx.entries, footnoteOrder: ctx.footnoteOrder };
}

// `parentPos` is the position before the parent's opening token (-1 for the doc itself,
// whose content starts at 0), so a child at `offset` sits at parentPos + 1 + offset.
function numberChildren(ctx: Context, parent: Node, parentPos: number, parentPath: string): void {
  const counts: Record<NumberKind, number> = { pp: 0, op: 0, sub: 0, subsub: 0, decision: 0, item: 0, annex: 0, footnote: 0 };
  let alternatives = 0;
  parent.forEach((child, offset) => {
    const pos = parentPos + 1 + offset;
    const name = child.type.name;
    if (name === 'paragraph_text' || name === 'annex_paragraph') {
      scanFootnotes(ctx, child, pos);
      return;
    }
    const kind = kindOfNode[name];
    if (kind === undefined) {
      // Containers without a number of their own (preamble, operative, decision_body,
      // numbered_list) pass their parent's path down; leaves and text-only blocks end here.
      if (!child.isLeaf && !child.isTextblock) numberChildren(ctx, child, pos, parentPath);
      return;
    }
    // A paragraph alternative ("OP 7 alt", "OP 7 alt 2") shares its base's number.
    const alternative = (kind === 'pp' || kind === 'op' || kind === 'decision') && String(child.attrs.alternativeOf ?? '') !== '';
    alternatives = alternative ? alternatives + 1 : 0;
    const n = alternative ? counts[kind] : ++counts[kind];
    const suffix = alternatives === 0 ? '' : alternatives === 1 ? ' alt' : ` alt ${alternatives}`;
    const plain = labelFor(ctx, kind, n);
    const label = suffix === '' || plain === '' ? plain : kind === 'op' ? `${n}${suffix}.` : `${plain}${suffix}`;
    const path = `${pathFor(kind, n, plain, parentPath)}${suffix}`;
    record(ctx, { id: idOf(child), kind, number: n, label, path, pos });
    numberChildren(ctx, child, pos, path);
  });
}

function labelFor(ctx: Context, kind: NumberKind, n: number): string {
  switch (kind) {
    case 'pp':
      return '';
    case 'op':
      return operativeLabel(n, ctx.language);
    case 'decision':
      return decisionParagraphLabel(n, ctx.language);
    case 'sub':
      return subparagraphLabel(n, ctx.language);
    case 'subsub':
      return subSubparagraphLabel(n, ctx.language);
    case 'item':
      return listItemLabel(n, ctx.language);
    case 'annex':
      return annexLabel(n, ctx.annexCount, ctx.language);
    case 'footnote':
      return String(n);
  }
}

function pathFor(kind: NumberKind, n: number, label: string, parentPath: string): string {
  switch (kind) {
    case 'pp':
      return `PP ${n}`;
    case 'op':
      return `OP ${n}`;
    case 'decision':
    case 'annex':
      return label;
    case 'footnote':
      return `Footnote ${n}`;
    case 'item':
      return parentPath === '' ? `item ${n}` : `${parentPath} item ${n}`;
    case 'sub':
    case 'subsub':
      return parentPath === '' ? label : `${parentPath} ${label}`;
  }
}

function scanFootnotes(ctx: Context, block: Node, blockPos: number): void {
  block.forEach((inline, offset) => {
    // Brackets and alternative groups hold inline content, footnotes included.
    if (inline.type.name === 'bracket' || inline.type.name === 'bracket_alternatives') scanFootnotes(ctx, inline, blockPos + 1 + offset);
    if (inline.type.name !== 'footnote') return;
    const id = idOf(inline);
    const n = ctx.footnoteOrder.push(id);
    record(ctx, { id, kind: 'footnote', number: n, label: String(n), path: `Footnote ${n}`, pos: blockPos + 1 + offset });
  });
}

function record(ctx: Context, entry: NumberEntry): void {
  ctx.entries.push(entry);
  if (entry.id !== '' && !ctx.byId.has(entry.id)) ctx.byId.set(entry.id, entry);
}

function idOf(node: Node): string {
  const id: unknown = node.attrs.id;
  return typeof id === 'string' ? id : '';
}
