import { describe, expect, it } from 'vitest';
import { newId, withFreshIds, type JsonNode } from '../../shared/ids.js';

describe('newId', () => {
  it('gives 12 base-36 characters starting with a letter, without repeats over many draws', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const id = newId();
      expect(id).toMatch(/^[a-z][a-z0-9]{11}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(50_000);
  });
});

describe('withFreshIds', () => {
  const doc: JsonNode = {
    type: 'doc',
    content: [
      { type: 'operative_paragraph', attrs: { id: 'op1' }, content: [{ type: 'paragraph_text' }] },
      {
        type: 'operative_paragraph',
        attrs: { id: 'op2' },
        content: [{ type: 'paragraph_text', content: [{ type: 'cross_reference', attrs: { target: 'op1' } }] }],
      },
    ],
  };

  it('replaces every id, remaps cross-references to the new ids and leaves the input alone', () => {
    const fresh = withFreshIds(doc);
    const [a, b] = fresh.content ?? [];
    expect(a?.attrs?.id).not.toBe('op1');
    expect(b?.attrs?.id).not.toBe('op2');
    expect(b?.content?.[0]?.content?.[0]?.attrs?.target).toBe(a?.attrs?.id);
    expect(doc.content?.[0]?.attrs?.id).toBe('op1');
  });

  it('keeps a cross-reference to an unknown target as it was', () => {
    const fresh = withFreshIds({ type: 'cross_reference', attrs: { target: 'elsewhere' } });
    expect(fresh.attrs?.target).toBe('elsewhere');
  });
});
