import { describe, expect, it } from 'vitest';
import { isCountedKind, listUnits } from '../../../shared/compare/index.js';
import { buildDocument } from '../../../shared/document/build.js';
import { sampleDecision, sampleResolution } from '../document/sample-documents.js';

describe('listUnits', () => {
  it('lists every paragraph-level unit of a resolution in document order, with kinds, paths and parents', () => {
    const units = listUnits(sampleResolution());
    expect(units.map((u) => [u.id === '' ? '' : u.id, u.kind, u.path])).toEqual([
      [units[0]?.id, 'title', 'Title'],
      [units[1]?.id, 'body', 'Body line'],
      ['pp1', 'pp', 'PP 1'],
      ['pp2', 'pp', 'PP 2'],
      ['op1', 'op', 'OP 1'],
      ['op1a', 'sub', 'OP 1 (a)'],
      ['op1ai', 'subsub', 'OP 1 (a) (i)'],
      ['op1aii', 'subsub', 'OP 1 (a) (ii)'],
      ['op1b', 'sub', 'OP 1 (b)'],
      ['op2', 'op', 'OP 2'],
      ['op2i1', 'item', 'OP 2 item 1'],
      ['op2i2', 'item', 'OP 2 item 2'],
      ['op2i2a', 'sub', 'OP 2 item 2 (a)'],
      ['op3', 'op', 'OP 3'],
      ['ax1', 'annex', 'Annex I'],
      ['ax1p1', 'annex_paragraph', 'Annex I para 1'],
      ['ax2', 'annex', 'Annex II'],
      [units[17]?.id, 'annex_paragraph', 'Annex II para 1'],
      ['ax2i1', 'item', 'Annex II item 1'],
      ['ax2i2', 'item', 'Annex II item 2'],
    ]);
    const byId = new Map(units.map((u) => [u.id, u]));
    expect(byId.get('op1ai')?.parent).toBe(byId.get('op1a')?.index);
    expect(byId.get('op2i2a')?.parent).toBe(byId.get('op2i2')?.index);
    expect(byId.get('ax2i1')?.parent).toBe(byId.get('ax2')?.index);
    expect(byId.get('op1')?.parent).toBe(-1);
  });

  it("writes a unit's own text with openers, footnote texts in place, and not its children's text", () => {
    const byId = new Map(listUnits(sampleResolution()).map((u) => [u.id, u.text]));
    expect(byId.get('pp1')).toBe('*Recalling* its resolution 68/12 of 4 December 2013,[^Resolution 68/12.]');
    expect(byId.get('op1')).toBe('*Encourages* Member States to consider:');
    expect(byId.get('op3')).toBe('*Requests* the Secretary-General to report on progress[^See A/79/1.].');
    expect(byId.get('ax2')).toBe('Provisional agenda of the expert meeting');
  });

  it('writes emphasis and cross-references (as the target path in the same document)', () => {
    const doc = buildDocument({
      title: 'T',
      body: 'The General Assembly,',
      operative: [
        { id: 'a', text: 'Notes this;' },
        { id: 'b', text: ['Recalls ', { text: 'inter alia', emphasis: true }, ' paragraph ', { crossReference: 'a' }, ' and ', { crossReference: 'gone' }, '.'] },
      ],
    });
    expect(listUnits(doc).find((u) => u.id === 'b')?.text).toBe('Recalls _inter alia_ paragraph [→OP 1] and [→?].');
  });

  it("lists a decision's lettered paragraphs and their (i) level", () => {
    expect(listUnits(sampleDecision()).map((u) => u.path)).toEqual(['Title', 'Body line', '(a)', '(b)', '(b) (i)', '(b) (ii)', '(c)']);
  });
});

describe('isCountedKind', () => {
  it('counts paragraphs, not the title, body line or annex titles', () => {
    expect(['title', 'body', 'annex'].map((k) => isCountedKind(k as 'title'))).toEqual([false, false, false]);
    expect((['pp', 'op', 'decision', 'sub', 'subsub', 'item', 'annex_paragraph'] as const).every(isCountedKind)).toBe(true);
  });
});
