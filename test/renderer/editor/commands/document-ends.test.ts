import { describe, expect, it } from 'vitest';
import { Selection } from 'prosemirror-state';
import { documentEnd, documentEndsBindings, documentStart } from '../../../../renderer/editor/commands/document-ends.js';
import { at, cursorAt, must, stateFrom } from './editing.js';

const spec = {
  title: 'Ends',
  body: 'The General Assembly,',
  preamble: ['Recalling A,', 'Noting B,'],
  operative: ['Requests C;', { text: 'Invites D:', subparagraphs: ['d1;', 'the last words.'] }],
};

describe('documentEnd / documentStart (Ctrl+End, Ctrl+Home)', () => {
  it('puts the caret at the end of the last text, wherever it was, and scrolls to it', () => {
    const before = at(stateFrom(spec), 'PP 1', 3);
    let scrolled = false;
    const applied = documentEnd()(before, (tr) => (scrolled = tr.scrolledIntoView));
    expect(applied).toBe(true);
    expect(scrolled).toBe(true);
    const after = must(before, documentEnd());
    expect(after.selection.empty).toBe(true);
    expect(cursorAt(after)).toBe(`OP 2 (b)@${'the last words.'.length}`);
    expect(after.doc.eq(before.doc)).toBe(true);
  });

  it('puts the caret at the start of the first text (the first place Ctrl+Home reaches)', () => {
    const after = must(at(stateFrom(spec), 'OP 2 (a)', 2), documentStart());
    expect(after.selection.empty).toBe(true);
    expect(after.selection.from).toBe(Selection.atStart(after.doc).from);
    expect(after.selection.from).toBeLessThan(at(after, 'PP 1').selection.from);
  });

  it('with Shift, selects from the anchor to the end or the start', () => {
    const before = at(stateFrom(spec), 'OP 1', 4);
    const toEnd = must(before, documentEnd(true));
    expect(toEnd.selection.anchor).toBe(before.selection.anchor);
    expect(toEnd.doc.textBetween(toEnd.selection.from, toEnd.selection.to, '|')).toBe('ests C;|Invites D:|d1;|the last words.');
    const toStart = must(before, documentStart(true));
    expect(toStart.selection.anchor).toBe(before.selection.anchor);
    expect(toStart.doc.textBetween(toStart.selection.from, toStart.selection.to, '|')).toMatch(/Recalling A,\|Noting B,\|Requ$/);
  });

  it('binds Ctrl+End / Ctrl+Home (with Shift) everywhere, and Cmd+Down / Cmd+Up on a Mac only', () => {
    const pc = Object.keys(documentEndsBindings(false));
    expect(pc.sort()).toEqual(['Ctrl-End', 'Ctrl-Home', 'Shift-Ctrl-End', 'Shift-Ctrl-Home']);
    const mac = Object.keys(documentEndsBindings(true));
    expect(mac).toEqual(expect.arrayContaining([...pc, 'Meta-ArrowDown', 'Meta-ArrowUp', 'Shift-Meta-ArrowDown', 'Shift-Meta-ArrowUp']));
  });
});
