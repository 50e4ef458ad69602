import { describe, expect, it } from 'vitest';
import { paragraphIdsIn, touchedParagraphIds } from '../../../../renderer/editor/style/touched.js';
import { docOf, stateOf, textPosOf } from './helpers.js';

const doc = docOf({
  preamble: [{ text: 'Recalling its resolution 70/1,', id: 'pp1' }],
  operative: [
    { text: 'Requests the Secretary-General to report;', id: 'op1', subparagraphs: [{ text: 'On access;', id: 'sub1' }, { text: 'On costs:', id: 'sub2' }] },
    { text: 'Decides to remain seized of the matter.', id: 'op2' },
  ],
});

describe('touchedParagraphIds', () => {
  it('names the paragraph typed in', () => {
    const state = stateOf(doc, []);
    const tr = state.tr.insertText('x', textPosOf(doc, 'op2') + 3);
    expect([...touchedParagraphIds(tr)]).toEqual(['op2']);
  });

  it('names a subparagraph and its enclosing operative paragraph', () => {
    const state = stateOf(doc, []);
    const tr = state.tr.insertText('x', textPosOf(doc, 'sub2') + 2);
    expect(touchedParagraphIds(tr)).toEqual(new Set(['op1', 'sub2']));
  });

  it('maps earlier steps through later ones and covers mark steps', () => {
    const state = stateOf(doc, []);
    const pp = textPosOf(doc, 'pp1');
    const tr = state.tr.addMark(pp + 1, pp + 10, state.schema.marks.opener!.create());
    tr.insert(0 + textPosOf(tr.doc, 'op2') + 1, state.schema.text('Also '));
    expect(touchedParagraphIds(tr)).toEqual(new Set(['pp1', 'op2']));
  });

  it('names every paragraph a range spans, and none for a transaction without steps', () => {
    const state = stateOf(doc, []);
    expect(touchedParagraphIds(state.tr.setMeta('x', 1)).size).toBe(0);
    const from = textPosOf(doc, 'sub1') + 3;
    const to = textPosOf(doc, 'op2') + 3;
    expect(paragraphIdsIn(doc, from, to)).toEqual(new Set(['op1', 'sub1', 'sub2', 'op2']));
  });
});
