import { describe, expect, it } from 'vitest';
import { moveToOperative, moveToPreamble, newOperativeParagraph, newPreambularParagraph } from '../../../../renderer/editor/commands/part-commands.js';
import { at, cursorAt, expectSound, must, outline, run, stateFrom } from './editing.js';

const spec = {
  title: 'Parts',
  body: 'The General Assembly,',
  preamble: ['Recalling A,', 'Noting B,'],
  operative: [{ text: 'Requests C:', children: ['To do D;', 'To do E;'] }, 'Decides F.'],
};

describe('new preambular / operative paragraph', () => {
  it('opens a new PP after the current PP, the cursor in it', () => {
    const after = must(at(stateFrom(spec), 'PP 1', 3), newPreambularParagraph);
    expect(outline(after.doc).slice(0, 3)).toEqual(['PP 1: Recalling A,', 'PP 2: ', 'PP 3: Noting B,']);
    expect(cursorAt(after)).toBe('PP 2@0');
    expectSound(after.doc);
  });

  it('opens a new PP at the end of the preamble from the operative part, and a new OP at the start of the operative part from the preamble', () => {
    const pp = must(at(stateFrom(spec), 'OP 1 (b)'), newPreambularParagraph);
    expect(outline(pp.doc).slice(0, 4)).toEqual(['PP 1: Recalling A,', 'PP 2: Noting B,', 'PP 3: ', 'OP 1: Requests C:']);
    expect(cursorAt(pp)).toBe('PP 3@0');
    const op = must(at(stateFrom(spec), 'PP 1'), newOperativeParagraph);
    expect(outline(op.doc).slice(2, 4)).toEqual(['OP 1: ', 'OP 2: Requests C:']);
    expect(cursorAt(op)).toBe('OP 1@0');
  });

  it('opens a new OP after the whole current OP when the cursor is in its subparagraph', () => {
    const after = must(at(stateFrom(spec), 'OP 1 (a)'), newOperativeParagraph);
    expect(outline(after.doc).slice(2)).toEqual(['OP 1: Requests C:', 'OP 1 (a): To do D;', 'OP 1 (b): To do E;', 'OP 2: ', 'OP 3: Decides F.']);
    expect(cursorAt(after)).toBe('OP 2@0');
  });

  it('does not apply in a decision, which has neither part', () => {
    const decision = stateFrom({ kind: 'decision', title: 'D', body: 'The Council:', preamble: [], operative: ['Decides A;'] });
    expect(run(at(decision, '(a)'), newPreambularParagraph)).toBeNull();
    expect(run(at(decision, '(a)'), newOperativeParagraph)).toBeNull();
  });
});

describe('move between preamble and operative part', () => {
  it('moves any PP to be the first OP, with its place in the text kept', () => {
    const after = must(at(stateFrom(spec), 'PP 1', 4), moveToOperative);
    expect(outline(after.doc).slice(0, 3)).toEqual(['PP 1: Noting B,', 'OP 1: Recalling A,', 'OP 2: Requests C:']);
    expect(cursorAt(after)).toBe('OP 1@4');
    expectSound(after.doc);
  });

  it('moves an OP (with its subparagraphs, cursor in one) to be the last PP', () => {
    const state = at(stateFrom(spec), 'OP 1 (b)', 2);
    const id = state.doc.nodeAt(state.selection.$from.before(2))?.attrs.id;
    const after = must(state, moveToPreamble);
    expect(outline(after.doc)).toEqual(['PP 1: Recalling A,', 'PP 2: Noting B,', 'PP 3: Requests C:', 'PP 3 (a): To do D;', 'PP 3 (b): To do E;', 'OP 1: Decides F.']);
    expect(cursorAt(after)).toBe('PP 3 (b)@2');
    expect(after.selection.$from.node(2).attrs.id).toBe(id);
    expectSound(after.doc);
  });

  it('refuses to move the only OP, and to move a paragraph to the part it is in', () => {
    const one = stateFrom({ ...spec, operative: ['Decides F.'] });
    expect(run(at(one, 'OP 1'), moveToPreamble)).toBeNull();
    expect(run(at(stateFrom(spec), 'PP 2'), moveToPreamble)).toBeNull();
    expect(run(at(stateFrom(spec), 'OP 2'), moveToOperative)).toBeNull();
  });

  it('answers without dispatch exactly as it does with it (the toolbar greys buttons from that answer)', () => {
    const states = [stateFrom(spec), stateFrom({ ...spec, operative: ['Decides F.'] })];
    for (const state of states) {
      for (const path of ['PP 1', 'PP 2', 'OP 1', 'OP 1 (a)', 'OP 2'].filter((p) => outline(state.doc).some((line) => line.startsWith(`${p}:`)))) {
        for (const command of [moveToPreamble, moveToOperative]) {
          const placed = at(state, path);
          expect(command(placed)).toBe(run(placed, command) !== null);
        }
      }
    }
  });
});
