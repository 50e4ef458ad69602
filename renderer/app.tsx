import { useCallback, useState } from 'react';
import type { ApiClient } from '../shared/api/contract.js';
import { JoinConsultationButton } from './components/consultation-join-dialog.js';
import { DocumentSidebar, useSidebarMode } from './components/document-sidebar.js';
import { useListFollowsEdits } from './components/document-list.js';
import { DocumentView } from './components/document-view.js';
import { DropOverlay } from './components/drop-overlay.js';
import { useExportDialog } from './components/export-dialog.js';
import { ImportDialog, ImportInputs } from './components/import-dialog.js';
import { useImportFlow } from './components/import-dialog-flow.js';
import { useLayoutPrefs } from './components/layout-state.js';
import { ErrorBanner, ImportReport } from './components/notices.js';
import type { ImportReportData } from './components/notices.js';
import { ProfileButton, ProfileWelcome, useProfile } from './components/profile-dialog.js';
import { TemplatePicker } from './components/template-picker.js';
import { TopBar } from './components/top-bar.js';
import { useDocuments } from './state/use-documents.js';
import { t } from './i18n/index.js';

/** Props of the app: the connected API client (IPC or WebSocket; the app cannot tell). */
export type AppProps = { api: ApiClient };

/**
 * The Penholder window: a top bar (new from template, import), the document list in a
 * sidebar (a drawer on a narrow window), and the open document (or a start screen) in the
 * main area. Files or folders dropped anywhere on the window are imported. Every failed
 * call is shown in an error banner.
 */
export function App({ api }: AppProps) {
  const { documents, loading, error: listError, refresh } = useDocuments(api);
  const [openId, setOpenId] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [report, setReport] = useState<ImportReportData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const profile = useProfile(api);
  const [layout, setLayout] = useLayoutPrefs(api);
  const [wideSide, setWideSide] = useState(false);
  const sidebarMode = useSidebarMode(openId, layout.documents, wideSide && openId !== null);
  const onEdited = useListFollowsEdits(refresh);

  const createFromTemplate = useCallback(
    async (templateId: string, title: string | undefined) => {
      const created = await api.invoke('documents.createFromTemplate', title ? { templateId, title } : { templateId });
      setPicking(false);
      await refresh();
      setOpenId(created.id);
    },
    [api, refresh],
  );

  // Every import (dialog, drop, file input) ends here: the result banner, the first document opened.
  const importer = useImportFlow(api, {
    onDone: ({ label, result, warnings }) => {
      setReport({ fileName: label, documents: result.documents, warnings });
      void refresh();
      const first = result.documents[0];
      if (first) setOpenId(first.id);
    },
    onFailed: (message) => {
      if (message) setReport(null);
      setError(message);
    },
  });

  const exporter = useExportDialog(api, openId, documents.find((d) => d.id === openId));

  const shownError = error ?? listError;
  return (
    <div className="app">
      <TopBar onNewFromTemplate={() => setPicking(true)} onImport={importer.open} importing={importer.busy} onExport={openId ? () => exporter.open() : undefined}>
        <JoinConsultationButton
          api={api}
          onJoined={(docId) => {
            void refresh();
            setOpenId(docId);
          }}
        />
        <ProfileButton state={profile} />
      </TopBar>
      <div className="workspace" data-list={sidebarMode}>
        <DocumentSidebar mode={sidebarMode} documents={documents} loading={loading} openId={openId} onOpen={setOpenId} onFold={(documents) => setLayout((p) => ({ ...p, documents }))} />
        <main className="main">
          <ProfileWelcome state={profile} />
          {shownError ? <ErrorBanner message={shownError} onDismiss={() => setError(null)} /> : null}
          {report ? <ImportReport report={report} onOpen={setOpenId} onDismiss={() => setReport(null)} /> : null}
          {openId ? (
            <DocumentView key={openId} api={api} id={openId} onClose={() => setOpenId(null)} onOpenDocument={setOpenId} onExport={exporter.open} layout={layout} onLayout={setLayout} onEdited={onEdited} onWideSide={setWideSide} />
          ) : (
            <StartScreen documentCount={documents.length} onNewFromTemplate={() => setPicking(true)} />
          )}
        </main>
      </div>
      <ImportInputs flow={importer} />
      <ImportDialog flow={importer} />
      <DropOverlay onDrop={importer.start} disabled={importer.busy} />
      {exporter.dialog}
      {picking ? <TemplatePicker api={api} onCreate={createFromTemplate} onCancel={() => setPicking(false)} /> : null}
    </div>
  );
}

/** Props of the start screen. */
export type StartScreenProps = { documentCount: number; onNewFromTemplate: () => void };

/** What the main area shows when no document is open: what to do next. */
export function StartScreen({ documentCount, onNewFromTemplate }: StartScreenProps) {
  return (
    <section className="start-screen" aria-labelledby="start-title">
      <h1 id="start-title">{t('app:app.draftAndNegotiateResolutions')}</h1>
      <p>
        {documentCount > 0
          ? t('app:app.openADocumentFrom')
          : t('app:app.startAResolutionOr')}
      </p>
      <p className="start-hint">
        {t('app:app.paragraphNumbersSubparagraphLetters')}
      </p>
      <button type="button" className="button primary" onClick={onNewFromTemplate}>
        {t('app:app.newFromTemplate')}
      </button>
    </section>
  );
}
