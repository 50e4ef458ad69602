import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../shared/api/contract.js';
import { DocumentList } from './document-list.js';
import { CollapseButton, railIcons } from './icon-rail.js';
import type { LayoutPrefs } from './layout-state.js';
import { PanelDrawer, PanelRail } from './panel-drawers.js';
import { t } from '../i18n/index.js';

/**
 * The window width (CSS px) below which the document list folds to its rail while a
 * document is open, unless the user docked it: at 1024 its 220 px column cost the page its
 * text column, at 1280 it fits beside the page and the right column.
 */
export const foldListBelow = 1200;

/**
 * Below this width (CSS px) the list also folds while a wide panel (the negotiation dashboard,
 * the library) is open: with it docked, the page kept under 560 px of text at 1280 and 1366.
 */
export const foldListForWideBelow = 1600;

/** Whether the media query `query` matches now, following changes (window resize). */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => typeof matchMedia === 'function' && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return undefined;
    const list = matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** Props of the document sidebar: the list, which document is open, and how to open one. */
export type DocumentSidebarProps = {
  documents: DocumentSummary[];
  loading: boolean;
  openId: string | null;
  onOpen: (id: string) => void;
};

/** Whether the document list is docked beside the main area or folded into a drawer. */
export type SidebarMode = 'docked' | 'drawer';

/**
 * The mode of the document list: as the user left it (`pref`, docked or folded), else folded
 * while a document is open on a narrow window, or on a laptop-sized one while a wide panel is
 * open (`wideSide`); the start screen keeps it in view.
 */
export function useSidebarMode(openId: string | null, pref: LayoutPrefs['documents'] = 'auto', wideSide = false): SidebarMode {
  const narrow = useMediaQuery(`(max-width: ${foldListBelow - 0.02}px)`);
  const laptop = useMediaQuery(`(max-width: ${foldListForWideBelow - 0.02}px)`);
  if (openId === null || pref === 'open') return 'docked';
  return pref === 'rail' || narrow || (wideSide && laptop) ? 'drawer' : 'docked';
}

/**
 * The document list at the window's start edge: docked in its column, or, in `mode`
 * 'drawer', a "Documents" rail whose drawer opens over the document (Escape closes it and
 * returns to the rail; choosing a document closes it too). With `onFold`, the docked list
 * has a button folding it to the rail and the rail one docking it again (remembered by the app).
 */
export function DocumentSidebar({ mode, documents, loading, openId, onOpen, onFold }: DocumentSidebarProps & { mode: SidebarMode; onFold?: (state: 'open' | 'rail') => void }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (mode === 'docked') setOpen(false);
  }, [mode]);
  // A press anywhere outside the drawer and its rail puts it away, as in the text beside the side panels.
  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target?.closest('#document-list-drawer, [aria-controls="document-list-drawer"]')) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);
  const list = (
    <nav className="sidebar" aria-label={t('app:documentSidebar.documentList')}>
      <h2 className="sidebar-title">
        {t('app:documentSidebar.documents')}
        {onFold && mode === 'docked' && openId !== null ? <CollapseButton what={t('app:documentSidebar.documentList2')} side="start" onCollapse={() => onFold('rail')} /> : null}
      </h2>
      <DocumentList
        documents={documents}
        loading={loading}
        openId={openId}
        onOpen={(id) => {
          setOpen(false);
          onOpen(id);
        }}
      />
    </nav>
  );
  if (mode === 'docked') return list;
  return (
    <>
      <PanelRail
        side="start"
        label={t('app:documentSidebar.documents')}
        icon={railIcons.documents}
        controls="document-list-drawer"
        open={open}
        onToggle={() => setOpen((o) => !o)}
        after={
          onFold ? (
            <button type="button" className="rail-pin" aria-label={t('app:documentSidebar.keepTheDocumentList')} title={t('app:documentSidebar.keepTheDocumentList')} onClick={() => onFold('open')}>
              ›
            </button>
          ) : null
        }
      />
      {open ? (
        <PanelDrawer id="document-list-drawer" side="start" onClose={() => setOpen(false)}>
          {list}
        </PanelDrawer>
      ) : null}
    </>
  );
}
