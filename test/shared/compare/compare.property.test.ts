import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { Fragment, Slice } from 'prosemirror-model';
import { ReplaceStep, Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { applyComparison, compareDocuments, listUnits, type Comparison } from '../../../shared/compare/index.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { withFreshIds, type JsonNode } from '../../../shared/ids.js';
import { arbitraryDocument } from '../../support/arbitrary-document.js';
import { applyEdits, editSeedArb } from './random-edits.js';

const rebuiltOf = (doc: Node) => listUnits(doc).map(({ kind, text }) => ({ kind, text }));
const freshIds = (doc: Node): Node => validateDocument(withFreshIds(doc.toJSON() as JsonNode));
const editedPair = fc
  .tuple(arbitraryDocument(), fc.array(editSeedArb, { minLength: 1, maxLength: 8 }))
  .map(([doc, seeds]) => ({ oldDoc: doc, newDoc: applyEdits(doc, seeds) }));

// Every unit of both versions appears exactly once, new units in new-document order.
function expectCoversBoth(comparison: Comparison, oldDoc: Node, newDoc: Node): void {
  const newPositions = comparison.paragraphs.flatMap((p) => (p.newPos === null ? [] : [p.newPos]));
  expect(newPositions).toEqual(listUnits(newDoc).map((u) => u.pos));
  const oldPositions = comparison.paragraphs.flatMap((p) => (p.oldPos === null ? [] : [p.oldPos]));
  expect([...oldPositions].sort((a, b) => a - b)).toEqual(listUnits(oldDoc).map((u) => u.pos));
}

describe('compareDocuments (property)', () => {
  it('applying the comparison to the old text gives the new text, after random rewords, insertions, deletions and moves', () => {
    fc.assert(
      fc.property(editedPair, ({ oldDoc, newDoc }) => {
        const comparison = compareDocuments(oldDoc, newDoc);
        expect(applyComparison(oldDoc, comparison)).toEqual(rebuiltOf(newDoc));
        expectCoversBoth(comparison, oldDoc, newDoc);
      }),
      { numRuns: 150 },
    );
  });

  it('does the same when no id is shared (matching by text only)', () => {
    fc.assert(
      fc.property(editedPair, ({ oldDoc, newDoc }) => {
        const renamed = freshIds(newDoc);
        const comparison = compareDocuments(oldDoc, renamed);
        expect(comparison.paragraphs.some((p) => p.matchedBy === 'id')).toBe(false);
        expect(applyComparison(oldDoc, comparison)).toEqual(rebuiltOf(renamed));
        expectCoversBoth(comparison, oldDoc, renamed);
      }),
      { numRuns: 100 },
    );
  });

  it('finds a document unchanged against itself and against a copy with fresh ids', () => {
    fc.assert(
      fc.property(arbitraryDocument(), (doc) => {
        const counted = listUnits(doc).filter((u) => !['title', 'body', 'annex'].includes(u.kind)).length;
        for (const other of [doc, freshIds(doc)]) {
          const comparison = compareDocuments(doc, other);
          expect(comparison.paragraphs.every((p) => p.status === 'unchanged')).toBe(true);
          expect(comparison.counts).toEqual({ inserted: 0, deleted: 0, moved: 0, changed: 0, unchanged: counted });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reports exactly one move when one top-level paragraph changes place, and nothing else', () => {
    const withTarget = arbitraryDocument()
      .filter((doc) => topLevel(doc).length >= 2)
      .chain((doc) => fc.record({ doc: fc.constant(doc), from: fc.nat(topLevel(doc).length - 1), to: fc.nat(topLevel(doc).length - 1) }))
      .filter(({ from, to }) => from !== to);
    fc.assert(
      fc.property(withTarget, ({ doc, from, to }) => {
        const moved = moveTopLevel(doc, from, to);
        const { counts, paragraphs } = compareDocuments(doc, moved);
        expect(counts.moved).toBe(1);
        expect(counts.inserted + counts.deleted + counts.changed).toBe(0);
        // A swap of neighbours moves either of them; over a longer distance only the one.
        const movedId = topLevel(doc)[from]?.node.attrs.id as string;
        if (Math.abs(from - to) >= 2) expect(paragraphs.filter((p) => p.status === 'moved').map((p) => p.newId)).toEqual([movedId]);
      }),
      { numRuns: 100 },
    );
  });
});

// The PPs, OPs or decision paragraphs of the section with the most of them.
function topLevel(doc: Node): { node: Node; pos: number }[] {
  let best: { node: Node; pos: number }[] = [];
  doc.forEach((section, offset) => {
    if (!['operative', 'preamble', 'decision_body'].includes(section.type.name)) return;
    const children: { node: Node; pos: number }[] = [];
    section.forEach((child, childOffset) => children.push({ node: child, pos: offset + 1 + childOffset }));
    if (children.length > best.length) best = children;
  });
  return best;
}

// Moves top-level paragraph `from` so that it ends up at index `to` among its siblings.
function moveTopLevel(doc: Node, from: number, to: number): Node {
  const items = topLevel(doc);
  const source = items[from];
  const target = items[to];
  if (!source || !target) throw new Error('no such paragraph');
  const tr = new Transform(doc);
  const at = to > from ? target.pos + target.node.nodeSize : target.pos;
  tr.step(new ReplaceStep(source.pos, source.pos + source.node.nodeSize, Slice.empty));
  const mapped = tr.mapping.map(at);
  tr.step(new ReplaceStep(mapped, mapped, new Slice(Fragment.from(source.node), 0, 0)));
  return tr.doc;
}
