import { describe, expect, it } from 'vitest';
import { moveParagraphDown, moveParagraphUp } from '../../../../renderer/editor/commands/move-commands.js';
import { computeNumbering } from '../../../../shared/document/numbering.js';
import { at, cursorAt, expectSound, must, outline, run, stateFrom } from './editing.js';

const spec = {
  title: 'Moves',
  body: 'The General Assembly,',
  preamble: ['Recalling A,', 'Noting B,'],
  operative: ['Requests C;', { text: 'Invites D:', subparagraphs: ['d1;', 'd2;'] }, { text: 'Decides E:', list: ['e1'] }],
};

const idOf = (state: ReturnType<typeof stateFrom>, path: string) => computeNumbering(state.doc).entries.find((e) => e.path === path)?.id;

describe('Alt-ArrowUp / Alt-ArrowDown', () => {
  it('moves an OP with its subparagraphs up; the numbers follow, the id and cursor go with it', () => {
    const before = at(stateFrom(spec), 'OP 2', 4);
    const id = idOf(before, 'OP 2');
    const after = must(before, moveParagraphUp);
    expect(outline(after.doc).slice(2, 6)).toEqual(['OP 1: Invites D:', 'OP 1 (a): d1;', 'OP 1 (b): d2;', 'OP 2: Requests C;']);
    expect(idOf(after, 'OP 1')).toBe(id);
    expect(cursorAt(after)).toBe('OP 1@4');
    expectSound(after.doc);
  });

  it('moves an OP down, and down then up gives the same document back', () => {
    const before = at(stateFrom(spec), 'OP 1', 2);
    const down = must(before, moveParagraphDown);
    expect(outline(down.doc).slice(2, 6)).toEqual(['OP 1: Invites D:', 'OP 1 (a): d1;', 'OP 1 (b): d2;', 'OP 2: Requests C;']);
    expect(cursorAt(down)).toBe('OP 2@2');
    const back = must(down, moveParagraphUp);
    expect(back.doc.eq(before.doc)).toBe(true);
  });

  it('moves subparagraphs among their siblings only', () => {
    const after = must(at(stateFrom(spec), 'OP 2 (b)'), moveParagraphUp);
    expect(outline(after.doc).filter((l) => l.startsWith('OP 2'))).toEqual(['OP 2: Invites D:', 'OP 2 (a): d2;', 'OP 2 (b): d1;']);
    expect(run(at(after, 'OP 2 (a)'), moveParagraphUp)).toBeNull();
    expect(run(at(after, 'OP 2 (b)'), moveParagraphDown)).toBeNull();
  });

  it('moves the first OP up into the preamble as the last PP', () => {
    const before = at(stateFrom(spec), 'OP 1', 3);
    const id = idOf(before, 'OP 1');
    const after = must(before, moveParagraphUp);
    expect(outline(after.doc).slice(0, 4)).toEqual(['PP 1: Recalling A,', 'PP 2: Noting B,', 'PP 3: Requests C;', 'OP 1: Invites D:']);
    expect(idOf(after, 'PP 3')).toBe(id);
    expect(cursorAt(after)).toBe('PP 3@3');
    expectSound(after.doc);
  });

  it('moves the last PP down to become the first OP, and back up', () => {
    const before = at(stateFrom(spec), 'PP 2', 1);
    const after = must(before, moveParagraphDown);
    expect(outline(after.doc).slice(0, 3)).toEqual(['PP 1: Recalling A,', 'OP 1: Noting B,', 'OP 2: Requests C;']);
    expect(cursorAt(after)).toBe('OP 1@1');
    expectSound(after.doc);
    expect(must(after, moveParagraphUp).doc.eq(before.doc)).toBe(true);
  });

  it('moves the only PP down, leaving an empty preamble', () => {
    const after = must(at(stateFrom({ ...spec, preamble: ['Recalling A,'] }), 'PP 1'), moveParagraphDown);
    expect(outline(after.doc)[0]).toBe('OP 1: Recalling A,');
    expectSound(after.doc);
  });

  it('refuses what the schema cannot hold: the only OP up, an OP with a list into the preamble, the last OP down', () => {
    expect(run(at(stateFrom({ ...spec, operative: ['Decides.'] }), 'OP 1'), moveParagraphUp)).toBeNull();
    const listFirst = stateFrom({ ...spec, operative: [{ text: 'Decides E:', list: ['e1'] }, 'Requests C;'] });
    expect(run(at(listFirst, 'OP 1'), moveParagraphUp)).toBeNull();
    expect(run(at(stateFrom(spec), 'OP 3'), moveParagraphDown)).toBeNull();
    expect(run(at(stateFrom(spec), 'PP 1'), moveParagraphUp)).toBeNull();
  });
});
