import type { ChangeStatus, Comparison, ParagraphChange, UnitKind, WordOp } from '../../shared/compare/index.js';

/**
 * The compare view's model: a comparison (`compareDocuments`) turned into rows of the new
 * text, each with a label people read ("OP 6", "moved from OP 5"), old -> new numbers and
 * the word diff as display segments. Pure, so the view only renders.
 */

/** A piece of a row's text: kept, inserted or deleted, with the styling its markup asked for. */
export type Segment = { op: WordOp['op']; text: string; italic: boolean; emphasis: boolean };

/** One row of the compare view (see `compareRows`). */
export type CompareRow = {
  key: string;
  status: ChangeStatus;
  /** Whether the paragraph's text differs (a moved paragraph may be reworded too). */
  changed: boolean;
  kind: UnitKind;
  /** Title, body line and annex titles: shown, not counted. */
  heading: boolean;
  /** 0 for a paragraph, 1 for (a) and list items, 2 for (i). */
  depth: number;
  /** Where the paragraph is now ("OP 6"), or, for a deleted one, where it was ("was OP 5"). */
  label: string;
  /** "OP 5 → OP 6" when the paragraph's number changed, else null. */
  numbers: string | null;
  /** What happened, in words: "Inserted", "Deleted", "Moved from OP 5", "Moved from OP 5, reworded", "Changed", "". */
  note: string;
  segments: Segment[];
  /** The place of this row among the changed rows (for next/previous change), or null when unchanged. */
  changeIndex: number | null;
};

/** Options of `compareRows`. */
export type CompareRowsOptions = { changedOnly?: boolean };

const depthOf: Partial<Record<UnitKind, number>> = { sub: 1, item: 1, subsub: 2 };

/**
 * The rows of the compare view for `comparison`, in its order (new text, deleted paragraphs
 * where they stood). With `changedOnly`, unchanged rows are left out; `changeIndex` numbers
 * the remaining changed rows 0, 1, 2, ... either way.
 */
export function compareRows(comparison: Comparison, options: CompareRowsOptions = {}): CompareRow[] {
  const rows: CompareRow[] = [];
  let changes = 0;
  comparison.paragraphs.forEach((change, i) => {
    const isChange = change.status !== 'unchanged';
    if (!isChange && options.changedOnly) return;
    rows.push({
      key: `${change.newId ?? change.oldId ?? 'unit'}:${change.status}:${i}`,
      status: change.status,
      changed: change.changed,
      kind: change.kind,
      heading: !change.counted,
      depth: depthOf[change.kind] ?? 0,
      label: change.newPath ?? (change.oldPath === null ? '' : `was ${change.oldPath}`),
      numbers: renumbering(change),
      note: noteOf(change),
      segments: displaySegments(change.words),
      changeIndex: isChange ? changes++ : null,
    });
  });
  return rows;
}

function renumbering(change: ParagraphChange): string | null {
  if (change.oldPath === null || change.newPath === null || change.oldPath === change.newPath) return null;
  return `${change.oldPath} → ${change.newPath}`;
}

function noteOf(change: ParagraphChange): string {
  switch (change.status) {
    case 'inserted':
      return 'Inserted';
    case 'deleted':
      return 'Deleted';
    case 'moved':
      return `Moved from ${change.oldPath ?? '?'}${change.changed ? ', reworded' : ''}`;
    case 'changed':
      return 'Changed';
    default:
      return '';
  }
}

/**
 * The word diff as display segments: the comparable text's markup is turned into styling
 * (`*opener*` italic, `_emphasis_`) and words people read (a footnote `[^text]` as
 * "[footnote: text]", a cross-reference `[→OP 5]` as "[→ OP 5]"). The markers toggle
 * across pieces, separately for the old text (kept and deleted pieces) and the new text
 * (kept and inserted pieces), since a change may open an italic run that a kept piece closes.
 */
export function displaySegments(words: readonly WordOp[]): Segment[] {
  const state = { old: { italic: false, emphasis: false }, new: { italic: false, emphasis: false } };
  const out: Segment[] = [];
  for (const word of words) {
    const side = word.op === 'delete' ? state.old : state.new;
    let text = '';
    const flush = () => {
      if (text !== '') out.push({ op: word.op, text: readable(text), italic: side.italic, emphasis: side.emphasis });
      text = '';
    };
    for (const ch of word.text) {
      if (ch === '*' || ch === '_') {
        flush();
        const key = ch === '*' ? 'italic' : 'emphasis';
        side[key] = !side[key];
        // A kept piece is in both texts: keep the old side's markers in step with the new.
        if (word.op === 'equal') state.old[key] = side[key];
      } else {
        text += ch;
      }
    }
    flush();
  }
  return out;
}

function readable(text: string): string {
  return text.replaceAll('[^', '[footnote: ').replaceAll('[→', '[→ ');
}
