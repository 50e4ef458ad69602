import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { paragraphBracketDecorations, paragraphBracketsKey, paragraphBracketsPlugin } from '../../../../renderer/editor/negotiation/paragraph-brackets-plugin.js';
import { bracketParagraph } from '../../../../shared/negotiation/paragraph-ops.js';
import { sampleResolution } from '../../../shared/document/sample-documents.js';
import { posOf, rangeOf } from '../../../shared/negotiation/helpers.js';

describe('whole-paragraph brackets in the editor', () => {
  it('opens before the text and closes with the tag after the last subparagraph', () => {
    let state = EditorState.create({ doc: sampleResolution(), plugins: [paragraphBracketsPlugin()] });
    expect(paragraphBracketsKey.getState(state)?.find()).toEqual([]);
    const op1 = posOf(state.doc, 'operative_paragraph', 'op1');
    const tr = bracketParagraph(state, op1, { proposedBy: ['USA'] });
    if (!tr) throw new Error('OP 1 could not be bracketed');
    state = state.apply(tr);
    const widgets = paragraphBracketsKey.getState(state)?.find() ?? [];
    expect(widgets.map((w) => w.from)).toEqual([rangeOf(state.doc, 'Encourages').from, rangeOf(state.doc, 'training for teachers;').to]);
    expect(String((widgets[1]?.spec as { key?: string }).key)).toMatch(/ \(USA\)$/);
    // Typed at the end of the last line and at the start: the widgets are mapped, "]" stays after, "[" before.
    const end = rangeOf(state.doc, 'training for teachers;').to;
    const start = rangeOf(state.doc, 'Encourages').from;
    state = state.apply(state.tr.insertText(' and more', end));
    state = state.apply(state.tr.insertText('X', start));
    const moved = paragraphBracketsKey.getState(state)?.find() ?? [];
    expect(moved.map((w) => w.from)).toEqual([start, rangeOf(state.doc, 'teachers; and more').to]);
    expect(moved.map((w) => w.from)).toEqual(paragraphBracketDecorations(state.doc).find().map((w) => w.from));
  });
});
