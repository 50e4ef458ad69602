import { useEffect } from 'react';
import type { BarMenuItem } from './bar-menu.js';
import { t } from '../i18n/index.js';

/** The zoom steps of the page, in percent (80% for a small screen up to 200% for a projector). */
export const zoomSteps: readonly number[] = [80, 90, 100, 110, 125, 150, 175, 200];

/** The next zoom step from `zoom` in `direction` (+1 larger, -1 smaller), clamped to the steps. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  if (direction > 0) return zoomSteps.find((s) => s > zoom) ?? zoomSteps[zoomSteps.length - 1]!;
  return [...zoomSteps].reverse().find((s) => s < zoom) ?? zoomSteps[0]!;
}

/** Props of the zoom control: the current zoom in percent and the setter. */
export type ZoomControlProps = { zoom: number; onZoom: (zoom: number) => void };

/**
 * The keyboard shortcuts of the page zoom: Ctrl/Cmd + and - (step) and Ctrl/Cmd 0 (back to
 * 100%), taken over from the browser's own page zoom so only the page grows, not the chrome
 * around it.
 */
export function useZoomKeys(zoom: number, onZoom: (zoom: number) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key;
      const next = key === '+' || key === '=' ? stepZoom(zoom, 1) : key === '-' || key === '_' ? stepZoom(zoom, -1) : key === '0' ? 100 : null;
      if (next === null) return;
      event.preventDefault();
      onZoom(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [zoom, onZoom]);
}

/** Smaller / current / larger buttons for the page zoom, with its keyboard shortcuts (useZoomKeys). */
export function ZoomControl({ zoom, onZoom }: ZoomControlProps) {
  useZoomKeys(zoom, onZoom);
  return (
    <div className="zoom-control" role="group" aria-label={t('app:zoomControl.zoom')}>
      <button type="button" className="button subtle" aria-label={t('app:zoomControl.zoomOut')} disabled={zoom <= zoomSteps[0]!} onClick={() => onZoom(stepZoom(zoom, -1))}>
        −
      </button>
      <button type="button" className="button subtle zoom-value" aria-label={t('app:zoomControl.zoomResetTo100', { zoom })} onClick={() => onZoom(100)}>
        {zoom}%
      </button>
      <button type="button" className="button subtle" aria-label={t('app:zoomControl.zoomIn')} disabled={zoom >= zoomSteps[zoomSteps.length - 1]!} onClick={() => onZoom(stepZoom(zoom, 1))}>
        +
      </button>
    </div>
  );
}

/** The zoom as entries of a bar menu: larger, smaller and back to 100% (the menu stays open to step on). */
export function zoomMenuItems(zoom: number, onZoom: (zoom: number) => void): BarMenuItem[] {
  return [
    { key: 'zoom-in', label: t('app:zoomControl.zoomIn'), groupStart: true, keepOpen: true, disabled: zoom >= zoomSteps[zoomSteps.length - 1]!, onSelect: () => onZoom(stepZoom(zoom, 1)) },
    { key: 'zoom-out', label: t('app:zoomControl.zoomOut'), keepOpen: true, disabled: zoom <= zoomSteps[0]!, onSelect: () => onZoom(stepZoom(zoom, -1)) },
    { key: 'zoom-reset', label: t('app:zoomControl.zoomResetTo100', { zoom }), keepOpen: true, onSelect: () => onZoom(100) },
  ];
}
