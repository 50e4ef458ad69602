import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import type { EditorView } from 'prosemirror-view';
import { subscribeProblems } from '../editor/style/style-plugin.js';
import { t } from '../i18n/index.js';

/** Where a group of panels beside the page sits: in its own column, or in a drawer over the page. */
export type PanelMode = 'docked' | 'drawer';

/** The modes of the two panel groups: the outline (left) and the right column (details, problems, tools). */
export type PanelModes = { outline: PanelMode; side: PanelMode };

/** Which drawer is open over the page, if any. */
export type OpenDrawer = 'outline' | 'side' | null;

/** Widths (px) of the docked outline, right column (wide: with the negotiation dashboard) and a drawer's rail, as in the CSS. */
export const panelWidths = { outline: 200, side: 270, wideSide: 440, rail: 34 } as const;

/**
 * The narrowest page column (px, page zoom 100%) the panels leave beside them: a text column
 * of 560 px (about 75 characters a line of the page's type) plus the page's margins (36 px
 * each side on a laptop, up to 1440 px) and the desk around it (16 px each side). Below it the
 * page reads like a newspaper column, so panels go into drawers. It grows with the page zoom,
 * since the zoomed page needs that much more room.
 */
export const minPageColumn = 664;

/** The docked widths (px) of the two groups, 0 for a group that is not shown. */
export type PanelWidths = { outline: number; side: number };

/**
 * The modes for a document body `width` px wide at `zoom` percent, given the docked widths
 * of the groups: both docked when the page keeps `minPageColumn` (scaled by the zoom) beside
 * them, else the outline goes into a drawer first, then the right column too.
 */
export function panelModes(width: number, zoom: number, docked: PanelWidths): PanelModes {
  const need = (minPageColumn * zoom) / 100;
  if (docked.outline === 0 && docked.side === 0) return { outline: 'docked', side: 'docked' };
  if (width - docked.outline - docked.side >= need) return { outline: 'docked', side: 'docked' };
  const outlineRail = docked.outline > 0 ? panelWidths.rail : 0;
  if (width - outlineRail - docked.side >= need) return { outline: 'drawer', side: 'docked' };
  return { outline: 'drawer', side: 'drawer' };
}

/**
 * The width (px) of the element `body`, following it as the window is resized; null until
 * it is measured.
 */
export function useElementWidth(body: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return undefined;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [body]);
  return width;
}

/**
 * The panel modes for the element `body` (the document body, which spans page and panels),
 * following its width as the window is resized, less `reserved` px taken by folded groups'
 * rails. Until it is measured both groups are docked.
 */
export function usePanelModes(body: RefObject<HTMLElement | null>, zoom: number, docked: PanelWidths, reserved = 0): PanelModes {
  const width = useElementWidth(body);
  return width === null ? { outline: 'docked', side: 'docked' } : panelModes(width - reserved, zoom, docked);
}

/** The number of style warnings (not hints) of `view`'s document, following its edits. */
export function useWarningCount(view: EditorView | null): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!view) {
      setCount(0);
      return undefined;
    }
    return subscribeProblems(view, (problems) => setCount(problems.filter((p) => p.severity === 'warning').length));
  }, [view]);
  return count;
}

/** Props of a drawer's rail: which side, the panel it opens, whether that is open, and the toggle. */
export type PanelRailProps = {
  side: 'start' | 'end';
  label: string;
  /** The glyph over the label (see icon-rail.tsx). */
  icon?: string;
  /** The id of the drawer the button opens (aria-controls). */
  controls: string;
  open: boolean;
  /** A count shown on the button (style warnings), omitted when 0. */
  count?: number;
  onToggle: () => void;
  /** Shown in the rail under its button (a button docking the group again). */
  after?: ReactNode;
};

/**
 * A narrow strip at the edge of the page holding the button (an icon over its label) that
 * opens a group of panels: as a drawer over the page when the window is too narrow for its
 * column, or docked again when the user had folded it there.
 */
export function PanelRail({ side, label, icon, controls, open, count, onToggle, after }: PanelRailProps) {
  const name = count ? t('app:panelDrawers.withWarnings', { label, count }) : label;
  return (
    <div className={`panel-rail panel-rail-${side}`}>
      <button type="button" className="panel-rail-button" aria-expanded={open} aria-controls={controls} aria-label={name} title={name} onClick={onToggle}>
        {icon ? (
          <span className="panel-rail-icon" aria-hidden="true">
            {icon}
          </span>
        ) : null}
        <span className="panel-rail-label">{label}</span>
        {count ? <span className="panel-rail-count">{count}</span> : null}
      </button>
      {after}
    </div>
  );
}

/** Props of the rail of the problems' drawer: a rail's props, its count taken from `view`'s style warnings. */
export type WarningsRailProps = Omit<PanelRailProps, 'count'> & { view: EditorView | null };

/**
 * The rail of the drawer holding the problems panel, counting the warnings on its button.
 * It follows the problems itself, so a change of the count re-renders only the rail.
 */
export function WarningsRail({ view, ...rail }: WarningsRailProps) {
  return <PanelRail {...rail} count={useWarningCount(view)} />;
}

/** Props of a drawer: its id (the rail's aria-controls), side, what it holds, and how it closes. */
export type PanelDrawerProps = { id: string; side: 'start' | 'end'; onClose: () => void; children: ReactNode };

/**
 * Panels over the page at one edge, opened from their rail: focus moves into them when they
 * open, and Escape closes them and returns focus to the rail's button.
 */
export function PanelDrawer({ id, side, onClose, children }: PanelDrawerProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const drawer = ref.current;
    const first = drawer?.querySelector<HTMLElement>('button, input, select, textarea, [tabindex="0"]');
    (first ?? drawer)?.focus({ preventScroll: true });
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
    document.querySelector<HTMLElement>(`[aria-controls="${id}"]`)?.focus();
  };
  return (
    <div ref={ref} id={id} className={`panel-drawer panel-drawer-${side}`} tabIndex={-1} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}

/**
 * Opens the side drawer when one of `shown` (whether each right-column panel is shown) turns
 * on while that column is a drawer: a panel chosen from a menu must not open out of sight.
 */
export function useOpenSideDrawer(shown: readonly boolean[], inDrawer: boolean, setDrawer: (drawer: OpenDrawer) => void): void {
  const key = shown.map((on) => (on ? '1' : '0')).join('');
  const previous = useRef(key);
  useEffect(() => {
    const before = previous.current;
    previous.current = key;
    if (inDrawer && [...key].some((on, i) => on === '1' && before[i] !== '1')) setDrawer('side');
  }, [key, inDrawer, setDrawer]);
}
