import type { ChangeStatus, Comparison, ParagraphChange, UnitKind, WordOp } from '../../shared/compare/index.js';
import { t } from '../i18n/index.js';

/**
 * The compare view's model: a comparison (`compareDocuments`) turned into rows of the new
 * text, each with a label people read ("OP 6", "moved from OP 5"), old -> new numbers and
 * the word diff as display segments. Pure, so the view only renders.
 */

/**
 * A piece of a row's text: kept, inserted or deleted, with the styling its markup asked for.
 * `note` is set on the pieces of a footnote's text (the footnote's key in its row) and on its
 * `marker`, an empty piece where the footnote's number stands; `xref` on the pieces of a
 * cross-reference, which read as the page prints it ("4" for OP 4, "4 (a)").
 */
export type Segment = { op: WordOp['op']; text: string; italic: boolean; emphasis: boolean; note?: number; marker?: true; xref?: true };

/** A footnote of a row: its key (`Segment.note`), the number the page gives it ('*' for a footnote only the old text had), and whether it was inserted or deleted. */
export type RowFootnote = { note: number; label: string; op: WordOp['op'] };

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
  /** The row's footnotes in order, numbered as in the new text. */
  footnotes: RowFootnote[];
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
  let footnoteNumber = 0;
  comparison.paragraphs.forEach((change, i) => {
    const isChange = change.status !== 'unchanged';
    // Footnotes are numbered over the whole new text, shown or filtered out, as the page numbers them.
    const segments = displaySegments(change.words);
    const footnotes = segments
      .filter((s) => s.marker)
      .map((s): RowFootnote => ({ note: s.note ?? 0, op: s.op, label: s.op === 'delete' ? '*' : String(++footnoteNumber) }));
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
      segments,
      footnotes,
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
      return t('revisions:compareRows.inserted');
    case 'deleted':
      return t('revisions:compareRows.deleted');
    case 'moved':
      return t('revisions:compareRows.movedFrom', { value: change.oldPath ?? '?', value2: change.changed ? ', reworded' : '' });
    case 'changed':
      return t('revisions:compareRows.changed');
    default:
      return '';
  }
}

type SideState = { italic: boolean; emphasis: boolean; note: number | null; xref: boolean; xrefStart: boolean };

/**
 * The word diff as display segments: the comparable text's markup is turned into styling
 * (`*opener*` italic, `_emphasis_`), a footnote `[^text]` into a marker piece where its number
 * stands and its text as pieces with its `note`, a cross-reference `[→OP 5]` into `xref`
 * pieces reading "5" as the page prints it. The markers toggle across pieces, separately for
 * the old text (kept and deleted pieces) and the new text (kept and inserted pieces), since a
 * change may open an italic run, or change a footnote's text, that a kept piece closes.
 */
export function displaySegments(words: readonly WordOp[]): Segment[] {
  const fresh = (): SideState => ({ italic: false, emphasis: false, note: null, xref: false, xrefStart: false });
  const state = { old: fresh(), new: fresh() };
  const out: Segment[] = [];
  let notes = 0;
  for (const word of words) {
    const side = word.op === 'delete' ? state.old : state.new;
    // A kept piece is in both texts: whatever it opens or closes, it does on the old side too.
    const set = (change: Partial<SideState>) => {
      Object.assign(side, change);
      if (word.op === 'equal') Object.assign(state.old, change);
    };
    let text = '';
    const flush = () => {
      if (side.xrefStart && text !== '') {
        text = text.replace(/^(OP|PP) /, '');
        set({ xrefStart: false });
      }
      if (text === '') return;
      const segment: Segment = { op: word.op, text, italic: side.italic, emphasis: side.emphasis };
      if (side.note !== null) segment.note = side.note;
      if (side.xref) segment.xref = true;
      out.push(segment);
      text = '';
    };
    const chars = [...word.text];
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] ?? '';
      const next = chars[i + 1];
      if (ch === '[' && next === '^' && side.note === null) {
        flush();
        set({ note: ++notes });
        out.push({ op: word.op, text: '', italic: false, emphasis: false, note: notes, marker: true });
        i++;
      } else if (ch === '[' && next === '→' && !side.xref) {
        flush();
        set({ xref: true, xrefStart: true });
        i++;
      } else if (ch === ']' && (side.xref || side.note !== null)) {
        flush();
        set(side.xref ? { xref: false, xrefStart: false } : { note: null });
      } else if (ch === '*' || ch === '_') {
        flush();
        const key = ch === '*' ? 'italic' : 'emphasis';
        set({ [key]: !side[key] });
      } else {
        text += ch;
      }
    }
    flush();
  }
  return out;
}
