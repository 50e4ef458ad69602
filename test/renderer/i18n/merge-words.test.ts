import { afterAll, describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import {
  addAlternative,
  bracketRange,
  collectBrackets,
  mergeCandidates,
  mergeInto,
  proposeDeletion,
  proposeInsertion,
  type MergeCandidate,
} from '../../../shared/negotiation/index.js';
import { i18n } from '../../../renderer/i18n/index.js';
import { mergeWordsText, shownNotice } from '../../../renderer/i18n/notices.js';
import { sampleResolution } from '../../shared/document/sample-documents.js';
import { apply, rangeOf, stateOf } from '../../shared/negotiation/helpers.js';

const at = (state: EditorState, text: string): number => collectBrackets(state.doc).findLast((b) => b.text === text)?.pos ?? -1;

// Every kind of merge effect and quoted refusal: insertions in two places, a deletion, an
// alternative group, one bracket inside another.
function candidates(): MergeCandidate[] {
  let state = stateOf(sampleResolution());
  state = apply(state, proposeInsertion(state, { pos: rangeOf(state.doc, 'on progress').to, text: ' annually', delegation: 'CAN' }));
  state = apply(state, proposeInsertion(state, { pos: rangeOf(state.doc, 'to report').to, text: ' each year', delegation: 'AUS' }));
  state = apply(state, proposeDeletion(state, { ...rangeOf(state.doc, 'Secretary-General'), delegation: 'RUS' }));
  let nested = stateOf(sampleResolution());
  nested = apply(nested, bracketRange(nested, { ...rangeOf(nested.doc, 'to report on progress'), proposedBy: ['USA'] }));
  nested = apply(nested, bracketRange(nested, { ...rangeOf(nested.doc, 'report'), proposedBy: ['MEX'] }));
  let group = stateOf(sampleResolution());
  group = apply(group, proposeDeletion(group, { ...rangeOf(group.doc, 'on progress'), delegation: 'RUS' }));
  group = apply(group, addAlternative(group, { pos: at(group, 'on progress'), text: 'on results', proposedBy: ['EU'] }));
  return [
    ...mergeCandidates(state, at(state, ' annually')),
    ...mergeCandidates(state, at(state, 'Secretary-General')),
    ...mergeCandidates(nested, at(nested, 'to report on progress')),
    ...mergeCandidates(nested, at(nested, 'report')),
    ...mergeCandidates(group, at(group, 'on results')),
  ];
}

describe('merge effects and refusals in the interface language', () => {
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('say in English exactly what shared/negotiation says, and differently in French', async () => {
    const list = candidates();
    const keys = new Set(list.map((c) => c.words?.key));
    expect([...keys].sort()).toEqual(['deletionAndWording', 'inGroup', 'joinOuter', 'keep'].sort());
    await i18n.changeLanguage('en');
    const english = list.map((c) => (c.refusal === '' ? mergeWordsText(c.words!) : shownNotice(c.refusal, c.words ?? undefined)));
    expect(english).toEqual(list.map((c) => (c.refusal === '' ? c.effect : c.refusal)));
    await i18n.changeLanguage('fr');
    const french = list.map((c) => (c.refusal === '' ? mergeWordsText(c.words!) : shownNotice(c.refusal, c.words ?? undefined)));
    french.forEach((sentence, i) => expect(sentence).not.toBe(english[i]));
    expect(french).toContain('garde «\u00a0 annually\u00a0»\u00a0; «\u00a0 each year\u00a0» disparaît\u00a0; AUS s’y joint');
  });

  it('gives a merge the words of its notice when it is refused', async () => {
    let state = stateOf(sampleResolution());
    state = apply(state, proposeInsertion(state, { pos: rangeOf(state.doc, 'on progress').to, text: ' annually', delegation: 'CAN' }));
    state = apply(state, proposeDeletion(state, { ...rangeOf(state.doc, 'Secretary-General'), delegation: 'RUS' }));
    const result = mergeInto(state, at(state, 'Secretary-General'), at(state, ' annually'));
    expect('notice' in result && result.words?.key).toBe('deletionAndWording');
    await i18n.changeLanguage('fr');
    expect('notice' in result ? shownNotice(result.notice, result.words) : '').toMatch(/^«\u00a0Secretary-General\u00a0» est proposé pour suppression/);
  });
});
