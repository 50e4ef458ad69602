import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Node } from 'prosemirror-model';
import type { RevisionSummary } from '../../shared/api/contract.js';
import { compareDocuments, summaryLine } from '../../shared/compare/index.js';
import type { Comparison } from '../../shared/compare/index.js';
import { compareRows } from '../document/compare-rows.js';
import type { CompareRow, RowFootnote, Segment } from '../document/compare-rows.js';
import type { RevisionDocs } from '../document/revision-docs.js';
import { dateTime, revisionName } from '../document/revision-format.js';
import { messageOf } from '../format.js';
import { t } from '../i18n/index.js';

/** One side of a comparison: a revision's id, or 'now' for the current text. */
export type CompareSide = string;

/** Props of the compare view. */
export type CompareViewProps = {
  docs: RevisionDocs;
  /** The document's revisions, newest first (the choices for both sides). */
  revisions: readonly RevisionSummary[];
  /** The current text (for the side 'now'). */
  current: () => Node | null;
  initial: { old: CompareSide; new: CompareSide };
  onClose: () => void;
};

/**
 * Two versions side by side in one text: the newer version with insertions underlined and
 * deletions struck through (word level), inserted, deleted and moved paragraphs labelled
 * (a moved one says where it came from), old -> new numbers, a summary line, a filter to
 * changed paragraphs only and next/previous change (buttons, or N and P; Escape closes).
 * Footnotes read as on the page (a superscript number, the text under the paragraph) and
 * cross-references as the paragraph number they print.
 */
