import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import {
  addAlternative,
  bracketRange,
  collectBrackets,
  compilationText,
  countBrackets,
  mergeCandidates,
  mergeInto,
  proposeDeletion,
  proposeInsertion,
  proposeReplacement,
} from '../../../shared/negotiation/index.js';
import { sampleResolution } from '../document/sample-documents.js';
import { apply, rangeOf, stateOf } from './helpers.js';

const op3 = (state: EditorState): string => compilationText(state.doc).split('\n').find((l) => l.startsWith('3.')) ?? '';
// The innermost bracket holding exactly `text` (a deletion inside a replacement's current text, rather than that text).
const at = (state: EditorState, text: string): number => collectBrackets(state.doc).findLast((b) => b.text === text)?.pos ?? -1;
const merged = (state: EditorState, into: string, from: string): EditorState => {
  const result = mergeInto(state, at(state, into), at(state, from));
  expect('notice' in result ? result.notice : '').toBe('');
  return apply(state, 'notice' in result ? null : result);
};
const notice = (state: EditorState, into: string, from: string): string => {
  const result = mergeInto(state, at(state, into), at(state, from));
  return 'notice' in result ? result.notice : '';
};

// OP 3 of the sample: "*Requests* the Secretary-General to report on progress²."
function withInsertions(): EditorState {
  let state = stateOf(sampleResolution());
  state = apply(state, proposeInsertion(state, { pos: rangeOf(state.doc, 'on progress').to, text: ' annually', delegation: 'CAN' }));
  state = apply(state, proposeInsertion(state, { pos: rangeOf(state.doc, 'to report').to, text: ' each year', delegation: 'AUS' }));
  return state;
}

