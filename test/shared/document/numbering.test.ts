import { describe, expect, it } from 'vitest';
import { computeNumbering, type NumberEntry } from '../../../shared/document/numbering.js';
import { sampleDecision, sampleResolution } from './sample-documents.js';

const pick = (entry: NumberEntry | undefined) => entry && { kind: entry.kind, number: entry.number, label: entry.label, path: entry.path };

describe('computeNumbering', () => {
  const doc = sampleResolution();
  const numbering = computeNumbering(doc);

  it('numbers preambular and operative paragraphs from their position', () => {
    expect(pick(numbering.byId.get('pp2'))).toEqual({ kind: 'pp', number: 2, label: '', path: 'PP 2' });
    expect(pick(numbering.byId.get('op1'))).toEqual({ kind: 'op', number: 1, label: '1.', path: 'OP 1' });
    expect(pick(numbering.byId.get('op3'))).toEqual({ kind: 'op', number: 3, label: '3.', path: 'OP 3' });
  });

  it('letters subparagraphs and numbers sub-subparagraphs in roman numerals under their parent', () => {
    expect(pick(numbering.byId.get('op1b'))).toEqual({ kind: 'sub', number: 2, label: '(b)', path: 'OP 1 (b)' });
    expect(pick(numbering.byId.get('op1aii'))).toEqual({ kind: 'subsub', number: 2, label: '(ii)', path: 'OP 1 (a) (ii)' });
  });

  it('numbers list items within their list, with lettered sub-items below them', () => {
    expect(pick(numbering.byId.get('op2i2'))).toEqual({ kind: 'item', number: 2, label: '2.', path: 'OP 2 item 2' });
    expect(pick(numbering.byId.get('op2i2a'))).toEqual({ kind: 'sub', number: 1, label: '(a)', path: 'OP 2 item 2 (a)' });
    expect(pick(numbering.byId.get('ax2i2'))).toEqual({ kind: 'item', number: 2, label: '2.', path: 'Annex II item 2' });
  });

  it('numbers footnotes through the whole document, annexes included', () => {
    expect(numbering.footnoteOrder).toEqual(['fn1', 'fn2', 'fn3']);
    expect(pick(numbering.byId.get('fn3'))).toEqual({ kind: 'footnote', number: 3, label: '3', path: 'Footnote 3' });
  });

  it('names annexes with numerals when there are several', () => {
    expect(pick(numbering.byId.get('ax1'))).toEqual({ kind: 'annex', number: 1, label: 'Annex I', path: 'Annex I' });
    expect(numbering.byId.get('ax2')?.label).toBe('Annex II');
  });

  it('records the position of each numbered node', () => {
    for (const entry of numbering.entries) {
      const node = doc.nodeAt(entry.pos);
      expect(node?.attrs.id).toBe(entry.id);
    }
  });

  it('lists entries in document order', () => {
    const positions = numbering.entries.map((e) => e.pos);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(numbering.entries.map((e) => e.id).slice(0, 6)).toEqual(['pp1', 'fn1', 'pp2', 'op1', 'op1a', 'op1ai']);
  });

  it('uses French labels when the header says French', () => {
    const french = computeNumbering(sampleResolution('fr'));
    expect(french.language).toBe('fr');
    expect(french.byId.get('op1aii')?.path).toBe('OP 1 a) ii)');
    expect(french.byId.get('ax1')?.label).toBe('Annexe I');
  });

  it("letters a decision's paragraphs and gives their sub-level roman numerals", () => {
    const decision = computeNumbering(sampleDecision());
    expect(pick(decision.byId.get('dc'))).toEqual({ kind: 'decision', number: 3, label: '(c)', path: '(c)' });
    expect(pick(decision.byId.get('dbii'))).toEqual({ kind: 'subsub', number: 2, label: '(ii)', path: '(b) (ii)' });
    expect(computeNumbering(sampleDecision('es')).byId.get('dbi')?.label).toBe('i)');
  });

  it('keeps the first of duplicate ids in byId but every node in entries', () => {
    const json = sampleDecision().toJSON() as { content: { type: string; content?: { attrs: { id: string } }[] }[] };
    const body = json.content.find((n) => n.type === 'decision_body');
    for (const p of body?.content ?? []) p.attrs.id = 'same';
    const dup = computeNumbering(sampleDecision().type.schema.nodeFromJSON(json));
    expect(dup.byId.get('same')?.number).toBe(1);
    expect(dup.entries.filter((e) => e.kind === 'decision').map((e) => e.label)).toEqual(['(a)', '(b)', '(c)']);
  });
});
