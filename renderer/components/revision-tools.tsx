import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import type { ApiClient, HistoryEntry, RevisionKind, RevisionSummary } from '../../shared/api/contract.js';
import { revisionDocs } from '../document/revision-docs.js';
import { dateTime, revisionName } from '../document/revision-format.js';
import { authorPalette, showAuthorship } from '../editor/authorship-plugin.js';
import type { LegendEntry } from '../editor/authorship-plugin.js';
import { messageOf } from '../format.js';
import { CompareView } from './compare-view.js';
import type { ExportPreset } from './export-dialog.js';
import type { CompareSide } from './compare-view.js';
import { HistoryPanel } from './history-panel.js';
import { statusHistory, type StatusHistoryRow } from '../../shared/negotiation/status-history.js';
import { numberingKey } from '../editor/numbering-plugin.js';
import { RevisionReader } from './revision-reader.js';
import { RevisionsPanel } from './revisions-panel.js';
import { useRecordTools } from './record-tools.js';
import { LastViewedBanner, RestoreDialog } from './revision-notices.js';
import { t } from '../i18n/index.js';
import { statusWordsShown } from '../i18n/status-names.js';

// How often an open history panel looks for new changes.
const historyRefreshMs = 3000;

type Overlay = { kind: 'compare'; old: CompareSide; new: CompareSide } | { kind: 'read'; revision: RevisionSummary } | null;

/** What the document view places: bar buttons, a banner, a side panel and an overlay over the page. */
export type RevisionTools = { buttons: ReactNode; banner: ReactNode; panel: ReactNode; overlay: ReactNode };

/**
 * Revisions, compare, "since I last looked", history and authorship for one open document.
 * `view` is the live editor (null until ready); `onOpenDocument` opens another document
 * (a new one made from a revision); `onExport` opens the Export dialog (a revision with the
 * changes since the one before it).
 */
