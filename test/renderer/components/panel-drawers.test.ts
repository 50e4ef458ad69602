import { describe, expect, it } from 'vitest';
import { minPageColumn, panelModes, panelWidths } from '../../../renderer/components/panel-drawers.js';

const both = { outline: panelWidths.outline, side: panelWidths.side };

describe('panelModes', () => {
  it('docks both groups when the page keeps its minimum column beside them (1280 px window)', () => {
    expect(panelModes(1024, 100, both)).toEqual({ outline: 'docked', side: 'docked' });
    expect(1024 - both.outline - both.side).toBeGreaterThanOrEqual(minPageColumn);
  });

  it('folds the outline first, then the right column, as the body narrows', () => {
    expect(panelModes(804, 100, both)).toEqual({ outline: 'drawer', side: 'docked' });
    expect(panelModes(700, 100, both)).toEqual({ outline: 'drawer', side: 'drawer' });
  });

  it('folds earlier when the page is zoomed, since the zoomed page needs more room', () => {
    expect(panelModes(1024, 110, both)).toEqual({ outline: 'docked', side: 'docked' });
    expect(panelModes(1024, 125, both)).toEqual({ outline: 'drawer', side: 'docked' });
    expect(panelModes(1024, 200, both)).toEqual({ outline: 'drawer', side: 'drawer' });
  });

  it('counts only the groups shown, and the wider column of the negotiation dashboard', () => {
    expect(panelModes(804, 100, { outline: 0, side: panelWidths.side })).toEqual({ outline: 'docked', side: 'docked' });
    expect(panelModes(804, 100, { outline: panelWidths.outline, side: 0 })).toEqual({ outline: 'docked', side: 'docked' });
    expect(panelModes(1024, 100, { outline: panelWidths.outline, side: panelWidths.wideSide })).toEqual({ outline: 'drawer', side: 'docked' });
    expect(panelModes(900, 100, { outline: panelWidths.outline, side: panelWidths.wideSide })).toEqual({ outline: 'drawer', side: 'drawer' });
  });
});
