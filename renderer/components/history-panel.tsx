import { memo } from 'react';
import type { HistoryEntry } from '../../shared/api/contract.js';
import type { LegendEntry } from '../editor/authorship-plugin.js';
import type { StatusHistoryRow } from '../../shared/negotiation/status-history.js';
import { authorName, groupHistoryByDay, originNames, timeOfDay } from '../document/revision-format.js';
import { t, useT } from '../i18n/index.js';
import { statusAuthorShown } from '../i18n/status-names.js';
import { formatDateTime } from '../format.js';

/** Props of the history panel. */
export type HistoryPanelProps = {
  /** `history.list` (oldest first), null while loading. */
  entries: readonly HistoryEntry[] | null;
  /** Every paragraph status change of the document, newest first (see `statusHistory`). */
  statusRows: readonly StatusHistoryRow[];
  error: string | null;
  /** Whether the text is coloured by authorship, and the legend of those colours (empty while off). */
  authorship: boolean;
  legend: readonly LegendEntry[];
  onAuthorship: (on: boolean) => void;
};

/**
 * Who changed what: the document's runs of changes grouped by day, newest first, each with
 * the delegation and person, the time, how many changes and where they came from (typed,
 * imported, restored, from a peer); and the authorship toggle with its legend.
 */
export const HistoryPanel = memo(function HistoryPanel({ entries, statusRows, error, authorship, legend, onAuthorship }: HistoryPanelProps) {
  // Memoised: subscribe to the interface language so a switch re-renders the panel.
  useT();
  const days = entries ? groupHistoryByDay(entries) : [];
  return (
    <section className="side-panel history-panel" aria-label={t('revisions:historyPanel.history')}>
      <h2 className="panel-title">{t('revisions:historyPanel.history')}</h2>
      <label className="authorship-toggle">
        <input type="checkbox" checked={authorship} onChange={(e) => onAuthorship(e.target.checked)} />{' '}{t('revisions:historyPanel.colourTheTextBy')}
      </label>
      {authorship && legend.length > 0 ? (
        <ul className="authorship-legend" aria-label={t('revisions:historyPanel.authorshipColours')}>
          {legend.map((entry) => (
            <li key={entry.key} className="legend-entry" title={entry.authors.join(', ')}>
              <span className={`legend-swatch ph-author ph-author-${entry.colour}`} aria-hidden="true">
                {t('revisions:historyPanel.aa')}
              </span>
              <span className="legend-code">{entry.key}</span>
              {entry.authors.length > 0 ? <span className="legend-names">{entry.authors.join(', ')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
      {statusRows.length > 0 ? <StatusChanges rows={statusRows} /> : null}
      {entries === null && !error ? <p className="list-empty">{t('revisions:historyPanel.loadingHistory')}</p> : null}
      {entries !== null && entries.length === 0 ? <p className="list-empty">{t('revisions:historyPanel.noChangesRecordedYet')}</p> : null}
      {days.map((day) => (
        <section key={day.day} className="history-day" aria-label={day.heading}>
          <h3 className="panel-subtitle">{day.heading}</h3>
          <ol className="history-list">
            {day.entries.map((entry) => (
              <li key={`${entry.seqFrom}-${entry.seqTo}`} className={`history-entry origin-${entry.origin}`}>
                <span className="history-delegation">{entry.delegation || '—'}</span>
                <span className="history-body">
                  <span className="history-who">{authorName(entry.author, entry.delegation)}</span>
                  <span className="history-what">
                    {t('revisions:historyPanel.changes', { count: entry.count })}, {originNames[entry.origin]} ·{' '}
                    <time dateTime={entry.to} title={entry.from === entry.to ? entry.to : `${entry.from} – ${entry.to}`}>{entry.from.slice(0, 16) === entry.to.slice(0, 16) ? timeOfDay(entry.to) : `${timeOfDay(entry.from)}–${timeOfDay(entry.to)}`}</time>
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
});

// Paragraph status changes, newest first: who set which paragraph from what to what and when;
// a reopening is marked and keeps its reason in view.
function StatusChanges({ rows }: { rows: readonly StatusHistoryRow[] }) {
  return (
    <section className="history-day" aria-label={t('revisions:historyPanel.paragraphStatusChanges')}>
      <h3 className="panel-subtitle">{t('revisions:historyPanel.paragraphStatus')}</h3>
      <ol className="history-list">
        {rows.map((row) => (
          <li key={`${row.paragraphId}-${row.at}-${row.to}`} className={`history-entry status-change${row.reopening ? ' reopening' : ''}`}>
            <span className="history-delegation">{row.path}</span>
            <span className="history-body">
              <span className="history-who">
                {row.fromText} → {row.toText}
                {row.reopening ? ` ${t('common:reopened')}` : ''}
              </span>
              <span className="history-what">
                {statusAuthorShown(row.by)} · <time dateTime={row.at} title={row.at || undefined}>{row.at === '' ? t('revisions:historyPanel.timeNotRecorded') : formatDateTime(row.at)}</time>
              </span>
              {row.reason ? <span className="history-what status-reason">{t('revisions:historyPanel.reason')}{' '}{row.reason}</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
