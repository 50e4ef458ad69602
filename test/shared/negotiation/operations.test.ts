import { describe, expect, it } from 'vitest';
import { computeNumbering } from '../../../shared/document/numbering.js';
import {
  addAlternative,
  addParagraphAlternative,
  agreeBracket,
  attributeBracket,
  bracketParagraph,
  bracketRange,
  chooseAlternative,
  cleanText,
  collectBrackets,
  compilationText,
  countBrackets,
  delegationProposalsText,
  dropBracket,
  mergeProposals,
  NegotiationError,
  paragraphStatus,
  proposeDeletion,
  proposeInsertion,
  proposeReplacement,
  setParagraphStatus,
  unbracketParagraph,
} from '../../../shared/negotiation/index.js';
import { sampleResolution } from '../document/sample-documents.js';
import { apply, posOf, rangeOf, stateOf } from './helpers.js';

const op3Line = (text: string): string => text.split('\n').find((l) => l.startsWith('3.')) ?? '';

describe('facilitator actions on brackets', () => {
  it('brackets a phrase, adds an alternative, attributes both, and writes the compilation text', () => {
    let state = stateOf(sampleResolution());
    state = apply(state, bracketRange(state, { ...rangeOf(state.doc, 'to report'), proposedBy: ['EU'] }));
    const bracketPos = posOf(state.doc, 'bracket');
    state = apply(state, addAlternative(state, { pos: bracketPos, text: 'to submit a report', proposedBy: ['G77'] }));
    state = apply(state, attributeBracket(state, { pos: posOf(state.doc, 'bracket'), role: 'proposedBy', delegations: ['CAN'] }));
    expect(op3Line(compilationText(state.doc))).toBe('3. *Requests* the Secretary-General [to report (EU, CAN)][to submit a report (G77)] on progress².');
    expect(op3Line(compilationText(state.doc, { tags: false }))).toBe('3. *Requests* the Secretary-General [to report][to submit a report] on progress².');
    expect(op3Line(cleanText(state.doc))).toBe('3. *Requests* the Secretary-General on progress².');
    expect(countBrackets(state.doc)).toEqual({ brackets: 2, alternativeGroups: 1, maxBracketDepth: 1 });
  });

  it('nests brackets and agrees the inner one, keeping its text', () => {
    let state = stateOf(sampleResolution());
    state = apply(state, bracketRange(state, rangeOf(state.doc, 'the rise in violence')));
    state = apply(state, bracketRange(state, rangeOf(state.doc, 'rise')));
    expect(countBrackets(state.doc).maxBracketDepth).toBe(2);
    expect(compilationText(state.doc)).toContain('*Noting with concern* [the [rise] in violence] near schools,');
    const inner = collectBrackets(state.doc).find((b) => b.depth === 2);
    state = apply(state, agreeBracket(state, inner?.pos ?? -1));
    expect(compilationText(state.doc)).toContain('*Noting with concern* [the rise in violence] near schools,');
    state = apply(state, dropBracket(state, posOf(state.doc, 'bracket')));
    expect(compilationText(state.doc)).toContain('*Noting with concern* near schools,');
  });

  it('chooses one alternative of a group, and dropping one of two leaves a single bracket', () => {
    let state = stateOf(sampleResolution());
    state = apply(state, bracketRange(state, rangeOf(state.doc, 'Encourages')));
    state = apply(state, addAlternative(state, { pos: posOf(state.doc, 'bracket'), text: 'Urges' }));
    state = apply(state, addAlternative(state, { pos: posOf(state.doc, 'bracket'), text: 'Calls upon' }));
    expect(compilationText(state.doc)).toContain('1. [*Encourages*][Calls upon][Urges] Member States');
    const dropped = apply(state, dropBracket(state, posOf(state.doc, 'bracket')));
    expect(compilationText(dropped.doc)).toContain('1. [Calls upon][Urges] Member States');
    const one = apply(dropped, dropBracket(dropped, posOf(dropped.doc, 'bracket')));
    expect(countBrackets(one.doc)).toEqual({ brackets: 1, alternativeGroups: 0, maxBracketDepth: 1 });
    const chosen = apply(state, chooseAlternative(state, posOf(state.doc, 'bracket_alternatives'), 2));
    expect(compilationText(chosen.doc)).toContain('1. Urges Member States');
    expect(countBrackets(chosen.doc).brackets).toBe(0);
  });

  it('merges two proposals: the kept text gains the other proposers', () => {
    let state = stateOf(sampleResolution());
    state = apply(state, proposeInsertion(state, { pos: rangeOf(state.doc, 'on progress').to, text: ' annually', delegation: 'CAN' }));
    state = apply(state, proposeInsertion(state, { pos: rangeOf(state.doc, 'to report').to, text: ' each year', delegation: 'AUS' }));
    const [first, second] = collectBrackets(state.doc);
    state = apply(state, mergeProposals(state, second?.pos ?? -1, first?.pos ?? -1));
    expect(op3Line(compilationText(state.doc))).toBe('3. *Requests* the Secretary-General to report on progress[ annually (CAN, AUS)]².');
  });

  it('returns null where an action does not apply', () => {
    const state = stateOf(sampleResolution());
    expect(bracketRange(state, { from: 5, to: 5 })).toBeNull();
    expect(bracketRange(state, { ...rangeOf(state.doc, 'Safer') })).toBeNull(); // titles hold text only
    expect(agreeBracket(state, 0)).toBeNull();
    expect(chooseAlternative(state, 0, 0)).toBeNull();
    expect(unbracketParagraph(state, posOf(state.doc, 'operative_paragraph'))).toBeNull();
  });
});

