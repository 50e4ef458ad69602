import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { computeNumbering } from '../../../shared/document/numbering.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { newId } from '../../../shared/ids.js';
import {
  addParagraphAlternative,
  collectBrackets,
  issueCleanText,
  latinOrdinal,
  NegotiationError,
  negotiationProblems,
  numberTableText,
  setParagraphStatus,
  stableLabels,
} from '../../../shared/negotiation/index.js';
import { arbitraryDocument } from '../../support/arbitrary-document.js';
import { sampleResolution } from '../document/sample-documents.js';
import { apply, posOf, stateOf } from './helpers.js';
import { arbitraryOps, randomTransaction } from './random-ops.js';

const at = '2026-11-23T10:00:00Z';

// Inserts a new paragraph of the same type as the one at `pos` right after it.
function insertAfter(state: EditorState, pos: number): EditorState {
  const node = state.doc.nodeAt(pos) as Node;
  const { schema } = state;
  const copy = node.type.create({ id: newId() }, schema.nodes.paragraph_text?.create(null, schema.text('Decides to act.')));
  return apply(state, state.tr.insert(pos + node.nodeSize, copy));
}

describe('stable numbering', () => {
  it('names inserted paragraphs bis, ter ... after the base paragraph and keeps the others', () => {
    const base = sampleResolution();
    let state = stateOf(base);
    state = insertAfter(state, posOf(state.doc, 'operative_paragraph', 'op1'));
    state = insertAfter(state, posOf(state.doc, 'operative_paragraph', 'op1'));
    state = apply(state, addParagraphAlternative(state, posOf(state.doc, 'operative_paragraph', 'op3'), 'Decides to stay seized.'));
    const labels = [...stableLabels(state.doc, base).values()];
    expect(labels).toEqual(['PP 1', 'PP 2', 'OP 1', 'OP 1 bis', 'OP 1 ter', 'OP 2', 'OP 3', 'OP 3 alt']);
    expect(latinOrdinal(10)).toBe('decies');
  });

  it('issues a clean text: deleted paragraphs go, agreed brackets go, numbers are renumbered with a table', () => {
    const base = sampleResolution();
    let state = stateOf(base);
    state = insertAfter(state, posOf(state.doc, 'operative_paragraph', 'op1'));
    state = apply(state, setParagraphStatus(state, posOf(state.doc, 'operative_paragraph', 'op2'), { state: 'deleted', by: 'facilitator', at }));
    const { doc, table } = issueCleanText(state.doc, base);
    validateDocument(doc.toJSON());
    expect(table.map((r) => `${r.old} -> ${r.new}`)).toEqual(['PP 1 -> PP 1', 'PP 2 -> PP 2', 'OP 1 -> OP 1', 'OP 1 bis -> OP 2', 'OP 3 -> OP 3']);
    expect(numberTableText(table).split('\n')[4]).toBe('OP 1 bis\tOP 2');
    expect(computeNumbering(doc).byId.get('op3')?.path).toBe('OP 3');
  });

  it('refuses to delete every operative paragraph', () => {
    let state = stateOf(sampleResolution());
    for (const id of ['op1', 'op2', 'op3']) {
      state = apply(state, setParagraphStatus(state, posOf(state.doc, 'operative_paragraph', id), { state: 'deleted', by: 'f', at }));
    }
    expect(() => issueCleanText(state.doc)).toThrow(NegotiationError);
  });

  it('property: the old -> new table is a bijection on the surviving paragraphs, and agreed paragraphs keep no plain bracket', () => {
    fc.assert(
      fc.property(arbitraryDocument({ languages: ['en'] }), arbitraryOps(10), fc.array(fc.nat(50), { maxLength: 4 }), (base, ops, inserts) => {
        let state = stateOf(base);
        for (const n of inserts) {
          const tops: number[] = [];
          state.doc.descendants((node, pos) => {
            if (node.type.name === 'operative_paragraph' || node.type.name === 'decision_paragraph') tops.push(pos);
            return !node.isTextblock;
          });
          state = insertAfter(state, tops[n % tops.length] ?? 0);
        }
        for (const op of ops) {
          const tr = randomTransaction(state, op);
          if (tr) state = state.apply(tr);
        }
        let issued;
        try {
          issued = issueCleanText(state.doc, base);
        } catch (err) {
          if (err instanceof NegotiationError) return;
          throw err;
        }
        validateDocument(issued.doc.toJSON());
        expect(negotiationProblems(issued.doc)).toEqual([]);
        const survivors: string[] = [];
        issued.doc.descendants((node) => {
          if (['preambular_paragraph', 'operative_paragraph', 'decision_paragraph'].includes(node.type.name)) survivors.push(String(node.attrs.id));
          return !node.isTextblock;
        });
        expect(issued.table.map((r) => r.id)).toEqual(survivors);
        expect(new Set(issued.table.map((r) => r.old)).size).toBe(survivors.length);
        expect(new Set(issued.table.map((r) => r.new)).size).toBe(survivors.length);
        expect(issued.table.every((r) => r.old !== '' && r.new !== '')).toBe(true);
        const agreed = collectBrackets(issued.doc).filter((b) => {
          const para = findTop(issued.doc, b.pos);
          const status = para?.attrs.status as { state?: string } | null;
          return (status?.state === 'agreed' || status?.state === 'agreed_ad_ref') && !b.deletion && b.group === '';
        });
        expect(agreed).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });
});

function findTop(doc: Node, pos: number): Node | null {
  const $pos = doc.resolve(pos);
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if (['preambular_paragraph', 'operative_paragraph', 'decision_paragraph'].includes(node.type.name)) return node;
  }
  return null;
}