export function useRevisionTools(api: ApiClient, docId: string, view: EditorView | null, onOpenDocument?: (id: string) => void, onExport?: (preset: ExportPreset) => void): RevisionTools {
  // One bar button opens the panel; tabs inside switch between revisions and history.
  const [panelOpen, setPanelOpen] = useState(false);
  const [tab, setTab] = useState<'revisions' | 'history'>('revisions');
  const panel = panelOpen ? tab : null;
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [revError, setRevError] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [statusRows, setStatusRows] = useState<readonly StatusHistoryRow[]>([]);
  const [authorship, setAuthorshipOn] = useState(false);
  const [legend, setLegend] = useState<readonly LegendEntry[]>([]);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [restoring, setRestoring] = useState<RevisionSummary | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [lastSeen, setLastSeen] = useState<RevisionSummary | null>(null);
  const docs = useMemo(() => revisionDocs(api, docId), [api, docId]);
  const record = useRecordTools(api, docId);
  const viewRef = useRef(view);
  viewRef.current = view;
  const current = useCallback(() => viewRef.current?.state.doc ?? null, []);

  const loadRevisions = useCallback(() => {
    api.invoke('revisions.list', { docId }).then(
      (list) => {
        setRevisions(list);
        setRevError(null);
      },
      (cause: unknown) => setRevError(t('revisions:revisionTools.revisionsCouldNotBe', { reason: messageOf(cause) })),
    );
  }, [api, docId]);
  const loadHistory = useCallback(() => {
    const state = viewRef.current?.state;
    if (state) {
      const numbering = numberingKey.getState(state)?.numbering;
      setStatusRows(statusHistory(state.doc, (id) => numbering?.byId.get(id)?.path ?? t('editor:status.removed'), statusWordsShown));
    }
    api.invoke('history.list', { docId }).then(
      (list) => {
        setHistory(list);
        setHistoryError(null);
      },
      (cause: unknown) => setHistoryError(t('revisions:revisionTools.historyCouldNotBe', { reason: messageOf(cause) })),
    );
  }, [api, docId]);

  useEffect(() => {
    loadRevisions();
    return api.on('revisions.changed', (payload) => {
      if (payload.docId === docId) loadRevisions();
    });
  }, [api, docId, loadRevisions]);

  useEffect(() => {
    if (panel !== 'history') return;
    loadHistory();
    // Live while shown: new changes (typed here or from peers) appear within a few seconds; the
    // list is only asked for again when the document has changed since the last ask.
    let seen = viewRef.current?.state.doc ?? null;
    const timer = setInterval(() => {
      const doc = viewRef.current?.state.doc ?? null;
      if (doc === seen) return;
      seen = doc;
      loadHistory();
    }, historyRefreshMs);
    return () => clearInterval(timer);
  }, [panel, loadHistory, revisions]);

  // "Since I last looked": offer the comparison once; the document counts as seen when the offer
  // is handled (or there was nothing to offer) and again when the document is left.
  const offerPending = useRef(false);
  useEffect(() => {
    let live = true;
    // Only once the offer was decided: a view unmounted before that (StrictMode's trial mount,
    // quick switching) must not mark the document seen and so swallow the offer.
    let decided = false;
    const markViewed = () => void api.invoke('revisions.markViewed', { docId }).catch(() => undefined);
    api.invoke('revisions.lastViewed', { docId }).then(
      (seen) => {
        if (!live) return;
        decided = true;
        if (seen.changedSince && seen.revision) {
          offerPending.current = true;
          setLastSeen(seen.revision);
        } else markViewed();
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (decided && !offerPending.current) markViewed();
    };
  }, [api, docId]);
  const settleOffer = useCallback(() => {
    offerPending.current = false;
    setLastSeen(null);
    void api.invoke('revisions.markViewed', { docId }).catch(() => undefined);
  }, [api, docId]);

  const ydocOf = (v: EditorView): Y.Doc | undefined => (ySyncPluginKey.getState(v.state) as { doc?: Y.Doc } | undefined)?.doc;
  const setAuthorship = useCallback(
    (on: boolean) => {
      const v = viewRef.current;
      const ydoc = v ? ydocOf(v) : undefined;
      if (!v || !ydoc) return;
      setAuthorshipOn(on);
      if (!on) {
        showAuthorship(v, ydoc, null);
        setLegend([]);
        return;
      }
      api.invoke('history.authors', { docId }).then(
        (authors) => {
          const palette = authorPalette(authors);
          if (viewRef.current === v) showAuthorship(v, ydoc, palette);
          setLegend(palette.legend);
        },
        (cause: unknown) => {
          setAuthorshipOn(false);
          setHistoryError(t('revisions:revisionTools.authorshipCouldNotBe', { reason: messageOf(cause) }));
        },
      );
    },
    [api, docId],
  );

  const actions = useMemo(
    () => ({
      onSave: async (kind: RevisionKind, label: string) => {
        // The new revision appears at the top of the list: that is the confirmation.
        await api.invoke('revisions.create', { docId, kind, label });
        loadRevisions();
      },
      onOpen: (revision: RevisionSummary) => setOverlay({ kind: 'read', revision }),
      onCompare: (old: string, newer: string) => setOverlay({ kind: 'compare', old, new: newer }),
      onRestore: (revision: RevisionSummary) => setRestoring(revision),
      onNewDocument: (revision: RevisionSummary) => {
        api.invoke('revisions.newDocument', { docId, revisionId: revision.id }).then(
          (summary) => {
            if (onOpenDocument) onOpenDocument(summary.id);
            else setNotice({ text: t('revisions:revisionTools.newDocumentMadeFrom', { title: summary.title, revisionName: revisionName(revision) }) });
          },
          (cause: unknown) => setNotice({ text: t('revisions:revisionTools.notMade', { reason: messageOf(cause) }), error: true }),
        );
      },
      ...(onExport ? { onExport: (revision: RevisionSummary, from: RevisionSummary | null) => onExport({ revisionId: revision.id, format: 'docx', ...(from ? { changesFrom: from.id } : {}) }) } : {}),
    }),
    [api, docId, loadRevisions, onOpenDocument, onExport],
  );

  const restore = async (revision: RevisionSummary) => {
    await api.invoke('revisions.restore', { docId, revisionId: revision.id });
    setRestoring(null);
    setOverlay(null);
    setNotice({ text: t('revisions:revisionTools.restoredThisIsRecorded', { revisionName: revisionName(revision), dateTime: dateTime(revision.createdAt) }) });
    loadRevisions();
  };

  const buttons = (
    <button type="button" className="button subtle" aria-pressed={panelOpen} onClick={() => setPanelOpen((open) => !open)} title={t('revisions:revisionTools.revisionsAndHistory')}>
      {t('revisions:revisionTools.revisions')}
    </button>
  );
  const banner = (
    <>
      {lastSeen ? (
        <LastViewedBanner
          revision={lastSeen}
          onCompare={() => {
            setOverlay({ kind: 'compare', old: lastSeen.id, new: 'now' });
            settleOffer();
          }}
          onDismiss={settleOffer}
        />
      ) : null}
      {notice ? (
        <div className={`banner ${notice.error ? 'banner-error' : 'banner-info'} revision-notice`} role={notice.error ? 'alert' : 'status'}>
          <span className="banner-text">{notice.text}</span>
          <button type="button" className="button subtle" onClick={() => setNotice(null)}>
            {t('revisions:revisionTools.dismiss')}
          </button>
        </div>
      ) : null}
      {restoring ? <RestoreDialog revision={restoring} onRestore={() => restore(restoring)} onCancel={() => setRestoring(null)} /> : null}
    </>
  );
  const side = panelOpen ? (
    <div className="revision-side">
      <div className="panel-tabs" role="tablist" aria-label={t('revisions:revisionTools.revisionsAndHistory')}>
        {(['revisions', 'history'] as const).map((each) => (
          <button key={each} type="button" role="tab" className="panel-tab" aria-selected={tab === each} onClick={() => setTab(each)}>
            {each === 'revisions' ? t('revisions:revisionTools.revisions2') : t('revisions:revisionTools.history')}
          </button>
        ))}
      </div>
      {tab === 'revisions' ? (
        <RevisionsPanel revisions={revisions} error={revError} {...actions} record={record} />
      ) : (
        <HistoryPanel entries={history} statusRows={statusRows} error={historyError} authorship={authorship} legend={legend} onAuthorship={setAuthorship} />
      )}
    </div>
  ) : null;
  const shown =
    overlay?.kind === 'compare' ? (
      <CompareView key={`${overlay.old}|${overlay.new}`} docs={docs} revisions={revisions ?? []} current={current} initial={overlay} onClose={() => setOverlay(null)} />
    ) : overlay?.kind === 'read' ? (
      <RevisionReader
        api={api}
        docId={docId}
        revision={overlay.revision}
        onCompareWithNow={() => setOverlay({ kind: 'compare', old: overlay.revision.id, new: 'now' })}
        onRestore={() => setRestoring(overlay.revision)}
        onClose={() => setOverlay(null)}
      />
    ) : null;
  return { buttons, banner, panel: side, overlay: shown };
}