describe('merging proposals that are not in one group', () => {
  it('keeps the wording at the cursor and adds the other proposers: different places, one undo step', () => {
    const state = withInsertions();
    const tr = mergeInto(state, at(state, ' annually'), at(state, ' each year'));
    expect('steps' in tr && tr.steps.length).toBeGreaterThan(0);
    const next = merged(state, ' annually', ' each year');
    expect(op3(next)).toBe('3. *Requests* the Secretary-General to report on progress[ annually (CAN, AUS)]².');
    // The other way round keeps the other wording.
    expect(op3(merged(state, ' each year', ' annually'))).toBe('3. *Requests* the Secretary-General to report[ each year (AUS, CAN)] on progress².');
  });

  it('merges two insertions at the same place, and two members of different groups', () => {
    let state = stateOf(sampleResolution());
    const spot = rangeOf(state.doc, 'to report').to;
    state = apply(state, proposeInsertion(state, { pos: spot, text: ' annually', delegation: 'CAN' }));
    state = apply(state, proposeInsertion(state, { pos: spot, text: ' yearly', delegation: 'AUS' }));
    expect(op3(state)).toContain('to report[ yearly (AUS)][ annually (CAN)] on');
    expect(op3(merged(state, ' annually', ' yearly'))).toContain('to report[ annually (CAN, AUS)] on');

    let groups = stateOf(sampleResolution());
    groups = apply(groups, proposeReplacement(groups, { ...rangeOf(groups.doc, 'Secretary-General'), text: 'Executive Director', delegation: 'EU' }));
    groups = apply(groups, proposeReplacement(groups, { ...rangeOf(groups.doc, 'on progress'), text: 'on the progress made', delegation: 'G77' }));
    const next = merged(groups, 'Executive Director', 'on the progress made');
    // G77's wording goes (its group is left with the text on the table), G77 joins EU's.
    expect(op3(next)).toBe('3. *Requests* the [Secretary-General][Executive Director (EU, G77)] to report [on progress]².');
  });

  it('joins a wording nested in another into it, either way round', () => {
    let state = stateOf(sampleResolution());
    state = apply(state, bracketRange(state, { ...rangeOf(state.doc, 'to report on progress'), proposedBy: ['USA'] }));
    state = apply(state, bracketRange(state, { ...rangeOf(state.doc, 'report'), proposedBy: ['MEX'], supportedBy: ['NOR'] }));
    expect(op3(state)).toContain('[to [report (MEX)] on progress (USA)]');
    for (const [into, from] of [['to [report] on progress', 'report'], ['report', 'to [report] on progress']] as const) {
      const next = merged(state, into, from);
      expect(op3(next)).toContain('[to report on progress (USA, MEX)]');
      expect(collectBrackets(next.doc)[0]).toMatchObject({ supportedBy: ['NOR'] });
    }
  });

  it('merges two deletion proposals: the kept one keeps its extent, the other is withdrawn', () => {
    let state = stateOf(sampleResolution());
    state = apply(state, proposeDeletion(state, { ...rangeOf(state.doc, 'on progress'), delegation: 'RUS' }));
    state = apply(state, proposeDeletion(state, { ...rangeOf(state.doc, 'progress'), delegation: 'CHN' }));
    expect(op3(state)).toContain('[on [progress (CHN: delete)] (RUS: delete)]');
    expect(op3(merged(state, 'on [progress]', 'progress'))).toContain('to report [on progress (RUS, CHN: delete)]²');
    expect(op3(merged(state, 'progress', 'on [progress]'))).toContain('to report on [progress (CHN, RUS: delete)]²');
  });

  it('merges a deletion and a replacement of the same text, either way round', () => {
    let state = stateOf(sampleResolution());
    state = apply(state, proposeReplacement(state, { ...rangeOf(state.doc, 'to report'), text: 'to inform', delegation: 'AUS' }));
    state = apply(state, proposeDeletion(state, { ...rangeOf(state.doc, 'to report'), delegation: 'RUS' }));
    expect(op3(state)).toContain('[[to report (RUS: delete)]][to inform (AUS)] on');
    expect(op3(merged(state, 'to inform', 'to report'))).toContain('the Secretary-General [to report][to inform (AUS, RUS)] on');
    const intoDeletion = merged(state, 'to report', 'to inform');
    expect(op3(intoDeletion)).toContain('the Secretary-General [to report (RUS, AUS: delete)] on');
    expect(countBrackets(intoDeletion.doc)).toEqual({ brackets: 1, alternativeGroups: 0, maxBracketDepth: 1 });
  });

  it('refuses, with a reason, what makes no sense', () => {
    let state = withInsertions();
    state = apply(state, proposeDeletion(state, { ...rangeOf(state.doc, 'Secretary-General'), delegation: 'RUS' }));
    expect(notice(state, 'Secretary-General', ' annually')).toMatch(/proposed for deletion .* say different things/);
    expect(notice(state, ' annually', ' annually')).toMatch(/itself/);
    // OP 1 and OP 3 are different paragraphs.
    state = apply(state, bracketRange(state, { ...rangeOf(state.doc, 'Member States'), proposedBy: ['EU'] }));
    expect(notice(state, 'Member States', ' annually')).toMatch(/one paragraph/);
    expect(mergeInto(state, 0, at(state, ' annually'))).toMatchObject({ notice: expect.stringMatching(/cursor in a bracket/) });
  });

  it('refuses to unwrap an alternative out of its group (found by the property test)', () => {
    let state = stateOf(sampleResolution());
    state = apply(state, proposeDeletion(state, { ...rangeOf(state.doc, 'on progress'), delegation: 'RUS' }));
    state = apply(state, addAlternative(state, { pos: at(state, 'on progress'), text: 'on results', proposedBy: ['EU'] }));
    expect(notice(state, 'on results', 'on progress')).toMatch(/one of a group of alternatives/);
    let nested = stateOf(sampleResolution());
    nested = apply(nested, bracketRange(nested, { ...rangeOf(nested.doc, 'to report on progress'), proposedBy: ['USA'] }));
    nested = apply(nested, bracketRange(nested, { ...rangeOf(nested.doc, 'report'), proposedBy: ['MEX'] }));
    nested = apply(nested, addAlternative(nested, { pos: at(nested, 'report'), text: 'inform', proposedBy: ['EU'] }));
    expect(op3(nested)).toContain('[to [report (MEX)][inform (EU)] on progress (USA)]');
    expect(notice(nested, 'to [report] / [inform] on progress', 'report')).toMatch(/one of a group of alternatives/);
  });

  it('lists the other proposals of the paragraph with what merging each would do', () => {
    let state = withInsertions();
    state = apply(state, proposeDeletion(state, { ...rangeOf(state.doc, 'Secretary-General'), delegation: 'RUS' }));
    const list = mergeCandidates(state, at(state, ' annually'));
    expect(list.map((c) => c.text)).toEqual(['Secretary-General', ' each year']);
    expect(list[0]?.refusal).toMatch(/cannot be merged/);
    expect(list[1]).toMatchObject({ proposedBy: ['AUS'], refusal: '', effect: 'keeps “ annually”; “ each year” goes; AUS joins it' });
  });
});
