import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { buildDocument } from '../../../shared/document/build.js';
import { computeNumbering } from '../../../shared/document/numbering.js';
import { numberingDecorations, numberingKey, numberingPlugin } from '../../../renderer/editor/numbering-plugin.js';

const doc = () =>
  buildDocument({
    title: 'Equal access to justice',
    body: 'The General Assembly,',
    preamble: [{ text: 'Recalling its resolutions,', opener: 'Recalling' }, 'Noting with concern that,'],
    operative: [
      { text: 'Requests the Secretary-General to report;', opener: 'Requests', footnotes: [{ at: 8, text: 'A/78/1.' }] },
      { text: 'Encourages Member States:', opener: 'Encourages', subparagraphs: [{ text: 'To act;', subparagraphs: ['First;', 'Second;'] }, 'To report;'] },
      { text: 'Decides to remain seized.', list: ['Opening.', 'Adoption.'] },
      'Further decides to act.',
    ],
  });

const stateOf = () => EditorState.create({ schema: resolutionSchema, doc: doc(), plugins: [numberingPlugin()] });
const decorationsOf = (state: EditorState) => numberingKey.getState(state)?.decorations.find() ?? [];
const drawn = (decorations: readonly Decoration[]) => decorations.map((d) => `${d.from}-${d.to}:${JSON.stringify((d.spec as { attrs: unknown }).attrs)}`).sort();
const typeOf = (d: Decoration) => (d as unknown as { type: unknown }).type;

describe('numbering decorations across transactions', () => {
  it('keeps every decoration (same type objects) when a keystroke only types into a paragraph', () => {
    const state = stateOf();
    const before = new Set(decorationsOf(state).map(typeOf));
    const pos = state.doc.resolve(state.doc.content.size - 3).pos;
    const next = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)).insertText('x'));
    const after = decorationsOf(next);
    expect(after).toHaveLength(before.size);
    for (const d of after) expect(before.has(typeOf(d))).toBe(true);
  });

  it('draws what a full rebuild draws after any deletions and insertions (property)', () => {
    const size = stateOf().doc.content.size;
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), a: fc.integer({ min: 0, max: size }), b: fc.integer({ min: 0, max: size }) }),
      fc.record({ kind: fc.constant('type' as const), a: fc.integer({ min: 0, max: size }), b: fc.constant(0) }),
      // A character or two deleted: mostly inside one text block, as Backspace does.
      fc.record({ kind: fc.constant('delete' as const), a: fc.integer({ min: 0, max: size }), b: fc.constant(-2) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
        let state = stateOf();
        for (const { kind, a, b } of edits) {
          const max = state.doc.content.size;
          const from = b < 0 ? Math.min(a, max) : Math.min(a, b, max);
          const to = b < 0 ? Math.min(a - b, max) : Math.min(Math.max(a, b), max);
          const tr = state.tr;
          if (kind === 'delete') tr.delete(from, to);
          else if (state.doc.resolve(from).parent.inlineContent) tr.insertText('z', from);
          state = state.apply(tr);
        }
        expect(drawn(decorationsOf(state))).toEqual(drawn(numberingDecorations(state.doc).find()));
        // Typing maps the numbering instead of recomputing it: positions must still be exact.
        expect(numberingKey.getState(state)?.numbering).toEqual(computeNumbering(state.doc));
      }),
      { numRuns: 150 },
    );
  });
});
