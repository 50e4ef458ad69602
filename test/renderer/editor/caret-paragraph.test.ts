import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { splitParagraph } from '../../../renderer/editor/commands/paragraph-commands.js';
import { caretParagraphClass, caretParagraphKey, caretParagraphPlugin } from '../../../renderer/editor/caret-paragraph.js';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { buildDocument } from '../../../shared/document/build.js';

const doc = () =>
  buildDocument({
    title: 'Equal access to justice',
    body: 'The General Assembly,',
    preamble: ['Recalling its resolutions,'],
    operative: ['Requests the Secretary-General to report;', { text: 'Encourages Member States:', subparagraphs: ['To act;', 'To report;'] }],
  });

const stateOf = () => EditorState.create({ schema: resolutionSchema, doc: doc(), plugins: [caretParagraphPlugin()] });

// The nodes marked as holding the caret (by type and text), each decoration covering its whole node.
const marked = (state: EditorState) =>
  (caretParagraphKey.getState(state)?.decorations.find() ?? []).map((d) => {
    const node = state.doc.nodeAt(d.from);
    return d.to === d.from + (node?.nodeSize ?? 0) ? `${node?.type.name}: ${node?.textContent}` : `partial ${d.from}-${d.to}`;
  });

const textPos = (state: EditorState, text: string): number => {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text?.includes(text)) found = pos + node.text.indexOf(text);
    return found < 0;
  });
  return found;
};

const at = (state: EditorState, pos: number) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));

describe('the paragraph holding the caret', () => {
  it('is marked, the outermost paragraph when the caret is in a subparagraph, nothing in the title', () => {
    let state = stateOf();
    state = at(state, textPos(state, 'Secretary'));
    expect(marked(state)).toEqual(['operative_paragraph: Requests the Secretary-General to report;']);
    state = at(state, textPos(state, 'To report'));
    expect(marked(state)).toEqual(['operative_paragraph: Encourages Member States:To act;To report;']);
    state = at(state, textPos(state, 'Recalling'));
    expect(marked(state)).toEqual(['preambular_paragraph: Recalling its resolutions,']);
    state = at(state, textPos(state, 'Equal'));
    expect(marked(state)).toEqual([]);
  });

  it('moves to the paragraph Enter creates in the same transaction, and follows typing', () => {
    let state = stateOf();
    const end = textPos(state, 'report;') + 'report;'.length;
    state = at(state, end);
    splitParagraph(state, (tr) => (state = state.apply(tr)));
    expect(marked(state)).toEqual(['operative_paragraph: ']);
    state = state.apply(state.tr.insertText('I'));
    expect(marked(state)).toEqual(['operative_paragraph: I']);
    expect(caretParagraphClass).toBe('ph-caret');
  });

  it('keeps the same decoration set while the caret moves within one paragraph', () => {
    let state = stateOf();
    state = at(state, textPos(state, 'Secretary'));
    const before = caretParagraphKey.getState(state);
    state = at(state, textPos(state, 'report;'));
    expect(caretParagraphKey.getState(state)).toBe(before);
  });
});
