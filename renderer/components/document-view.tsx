import { useEffect, useMemo, useRef, useState } from 'react';
import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { ApiClient } from '../../shared/api/contract.js';
import { childText, readHeader } from '../../shared/document/header.js';
import { openDocumentSession } from '../document/document-session.js';
import type { SyncStatus } from '../document/document-session.js';
import { createEditor } from '../editor/create-editor.js';
import { textDirection } from '../../shared/document/labels-direction.js';
import { focusFirstEmpty } from '../editor/placeholder-plugin.js';
import { collectFootnotes } from '../editor/footnotes.js';
import type { FootnoteEntry } from '../editor/footnotes.js';
import { numberingKey } from '../editor/numbering-plugin.js';
import { outlineEntries } from '../editor/outline.js';
import type { OutlineEntry } from '../editor/outline.js';
import { displayTitle, messageOf } from '../format.js';
import { BarMenu } from './bar-menu.js';
import { CommandStrip } from './command-strip.js';
import { useConsultationTools } from './consultation-tools.js';
import { CrossReferencePicker } from './cross-reference-picker.js';
import { EditorToolbar } from './editor-toolbar.js';
import type { ExportPreset } from './export-dialog.js';
import { FootnotePane } from './footnote-pane.js';
import { useLayoutKeys } from './focus-mode.js';
import type { LayoutMode } from './focus-mode.js';
import { HelpButton, displayKeys } from './help-sheet.js';
import { useLibraryPanel } from './library-panel.js';
import { MetadataPanel } from './metadata-panel.js';
import { useNegotiationBase } from './negotiation-base-tools.js';
import { NegotiationToolbar } from './negotiation-toolbar.js';
import { OutlinePanel } from './outline-panel.js';
import { CollapseButton, railIcons } from './icon-rail.js';
import type { LayoutPrefs } from './layout-state.js';
import { usePanelLayout } from './layout-panels.js';
import { PanelDrawer, PanelRail, WarningsRail } from './panel-drawers.js';
import { ParagraphStatusButton, ParagraphStatusDialog } from './paragraph-status-dialog.js';
import { usePrintKey } from './print-keys.js';
import { usePrivateNotes } from './private-notes-panel.js';
import { useNegotiationDashboard } from './negotiation-dashboard.js';
import { useNegotiationViews } from './negotiation-views.js';
import { ProblemsPanel } from './problems-panel.js';
import { ProjectorView } from './projector-view.js';
import { useRevisionTools } from './revision-tools.js';
import { useSuggestionMode } from './suggestion-toggle.js';
import { useZoomKeys, zoomMenuItems } from './zoom-control.js';
import { t, translatedRecord } from '../i18n/index.js';

/** Props of the document view. */
export type DocumentViewProps = {
  api: ApiClient;
  id: string;
  onClose: () => void;
  onOpenDocument?: (id: string) => void;
  /** Opens the Export dialog on this document (from a view or a revision, with its preset). */
  onExport?: (preset: ExportPreset) => void;
  /** The window's remembered panel layout (see layout-state.ts) and how to change it. */
  layout: LayoutPrefs;
  onLayout: (change: (prefs: LayoutPrefs) => LayoutPrefs) => void;
  /** Called after each change of the text, this window's or a peer's (the list's "Changed" follows it). */
  onEdited?: () => void;
  /** Told whether a wide panel (dashboard, library) is open, so the app can fold the document list for it. */
  onWideSide?: (wide: boolean) => void;
};

const statusText: Readonly<Record<SyncStatus, string>> = translatedRecord(['saved', 'saving', 'error'], 'app:syncStatus.');

// A save shorter than this never shows "Saving…", so the status does not flicker per keystroke.
const savingDelayMs = 300;

// Whether two footnote lists show the same.
function sameFootnotes(a: readonly FootnoteEntry[], b: readonly FootnoteEntry[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i]?.id && x.number === b[i]?.number && x.text === b[i]?.text);
}

