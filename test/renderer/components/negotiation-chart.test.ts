import { describe, expect, it } from 'vitest';
import { axisLabels, pointLabel } from '../../../renderer/components/negotiation-chart.js';
import type { NegotiationPoint } from '../../../shared/negotiation/tracking.js';

const point = (revisionId: string, label: string, kind: string, createdAt = '2026-12-07T15:28:00.000Z'): NegotiationPoint => ({
  revisionId,
  label,
  kind,
  createdAt,
  openBrackets: 2,
  agreedParagraphs: 2,
  paragraphs: 5,
});

describe('negotiation chart labels', () => {
  it('names revisions on the axis, never an autosave time, and calls a last autosave point "Now"', () => {
    const points = [point('a', 'Base', 'revision'), point('b', '', 'autosave'), point('c', 'Rev.1', 'revision'), point('d', '', 'autosave')];
    expect(axisLabels(points)).toEqual(['Base', '', 'Rev.1', 'Now']);
    expect(axisLabels(points).join(' ')).not.toMatch(/\d\d:\d\d/);
  });

  it('keeps about six named labels when there are many, always the last named one', () => {
    const points = Array.from({ length: 20 }, (_, i) => point(`r${i}`, `Rev.${i + 1}`, 'revision'));
    const shown = axisLabels(points).filter((l) => l !== '');
    expect(shown.length).toBeLessThanOrEqual(7);
    expect(shown.at(-1)).toBe('Rev.20');
  });

  it('names an autosave point by its local time only in lists and tooltips', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      expect(pointLabel(point('b', '', 'autosave'))).toBe('Autosave 15:28');
      // Not the instant's UTC digits: 15:28 UTC is 16:28 in Geneva.
      process.env.TZ = 'Europe/Zurich';
      expect(pointLabel(point('b', '', 'autosave'))).toBe('Autosave 16:28');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(pointLabel(point('c', 'Rev.1', 'revision'))).toBe('Rev.1');
  });
});
