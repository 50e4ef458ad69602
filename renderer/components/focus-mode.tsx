import { useEffect } from 'react';

/** The layouts of the document view: the usual one, the page alone, the facilitator's projector. */
export type LayoutMode = 'normal' | 'focus' | 'projector';

/** True for the focus mode's key (Mod-Shift-f). */
export function isFocusKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f';
}

/** True for the projector mode's key (Mod-Shift-p). */
export function isProjectorKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'p';
}

/**
 * The keys of the focus and projector modes on the window: Mod-Shift-f enters or leaves the
 * focus mode, Mod-Shift-p the projector mode, Esc leaves either (unless something else, such
 * as a panel drawer or a menu, stopped the Esc first). The layout is a mode over the
 * document view, not a change of its panels: leaving restores the layout as it was.
 */
export function useLayoutKeys(mode: LayoutMode, setMode: (mode: LayoutMode) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const next = isFocusKey(event) ? (mode === 'focus' ? 'normal' : 'focus') : isProjectorKey(event) ? (mode === 'projector' ? 'normal' : 'projector') : event.key === 'Escape' && mode !== 'normal' ? 'normal' : null;
      if (next === null) return;
      event.preventDefault();
      setMode(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode, setMode]);
}
