import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/document/build.js';
import { computeNumbering } from '../../../shared/document/numbering.js';
import { stableLabels } from '../../../shared/negotiation/stable-numbering.js';
import { numberTableCsv, paragraphStructureKey, stableNumbering } from '../../../shared/negotiation/stable-view.js';
import { arbitraryDocument } from '../../support/arbitrary-document.js';

const doc = buildDocument({
  title: 'Stable numbering',
  body: 'The General Assembly,',
  preamble: ['Recalling,', 'Noting,'],
  operative: ['Requests;', { text: 'Encourages:', subparagraphs: [{ text: 'To act;', subparagraphs: ['First;'] }] }, 'Decides.'],
  annexes: [{ title: 'Annex', content: ['Text.'] }],
});

describe('stableNumbering', () => {
  it('relabels top-level paragraphs and the paths below them, and leaves the rest as computed', () => {
    const fresh = computeNumbering(doc);
    const ids = fresh.entries.filter((e) => e.kind === 'op').map((e) => e.id);
    const labels = new Map([...stableLabels(doc)].map(([id, label]) => [id, id === ids[1] ? 'OP 1 bis' : label]));
    const shown = stableNumbering(fresh, labels);
    expect(shown.entries.map((e) => [e.kind, e.label, e.path])).toEqual(
      fresh.entries.map((e) => {
        if (e.id === ids[1]) return ['op', '1 bis.', 'OP 1 bis'];
        if (e.path.startsWith('OP 2 ')) return [e.kind, e.label, e.path.replace('OP 2', 'OP 1 bis')];
        if (e.kind === 'pp') return ['pp', e.path, e.path];
        return [e.kind, e.label, e.path];
      }),
    );
    expect(shown.byId.get(ids[1]!)?.path).toBe('OP 1 bis');
    expect(shown.entries.map((e) => e.pos)).toEqual(fresh.entries.map((e) => e.pos));
  });

  it('against the document itself shows the computed paths of every paragraph (property)', () => {
    fc.assert(
      fc.property(arbitraryDocument(), (d) => {
        const fresh = computeNumbering(d);
        const shown = stableNumbering(fresh, stableLabels(d));
        return shown.entries.every((e, i) => e.path === fresh.entries[i]!.path);
      }),
      { numRuns: 60 },
    );
  });
});

describe('paragraphStructureKey', () => {
  it('changes with the order of paragraphs, not with their text', () => {
    const key = paragraphStructureKey(doc);
    const retyped = doc.copy(doc.content);
    expect(paragraphStructureKey(retyped)).toBe(key);
    expect(key.split('/').filter((part) => part.includes('<'))).toHaveLength(2);
  });
});

describe('numberTableCsv', () => {
  it('writes an old,new header and quotes cells that need it', () => {
    expect(numberTableCsv([{ id: 'a', old: 'OP 1 bis', new: 'OP 2' }, { id: 'b', old: '(c), "x"', new: '(d)' }])).toBe('old,new\r\nOP 1 bis,OP 2\r\n"(c), ""x""",(d)\r\n');
  });
});
