import { describe, expect, it } from 'vitest';
import { minPageColumn, panelModes, panelWidths } from '../../../renderer/components/panel-drawers.js';

const both = { outline: panelWidths.outline, side: panelWidths.side };
// The page's margins (36 px) and the desk around it (16 px), each side, on a laptop window (app.css).
const laptopChrome = 2 * 36 + 2 * 16;

describe('panelModes', () => {
  it('keeps a 560 px text column: the minimum page column is that text plus the page margins and desk', () => {
    expect(minPageColumn - laptopChrome).toBe(560);
  });

  it('docks both groups where the page keeps its column beside them (1366 px window, document list folded)', () => {
    expect(panelModes(1332, 100, both)).toEqual({ outline: 'docked', side: 'docked' });
    expect(1332 - both.outline - both.side).toBeGreaterThanOrEqual(minPageColumn);
  });

  it('folds the outline first, then the right column, as the body narrows (1280 and 1366 px with the list docked)', () => {
    expect(panelModes(1024, 100, both)).toEqual({ outline: 'drawer', side: 'docked' });
    expect(1024 - panelWidths.rail - both.side).toBeGreaterThanOrEqual(minPageColumn);
    expect(panelModes(1093, 100, both)).toEqual({ outline: 'drawer', side: 'docked' });
    expect(panelModes(960, 100, both)).toEqual({ outline: 'drawer', side: 'drawer' });
  });

  it('folds earlier when the page is zoomed, since the zoomed page needs more room', () => {
    expect(panelModes(1332, 100, both)).toEqual({ outline: 'docked', side: 'docked' });
    expect(panelModes(1280, 110, both)).toEqual({ outline: 'docked', side: 'docked' });
    expect(panelModes(1280, 125, both)).toEqual({ outline: 'drawer', side: 'docked' });
    expect(panelModes(1332, 200, both)).toEqual({ outline: 'drawer', side: 'drawer' });
  });

  it('counts only the groups shown, and the wider column of the negotiation dashboard', () => {
    expect(panelModes(940, 100, { outline: 0, side: panelWidths.side })).toEqual({ outline: 'docked', side: 'docked' });
    expect(panelModes(870, 100, { outline: panelWidths.outline, side: 0 })).toEqual({ outline: 'docked', side: 'docked' });
    // 1366 with the list folded for the dashboard: everything docked; 1280 likewise: the outline folds.
    expect(panelModes(1332, 100, { outline: panelWidths.outline, side: panelWidths.wideSide })).toEqual({ outline: 'docked', side: 'docked' });
    expect(panelModes(1246, 100, { outline: panelWidths.outline, side: panelWidths.wideSide })).toEqual({ outline: 'drawer', side: 'docked' });
    expect(panelModes(1059, 100, { outline: panelWidths.outline, side: panelWidths.wideSide })).toEqual({ outline: 'drawer', side: 'drawer' });
  });
});
