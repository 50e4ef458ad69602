import { describe, expect, it } from 'vitest';
import { joinBackward } from '../../../../renderer/editor/commands/join-commands.js';
import { splitParagraph } from '../../../../renderer/editor/commands/paragraph-commands.js';
import { computeNumbering } from '../../../../shared/document/numbering.js';
import { at, blankState, cursorAt, expectSound, must, outline, run, stateFrom } from './editing.js';

const spec = {
  title: 'Joins',
  body: 'The General Assembly,',
  preamble: ['Recalling its resolution 70/1,', 'Noting the report,'],
  operative: ['Requests the Secretary-General', { text: 'to report:', subparagraphs: ['on this;', 'on that;'] }, 'Decides.'],
};

describe('Backspace at the start of a paragraph', () => {
  it('joins an OP to the previous OP: text appended, children kept, first id kept, cursor at the seam', () => {
    const before = at(stateFrom(spec), 'OP 2');
    const id = computeNumbering(before.doc).entries.find((e) => e.path === 'OP 1')?.id;
    const after = must(before, joinBackward);
    expect(outline(after.doc).slice(2)).toEqual(['OP 1: Requests the Secretary-Generalto report:', 'OP 1 (a): on this;', 'OP 1 (b): on that;', 'OP 2: Decides.']);
    expect(computeNumbering(after.doc).entries.find((e) => e.path === 'OP 1')?.id).toBe(id);
    expect(cursorAt(after)).toBe(`OP 1@${'Requests the Secretary-General'.length}`);
    expectSound(after.doc);
  });

  it('joins a PP to the previous PP', () => {
    const after = must(at(stateFrom(spec), 'PP 2'), joinBackward);
    expect(outline(after.doc).slice(0, 2)).toEqual(['PP 1: Recalling its resolution 70/1,Noting the report,', 'OP 1: Requests the Secretary-General']);
  });

  it('joins a (b) to the (a) before it', () => {
    const after = must(at(stateFrom(spec), 'OP 2 (b)'), joinBackward);
    expect(outline(after.doc).filter((l) => l.startsWith('OP 2'))).toEqual(['OP 2: to report:', 'OP 2 (a): on this;on that;']);
  });

  it('outdents a first (a)', () => {
    const after = must(at(stateFrom(spec), 'OP 2 (a)'), joinBackward);
    expect(outline(after.doc).slice(3)).toEqual(['OP 2: to report:', 'OP 3: on this;', 'OP 3 (a): on that;', 'OP 4: Decides.']);
    expectSound(after.doc);
  });

  it('does not join into a paragraph with children (the text would jump above them): the cursor moves back instead', () => {
    const before = at(stateFrom(spec), 'OP 3');
    const after = must(before, joinBackward);
    expect(after.doc.eq(before.doc)).toBe(true);
    expect(cursorAt(after)).toBe(`OP 2 (b)@${'on that;'.length}`);
  });

  it('removes an empty paragraph and puts the cursor at the end of the previous text', () => {
    let state = must(at(stateFrom(spec), 'OP 3', -1), splitParagraph);
    state = at(state, 'OP 4');
    const after = must(state, joinBackward);
    expect(outline(after.doc).slice(-1)).toEqual(['OP 3: Decides.']);
    expect(cursorAt(after)).toBe('OP 3@8');
    expectSound(after.doc);
  });

  it('turns the first OP into the last PP when the operative part keeps another OP', () => {
    const after = must(at(stateFrom(spec), 'OP 1'), joinBackward);
    expect(outline(after.doc).slice(0, 4)).toEqual(['PP 1: Recalling its resolution 70/1,', 'PP 2: Noting the report,', 'PP 3: Requests the Secretary-General', 'OP 1: to report:']);
    expect(cursorAt(after)).toBe('PP 3@0');
    expectSound(after.doc);
  });

  it('keeps the only OP (the operative part needs one) and moves the cursor to the preamble', () => {
    const before = at(stateFrom({ ...spec, operative: ['Decides.'] }), 'OP 1');
    const after = must(before, joinBackward);
    expect(after.doc.eq(before.doc)).toBe(true);
    expect(cursorAt(after)).toBe(`PP 2@${'Noting the report,'.length}`);
  });

  it('is not used inside text, and does nothing at the start of the title', () => {
    expect(run(at(stateFrom(spec), 'OP 2', 3), joinBackward)).toBeNull();
    const blank = blankState();
    const after = must(blank, joinBackward);
    expect(after.doc.eq(blank.doc)).toBe(true);
  });
});
