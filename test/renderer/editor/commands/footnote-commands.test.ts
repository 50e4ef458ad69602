import { TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { footnotePos, insertFootnote, setFootnoteText } from '../../../../renderer/editor/commands/footnote-commands.js';
import { moveParagraphUp } from '../../../../renderer/editor/commands/move-commands.js';
import { computeNumbering } from '../../../../shared/document/numbering.js';
import { at, blankState, expectSound, must, posOf, run, stateFrom } from './editing.js';

const spec = {
  title: 'Footnotes',
  body: 'The General Assembly,',
  preamble: [],
  operative: ['Requests C;', { text: 'Recalls resolution 70/1;', footnotes: [{ text: 'Resolution 70/1.' }] }],
};

describe('insert footnote', () => {
  it('inserts an empty footnote with a fresh id at the cursor, the cursor after its marker', () => {
    const before = at(stateFrom(spec), 'OP 1', 'Requests'.length);
    const after = must(before, insertFootnote());
    const numbering = computeNumbering(after.doc);
    expect(numbering.footnoteOrder).toHaveLength(2);
    const first = after.doc.nodeAt(numbering.entries.find((e) => e.path === 'Footnote 1')?.pos ?? -1);
    expect(first?.type.name).toBe('footnote');
    expect(first?.textContent).toBe('');
    expect(first?.attrs.id).toMatch(/^[a-z][a-z0-9]{11}$/);
    expect(after.selection.$from.nodeBefore?.type.name).toBe('footnote');
    expectSound(after.doc);
  });

  it('takes a default text and replaces a selection', () => {
    let state = at(stateFrom(spec), 'OP 1');
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, state.selection.from, state.selection.from + 'Requests'.length)));
    const after = must(state, insertFootnote('E/CN.15/2023/L.6.'));
    expect(after.doc.nodeAt(computeNumbering(after.doc).entries.find((e) => e.path === 'Footnote 1')?.pos ?? -1)?.textContent).toBe('E/CN.15/2023/L.6.');
    expect(after.doc.textContent).not.toContain('Requests');
  });

  it('renumbers footnotes when their paragraph moves', () => {
    const state = must(at(stateFrom(spec), 'OP 1', 4), insertFootnote('new'));
    const before = computeNumbering(state.doc).footnoteOrder;
    const moved = must(at(state, 'OP 2'), moveParagraphUp);
    expect(computeNumbering(moved.doc).footnoteOrder).toEqual([...before].reverse());
  });

  it('does not apply in the title', () => {
    expect(run(blankState(), insertFootnote())).toBeNull();
  });
});

describe('footnote text', () => {
  const withText = () => {
    const state = stateFrom({ ...spec, operative: ['Requests C;', { text: 'Recalls resolution 70/1;', footnotes: [{ text: 'Resolution 70/1.', id: 'fn1' }] }] });
    return state;
  };

  it('replaces the text of the footnote by id, in one transaction, leaving the paragraph text as it was', () => {
    const state = withText();
    // The paragraph's own text, footnote text left out.
    const own = (s: typeof state) => {
      let text = '';
      s.doc.nodeAt(posOf(s, 'OP 2'))!.firstChild!.forEach((child) => void (text += child.isText ? child.text : '|'));
      return text;
    };
    const paragraph = own(state);
    const after = must(state, setFootnoteText('fn1', 'Resolution 70/1, para. 4.'));
    expect(after.doc.nodeAt(footnotePos(after.doc, 'fn1'))?.textContent).toBe('Resolution 70/1, para. 4.');
    expect(own(after)).toBe(paragraph);
    const emptied = must(after, setFootnoteText('fn1', ''));
    expect(emptied.doc.nodeAt(footnotePos(emptied.doc, 'fn1'))?.textContent).toBe('');
    expectSound(emptied.doc);
  });

  it('does not apply to an unknown footnote or an unchanged text', () => {
    expect(footnotePos(withText().doc, 'nope')).toBe(-1);
    expect(run(withText(), setFootnoteText('nope', 'x'))).toBeNull();
    expect(run(withText(), setFootnoteText('fn1', 'Resolution 70/1.'))).toBeNull();
  });
});
