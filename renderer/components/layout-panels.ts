import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { LayoutPrefs } from './layout-state.js';
import { panelWidths, useOpenSideDrawer, usePanelModes } from './panel-drawers.js';
import type { OpenDrawer } from './panel-drawers.js';

/** What the document view shows beside the page: which panels, and how they are placed. */
export type PanelLayoutInput = {
  /** The document body (page and panels), measured for the room it leaves the page. */
  body: RefObject<HTMLElement | null>;
  /** The page zoom, percent. */
  zoom: number;
  prefs: LayoutPrefs;
  onLayout: (change: (prefs: LayoutPrefs) => LayoutPrefs) => void;
  /** Whether each right-column tool panel is open (details, revisions, consultation...), in a fixed order. */
  sidePanelsOpen: readonly boolean[];
  /** Whether a wide panel (dashboard, library) is open. */
  wide: boolean;
  onWideSide?: (wide: boolean) => void;
};

/** The placement of the outline and the right column, and the actions of their buttons and menu entries. */
export type PanelLayout = {
  sideShown: boolean;
  outlineDocked: boolean;
  sideDocked: boolean;
  drawer: OpenDrawer;
  setDrawer: (drawer: OpenDrawer | ((d: OpenDrawer) => OpenDrawer)) => void;
  /** The View menu's Outline / Details / Problems entries. */
  togglePanel: (panel: 'outline' | 'details' | 'problems') => void;
  /** A docked group's fold button. */
  fold: (group: 'outline' | 'side') => void;
  /** A rail's button: a folded group unfolds (docked, or its drawer where the window is too narrow); an open one that did not fit toggles its drawer. */
  railToggle: (group: 'outline' | 'side') => () => void;
};

/**
 * The outline and right column of the document view as the window's layout wants them: a group
 * the user folded keeps its rail whatever the width; an open one docks where the page keeps its
 * text column beside it (see panelModes), else it is a rail with a drawer. Tells `onWideSide`
 * whether a wide panel is docked open, so the app can fold the document list for it.
 */
export function usePanelLayout({ body, zoom, prefs, onLayout, sidePanelsOpen, wide, onWideSide }: PanelLayoutInput): PanelLayout {
  const [drawer, setDrawer] = useState<OpenDrawer>(null);
  const panels = prefs.panels;
  const sideTools = panels.details || sidePanelsOpen.some(Boolean);
  const sideShown = sideTools || panels.problems;
  const outlineOpen = panels.outline && prefs.outline === 'open';
  const sideOpen = sideShown && prefs.side === 'open';
  const modes = usePanelModes(
    body,
    zoom,
    { outline: outlineOpen ? panelWidths.outline : 0, side: !sideOpen ? 0 : wide ? panelWidths.wideSide : panelWidths.side },
    (panels.outline && !outlineOpen ? panelWidths.rail : 0) + (sideShown && !sideOpen ? panelWidths.rail : 0),
  );
  const wideSide = sideOpen && wide;
  useEffect(() => {
    onWideSide?.(wideSide);
  }, [onWideSide, wideSide]);
  useEffect(() => () => onWideSide?.(false), [onWideSide]);
  const outlineDocked = outlineOpen && modes.outline === 'docked';
  const sideDocked = sideOpen && modes.side === 'docked';
  useOpenSideDrawer([panels.details, ...sidePanelsOpen], !sideDocked, setDrawer);

  const togglePanel = (panel: 'outline' | 'details' | 'problems') => {
    const on = !panels[panel];
    const group = panel === 'outline' ? 'outline' : 'side';
    // A panel switched on is shown: its group unfolds from the rail, or opens its drawer.
    onLayout((p) => ({ ...p, panels: { ...p.panels, [panel]: on }, ...(on ? { [group]: 'open' } : {}) }));
    if (on && modes[group] === 'drawer') setDrawer(group);
    if (!on && drawer === group) setDrawer(null);
  };
  const fold = (group: 'outline' | 'side') => {
    onLayout((p) => ({ ...p, [group]: 'rail' }));
    setDrawer(null);
  };
  const railToggle = (group: 'outline' | 'side') => () => {
    if (prefs[group] === 'rail') {
      onLayout((p) => ({ ...p, [group]: 'open' }));
      if (modes[group] === 'drawer') setDrawer(group);
      return;
    }
    setDrawer((d) => (d === group ? null : group));
  };
  return { sideShown, outlineDocked, sideDocked, drawer, setDrawer, togglePanel, fold, railToggle };
}
