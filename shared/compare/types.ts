/**
 * Types of the compare engine: the paragraph-level units of a document, the word diff
 * inside a paragraph, and the result of comparing two versions.
 */

/**
 * What a unit is. Headings ('title', 'body', 'annex' = an annex's title) are compared and
 * reported but not counted; every other kind is a counted paragraph:
 * 'pp' preambular, 'op' operative, 'decision' a decision's lettered paragraph, 'sub' (a)
 * level, 'subsub' (i) level, 'item' numbered-list item, 'annex_paragraph'.
 */
export type UnitKind = 'title' | 'body' | 'pp' | 'op' | 'decision' | 'sub' | 'subsub' | 'item' | 'annex' | 'annex_paragraph';

/**
 * One paragraph-level unit of a document, in document order. `index` is its place in the
 * unit list; `parent` the index of the enclosing unit (-1 at top level); `pos` the
 * position before the node in its document; `text` its own text only (children are
 * units of their own) written as `unitText` does; `path` locates it for people
 * ("OP 5", "OP 12 (b)", "PP 3", "Title", "Annex I para 2").
 */
export type Unit = {
  index: number;
  id: string;
  kind: UnitKind;
  parent: number;
  pos: number;
  path: string;
  text: string;
};

/** One piece of a word diff: text kept, inserted into the new text, or deleted from the old one. */
export type WordOp = { op: 'equal' | 'insert' | 'delete'; text: string };

/**
 * What happened to one unit between the old and the new version:
 * - 'unchanged': matched, same text, same relative place;
 * - 'changed': matched, text differs, same relative place;
 * - 'moved': matched, its order among matched siblings of its kind changed or it went to
 *   another parent (`changed` says whether its text differs too);
 * - 'inserted': only in the new version; 'deleted': only in the old one.
 */
export type ChangeStatus = 'unchanged' | 'changed' | 'moved' | 'inserted' | 'deleted';

/**
 * The comparison of one unit. Old fields are null for an inserted unit, new fields for a
 * deleted one. `words` always turns `oldText` into `newText` (all 'insert' for an inserted
 * unit, all 'delete' for a deleted one, one 'equal' for unchanged text, none for empty
 * text). `matchedBy` says how the pair was found: same stable id, or text similarity.
 * `counted` is false for headings (see `UnitKind`); `kind` is the new kind (old for deleted).
 */
export type ParagraphChange = {
  status: ChangeStatus;
  changed: boolean;
  kind: UnitKind;
  counted: boolean;
  matchedBy: 'id' | 'text' | null;
  oldId: string | null;
  newId: string | null;
  oldPath: string | null;
  newPath: string | null;
  oldPos: number | null;
  newPos: number | null;
  oldText: string | null;
  newText: string | null;
  words: WordOp[];
};

/** Paragraph counts by status; each counted unit once (a moved and changed unit is 'moved'). */
export type ChangeCounts = { inserted: number; deleted: number; moved: number; changed: number; unchanged: number };

/**
 * The comparison of two versions: every unit of both, in new-document order with deleted
 * units placed where they stood (after the unit that preceded them in the old version),
 * and the counts of the counted units.
 */
export type Comparison = { paragraphs: ParagraphChange[]; counts: ChangeCounts };
