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
import { t } from '../i18n/index.js';
import { SilenceLine } from './record-silence.js';

/** What the document view places for the dashboard: its entry in a bar menu and a side panel. */
export type NegotiationDashboardTools = { menuItem: BarMenuItem; panel: ReactNode };

// A bracket event's words: negotiation:event.<kind>.
const eventText = (kind: BracketEvent['kind']): string => t(`negotiation:event.${kind}`);

// The tag after a bracket in the list, as the compilation writes it: ' (RUS: delete)', ' (EU; supported by NOR; opposed by RUS)'.
const tagOf = (b: { proposedBy: readonly string[]; supportedBy: readonly string[]; opposedBy: readonly string[]; deletion: boolean }): string =>
  tagText(b.proposedBy, b.deletion, b);

// How long the document rests before "Now" is read again: a peer's proposal shows well within a second,
// and typing does not ask the backend for an autosave point per keystroke.
const followMs = 250;

const names = (list: readonly string[]) => (list.length ? list.join(', ') : t('negotiation:negotiationDashboard.noOne'));

function eventDetail(e: BracketEvent): string {
  if (e.kind === 'proposed') return t('negotiation:negotiationDashboard.proposedByText', { names: names(e.by), text: e.text });
  if (e.kind === 'text-changed') return `“${e.from}” → “${e.to}”`;
  if (e.kind === 'attribution-changed') return t('negotiation:negotiationDashboard.proposedBySupportedBy', { names: names(e.proposedBy), names2: names(e.supportedBy), names3: names(e.opposedBy) });
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
      (cause: unknown) => setError(t('negotiation:negotiationDashboard.theNegotiationDashboardCould', { reason: messageOf(cause) })),
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
    api.invoke('negotiation.bracketLife', { docId, bracketId }).then(setLife, (cause: unknown) => setError(t('negotiation:negotiationDashboard.theLifeOfThat', { reason: messageOf(cause) })));
  };

  const labelled = series.filter((p) => p.kind !== 'autosave');
  const panel = open ? (
    <section className="side-panel negotiation-dashboard" aria-label={t('negotiation:negotiationDashboard.negotiationDashboard')}>
      <h2 className="panel-title">{t('negotiation:negotiationDashboard.negotiationDashboard')}</h2>
      {error ? (
        <p className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
      <label className="dashboard-at">
        <span>{t('negotiation:negotiationDashboard.at')}</span>
        <select aria-label={t('negotiation:negotiationDashboard.stateAt')} value={at} onChange={(e) => setAt(e.target.value)}>
          <option value="">{t('negotiation:negotiationDashboard.now')}</option>
          {labelled.map((p) => (
            <option key={p.revisionId} value={p.revisionId}>
              {pointLabel(p)}
            </option>
          ))}
        </select>
      </label>
      {overview ? (
        <p className="dashboard-totals" data-testid="dashboard-totals">
          <strong>{overview.brackets.length}</strong>{' '}{t('negotiation:negotiationDashboard.openBrackets')}{' '}<strong>{overview.agreedParagraphs}</strong>{' '}{t('negotiation:negotiationDashboard.of')}{' '}{overview.statuses.length}{' '}{t('negotiation:negotiationDashboard.paragraphsAgreed')}
        </p>
      ) : null}
      <SilenceLine api={api} docId={docId} />
      <h3 className="panel-subtitle">{t('negotiation:negotiationDashboard.acrossRevisions')}</h3>
      <NegotiationChart points={series} />
      <div className="dashboard-tables">
        <table className="dashboard-table" aria-label={t('negotiation:negotiationDashboard.openBracketsPerParagraph')}>
          <caption>{t('negotiation:negotiationDashboard.perParagraph')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('negotiation:negotiationDashboard.paragraph')}</th>
              <th scope="col">{t('negotiation:negotiationDashboard.open')}</th>
              <th scope="col">{t('negotiation:negotiationDashboard.groups')}</th>
              <th scope="col">{t('negotiation:negotiationDashboard.deletions')}</th>
            </tr>
          </thead>
          <tbody>
            {(overview?.byParagraph ?? []).map((p) => (
              <tr key={p.paragraphId}>
                <th scope="row">{p.paragraphLabel || t('negotiation:negotiationDashboard.unnumbered')}</th>
                <td>{p.open}</td>
                <td>{p.groups}</td>
                <td>{p.deletions}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="dashboard-table" aria-label={t('negotiation:negotiationDashboard.openBracketsPerDelegation')}>
          <caption>{t('negotiation:negotiationDashboard.perDelegation')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('negotiation:negotiationDashboard.delegation')}</th>
              <th scope="col">{t('negotiation:negotiationDashboard.proposed')}</th>
              <th scope="col">{t('negotiation:negotiationDashboard.supports')}</th>
              <th scope="col">{t('negotiation:negotiationDashboard.opposes')}</th>
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
      <h3 className="panel-subtitle">{t('negotiation:negotiationDashboard.openBracketsChooseOne')}</h3>
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
        <section className="bracket-life" aria-label={t('negotiation:negotiationDashboard.lifeOfTheBracket')}>
          <h3 className="panel-subtitle">{t('negotiation:negotiationDashboard.lifeOfTheBracket')}{' '}{life.open ? t('negotiation:negotiationDashboard.stillOpen') : t('negotiation:negotiationDashboard.resolved')}</h3>
          <ol>
            {life.events.map((e, i) => (
              <li key={i}>
                <strong>{eventText(e.kind)}</strong> — {series.find((p) => p.revisionId === e.revisionId) ? pointLabel(series.find((p) => p.revisionId === e.revisionId)!) : t('negotiation:event.aRevision')}{t('common:colon')}{eventDetail(e)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </section>
  ) : null;
  const menuItem: BarMenuItem = { key: 'dashboard', label: t('negotiation:negotiationDashboard.dashboard'), checked: open, title: t('negotiation:negotiationDashboard.negotiationDashboardBracketsAnd'), onSelect: () => setOpen((o) => !o) };
  return { menuItem, panel };
}
