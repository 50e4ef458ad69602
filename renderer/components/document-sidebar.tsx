import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../shared/api/contract.js';
import { DocumentList } from './document-list.js';
import { PanelDrawer, PanelRail } from './panel-drawers.js';

/**
 * The window width (CSS px) below which the document list folds into a drawer while a
 * document is open: at 1024 its 220 px column cost the page the docked outline, at 1280 it fits.
 */
export const foldListBelow = 1200;

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

/** The mode of the document list: folded on a narrow window while a document is open (the start screen keeps it in view). */
export function useSidebarMode(openId: string | null): SidebarMode {
  const narrow = useMediaQuery(`(max-width: ${foldListBelow - 0.02}px)`);
  return narrow && openId !== null ? 'drawer' : 'docked';
}

/**
 * The document list at the window's start edge: docked in its column, or, in `mode`
 * 'drawer', a "Documents" rail whose drawer opens over the document (Escape closes it and
 * returns to the rail; choosing a document closes it too).
 */
export function DocumentSidebar({ mode, documents, loading, openId, onOpen }: DocumentSidebarProps & { mode: SidebarMode }) {
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
    <nav className="sidebar" aria-label="Document list">
      <h2 className="sidebar-title">Documents</h2>
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
      <PanelRail side="start" label="Documents" controls="document-list-drawer" open={open} onToggle={() => setOpen((o) => !o)} />
      {open ? (
        <PanelDrawer id="document-list-drawer" side="start" onClose={() => setOpen(false)}>
          {list}
        </PanelDrawer>
      ) : null}
    </>
  );
}
