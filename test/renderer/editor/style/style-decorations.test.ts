import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EditorState } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { problemDecorations, styleKey, stylePlugin } from '../../../../renderer/editor/style/style-plugin.js';
import { docOf, stateOf, textPosOf, typeAtEnd } from './helpers.js';

const operative = Array.from({ length: 12 }, (_, i) => ({ text: `Requests the Secretary-General to report on item ${i + 1},`, id: `op${i + 1}`, opener: 'Requests' }));

// What a decoration draws: its range and its attributes.
const drawn = (decorations: readonly Decoration[]) =>
  decorations.map((d) => `${d.from}-${d.to}:${JSON.stringify((d as unknown as { type: { attrs: unknown } }).type.attrs)}`).sort();

const decorationsOf = (state: EditorState) => styleKey.getState(state)?.decorations.find() ?? [];

describe('style decorations across keystrokes', () => {
  it('keeps the very same decoration objects for paragraphs a keystroke did not change', () => {
    let state = stateOf(docOf({ operative }), [stylePlugin()]);
    const before = new Set(decorationsOf(state));
    expect(before.size).toBeGreaterThan(5);
    state = typeAtEnd(state, 'op6', 'x');
    const after = decorationsOf(state);
    const sixth = textPosOf(state.doc, 'op6');
    const sixthEnd = sixth + (state.doc.nodeAt(sixth)?.nodeSize ?? 0);
    const elsewhere = after.filter((d) => d.to < sixth || d.from > sixthEnd);
    expect(elsewhere.length).toBeGreaterThan(5);
    // Before the edit they are the same objects; after it, mapped copies of unchanged ones (same type object).
    const types = new Set([...before].map((d) => (d as unknown as { type: unknown }).type));
    for (const d of elsewhere) expect(types.has((d as unknown as { type: unknown }).type)).toBe(true);
  });

  it('draws exactly what a full rebuild draws, whatever is typed where', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('x', ',', ';', '.', ' ', '  ', 'a/res/1')), { maxLength: 12 }), (edits) => {
        let state = stateOf(docOf({ operative }), [stylePlugin()]);
        for (const [n, text] of edits) state = typeAtEnd(state, `op${n}`, text);
        const problems = styleKey.getState(state)?.problems ?? [];
        expect(drawn(decorationsOf(state))).toEqual(drawn(problemDecorations(state.doc, problems).find()));
      }),
      { numRuns: 40 },
    );
  });
});
