import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { buildDocument } from '../../../shared/document/build.js';
import { numberingKey, numberingPlugin } from '../../../renderer/editor/numbering-plugin.js';
import { negotiationBaseOf } from '../../../shared/negotiation/negotiation-base.js';

type Spec = { attrs: Record<string, string> };

const base = buildDocument({
  title: 'Equal access to justice',
  body: 'The General Assembly,',
  preamble: ['Recalling its resolutions,', 'Noting with concern,'],
  operative: ['Requests the Secretary-General to report;', { text: 'Encourages Member States:', subparagraphs: ['To act;', 'To report;'] }, 'Decides to remain seized.'],
});

// The document put in or out of negotiation the way the backend does it: its header's base.
const setBase = (state: EditorState, of: Node | null) => state.tr.setNodeAttribute(0, 'negotiation', of ? negotiationBaseOf('rev1', 'Rev.1', of) : null);

const stateOf = (doc: Node) => EditorState.create({ doc, schema: resolutionSchema, plugins: [numberingPlugin()] });

// Every decoration's node type and attributes, in document order.
function decorated(state: EditorState): { type: string; attrs: Record<string, string> }[] {
  return numberingKey
    .getState(state)!
    .decorations.find()
    .sort((a: Decoration, b: Decoration) => a.from - b.from)
    .map((d) => ({ type: state.doc.nodeAt(d.from)?.type.name ?? '?', attrs: (d.spec as Spec).attrs }));
}
const labels = (state: EditorState, type: string) => decorated(state).filter((r) => r.type === type).map((r) => r.attrs['data-label'] ?? '');

// The position of the `index`-th node named `type`.
function nth(doc: Node, type: string, index: number): number {
  let found = -1;
  let seen = 0;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.type.name === type && seen++ === index) found = pos;
    return true;
  });
  return found;
}

// A transaction inserting a new top-level paragraph of `type` after the `index`-th one.
function insertAfter(state: EditorState, type: string, index: number, id: string, text: string) {
  const pos = nth(state.doc, type, index);
  const node = state.doc.nodeAt(pos)!;
  const paragraph = resolutionSchema.nodes[type]!.create({ id }, resolutionSchema.nodes.paragraph_text!.create(null, resolutionSchema.text(text)));
  return state.tr.insert(pos + node.nodeSize, paragraph);
}

describe('numbering against a negotiation base', () => {
  it('labels a paragraph inserted after OP 1 "1 bis." and the next "1 ter.", keeps base numbers and returns to fresh numbers when cleared', () => {
    let state = stateOf(base);
    state = state.apply(setBase(state, base));
    expect(labels(state, 'operative_paragraph')).toEqual(['1.', '2.', '3.']);
    state = state.apply(insertAfter(state, 'operative_paragraph', 0, 'newop1', 'Also requests;'));
    state = state.apply(insertAfter(state, 'operative_paragraph', 1, 'newop2', 'Further requests;'));
    expect(labels(state, 'operative_paragraph')).toEqual(['1.', '1 bis.', '1 ter.', '2.', '3.']);
    const names = decorated(state).map((r) => r.attrs['aria-label']);
    expect(names).toContain('Operative paragraph 1 ter');
    // Subparagraphs follow their paragraph's base number.
    expect(names).toContain('Subparagraph (b) of operative paragraph 2');
    expect(numberingKey.getState(state)!.numbering.byId.get('newop2')?.path).toBe('OP 1 ter');

    // A PP inserted after PP 1 gets "PP 1 bis", drawn in the margin during negotiation.
    state = state.apply(insertAfter(state, 'preambular_paragraph', 0, 'newpp', 'Bearing in mind,'));
    expect(labels(state, 'preambular_paragraph')).toEqual(['PP 1', 'PP 1 bis', 'PP 2']);
    expect(decorated(state).filter((r) => r.type === 'operative_paragraph').every((r) => r.attrs['data-stable'] === '')).toBe(true);

    state = state.apply(setBase(state, null));
    expect(labels(state, 'operative_paragraph')).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect(labels(state, 'preambular_paragraph')).toEqual(['', '', '']);
    expect(decorated(state).some((r) => 'data-stable' in r.attrs)).toBe(false);
  });

  it('keeps the base number of a moved paragraph and shows stable numbers in cross-references', () => {
    let state = stateOf(base);
    state = state.apply(setBase(state, base));
    // OP 3 moved to the front keeps "3."; a reference to the (new) paragraph after OP 1 reads "1 bis".
    const third = nth(state.doc, 'operative_paragraph', 2);
    const node = state.doc.nodeAt(third)!;
    let tr = state.tr.delete(third, third + node.nodeSize);
    tr = tr.insert(nth(tr.doc, 'operative_paragraph', 0), node);
    state = state.apply(tr);
    expect(labels(state, 'operative_paragraph')).toEqual(['3.', '1.', '2.']);
    state = state.apply(insertAfter(state, 'operative_paragraph', 1, 'inserted', 'Also requests;'));
    const lastText = nth(state.doc, 'paragraph_text', 6);
    state = state.apply(state.tr.insert(lastText + 1, resolutionSchema.nodes.cross_reference!.create({ target: 'inserted' })));
    const reference = decorated(state).find((r) => r.type === 'cross_reference');
    expect(reference?.attrs).toMatchObject({ 'data-label': '1 bis', 'aria-label': 'Reference to OP 1 bis' });
  });

  it('numbers from the base a document carries when the state is made, and follows a base changed by a peer', () => {
    const inNegotiation = stateOf(base).apply(setBase(stateOf(base), base)).doc;
    let state = stateOf(inNegotiation);
    state = state.apply(insertAfter(state, 'operative_paragraph', 0, 'newop', 'Also requests;'));
    expect(labels(state, 'operative_paragraph')).toEqual(['1.', '1 bis.', '2.', '3.']);
    // A new base (as a clean text issued elsewhere): the new paragraph is now a base paragraph.
    state = state.apply(state.tr.setNodeAttribute(0, 'negotiation', negotiationBaseOf('rev2', 'Rev.2', state.doc)));
    expect(labels(state, 'operative_paragraph')).toEqual(['1.', '2.', '3.', '4.']);
  });

  it('recomputes stable labels only when the paragraph structure or the base changes, not for typing nor other header edits', () => {
    let state = stateOf(base);
    state = state.apply(setBase(state, base));
    const before = numberingKey.getState(state)!.base!;
    state = state.apply(state.tr.insertText('Strongly ', nth(state.doc, 'paragraph_text', 3) + 1));
    expect(numberingKey.getState(state)!.base!.labels).toBe(before.labels);
    // Editing the header (a sponsor) keeps the base object, so the labels are not recomputed.
    state = state.apply(state.tr.setNodeMarkup(0, undefined, { ...state.doc.firstChild!.attrs, sponsors: ['Chile'] }));
    expect(numberingKey.getState(state)!.base!.labels).toBe(before.labels);
    state = state.apply(insertAfter(state, 'operative_paragraph', 2, 'last', 'Decides also.'));
    expect(numberingKey.getState(state)!.base!.labels).not.toBe(before.labels);
    expect(labels(state, 'operative_paragraph')).toEqual(['1.', '2.', '3.', '3 bis.']);
  });
});
