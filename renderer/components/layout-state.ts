import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../shared/api/contract.js';

/**
 * The window's panel layout as the user left it: which panel groups are docked open and
 * which are folded to their icon rail, and which panels are shown at all. It is kept per
 * window in the app's settings (settings.get/set, the backend's settings table), so it
 * survives a restart of the app: a delegate who folded the outline on a 1366 px laptop finds
 * it folded the next morning. A copy in the page's storage gives the first frame the layout
 * before the backend answers.
 */

/** A group of panels docked beside the page ('open') or folded to its icon rail ('rail'). */
export type GroupState = 'open' | 'rail';

/** The remembered layout of one window. */
export type LayoutPrefs = {
  /** The document list: 'auto' folds it to its rail while a document is open on a laptop-sized window. */
  documents: GroupState | 'auto';
  outline: GroupState;
  /** The right column (details, tools, problems). */
  side: GroupState;
  /** Which panels are shown (View menu). */
  panels: { outline: boolean; details: boolean; problems: boolean };
};

/** The layout of a window nobody arranged yet. */
export const defaultLayout: LayoutPrefs = {
  documents: 'auto',
  outline: 'open',
  side: 'open',
  panels: { outline: true, details: false, problems: true },
};

const groupStates: readonly string[] = ['open', 'rail'];

/**
 * `value` (anything: stored text is not trusted) read as a layout, field by field; what is
 * missing or not understood keeps its default, so a stored layout from an older or newer
 * version never breaks the window.
 */
export function parseLayout(value: unknown): LayoutPrefs {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const group = (x: unknown, fallback: GroupState): GroupState => (typeof x === 'string' && groupStates.includes(x) ? (x as GroupState) : fallback);
  const p = typeof v.panels === 'object' && v.panels !== null ? (v.panels as Record<string, unknown>) : {};
  const flag = (x: unknown, fallback: boolean) => (typeof x === 'boolean' ? x : fallback);
  return {
    documents: v.documents === 'auto' ? 'auto' : group(v.documents, 'auto' as GroupState),
    outline: group(v.outline, defaultLayout.outline),
    side: group(v.side, defaultLayout.side),
    panels: {
      outline: flag(p.outline, defaultLayout.panels.outline),
      details: flag(p.details, defaultLayout.panels.details),
      problems: flag(p.problems, defaultLayout.panels.problems),
    },
  };
}

/** Where the layout of the window named `windowName` is kept in the page's storage. */
export function layoutKey(windowName: string): string {
  return `penholder.layout.${windowName || 'main'}`;
}

/** The settings key (settings.get/set: letters, digits, _ . -) of the layout of the window named `windowName`. */
export function layoutSettingsKey(windowName: string): string {
  return `layout.${(windowName || 'main').replace(/[^\w.-]/g, '_').slice(0, 80)}`;
}

// Stored text larger than this is not a layout: ignored rather than parsed.
const maxStoredChars = 4096;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // A storage refused by the browser (privacy settings) leaves the layout unremembered.
    return null;
  }
}

const windowName = (): string => (typeof window === 'undefined' ? '' : window.name);

/** The layout of this window remembered in the page's storage, or the default. */
export function loadLayout(): LayoutPrefs {
  return layoutFromText(storage()?.getItem(layoutKey(windowName())) ?? null) ?? defaultLayout;
}

/** `text` (a stored layout) read as a layout, or null when it is not one. */
export function layoutFromText(text: string | null): LayoutPrefs | null {
  if (text === null || text.length > maxStoredChars) return null;
  try {
    return parseLayout(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Remembers `prefs` as this window's layout in the page's storage (silently not, where storage is refused or full). */
export function saveLayout(prefs: LayoutPrefs): void {
  try {
    storage()?.setItem(layoutKey(windowName()), JSON.stringify(prefs));
  } catch {
    // Quota or privacy: the layout still applies in this session.
  }
}

/**
 * The window's layout and a function changing part of it, remembered at once in the app's
 * settings through `api` and in the page's storage (one per window: the app passes it down).
 * The settings' copy wins over the page's when it arrives, unless the user changed the layout
 * meanwhile.
 */
export function useLayoutPrefs(api: Pick<ApiClient, 'invoke'>): [LayoutPrefs, (change: (prefs: LayoutPrefs) => LayoutPrefs) => void] {
  const [prefs, setPrefs] = useState(loadLayout);
  const changed = useRef(false);
  useEffect(() => {
    let live = true;
    api.invoke('settings.get', { key: layoutSettingsKey(windowName()) }).then(
      ({ value }) => {
        const stored = layoutFromText(value);
        if (!live || changed.current || !stored) return;
        saveLayout(stored);
        setPrefs(stored);
      },
      // Without the backend's answer the page's copy stands.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  const update = useCallback(
    (change: (prefs: LayoutPrefs) => LayoutPrefs) => {
      changed.current = true;
      setPrefs((prev) => {
        const next = change(prev);
        saveLayout(next);
        void api.invoke('settings.set', { key: layoutSettingsKey(windowName()), value: JSON.stringify(next) }).catch(() => undefined);
        return next;
      });
    },
    [api],
  );
  return [prefs, update];
}
