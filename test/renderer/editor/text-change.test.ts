import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { importText } from '../../../shared/import/index.js';
import { textOnlyChange } from '../../../renderer/editor/text-change.js';
import { docOf, textPosOf } from './style/helpers.js';

const doc = docOf({
  operative: [
    { text: 'Requests the Secretary-General to report;', id: 'a', opener: 'Requests', footnotes: [{ text: 'See A/78/1.', at: 8 }] },
    { text: 'Decides to remain seized of the matter.', id: 'b', opener: 'Decides' },
  ],
});
const state = EditorState.create({ schema: resolutionSchema, doc });
const a = textPosOf(doc, 'a');
const b = textPosOf(doc, 'b');

describe('textOnlyChange', () => {
  it('gives the text block typed, deleted or replaced in', () => {
    expect(textOnlyChange(state.tr.insertText('x', a + 3))).toBe(a);
    expect(textOnlyChange(state.tr.delete(b + 2, b + 5))).toBe(b);
    expect(textOnlyChange(state.tr.insertText('xy', b + 2, b + 5).insertText('z', b + 1))).toBe(b);
  });

  it('is null when a node is added or removed, or two blocks change, or nothing does', () => {
    const footnote = state.doc.nodeAt(a + 1 + 'Requests'.length);
    expect(footnote?.type.name).toBe('footnote');
    expect(textOnlyChange(state.tr.delete(a + 1, a + 12))).toBeNull();
    expect(textOnlyChange(state.tr.insert(a + 2, footnote!))).toBeNull();
    expect(textOnlyChange(state.tr.insertText('x', a + 2).insertText('y', b + 2))).toBeNull();
    expect(textOnlyChange(state.tr.delete(b - 3, b + 2))).toBeNull();
    expect(textOnlyChange(state.tr)).toBeNull();
  });

  it('gives the enclosing text block when typing inside a footnote or a bracket', () => {
    const footnotePos = a + 1 + 'Requests'.length;
    expect(textOnlyChange(state.tr.insertText('x', footnotePos + 2))).toBe(a);
    const negotiated = importText('Title\n\nThe General Assembly,\n\n1. Requests [the [Secretary-General] (USA)] to report.\n').documents[0]!;
    let inner = -1;
    negotiated.descendants((node, pos) => {
      if (node.isText && node.text === 'Secretary-General') inner = pos + 3;
      return inner < 0;
    });
    const $inner = negotiated.resolve(inner);
    expect($inner.parent.type.name).toBe('bracket');
    const tr = EditorState.create({ schema: resolutionSchema, doc: negotiated }).tr.insertText('x', inner);
    let block = -1;
    for (let d = $inner.depth; d > 0 && block < 0; d--) if ($inner.node(d).isTextblock) block = $inner.before(d);
    expect(textOnlyChange(tr)).toBe(block);
  });
});