export function CompareView({ docs, revisions, current, initial, onClose }: CompareViewProps) {
  const [sides, setSides] = useState(initial);
  const [result, setResult] = useState<{ comparison: Comparison; key: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changedOnly, setChangedOnly] = useState(false);
  const [at, setAt] = useState(-1);
  const root = useRef<HTMLElement>(null);
  const key = `${sides.old}|${sides.new}`;

  useEffect(() => {
    let cancelled = false;
    setError(null);
    const load = (side: CompareSide) => {
      if (side !== 'now') return docs.load(side);
      const doc = current();
      return doc ? Promise.resolve(doc) : Promise.reject(new Error('the current text is not loaded'));
    };
    Promise.all([load(sides.old), load(sides.new)]).then(
      ([oldDoc, newDoc]) => {
        if (cancelled) return;
        setResult({ comparison: compareDocuments(oldDoc, newDoc), key });
        setAt(-1);
      },
      (cause: unknown) => {
        if (!cancelled) setError(t('revisions:compareView.theVersionsCouldNot', { reason: messageOf(cause) }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [docs, current, sides.old, sides.new, key]);

  useEffect(() => root.current?.focus(), []);

  const rows = useMemo(() => (result ? compareRows(result.comparison, { changedOnly }) : []), [result, changedOnly]);
  const changeCount = rows.reduce((n, r) => (r.changeIndex === null ? n : n + 1), 0);

  const go = (step: 1 | -1) => {
    if (changeCount === 0) return;
    const next = at === -1 ? (step === 1 ? 0 : changeCount - 1) : (at + step + changeCount) % changeCount;
    setAt(next);
    root.current?.querySelector(`[data-change-index="${next}"]`)?.scrollIntoView({ block: 'center' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLSelectElement || event.target instanceof HTMLInputElement || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape') onClose();
    else if (event.key === 'n' || event.key === 'N') go(1);
    else if (event.key === 'p' || event.key === 'P') go(-1);
    else return;
    event.preventDefault();
  };

  const loading = !error && result?.key !== key;
  return (
    <section ref={root} className="compare-view overlay-view" aria-label={t('revisions:compareView.compareVersions')} tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="overlay-bar compare-bar">
        <h2 className="overlay-title">{t('revisions:compareView.compare')}</h2>
        <SidePicker label={t('revisions:compareView.from')} value={sides.old} revisions={revisions} onChange={(old) => setSides((s) => ({ ...s, old }))} />
        <span aria-hidden="true">→</span>
        <SidePicker label={t('revisions:compareView.to')} value={sides.new} revisions={revisions} onChange={(v) => setSides((s) => ({ ...s, new: v }))} />
        <button type="button" className="button" onClick={onClose}>
          {t('revisions:compareView.backToTheDocument')}
        </button>
      </header>
      <div className="compare-controls" role="toolbar" aria-label={t('revisions:compareView.changes')}>
        <p className="compare-summary" role="status" aria-label={t('revisions:compareView.summaryOfChanges')}>
          {error ? '' : loading || !result ? t('revisions:compareView.comparing') : summaryLine(result.comparison.counts)}
        </p>
        <span className="compare-position" aria-live="polite">
          {changeCount === 0 ? '' : at === -1 ? t('revisions:compareView.changeCount', { count: changeCount }) : t('revisions:compareView.changeOf', { at: at + 1, total: changeCount })}
        </span>
        <label className="compare-filter">
          <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} />{' '}{t('revisions:compareView.changedParagraphsOnly')}
        </label>
        <button type="button" className="button" onClick={() => go(-1)} disabled={changeCount === 0} aria-label={t('revisions:compareView.previousChange')} title={t('revisions:compareView.previousChangeP')}>
          {t('revisions:compareView.previous')}
        </button>
        <button type="button" className="button" onClick={() => go(1)} disabled={changeCount === 0} aria-label={t('revisions:compareView.nextChange')} title={t('revisions:compareView.nextChangeN')}>
          {t('revisions:compareView.next')}
        </button>
      </div>
      {error ? (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="compare-scroll">
        <ol className="compare-rows" aria-label={t('revisions:compareView.comparedText')} aria-busy={loading}>
          {rows.map((row) => (
            <CompareRowView key={row.key} row={row} current={row.changeIndex !== null && row.changeIndex === at} />
          ))}
        </ol>
        {!loading && rows.length === 0 && result ? <p className="list-empty">{t('revisions:compareView.noParagraphChanged')}</p> : null}
      </div>
    </section>
  );
}

type SidePickerProps = { label: string; value: CompareSide; revisions: readonly RevisionSummary[]; onChange: (side: CompareSide) => void };

// A version chooser: the current text, then the named revisions, then autosave points.
function SidePicker({ label, value, revisions, onChange }: SidePickerProps) {
  const named = revisions.filter((r) => r.kind !== 'autosave');
  const autosaves = revisions.filter((r) => r.kind === 'autosave');
  const option = (r: RevisionSummary) => (
    <option key={r.id} value={r.id}>
      {revisionName(r)} · {r.delegation || r.author || '?'} · {dateTime(r.createdAt)}
    </option>
  );
  return (
    <label className="side-picker">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="now">{t('revisions:compareView.currentTextNow')}</option>
        {named.length > 0 ? <optgroup label={t('revisions:compareView.revisions')}>{named.map(option)}</optgroup> : null}
        {autosaves.length > 0 ? <optgroup label={t('revisions:compareView.autosavePoints')}>{autosaves.map(option)}</optgroup> : null}
      </select>
    </label>
  );
}

type CompareRowViewProps = { row: CompareRow; current: boolean };

function CompareRowView({ row, current }: CompareRowViewProps) {
  return (
    <li
      className={`compare-row status-${row.status}${row.heading ? ' compare-heading' : ''}${current ? ' is-current' : ''}`}
      data-status={row.status}
      data-change-index={row.changeIndex ?? undefined}
      data-depth={row.depth}
      data-kind={row.kind}
      aria-current={current ? 'true' : undefined}
    >
      <div className="compare-margin">
        <span className="compare-label">{row.label}</span>
        {row.note ? <span className={`compare-note note-${row.status}`}>{row.note}</span> : null}
        {row.numbers ? <span className="compare-numbers">{row.numbers}</span> : null}
      </div>
      <div className="compare-body">
        <p className="compare-text">{row.segments.length === 0 ? <span className="compare-empty">{t('revisions:compareView.empty')}</span> : row.segments.map((s, i) => (s.note === undefined || s.marker ? segmentView(s, i, row.footnotes) : null))}</p>
        {row.footnotes.length > 0 ? (
          <ol className="compare-footnotes" aria-label={t('revisions:compareView.footnotesOf', { value: row.label || 'this paragraph' })}>
            {row.footnotes.map((f) => (
              <li key={f.note} className={`compare-footnote seg-${f.op}`}>
                <sup className="compare-fn-number">{f.label}</sup>
                {f.op === 'delete' ? <span className="compare-fn-state">{t('revisions:compareView.deleted')}{' '}</span> : f.op === 'insert' ? <span className="compare-fn-state">{t('revisions:compareView.new')}{' '}</span> : null}
                {row.segments.map((s, i) => (s.note === f.note && !s.marker ? segmentView(s, i, row.footnotes) : null))}
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </li>
  );
}

// A piece of text as the page shows it: a footnote's marker as its superscript number, a cross-reference as its paragraph's number.
function segmentView(segment: Segment, i: number, footnotes: readonly RowFootnote[]) {
  if (segment.marker) {
    const label = footnotes.find((f) => f.note === segment.note)?.label ?? '?';
    const sup = (
      <sup className="compare-fn-ref" title={t('revisions:compareView.footnoteItsTextIs')}>
        {label}
      </sup>
    );
    if (segment.op === 'insert') return <ins key={i} className="seg-insert">{sup}</ins>;
    if (segment.op === 'delete') return <del key={i} className="seg-delete">{sup}</del>;
    return <span key={i}>{sup}</span>;
  }
  const style = `${segment.italic ? ' seg-italic' : ''}${segment.emphasis ? ' seg-emphasis' : ''}${segment.xref ? ' seg-xref' : ''}`;
  if (segment.op === 'insert')
    return (
      <ins key={i} className={`seg-insert${style}`}>
        {segment.text}
      </ins>
    );
  if (segment.op === 'delete')
    return (
      <del key={i} className={`seg-delete${style}`}>
        {segment.text}
      </del>
    );
  return (
    <span key={i} className={style.trim() || undefined}>
      {segment.text}
    </span>
  );
}
