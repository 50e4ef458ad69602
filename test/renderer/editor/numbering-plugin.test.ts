import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { buildDocument } from '../../../shared/document/build.js';
import { computeNumbering } from '../../../shared/document/numbering.js';
import { numberingDecorations, numberingKey, numberingPlugin } from '../../../renderer/editor/numbering-plugin.js';

type Spec = { attrs: Record<string, string> };

function decorated(doc: Node): { type: string; attrs: Record<string, string> }[] {
  return numberingDecorations(doc)
    .find()
    .sort((a: Decoration, b: Decoration) => a.from - b.from)
    .map((d) => ({ type: doc.nodeAt(d.from)?.type.name ?? '?', attrs: (d.spec as Spec).attrs }));
}

const sample = () =>
  buildDocument({
    title: 'Equal access to justice',
    body: 'The General Assembly,',
    preamble: [{ text: 'Recalling its resolutions,', opener: 'Recalling' }, 'Noting with concern that,'],
    operative: [
      { text: 'Requests the Secretary-General to report;', opener: 'Requests', footnotes: [{ at: 8, text: 'A/78/1.' }] },
      {
        text: 'Encourages Member States:',
        opener: 'Encourages',
        subparagraphs: [{ text: 'To act;', subparagraphs: ['First;', 'Second;'] }, 'To report;'],
      },
      { text: 'Decides to remain seized.', list: ['Opening.', 'Adoption.'], footnotes: [{ at: 3, text: 'Second note.' }] },
    ],
    annexes: [{ title: 'Provisional agenda', content: ['Something.'] }],
  });

describe('numberingDecorations', () => {
  it('labels OPs, subparagraphs, list items, footnotes and annexes from computed numbering', () => {
    const rows = decorated(sample());
    const labelled = rows.filter((r) => r.attrs['data-label'] !== undefined).map((r) => [r.type, r.attrs['data-label']]);
    expect(labelled).toEqual([
      ['operative_paragraph', '1.'],
      ['footnote', '1'],
      ['operative_paragraph', '2.'],
      ['subparagraph', '(a)'],
      ['sub_subparagraph', '(i)'],
      ['sub_subparagraph', '(ii)'],
      ['subparagraph', '(b)'],
      ['operative_paragraph', '3.'],
      ['footnote', '2'],
      ['list_item', '1.'],
      ['list_item', '2.'],
      ['annex', 'Annex'],
    ]);
  });

  it('names paragraphs for assistive technology, PPs included though they print no number', () => {
    const names = decorated(sample()).map((r) => r.attrs['aria-label']);
    expect(names).toContain('Preambular paragraph 2');
    expect(names).toContain('Operative paragraph 3');
    expect(names).toContain('Subparagraph (b) of operative paragraph 2');
    expect(names).toContain('Subparagraph (ii) of operative paragraph 2 (a)');
    expect(names).toContain('List item 2 of operative paragraph 3');
    expect(names).toContain('Footnote 2');
    const pp = decorated(sample()).find((r) => r.type === 'preambular_paragraph');
    expect(pp?.attrs['data-label']).toBeUndefined();
    expect(pp?.attrs.role).toBe('group');
  });

  it('uses French labels a), i) when the header language is fr', () => {
    const doc = buildDocument({
      header: { language: 'fr' },
      title: 'Titre',
      body: "L'Assemblée générale,",
      operative: [{ text: 'Prie :', subparagraphs: [{ text: 'De faire ;', subparagraphs: ['Un ;'] }] }],
    });
    const labels = decorated(doc).map((r) => r.attrs['data-label']);
    expect(labels).toEqual(['1.', 'a)', 'i)']);
  });

  it('shows a cross-reference as its target number, and "?" when the target is gone', () => {
    const doc = buildDocument({
      title: 'T',
      body: 'The General Assembly,',
      operative: ['Notes;', { text: 'Recalls;', id: 'op-two' }, { text: ['See paragraph ', { crossReference: 'op-two' }, ' and ', { crossReference: 'gone' }, '.'] }],
    });
    const refs = decorated(doc).filter((r) => r.type === 'cross_reference').map((r) => r.attrs['data-label']);
    expect(refs).toEqual(['2', '?']);
  });

  it('gives OP n the label "n." for any number of OPs (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 30 }), (texts) => {
        const doc = buildDocument({ title: 'T', body: 'The General Assembly,', operative: texts });
        const ops = decorated(doc).filter((r) => r.type === 'operative_paragraph');
        expect(ops.map((r) => r.attrs['data-label'])).toEqual(texts.map((_, i) => `${i + 1}.`));
      }),
      { numRuns: 50 },
    );
  });
});

describe('numberingPlugin', () => {
  it('renumbers after a transaction that inserts an operative paragraph at the front', () => {
    const doc = sample();
    let state = EditorState.create({ schema: resolutionSchema, doc, plugins: [numberingPlugin()] });
    const before = numberingKey.getState(state)?.numbering;
    let operativeStart = -1;
    state.doc.forEach((child, offset) => {
      if (child.type.name === 'operative') operativeStart = offset + 1;
    });
    const { operative_paragraph, paragraph_text } = resolutionSchema.nodes;
    const fresh = operative_paragraph.create({ id: 'new-op' }, paragraph_text.create(null, resolutionSchema.text('Welcomes;')));
    state = state.apply(state.tr.insert(operativeStart, fresh));
    const after = numberingKey.getState(state)?.numbering;
    expect(after).not.toBe(before);
    expect(after?.byId.get('new-op')?.label).toBe('1.');
    const labels = decorated(state.doc).filter((r) => r.type === 'operative_paragraph').map((r) => r.attrs['data-label']);
    expect(labels).toEqual(['1.', '2.', '3.', '4.']);
    expect(numberingKey.getState(state)?.decorations.find().length).toBe(numberingDecorations(state.doc, computeNumbering(state.doc)).find().length);
  });

  it('keeps its state when a transaction does not change the document', () => {
    const state = EditorState.create({ schema: resolutionSchema, doc: sample(), plugins: [numberingPlugin()] });
    const next = state.apply(state.tr.setMeta('nothing', true));
    expect(numberingKey.getState(next)).toBe(numberingKey.getState(state));
  });
});
