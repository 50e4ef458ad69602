import { describe, expect, it } from 'vitest';
import { TextSelection } from 'prosemirror-state';
import { phrasesFor } from '../../../../seeds/index.js';
import { completionKey, completionPlugin, visibleCompletion } from '../../../../renderer/editor/style/completion-plugin.js';
import { acceptOpener, openerCompletion, suggestOpeners, withAdverb } from '../../../../renderer/editor/style/opener-completion.js';
import { autoOpenerPlugin } from '../../../../renderer/editor/style/auto-opener.js';
import { docOf, openerOf, stateOf, textOf, textPosOf, typeAtEnd } from './helpers.js';

const doc = docOf({
  preamble: [{ text: 'Recalling its resolution 70/1,', opener: 'Recalling' }, { text: '', id: 'pp' }],
  operative: [
    { text: 'Requests the Secretary-General to report;', opener: 'Requests' },
    { text: '', id: 'op' },
    { text: 'Decides to remain seized of the matter.', opener: 'Decides' },
  ],
});

const itemsAfterTyping = (id: string, typed: string) => openerCompletion(typeAtEnd(stateOf(doc, []), id, typed))?.items ?? [];

describe('opener completion', () => {
  it('filters the phrases of the paragraph kind by the typed prefix', () => {
    expect(itemsAfterTyping('op', 'Enc')).toEqual(phrasesFor('en', 'operative').filter((p) => p.startsWith('Enc')));
    expect(itemsAfterTyping('op', 'enc')).toEqual(itemsAfterTyping('op', 'Enc'));
    expect(itemsAfterTyping('pp', 'Noting w')).toEqual(phrasesFor('en', 'preambular').filter((p) => p.startsWith('Noting w')));
    expect(itemsAfterTyping('op', 'Zzz')).toEqual([]);
  });

  it('offers the Also/Further variant first when the opener already appears', () => {
    expect(itemsAfterTyping('op', 'Req')[0]).toBe('Also requests');
    expect(itemsAfterTyping('op', 'Req')[1]).toBe('Requests');
    expect(itemsAfterTyping('pp', 'Reca')[0]).toBe('Recalling also');
    expect(itemsAfterTyping('op', 'Also r')).toEqual(['Also requests']);
    const twice = docOf({ operative: [{ text: 'Requests a;', opener: 'Requests' }, { text: 'Also requests b;', opener: 'Also requests' }, { text: '', id: 'c' }] });
    expect(openerCompletion(typeAtEnd(stateOf(twice, []), 'c', 'Re'))?.items[0]).toBe('Further requests');
  });

  it('writes adverbs where each language puts them', () => {
    expect(withAdverb('en', 'op', 'Calls upon', 'also')).toBe('Also calls upon');
    expect(withAdverb('en', 'pp', 'Bearing in mind', 'further')).toBe('Bearing further in mind');
    expect(withAdverb('fr', 'op', 'Prie', 'also')).toBe('Prie également');
    expect(suggestOpeners('', ['Decides'], new Map(), 'en', 'op')).toEqual(['Decides']);
  });

  it('is offered only in the first words of a PP or OP', () => {
    const state = typeAtEnd(stateOf(doc, []), 'op', 'Requests the');
    expect(openerCompletion(state)).toBeNull();
    const sub = docOf({ operative: [{ text: 'Decides:', opener: 'Decides', subparagraphs: [{ text: '', id: 's' }] }] });
    expect(openerCompletion(typeAtEnd(stateOf(sub, []), 's', 'Req'))).toBeNull();
  });

  it('accepts a phrase with the opener mark and a space, in one transaction', () => {
    const state = typeAtEnd(stateOf(doc, [autoOpenerPlugin()]), 'op', 'Enc');
    const completion = openerCompletion(state)!;
    const next = state.apply(acceptOpener(state, completion, 'Encourages'));
    expect(textOf(next.doc, 'op')).toBe('Encourages ');
    expect(openerOf(next.doc, 'op')).toBe('Encourages');
    expect(next.selection.head).toBe(textPosOf(next.doc, 'op') + 1 + 'Encourages '.length);
  });

  it('plugin: shows while typing, moves the choice, dismisses with Escape until the word is left', () => {
    let state = typeAtEnd(stateOf(doc, [completionPlugin()]), 'op', 'Re');
    expect(visibleCompletion(state)?.index).toBe(0);
    state = state.apply(state.tr.setMeta(completionKey, { move: 1 }));
    expect(visibleCompletion(state)?.index).toBe(1);
    state = state.apply(state.tr.setMeta(completionKey, { move: -2 }));
    expect(visibleCompletion(state)?.index).toBe((visibleCompletion(state)?.completion.items.length ?? 0) - 1);
    state = state.apply(state.tr.setMeta(completionKey, { dismiss: true }));
    expect(visibleCompletion(state)).toBeNull();
    state = typeAtEnd(state, 'op', 'c');
    expect(visibleCompletion(state)).toBeNull();
    const pp = textPosOf(state.doc, 'pp') + 1;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pp)));
    expect(completionKey.getState(state)?.completion).toBeNull();
    state = typeAtEnd(state, 'op', 'o');
    expect(visibleCompletion(state)?.completion.items).toContain('Recommends');
  });
});
