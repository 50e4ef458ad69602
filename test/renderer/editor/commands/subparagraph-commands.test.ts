import { describe, expect, it } from 'vitest';
import { indentParagraph, outdentParagraph } from '../../../../renderer/editor/commands/subparagraph-commands.js';
import { computeNumbering } from '../../../../shared/document/numbering.js';
import { at, cursorAt, expectSound, must, outline, run, stateFrom } from './editing.js';

const spec = {
  title: 'Nesting',
  body: 'The General Assembly,',
  preamble: ['Recalling its resolution 70/1,'],
  operative: [
    'Requests the Secretary-General:',
    'To report;',
    { text: 'To consult:', subparagraphs: ['States;', { text: 'Agencies:', subparagraphs: ['funds;'] }] },
    { text: 'Decides:', list: ['Item one', 'Item two'] },
  ],
};

describe('Tab', () => {
  it('makes an OP the (a) of the previous OP, keeping the cursor offset and the id', () => {
    const before = at(stateFrom(spec), 'OP 2', 3);
    const id = computeNumbering(before.doc).entries.find((e) => e.path === 'OP 2')?.id;
    const after = must(before, indentParagraph);
    expect(outline(after.doc).slice(1, 4)).toEqual(['OP 1: Requests the Secretary-General:', 'OP 1 (a): To report;', 'OP 2: To consult:']);
    expect(computeNumbering(after.doc).entries.find((e) => e.path === 'OP 1 (a)')?.id).toBe(id);
    expect(cursorAt(after)).toBe('OP 1 (a)@3');
    expectSound(after.doc);
  });

  it('makes three OPs into an OP with (a) and (b) in two Tabs', () => {
    const plain = stateFrom({ ...spec, operative: ['Requests:', 'one;', 'two.'] });
    let state = must(at(plain, 'OP 2'), indentParagraph);
    state = must(at(state, 'OP 2'), indentParagraph);
    expect(outline(state.doc).slice(1)).toEqual(['OP 1: Requests:', 'OP 1 (a): one;', 'OP 1 (b): two.']);
    expectSound(state.doc);
  });

  it('makes a second (a) the (i) of the first', () => {
    const plain = stateFrom({ ...spec, operative: [{ text: 'Requests:', subparagraphs: ['one;', 'two;'] }] });
    const state = must(at(plain, 'OP 1 (b)', 1), indentParagraph);
    expect(outline(state.doc).slice(1)).toEqual(['OP 1: Requests:', 'OP 1 (a): one;', 'OP 1 (a) (i): two;']);
    expect(cursorAt(state)).toBe('OP 1 (a) (i)@1');
    expectSound(state.doc);
  });

  it('takes an OP with a numbered list down as an (a) holding the list', () => {
    const state = must(at(stateFrom(spec), 'OP 4'), indentParagraph);
    expect(outline(state.doc).slice(-4)).toEqual(['OP 3 (b) (i): funds;', 'OP 3 (c): Decides:', 'OP 3 (c) item 1: Item one', 'OP 3 (c) item 2: Item two']);
    expectSound(state.doc);
  });

  it('refuses a subtree that cannot go one level deeper, and the first paragraph of its kind', () => {
    expect(run(at(stateFrom(spec), 'OP 3'), indentParagraph)).toBeNull(); // its (b) has (i) children
    expect(run(at(stateFrom(spec), 'OP 1'), indentParagraph)).toBeNull();
    expect(run(at(stateFrom(spec), 'OP 3 (a)'), indentParagraph)).toBeNull();
    expect(run(at(stateFrom(spec), 'OP 3 (b) (i)'), indentParagraph)).toBeNull();
    expect(run(at(stateFrom(spec), 'PP 1'), indentParagraph)).toBeNull();
  });
});

describe('Shift-Tab', () => {
  it('lifts an (a) to an OP after its parent; the (a)s after it become its own, in the same text order', () => {
    const state = stateFrom({ ...spec, operative: [{ text: 'Chapeau:', subparagraphs: ['one;', 'two;', 'three;'] }, 'Last.'] });
    const after = must(at(state, 'OP 1 (b)', 2), outdentParagraph);
    expect(outline(after.doc).slice(1)).toEqual(['OP 1: Chapeau:', 'OP 1 (a): one;', 'OP 2: two;', 'OP 2 (a): three;', 'OP 3: Last.']);
    expect(cursorAt(after)).toBe('OP 2@2');
    expectSound(after.doc);
  });

  it('lifts an (i) to an (a) and its following (i)s with it', () => {
    const after = must(at(stateFrom(spec), 'OP 3 (b) (i)'), outdentParagraph);
    expect(outline(after.doc).filter((l) => l.startsWith('OP 3'))).toEqual(['OP 3: To consult:', 'OP 3 (a): States;', 'OP 3 (b): Agencies:', 'OP 3 (c): funds;']);
    expectSound(after.doc);
  });

  it('reverses Tab', () => {
    const start = at(stateFrom(spec), 'OP 2', 1);
    const back = must(must(start, indentParagraph), outdentParagraph);
    expect(back.doc.eq(start.doc)).toBe(true);
    expect(cursorAt(back)).toBe('OP 2@1');
  });

  it('does nothing on an OP or a PP', () => {
    expect(run(at(stateFrom(spec), 'OP 2'), outdentParagraph)).toBeNull();
    expect(run(at(stateFrom(spec), 'PP 1'), outdentParagraph)).toBeNull();
  });
});
