import { TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { structureBindings } from '../../../../renderer/editor/commands/keymap.js';
import { splitParagraph, enterFromHeading } from '../../../../renderer/editor/commands/paragraph-commands.js';
import { computeNumbering } from '../../../../shared/document/numbering.js';
import { at, blankState, cursorAt, expectSound, must, outline, run, stateFrom } from './editing.js';

const spec = {
  title: 'Access to justice',
  body: 'The General Assembly,',
  preamble: ['Recalling its resolution 70/1,', 'Noting the report,'],
  operative: [
    'Requests the Secretary-General to report;',
    { text: 'Encourages States:', subparagraphs: ['To act;', 'To report;'] },
    'Decides to remain seized of the matter.',
  ],
};

describe('Enter', () => {
  it('at the end of a PP starts the next PP with a fresh id and puts the cursor in it', () => {
    const before = at(stateFrom(spec), 'PP 1', -1);
    const after = must(before, splitParagraph);
    expect(outline(after.doc).slice(0, 3)).toEqual(['PP 1: Recalling its resolution 70/1,', 'PP 2: ', 'PP 3: Noting the report,']);
    expect(cursorAt(after)).toBe('PP 2@0');
    expectSound(after.doc);
  });

  it('at the end of an OP starts the next OP; the labels follow', () => {
    const after = must(at(stateFrom(spec), 'OP 1', -1), splitParagraph);
    expect(computeNumbering(after.doc).entries.filter((e) => e.kind === 'op').map((e) => e.label)).toEqual(['1.', '2.', '3.', '4.']);
    expect(cursorAt(after)).toBe('OP 2@0');
    expectSound(after.doc);
  });

  it('at the end of a subparagraph starts the next subparagraph', () => {
    const after = must(at(stateFrom(spec), 'OP 2 (a)', -1), splitParagraph);
    expect(outline(after.doc).filter((l) => l.startsWith('OP 2'))).toEqual(['OP 2: Encourages States:', 'OP 2 (a): To act;', 'OP 2 (b): ', 'OP 2 (c): To report;']);
    expect(cursorAt(after)).toBe('OP 2 (b)@0');
  });

  it('at the end of a chapeau with subparagraphs opens a new first subparagraph', () => {
    const after = must(at(stateFrom(spec), 'OP 2', -1), splitParagraph);
    expect(outline(after.doc).filter((l) => l.startsWith('OP 2'))).toEqual(['OP 2: Encourages States:', 'OP 2 (a): ', 'OP 2 (b): To act;', 'OP 2 (c): To report;']);
    expect(cursorAt(after)).toBe('OP 2 (a)@0');
    expectSound(after.doc);
  });

  it('in the middle splits: the first half keeps the id, the second (with the children) gets a new one', () => {
    const before = at(stateFrom(spec), 'OP 2', 'Encourages'.length);
    const oldId = computeNumbering(before.doc).entries.find((e) => e.path === 'OP 2')?.id;
    const after = must(before, splitParagraph);
    const numbering = computeNumbering(after.doc);
    expect(outline(after.doc).filter((l) => /^OP [23]/.test(l))).toEqual(['OP 2: Encourages', 'OP 3:  States:', 'OP 3 (a): To act;', 'OP 3 (b): To report;']);
    expect(numbering.entries.find((e) => e.path === 'OP 2')?.id).toBe(oldId);
    expect(numbering.entries.find((e) => e.path === 'OP 3')?.id).not.toBe(oldId);
    expect(cursorAt(after)).toBe('OP 3@0');
    expectSound(after.doc);
  });

  it('at the start of a non-empty paragraph opens an empty one above, the cursor staying with the text', () => {
    const after = must(at(stateFrom(spec), 'PP 2', 0), splitParagraph);
    expect(outline(after.doc).slice(0, 3)).toEqual(['PP 1: Recalling its resolution 70/1,', 'PP 2: ', 'PP 3: Noting the report,']);
    expect(cursorAt(after)).toBe('PP 3@0');
  });

  it('with a selection deletes it, then splits', () => {
    let state = at(stateFrom(spec), 'PP 2', 0);
    const from = state.selection.from;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from + 'Noting'.length, from + 'Noting the'.length)));
    const after = must(state, splitParagraph);
    expect(outline(after.doc).slice(1, 3)).toEqual(['PP 2: Noting', 'PP 3:  report,']);
  });

  it('in an empty last PP removes it and moves to an empty first OP', () => {
    let state = blankState();
    state = must(state, enterFromHeading);
    expect(cursorAt(state)).toBe('PP 1@0');
    state = state.apply(state.tr.insertText('Recalling its resolution 70/1,'));
    state = must(state, splitParagraph);
    expect(outline(state.doc)).toEqual(['PP 1: Recalling its resolution 70/1,', 'PP 2: ', 'OP 1: ']);
    state = must(state, splitParagraph);
    expect(outline(state.doc)).toEqual(['PP 1: Recalling its resolution 70/1,', 'OP 1: ']);
    expect(cursorAt(state)).toBe('OP 1@0');
    expectSound(state.doc);
  });

  it('in an empty last PP opens a new first OP when the operative part already has text', () => {
    const state = must(at(stateFrom(spec), 'PP 2', -1), splitParagraph);
    const after = must(state, splitParagraph);
    expect(outline(after.doc).slice(0, 4)).toEqual(['PP 1: Recalling its resolution 70/1,', 'PP 2: Noting the report,', 'OP 1: ', 'OP 2: Requests the Secretary-General to report;']);
    expect(cursorAt(after)).toBe('OP 1@0');
    expectSound(after.doc);
  });

  it('in an empty subparagraph outdents it to an operative paragraph', () => {
    const state = must(at(stateFrom(spec), 'OP 2 (b)', -1), splitParagraph);
    expect(cursorAt(state)).toBe('OP 2 (c)@0');
    const after = must(state, splitParagraph);
    expect(outline(after.doc).filter((l) => /^OP [234]/.test(l))).toEqual(['OP 2: Encourages States:', 'OP 2 (a): To act;', 'OP 2 (b): To report;', 'OP 3: ', 'OP 4: Decides to remain seized of the matter.']);
    expect(cursorAt(after)).toBe('OP 3@0');
    expectSound(after.doc);
  });

  it('in the title or body line moves to the first paragraph without changing the document', () => {
    const state = blankState();
    expect(run(state, splitParagraph)).toBeNull();
    const after = must(state, structureBindings.Enter!);
    expect(after.doc.eq(state.doc)).toBe(true);
    expect(cursorAt(after)).toBe('PP 1@0');
  });

  it('in a decision starts the next lettered paragraph', () => {
    const decision = stateFrom({ kind: 'decision', title: 'D', body: 'The Economic and Social Council:', operative: ['Takes note of the report;'] });
    const after = must(at(decision, '(a)', -1), splitParagraph);
    expect(outline(after.doc)).toEqual(['(a): Takes note of the report;', '(b): ']);
    expect(cursorAt(after)).toBe('(b)@0');
    expectSound(after.doc);
  });
});
