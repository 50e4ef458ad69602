import { useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import type { ApiClient } from '../../shared/api/contract.js';
import type { BracketEvent, BracketLife, NegotiationOverview, NegotiationPoint } from '../../shared/negotiation/tracking.js';
import { tagText } from '../editor/negotiation/view-decorations.js';
import { subscribeView } from '../editor/view-listeners.js';
import { messageOf } from '../format.js';
import type { BarMenuItem } from './bar-menu.js';
import { NegotiationChart, pointLabel } from './negotiation-chart.js';

/** What the document view places for the dashboard: its entry in a bar menu and a side panel. */
export type NegotiationDashboardTools = { menuItem: BarMenuItem; panel: ReactNode };

const eventText: Record<BracketEvent['kind'], string> = {
  proposed: 'Proposed',
  'text-changed': 'Text changed',
  'attribution-changed': 'Attribution changed',
  agreed: 'Agreed (text kept, brackets removed)',
  dropped: 'Dropped (text removed)',
  chosen: 'Chosen among the alternatives',
  'not-chosen': 'Another alternative was chosen',
};

// The tag after a bracket in the list, as the compilation writes it: ' (RUS: delete)', ' (EU; supported by NOR; opposed by RUS)'.
const tagOf = (b: { proposedBy: readonly string[]; supportedBy: readonly string[]; opposedBy: readonly string[]; deletion: boolean }): string =>
  tagText(b.proposedBy, b.deletion, b);

// How long the document rests before "Now" is read again: a peer's proposal shows well within a second,
// and typing does not ask the backend for an autosave point per keystroke.
const followMs = 250;

const names = (list: readonly string[]) => (list.length ? list.join(', ') : 'no one');

function eventDetail(e: BracketEvent): string {
  if (e.kind === 'proposed') return `by ${names(e.by)}: “${e.text}”`;
  if (e.kind === 'text-changed') return `“${e.from}” → “${e.to}”`;
  if (e.kind === 'attribution-changed') return `proposed by ${names(e.proposedBy)}; supported by ${names(e.supportedBy)}; opposed by ${names(e.opposedBy)}`;
  return `“${e.text}”`;
}

/**
 * The negotiation dashboard of one document: open brackets per paragraph and per delegation
 * at a revision (or now), a chart of open brackets and agreed paragraphs across revisions,
 * and the life of a bracket when one is clicked. Everything comes from the store's
 * negotiation index (`negotiation.*` channels) and reloads when revisions change and, while
 * open, 250 ms after each change of the document in `view` (typing, or a peer's proposal
 * arriving through a consultation), so "Now" is always the text on screen.
 */
export function useNegotiationDashboard(api: ApiClient, docId: string, view: EditorView | null = null): NegotiationDashboardTools {
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState<string>('');
  const [overview, setOverview] = useState<NegotiationOverview | null>(null);
  const [series, setSeries] = useState<readonly NegotiationPoint[]>([]);
  const [life, setLife] = useState<BracketLife | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([api.invoke('negotiation.series', { docId }), api.invoke('negotiation.overview', at ? { docId, revisionId: at } : { docId })]).then(
      ([points, state]) => {
        setSeries(points);
        setOverview(state);
        setError(null);
      },
      (cause: unknown) => setError(`The negotiation dashboard could not be loaded: ${messageOf(cause)}`),
    );
  }, [api, docId, at]);

  useEffect(() => {
    if (!open) return undefined;
    load();
    return api.on('revisions.changed', (payload) => {
      if (payload.docId === docId) load();
    });
  }, [api, docId, open, load]);

  // The document changed (here or at a peer's): read the state again once it rests.
  useEffect(() => {
    if (!open || !view) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seen: Node | null = null;
    const unsubscribe = subscribeView(view, (state) => {
      if (seen === null || state.doc === seen) {
        seen = state.doc;
        return;
      }
      seen = state.doc;
      // Not pushed back by further changes: a busy room still sees the count move.
      timer ??= setTimeout(() => {
        timer = undefined;
        load();
      }, followMs);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [open, view, load]);

  const showLife = (bracketId: string) => {
    api.invoke('negotiation.bracketLife', { docId, bracketId }).then(setLife, (cause: unknown) => setError(`The life of that bracket could not be read: ${messageOf(cause)}`));
  };

  const labelled = series.filter((p) => p.kind !== 'autosave');
  const panel = open ? (
    <section className="side-panel negotiation-dashboard" aria-label="Negotiation dashboard">
      <h2 className="panel-title">Negotiation dashboard</h2>
      {error ? (
        <p className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
      <label className="dashboard-at">
        <span>At</span>
        <select aria-label="State at" value={at} onChange={(e) => setAt(e.target.value)}>
          <option value="">Now</option>
          {labelled.map((p) => (
            <option key={p.revisionId} value={p.revisionId}>
              {pointLabel(p)}
            </option>
          ))}
        </select>
      </label>
      {overview ? (
        <p className="dashboard-totals" data-testid="dashboard-totals">
          <strong>{overview.brackets.length}</strong> open brackets · <strong>{overview.agreedParagraphs}</strong> of {overview.statuses.length} paragraphs agreed
        </p>
      ) : null}
      <h3 className="panel-subtitle">Across revisions</h3>
      <NegotiationChart points={series} />
      <div className="dashboard-tables">
        <table className="dashboard-table" aria-label="Open brackets per paragraph">
          <caption>Per paragraph</caption>
          <thead>
            <tr>
              <th scope="col">Paragraph</th>
              <th scope="col">Open</th>
              <th scope="col">Groups</th>
              <th scope="col">Deletions</th>
            </tr>
          </thead>
          <tbody>
            {(overview?.byParagraph ?? []).map((p) => (
              <tr key={p.paragraphId}>
                <th scope="row">{p.paragraphLabel || 'Unnumbered'}</th>
                <td>{p.open}</td>
                <td>{p.groups}</td>
                <td>{p.deletions}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="dashboard-table" aria-label="Open brackets per delegation">
          <caption>Per delegation</caption>
          <thead>
            <tr>
              <th scope="col">Delegation</th>
              <th scope="col">Proposed</th>
              <th scope="col">Supports</th>
              <th scope="col">Opposes</th>
            </tr>
          </thead>
          <tbody>
            {(overview?.byDelegation ?? []).map((d) => (
              <tr key={d.delegation}>
                <th scope="row">{d.delegation}</th>
                <td>{d.proposed}</td>
                <td>{d.supported}</td>
                <td>{d.opposed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="panel-subtitle">Open brackets (choose one to see its life)</h3>
      <ul className="dashboard-brackets">
        {(overview?.brackets ?? []).map((b) => (
          <li key={b.bracketId}>
            <button type="button" className="link-button" aria-pressed={life?.bracketId === b.bracketId} onClick={() => showLife(b.bracketId)}>
              <span className="bracket-where">{b.paragraphLabel || '—'}</span> [{b.text}]{tagOf(b)}
            </button>
          </li>
        ))}
      </ul>
      {life ? (
        <section className="bracket-life" aria-label="Life of the bracket">
          <h3 className="panel-subtitle">Life of the bracket {life.open ? '(still open)' : '(resolved)'}</h3>
          <ol>
            {life.events.map((e, i) => (
              <li key={i}>
                <strong>{eventText[e.kind]}</strong> — {series.find((p) => p.revisionId === e.revisionId) ? pointLabel(series.find((p) => p.revisionId === e.revisionId)!) : 'a revision'}: {eventDetail(e)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </section>
  ) : null;
  const menuItem: BarMenuItem = { key: 'dashboard', label: 'Dashboard', checked: open, title: 'Negotiation dashboard: brackets and agreed paragraphs', onSelect: () => setOpen((o) => !o) };
  return { menuItem, panel };
}