// Whether two outlines show the same (positions aside: the panel acts on the current document).
function sameOutline(a: readonly OutlineEntry[], b: readonly OutlineEntry[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i]?.id && x.part === b[i]?.part && x.index === b[i]?.index && x.number === b[i]?.number && x.words === b[i]?.words);
}

// The details panel shows the header, title and body line: the document's first three children.
// ProseMirror shares unchanged nodes, so typing elsewhere leaves them identical.
function sameFront(a: Node, b: Node): boolean {
  if (a.childCount < 3 || b.childCount < 3) return a === b;
  return a.child(0) === b.child(0) && a.child(1) === b.child(1) && a.child(2) === b.child(2);
}

/**
 * One open document: a white page holding the ProseMirror editor bound to the document's
 * Y.Doc (kept in sync with the backend by a document session), its footnotes at the foot,
 * and a bar with the live title and the save status. Closing or switching documents
 * destroys the editor and ends the session.
 */
export function DocumentView({ api, id, onClose, onOpenDocument, onExport, layout: prefs, onLayout, onEdited, onWideSide }: DocumentViewProps) {
  const mount = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [phase, setPhase] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [sync, setSync] = useState<SyncStatus>('saved');
  const [title, setTitle] = useState('');
  const [rtl, setRtl] = useState(false);
  const [footnotes, setFootnotes] = useState<FootnoteEntry[]>([]);
  const [outline, setOutline] = useState<readonly OutlineEntry[]>([]);
  const [editorState, setEditorState] = useState<EditorState | null>(null);
  const [zoom, setZoom] = useState(100);
  const panels = prefs.panels;
  const edited = useRef(onEdited);
  edited.current = onEdited;
  const body = useRef<HTMLDivElement>(null);
  const tools = useRevisionTools(api, id, phase === 'ready' ? viewRef.current : null, onOpenDocument, onExport);
  const consultation = useConsultationTools(api, id, phase === 'ready' ? viewRef.current : null);
  const notes = usePrivateNotes(api, id, phase === 'ready' ? viewRef.current : null);
  const dashboard = useNegotiationDashboard(api, id, phase === 'ready' ? viewRef.current : null);
  const negotiationBase = useNegotiationBase(api, id, phase === 'ready' ? editorState : null);
  const views = useNegotiationViews(api, phase === 'ready' ? viewRef.current : null, zoom, onExport);
  const suggestion = useSuggestionMode(api, id, phase === 'ready' ? viewRef.current : null);
  const library = useLibraryPanel(api, id, phase === 'ready' ? viewRef.current : null);
  const [layout, setLayout] = useState<LayoutMode>('normal');
  useLayoutKeys(layout, setLayout);
  useZoomKeys(zoom, setZoom);
  usePrintKey();
  const sideTools = panels.details || Boolean(tools.panel || consultation.panel || notes.panel || dashboard.panel || library.panel);
  const { sideShown, outlineDocked, sideDocked, drawer, setDrawer, togglePanel, fold, railToggle } = usePanelLayout({
    body,
    zoom,
    prefs,
    onLayout,
    sidePanelsOpen: [Boolean(tools.panel), Boolean(consultation.panel), Boolean(notes.panel), Boolean(dashboard.panel), Boolean(library.panel)],
    wide: Boolean(dashboard.panel || library.panel),
    onWideSide,
  });
  const statusButton = useMemo(() => <ParagraphStatusButton view={phase === 'ready' ? viewRef.current : null} />, [phase]);

  useEffect(() => {
    let cancelled = false;
    let release = () => {};
    setPhase('loading');
    setError(null);
    // Each keystroke calls this: state is only set when what it shows changed, so typing does
    // not re-render the view and its panels.
    const onDocChange = (state: EditorState) => {
      const numbering = numberingKey.getState(state)?.numbering;
      setTitle(childText(state.doc, 'title'));
      setRtl(textDirection(readHeader(state.doc).language) === 'rtl');
      const notes = numbering ? collectFootnotes(state.doc, numbering) : [];
      setFootnotes((prev) => (sameFootnotes(prev, notes) ? prev : notes));
      const entries = numbering ? outlineEntries(state.doc, numbering) : [];
      setOutline((prev) => (sameOutline(prev, entries) ? prev : entries));
      setEditorState((prev) => (prev && sameFront(prev.doc, state.doc) ? prev : state));
      edited.current?.();
    };
    let savingTimer: ReturnType<typeof setTimeout> | undefined;
    const onStatus = (status: SyncStatus) => {
      if (status === 'saving') {
        savingTimer ??= setTimeout(() => setSync('saving'), savingDelayMs);
        return;
      }
      clearTimeout(savingTimer);
      savingTimer = undefined;
      setSync(status);
      // Held changes went through after all (see the document session): the warning is over.
      if (status === 'saved') setError(null);
    };
    openDocumentSession(api, id, { onStatus, onError: (e) => setError(e.message) }).then(
      (session) => {
        if (cancelled || !mount.current) {
          void session.close();
          return;
        }
        setTitle(session.summary.title);
        const view = createEditor(mount.current, {
          ydoc: session.ydoc,
          label: t('app:documentView.documentText'),
          onDocChange,
          onFirstRender: () => {
            if (!cancelled) setPhase('ready');
          },
        });
        viewRef.current = view;
        release = () => {
          viewRef.current = null;
          view.destroy();
          void session.close();
        };
      },
      (cause: unknown) => {
        if (cancelled) return;
        setError(t('app:documentView.theDocumentCouldNot', { reason: messageOf(cause) }));
        setPhase('failed');
      },
    );
    return () => {
      cancelled = true;
      clearTimeout(savingTimer);
      release();
    };
  }, [api, id]);

  // The editor is invisible (and so unfocusable) until its first render has been shown.
  useEffect(() => {
    if (phase === 'ready' && viewRef.current) focusFirstEmpty(viewRef.current);
  }, [phase]);

  const outlinePanel = <OutlinePanel view={viewRef.current} entries={outline} onCollapse={() => fold('outline')} />;
  const foldSide = () => fold('side');
  const sidePanels = (
    <>
      {sideTools ? (
        <aside className="side-panels" aria-label={t('app:documentView.sidePanels')}>
          <CollapseButton what={t('app:documentView.sidePanels2')} side="end" onCollapse={foldSide} />
          {panels.details ? <MetadataPanel view={viewRef.current} state={editorState} /> : null}
          {tools.panel}
          {consultation.panel}
          {notes.panel}
          {dashboard.panel}
          {library.panel}
        </aside>
      ) : null}
      {panels.problems ? <ProblemsPanel view={phase === 'ready' ? viewRef.current : null} onCollapse={sideTools ? undefined : foldSide} /> : null}
    </>
  );

  return (
    <div className={layout === 'normal' ? 'document-view' : `document-view document-view-focus document-view-${layout}`}>
      <div className="document-bar" role="toolbar" aria-label={t('app:documentView.document')}>
        <div className="document-bar-heading">
          <h1 className="document-bar-title" title={displayTitle(title)}>
            {phase === 'failed' ? t('app:documentView.documentUnavailable') : displayTitle(title)}
          </h1>
          <div className="document-bar-states">
            <span className={`sync-status sync-${sync}`} role="status" aria-live="polite">
              {phase === 'ready' ? statusText[sync] : phase === 'loading' ? t('app:documentView.opening') : ''}
            </span>
            {consultation.indicator}
            {negotiationBase.indicator}
            {suggestion.button}
          </div>
        </div>
        {views.switcher}
        <BarMenu label={t('app:documentView.negotiation')} items={[...(suggestion.facilitator ? negotiationBase.menuItems : []), ...(suggestion.menuItem ? [{ ...suggestion.menuItem, groupStart: true }] : []), { ...dashboard.menuItem, groupStart: true }]} />
        <BarMenu label={t('app:documentView.consultation')} items={[consultation.menuItem, notes.menuItem]} />
        <BarMenu
          label={t('app:documentView.view')}
          badge={zoom === 100 ? undefined : `${zoom}%`}
          items={[
            { key: 'outline', label: t('app:documentView.outline'), checked: panels.outline, onSelect: () => togglePanel('outline') },
            { key: 'details', label: t('app:documentView.details'), checked: panels.details, onSelect: () => togglePanel('details') },
            { key: 'problems', label: t('app:documentView.problems'), checked: panels.problems, onSelect: () => togglePanel('problems') },
            library.menuItem,
            ...zoomMenuItems(zoom, setZoom),
            { key: 'focus', label: t('app:documentView.focusMode'), shortcut: { shown: displayKeys('Mod-Shift-f'), aria: 'Control+Shift+F' }, groupStart: true, onSelect: () => setLayout('focus') },
            { key: 'projector', label: t('app:documentView.projectorMode'), shortcut: { shown: displayKeys('Mod-Shift-p'), aria: 'Control+Shift+P' }, onSelect: () => setLayout('projector') },
            { key: 'print', label: t('app:documentView.print'), groupStart: true, onSelect: () => window.print() },
          ]}
        />
        {tools.buttons}
        <HelpButton />
        <button type="button" className="button subtle" onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
      <CommandStrip>
        <EditorToolbar view={phase === 'ready' ? viewRef.current : null} />
        <NegotiationToolbar view={phase === 'ready' ? viewRef.current : null} moreTools={statusButton} />
      </CommandStrip>
      <CrossReferencePicker view={phase === 'ready' ? viewRef.current : null} />
      <ParagraphStatusDialog api={api} view={phase === 'ready' ? viewRef.current : null} />
      {error ? (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      ) : null}
      {tools.banner}
      <div ref={body} className="document-body" data-outline={outlineDocked ? 'docked' : 'drawer'} data-side={sideDocked ? 'docked' : 'drawer'}>
        {/* Notices float over the top of the page (a toast), so the text never moves under the reader. */}
        {suggestion.notice ? <div className="document-notices">{suggestion.notice}</div> : null}
        {panels.outline && !outlineDocked ? <PanelRail side="start" label={t('app:documentView.outline')} icon={railIcons.outline} controls="outline-drawer" open={drawer === 'outline'} onToggle={railToggle('outline')} /> : null}
        {outlineDocked ? outlinePanel : null}
        {panels.outline && !outlineDocked && drawer === 'outline' ? (
          <PanelDrawer id="outline-drawer" side="start" onClose={() => setDrawer(null)}>
            {outlinePanel}
          </PanelDrawer>
        ) : null}
        {/* Back in the text, a drawer gets out of its way (a jump from the outline or a problem lands here too). */}
        <div className="page-scroll" hidden={views.content !== null} onFocus={() => setDrawer(null)} onPointerDown={() => setDrawer(null)}>
          <article className={zoom >= 150 ? 'page page-zoomed' : 'page'} style={{ zoom: zoom / 100 }} aria-label={t('app:documentView.page', { title: displayTitle(title) })} aria-busy={phase === 'loading'} dir={rtl ? 'rtl' : 'ltr'} hidden={phase === 'failed'}>
            <div ref={mount} className="page-editor" data-ready={phase === 'ready'} />
            <FootnotePane view={phase === 'ready' ? viewRef.current : null} footnotes={footnotes} />
          </article>
        </div>
        {views.content}
        {sideDocked ? sidePanels : null}
        {sideShown && !sideDocked ? (
          <WarningsRail side="end" label={sideTools ? t('app:documentView.panels') : t('app:documentView.problems')} icon={sideTools ? railIcons.side : railIcons.problems} controls="side-drawer" open={drawer === 'side'} view={phase === 'ready' && panels.problems ? viewRef.current : null} onToggle={railToggle('side')} />
        ) : null}
        {sideShown && !sideDocked && drawer === 'side' ? (
          <PanelDrawer id="side-drawer" side="end" onClose={() => setDrawer(null)}>
            {sidePanels}
          </PanelDrawer>
        ) : null}
        {tools.overlay}
        {consultation.dialog}
        {negotiationBase.dialog}
      </div>
      {layout === 'projector' ? <ProjectorView view={phase === 'ready' ? viewRef.current : null} onLeave={() => setLayout('normal')} /> : null}
    </div>
  );
}
