import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { checkDocument } from '../../../../shared/style/index.js';
import { paragraphTypes, touchedParagraphIds } from '../../../../renderer/editor/style/touched.js';
import { styleKey, stylePlugin } from '../../../../renderer/editor/style/style-plugin.js';
import { autoOpenerPlugin } from '../../../../renderer/editor/style/auto-opener.js';
import { docOf, stateOf } from './helpers.js';

const start = docOf({
  preamble: [{ text: 'Recalling its resolution 70/1 of 25 September 2015,', opener: 'Recalling' }, { text: 'Noting the report,', opener: 'Noting' }],
  operative: [
    { text: 'Requests the Secretary-General to report;', opener: 'Requests', subparagraphs: ['On access;', 'On costs;'] },
    { text: 'Requests States to act;', opener: 'Requests', footnotes: [{ text: 'See a/res/77/231.' }] },
    { text: 'Decides to remain seized of the matter.', opener: 'Decides' },
  ],
});

// The text of every paragraph-level node, by id.
function texts(doc: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  doc.descendants((node) => {
    const id: unknown = node.attrs.id;
    if (paragraphTypes.has(node.type.name) && typeof id === 'string' && node.firstChild) out.set(id, node.firstChild);
    return !node.isTextblock;
  });
  return out;
}

function textPositions(doc: Node): number[] {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'paragraph_text') for (let i = 0; i <= node.content.size; i++) out.push(pos + 1 + i);
    return node.type.name !== 'paragraph_text';
  });
  return out;
}

type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('x', ' ', ';', ',', '.', 'Also ', 'Recalling ', 'a/res/1/2') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
);

function apply(state: EditorState, e: Edit): { state: EditorState; touched: Set<string>; before: Node } {
  const positions = textPositions(state.doc);
  const at = positions[e.at % positions.length] ?? 0;
  const tr = e.kind === 'insert' ? state.tr.insertText(e.text, at) : state.tr.delete(at, positions[Math.min(positions.length - 1, (e.at % positions.length) + e.length)] ?? at);
  return { state: state.apply(tr), touched: touchedParagraphIds(tr), before: state.doc };
}

describe('touched ids and the incremental checker under random edits', () => {
  it('every paragraph whose text changed is touched, and the plugin agrees with a full check', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        let state = stateOf(start, [stylePlugin()]);
        for (const e of edits) {
          const step = apply(state, e);
          state = step.state;
          const old = texts(step.before);
          for (const [id, text] of texts(state.doc)) {
            const previous = old.get(id);
            if (id !== '' && previous && !previous.eq(text)) expect(step.touched.has(id), id).toBe(true);
          }
          // A delete across paragraphs can leave a paragraph without an id (''); the editor's id
          // plugin repairs that. Such a paragraph is never 'touched' and its problems have no
          // place to be shown, so both checks leave it out.
          const full = checkDocument(state.doc).filter((p) => p.paragraphId !== '');
          const got = styleKey.getState(state)?.problems.map((p) => p.message);
          expect(got).toEqual(full.map((p) => p.message));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the automatic opener never changes the text, only marks', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        let plain = stateOf(start, []);
        let marked = stateOf(start, [autoOpenerPlugin()]);
        for (const e of edits) {
          plain = apply(plain, e).state;
          marked = apply(marked, e).state;
          expect(marked.doc.textContent).toBe(plain.doc.textContent);
        }
      }),
      { numRuns: 100 },
    );
  });
});
