import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DocumentSummary } from '../../../shared/api/contract.js';
import { byLastChange } from '../../../renderer/state/use-documents.js';

const summary = (id: string, updatedAt: string, title = id): DocumentSummary => ({
  id,
  kind: 'resolution',
  title,
  symbol: '',
  body: 'The General Assembly,',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt,
});

describe('byLastChange', () => {
  it('puts the most recently changed document first and does not modify its input', () => {
    const input = [summary('a', '2024-03-01T10:00:00.000Z'), summary('b', '2024-05-01T10:00:00.000Z'), summary('c', '2024-04-01T10:00:00.000Z')];
    expect(byLastChange(input).map((d) => d.id)).toEqual(['b', 'c', 'a']);
    expect(input.map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });

  it('orders by timestamp descending for any list (property)', () => {
    const stamp = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
    fc.assert(
      fc.property(fc.array(stamp, { maxLength: 40 }), (stamps) => {
        const sorted = byLastChange(stamps.map((s, i) => summary(String(i), s)));
        expect(sorted.length).toBe(stamps.length);
        for (let i = 1; i < sorted.length; i++) expect((sorted[i - 1] as DocumentSummary).updatedAt >= (sorted[i] as DocumentSummary).updatedAt).toBe(true);
      }),
    );
  });
});
