import { describe, expect, it } from 'vitest';
import { autoOpenerPlugin } from '../../../../renderer/editor/style/auto-opener.js';
import { docOf, openerOf, stateOf, textPosOf, typeAtEnd } from './helpers.js';

const base = (language: 'en' | 'fr' = 'en') =>
  docOf({
    header: { language },
    preamble: [{ text: 'Noting the report,', opener: 'Noting' }, { text: '', id: 'pp' }],
    operative: [{ text: '', id: 'op' }, { text: 'Decides to remain seized of the matter.', opener: 'Decides' }],
  });

describe('automatic opener', () => {
  it('marks "Requests" once typed, and keeps typing after it plain', () => {
    const state = typeAtEnd(stateOf(base(), [autoOpenerPlugin()]), 'op', 'Requests the Secretary-General');
    expect(openerOf(state.doc, 'op')).toBe('Requests');
  });

  it('marks both words of "Recalling also" in a PP', () => {
    const state = typeAtEnd(stateOf(base(), [autoOpenerPlugin()]), 'pp', 'Recalling also its resolution');
    expect(openerOf(state.doc, 'pp')).toBe('Recalling also');
  });

  it('marks "Also requests" in an OP and the longest phrase', () => {
    const also = typeAtEnd(stateOf(base(), [autoOpenerPlugin()]), 'op', 'Also requests the');
    expect(openerOf(also.doc, 'op')).toBe('Also requests');
    const longest = typeAtEnd(stateOf(base(), [autoOpenerPlugin()]), 'pp', 'Noting with concern the');
    expect(openerOf(longest.doc, 'pp')).toBe('Noting with concern');
  });

  it('leaves a start that is no phrase unmarked', () => {
    const state = typeAtEnd(stateOf(base(), [autoOpenerPlugin()]), 'op', 'The Secretary-General');
    expect(openerOf(state.doc, 'op')).toBe('');
  });

  it('removes its own mark when the phrase is broken, but keeps an imported opener the lists do not know', () => {
    let state = typeAtEnd(stateOf(base(), [autoOpenerPlugin()]), 'op', 'Requests');
    const start = textPosOf(state.doc, 'op') + 1;
    state = state.apply(state.tr.delete(start + 5, start + 8));
    expect(openerOf(state.doc, 'op')).toBe('');
    const imported = stateOf(docOf({ operative: [{ text: 'Strongly encourages States', opener: 'Strongly encourages', id: 'x' }] }), [autoOpenerPlugin()]);
    const typed = typeAtEnd(imported, 'x', ' to act');
    expect(openerOf(typed.doc, 'x')).toBe('Strongly encourages');
  });

  it('keeps a longer imported opener that starts with a listed phrase', () => {
    const imported = stateOf(docOf({ operative: [{ text: 'Notes with deep concern the', opener: 'Notes with deep concern', id: 'x' }] }), [autoOpenerPlugin()]);
    expect(openerOf(typeAtEnd(imported, 'x', ' rise').doc, 'x')).toBe('Notes with deep concern');
  });

  it('uses the lists of the document language', () => {
    const state = typeAtEnd(stateOf(base('fr'), [autoOpenerPlugin()]), 'op', 'Prie le Secrétaire général');
    expect(openerOf(state.doc, 'op')).toBe('Prie');
  });
});