describe('suggestion mode', () => {
  it('turns a delegation’s insertion, deletion and replacement into tagged proposals; the deleted text stays', () => {
    let state = stateOf(sampleResolution());
    state = apply(state, proposeDeletion(state, { ...rangeOf(state.doc, 'on progress'), delegation: 'RUS' }));
    expect(op3Line(compilationText(state.doc))).toBe('3. *Requests* the Secretary-General to report [on progress (RUS: delete)]².');
    expect(op3Line(cleanText(state.doc))).toBe('3. *Requests* the Secretary-General to report².');
    state = apply(state, proposeReplacement(state, { ...rangeOf(state.doc, 'Secretary-General'), text: 'Executive Director', delegation: 'EU' }));
    state = apply(state, proposeInsertion(state, { pos: rangeOf(state.doc, 'the rise').from, text: 'deeply ', delegation: 'MEX' }));
    const text = compilationText(state.doc);
    expect(op3Line(text)).toBe('3. *Requests* the [Secretary-General][Executive Director (EU)] to report [on progress (RUS: delete)]².');
    expect(text).toContain('*Noting with concern* [deeply  (MEX)]the rise');
    expect(delegationProposalsText(state.doc, 'rus')).toBe('Proposals by RUS (1)\nOP 3: delete [on progress]\n');
    // Agreeing a deletion removes the text; dropping it keeps the text.
    const deletion = collectBrackets(state.doc).find((b) => b.deletion)?.pos ?? -1;
    expect(op3Line(compilationText(apply(state, agreeBracket(state, deletion)).doc))).toContain('to report².');
    expect(op3Line(compilationText(apply(state, dropBracket(state, deletion)).doc))).toContain('to report on progress².');
  });
});

describe('paragraphs', () => {
  it('brackets a whole paragraph with its subparagraphs and unbrackets it', () => {
    let state = stateOf(sampleResolution());
    const op1 = posOf(state.doc, 'operative_paragraph', 'op1');
    state = apply(state, bracketParagraph(state, op1, { proposedBy: ['USA'] }));
    expect(compilationText(state.doc)).toContain('1. [*Encourages* Member States to consider:\n    (a) safe routes to school;\n        (i) lighting;\n        (ii) patrols;\n    (b) training for teachers; (USA)]');
    expect(cleanText(state.doc)).toContain('\n1. *Decides* that the expert meeting');
    expect(countBrackets(state.doc)).toEqual({ brackets: 1, alternativeGroups: 0, maxBracketDepth: 1 });
    state = apply(state, unbracketParagraph(state, op1));
    expect(countBrackets(state.doc).brackets).toBe(0);
  });

  it('adds paragraph alternatives labelled OP 3 alt and OP 3 alt 2 without renumbering', () => {
    let state = stateOf(sampleResolution());
    state = apply(state, addParagraphAlternative(state, posOf(state.doc, 'operative_paragraph', 'op3'), 'Requests a report.', { proposedBy: ['EU'] }));
    state = apply(state, addParagraphAlternative(state, posOf(state.doc, 'operative_paragraph', 'op3'), 'Decides to stay seized.', { proposedBy: ['CHN'] }));
    const paths = computeNumbering(state.doc).entries.filter((e) => e.kind === 'op').map((e) => e.path);
    expect(paths).toEqual(['OP 1', 'OP 2', 'OP 3', 'OP 3 alt', 'OP 3 alt 2']);
    const text = compilationText(state.doc);
    expect(text).toContain('3 alt. [Requests a report. (EU)]\n\n3 alt 2. [Decides to stay seized. (CHN)]');
    expect(cleanText(state.doc)).not.toContain('alt');
  });

  it('records who and when for each status, and reopening an agreed paragraph needs a reason', () => {
    let state = stateOf(sampleResolution());
    const pos = posOf(state.doc, 'operative_paragraph', 'op2');
    state = apply(state, setParagraphStatus(state, pos, { state: 'agreed', by: 'facilitator', at: '2026-11-23T10:00:00Z' }));
    expect(() => setParagraphStatus(state, pos, { state: 'under_discussion', by: 'facilitator', at: '2026-11-23T11:00:00Z' })).toThrow(NegotiationError);
    expect(() => setParagraphStatus(state, pos, { state: 'reservation', by: 'facilitator', at: 'x', reason: 'r' })).toThrow(/delegations/);
    state = apply(state, setParagraphStatus(state, pos, { state: 'reservation', by: 'facilitator', at: '2026-11-23T11:00:00Z', delegations: ['IRN'], reason: 'IRN asked to reopen' }));
    const status = paragraphStatus(state.doc.nodeAt(pos) ?? state.doc);
    expect(status).toMatchObject({ state: 'reservation', delegations: ['IRN'], reason: 'IRN asked to reopen' });
    expect(status.history).toEqual([{ state: 'agreed', by: 'facilitator', at: '2026-11-23T10:00:00Z', delegations: [], linked: [], reason: '' }]);
    state = apply(state, setParagraphStatus(state, pos, { state: 'deleted', by: 'facilitator', at: '2026-11-23T12:00:00Z' }));
    expect(cleanText(state.doc)).not.toContain('the expert meeting shall');
    expect(compilationText(state.doc)).toContain('the expert meeting shall');
  });
});
