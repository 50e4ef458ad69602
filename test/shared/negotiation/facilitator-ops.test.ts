import { describe, expect, it } from 'vitest';
import { attributionAt, bracketWithAlternative, findBracket, mergeAlternativesInto, setAttribution } from '../../../shared/negotiation/facilitator-ops.js';
import { addAlternative, bracketRange, collectBrackets, compilationText, countBrackets } from '../../../shared/negotiation/index.js';
import { bracketParagraph } from '../../../shared/negotiation/paragraph-ops.js';
import { sampleResolution } from '../document/sample-documents.js';
import { apply, posOf, rangeOf, stateOf } from './helpers.js';

const op3 = (text: string): string => text.split('\n').find((l) => l.startsWith('3.')) ?? '';

describe('facilitator ops combining bracket operations', () => {
  it('brackets the selection with its alternative in one transaction', () => {
    const state = stateOf(sampleResolution());
    const { from, to } = rangeOf(state.doc, 'to report');
    const next = apply(state, bracketWithAlternative(state, from, to, 'to inform the Assembly', { proposedBy: ['CAN'] }));
    expect(op3(compilationText(next.doc))).toContain('[to report][to inform the Assembly (CAN)] on progress');
    expect(countBrackets(next.doc)).toEqual({ brackets: 2, alternativeGroups: 1, maxBracketDepth: 1 });
    expect(bracketWithAlternative(state, from, from, 'x')).toBeNull();
  });

  it('sets the three lists of an inline bracket at once, found again by id', () => {
    let state = stateOf(sampleResolution());
    const { from, to } = rangeOf(state.doc, 'to report');
    state = apply(state, bracketRange(state, { from, to, proposedBy: ['RUS'] }));
    const id = collectBrackets(state.doc)[0]?.id ?? '';
    const ref = findBracket(state.doc, id);
    expect(ref).toEqual({ kind: 'inline', pos: from });
    if (!ref) return;
    const tr = setAttribution(state, ref, { proposedBy: ['EU', 'CAN', 'EU'], supportedBy: ['NOR'], opposedBy: ['RUS'] });
    expect(tr?.steps).toHaveLength(1);
    state = apply(state, tr);
    expect(attributionAt(state.doc, ref)).toMatchObject({ proposedBy: ['EU', 'CAN'], supportedBy: ['NOR'], opposedBy: ['RUS'] });
    expect(op3(compilationText(state.doc))).toContain('[to report (EU, CAN)]');
    // Nobody both supports and opposes.
    expect(setAttribution(state, ref, { proposedBy: [], supportedBy: ['NOR'], opposedBy: ['NOR'] })).toBeNull();
    expect(findBracket(state.doc, 'nope')).toBeNull();
  });

  it('sets the attribution of a paragraph bracketed whole', () => {
    let state = stateOf(sampleResolution());
    const pos = posOf(state.doc, 'operative_paragraph', 'op3');
    state = apply(state, bracketParagraph(state, pos));
    const id = collectBrackets(state.doc).find((b) => b.kind === 'paragraph')?.id ?? '';
    const ref = findBracket(state.doc, id);
    expect(ref).toEqual({ kind: 'paragraph', pos });
    if (!ref) return;
    state = apply(state, setAttribution(state, ref, { proposedBy: ['G77'], supportedBy: [], opposedBy: ['USA'] }));
    expect(attributionAt(state.doc, ref)).toMatchObject({ id, proposedBy: ['G77'], opposedBy: ['USA'] });
  });

  it('merges the other alternatives of a group into the one kept', () => {
    let state = stateOf(sampleResolution());
    const { from, to } = rangeOf(state.doc, 'to report');
    state = apply(state, bracketWithAlternative(state, from, to, 'to inform', { proposedBy: ['CAN'], supportedBy: ['NOR'] }));
    const group = posOf(state.doc, 'bracket_alternatives');
    const second = collectBrackets(state.doc)[1];
    state = apply(state, addAlternative(state, { pos: second?.pos ?? -1, text: 'to brief', proposedBy: ['BRA'] }));
    expect(countBrackets(state.doc).brackets).toBe(3);
    // Keep the middle one: the others' proposers and supporters join it, the group goes.
    const middle = collectBrackets(state.doc)[1]?.pos ?? -1;
    state = apply(state, mergeAlternativesInto(state, middle));
    expect(countBrackets(state.doc)).toEqual({ brackets: 1, alternativeGroups: 0, maxBracketDepth: 1 });
    const kept = collectBrackets(state.doc)[0];
    expect(kept).toMatchObject({ text: 'to inform', proposedBy: ['CAN', 'BRA'], supportedBy: ['NOR'], pos: group });
    expect(mergeAlternativesInto(state, kept?.pos ?? -1)).toBeNull();
  });
});
