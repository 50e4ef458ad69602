/**
 * The paragraph tree the structure reader builds before any ProseMirror node exists:
 * paragraphs with raw inline text (markers, `*`/`_` emphasis and footnote placeholders
 * still in it), nested lists and annexes, plus the rules of which level may hold what.
 */

/** Paragraph-level node types the importer creates. */
export type ParaType =
  | 'preambular_paragraph'
  | 'operative_paragraph'
  | 'decision_paragraph'
  | 'subparagraph'
  | 'sub_subparagraph'
  | 'list_item';

/** A nested numbered list under construction. */
export type ListNode = { type: 'numbered_list'; items: Para[] };

/**
 * A paragraph under construction: `text` is raw inline text; `letters`/`romans` count its
 * (a)- and (i)-level children; `lastList` is its latest numbered list. `extras` are the
 * top-level paragraphs a negotiation text labels after it without a number of their own:
 * its alternatives (`OP 7 alt`, `alternative` true) and inserted ones (`OP 7 bis`).
 */
export type Para = {
  type: ParaType;
  text: string;
  indent: number;
  children: (Para | ListNode)[];
  letters: number;
  romans: number;
  lastList: ListNode | null;
  extras: Para[];
  alternative: boolean;
};

/** An annex under construction: its title and its paragraphs (raw text) and lists. */
export type AnnexNode = { title: string; content: (string | ListNode)[] };

/** A whole document's body under construction. */
export type Tree = {
  kind: 'resolution' | 'decision';
  preamble: Para[];
  operative: Para[];
  decision: Para[];
  annexes: AnnexNode[];
};

/** A new paragraph of `type` with raw text `text`. */
export function newPara(type: ParaType, text: string, indent: number): Para {
  return { type, text, indent, children: [], letters: 0, romans: 0, lastList: null, extras: [], alternative: false };
}

/** The type of an (a)-level child of `parent`, or null when it cannot have one. */
export function letteredChildType(parent: ParaType): ParaType | null {
  switch (parent) {
    case 'preambular_paragraph':
    case 'operative_paragraph':
    case 'list_item':
      return 'subparagraph';
    default:
      return null;
  }
}

/** The type of an (i)-level child of `parent`, or null when it cannot have one. */
export function romanChildType(parent: ParaType): ParaType | null {
  return parent === 'subparagraph' || parent === 'decision_paragraph' ? 'sub_subparagraph' : null;
}

/** True when `parent` may hold a nested numbered list. */
export function acceptsList(parent: ParaType): boolean {
  return parent === 'operative_paragraph' || parent === 'decision_paragraph' || parent === 'subparagraph' || parent === 'list_item';
}

/** Adds a lettered child to `parent` (counting it) and returns it. */
export function addLettered(parent: Para, text: string, indent: number): Para {
  const type = letteredChildType(parent.type) ?? 'subparagraph';
  const child = newPara(type, text, indent);
  parent.children.push(child);
  parent.letters++;
  return child;
}

/** Adds an (i)-level child to `parent` (counting it) and returns it. */
export function addRoman(parent: Para, text: string, indent: number): Para {
  const child = newPara('sub_subparagraph', text, indent);
  parent.children.push(child);
  parent.romans++;
  return child;
}

/** Adds an item to `parent`'s latest list, or to a new list when `fresh`; returns the item. */
export function addListItem(parent: Para, text: string, indent: number, fresh: boolean): Para {
  let list = parent.lastList;
  if (fresh || !list) {
    list = { type: 'numbered_list', items: [] };
    parent.children.push(list);
    parent.lastList = list;
  }
  const item = newPara('list_item', text, indent);
  list.items.push(item);
  return item;
}
