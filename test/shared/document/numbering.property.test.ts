import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { readHeader } from '../../../shared/document/header.js';
import {
  annexLabel,
  decisionParagraphLabel,
  listItemLabel,
  operativeLabel,
  subparagraphLabel,
  subSubparagraphLabel,
  type Language,
} from '../../../shared/document/labels.js';
import { computeNumbering, type NumberEntry, type NumberKind } from '../../../shared/document/numbering.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { arbitraryDocument } from '../../support/arbitrary-document.js';

const kindOf: Record<string, NumberKind> = {
  preambular_paragraph: 'pp',
  operative_paragraph: 'op',
  decision_paragraph: 'decision',
  subparagraph: 'sub',
  sub_subparagraph: 'subsub',
  list_item: 'item',
  annex: 'annex',
};

function expectedLabel(kind: NumberKind, n: number, count: number, language: Language): string {
  switch (kind) {
    case 'pp': return '';
    case 'op': return operativeLabel(n);
    case 'decision': return decisionParagraphLabel(n, language);
    case 'sub': return subparagraphLabel(n, language);
    case 'subsub': return subSubparagraphLabel(n, language);
    case 'item': return listItemLabel(n);
    case 'annex': return annexLabel(n, count, language);
    case 'footnote': return String(n);
  }
}

// Walks the document with ProseMirror's own child API and checks that, under every parent,
// the numbered children of each kind are 1..n in order with the expected labels, and that
// footnotes are 1..N in document order.
function expectConsecutive(doc: Node): void {
  const numbering = computeNumbering(doc);
  const language = readHeader(doc).language;
  const atPos = new Map<number, NumberEntry>(numbering.entries.map((e) => [e.pos, e]));
  const visit = (parent: Node, parentPos: number): void => {
    const siblings = new Map<NumberKind, Node[]>();
    parent.forEach((child) => {
      const kind = kindOf[child.type.name];
      if (kind) siblings.set(kind, [...(siblings.get(kind) ?? []), child]);
    });
    parent.forEach((child, offset) => {
      const pos = parentPos + 1 + offset;
      const kind = kindOf[child.type.name];
      if (kind) {
        const group = siblings.get(kind) ?? [];
        const n = group.indexOf(child) + 1;
        const entry = atPos.get(pos);
        expect(entry?.id).toBe(child.attrs.id);
        expect(entry?.number).toBe(n);
        expect(entry?.label).toBe(expectedLabel(kind, n, group.length, language));
      }
      if (!child.isLeaf && !child.isTextblock) visit(child, pos);
    });
  };
  visit(doc, -1);
  const footnotes: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === 'footnote') footnotes.push(node.attrs.id as string);
    return true;
  });
  expect(numbering.footnoteOrder).toEqual(footnotes);
  expect(numbering.entries.filter((e) => e.kind === 'footnote').map((e) => e.number)).toEqual(footnotes.map((_, i) => i + 1));
}

type Mutation = { move: boolean; pick: number; target: number };

// Deletes a random paragraph-level node (where its parent stays valid without it), and for
// a move re-inserts it at a random place that accepts its type. Returns the new document.
function mutate(doc: Node, mutation: Mutation): Node {
  const candidates: { node: Node; pos: number }[] = [];
  doc.descendants((node, pos, parent, index) => {
    if (kindOf[node.type.name] && node.type.name !== 'annex' && parent?.canReplace(index, index + 1)) candidates.push({ node, pos });
    return true;
  });
  const chosen = candidates[mutation.pick % Math.max(1, candidates.length)];
  if (!chosen) return doc;
  const tr = new Transform(doc).delete(chosen.pos, chosen.pos + chosen.node.nodeSize);
  if (mutation.move) {
    const targets: number[] = [];
    tr.doc.descendants((node, pos) => {
      if (node.isTextblock) return false;
      for (let i = 0, childPos = pos + 1; i <= node.childCount; i++) {
        if (node.canReplaceWith(i, i, chosen.node.type)) targets.push(childPos);
        if (i < node.childCount) childPos += node.child(i).nodeSize;
      }
      return true;
    });
    const target = targets[mutation.target % Math.max(1, targets.length)];
    if (target !== undefined) tr.insert(target, chosen.node);
  }
  tr.doc.check();
  return tr.doc;
}

describe('computeNumbering (properties)', () => {
  it('numbers every generated document consecutively per parent, with unique ids', () => {
    fc.assert(
      fc.property(arbitraryDocument(), (doc) => {
        expect(() => validateDocument(doc.toJSON())).not.toThrow();
        expectConsecutive(doc);
      }),
      { numRuns: 150 },
    );
  });

  it('stays consecutive after paragraphs are deleted or moved', () => {
    const mutationArb = fc.record({ move: fc.boolean(), pick: fc.nat(), target: fc.nat() });
    fc.assert(
      fc.property(arbitraryDocument(), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (doc, mutations) => {
        const after = mutations.reduce(mutate, doc);
        expect(() => validateDocument(after.toJSON())).not.toThrow();
        expectConsecutive(after);
      }),
      { numRuns: 150 },
    );
  });

  it('gives a moved operative paragraph the number of its new place', () => {
    fc.assert(
      fc.property(arbitraryDocument({ languages: ['en'] }), fc.nat(), fc.nat(), (doc, from, to) => {
        const index = childIndex(doc, 'operative');
        fc.pre(index >= 0 && doc.child(index).childCount > 1);
        const operative = doc.child(index);
        const operativePos = childPos(doc, -1, index);
        const source = from % operative.childCount;
        const dest = to % operative.childCount;
        const moved = operative.child(source);
        const movedId = moved.attrs.id as string;
        const start = childPos(operative, operativePos, source);
        const tr = new Transform(doc).delete(start, start + moved.nodeSize);
        tr.insert(childPos(tr.doc.child(index), operativePos, dest), moved);
        const numbering = computeNumbering(tr.doc);
        expect(numbering.byId.get(movedId)?.path).toBe(`OP ${dest + 1}`);
        const order: string[] = [];
        operative.forEach((op) => {
          if (op.attrs.id !== movedId) order.push(op.attrs.id as string);
        });
        order.splice(dest, 0, movedId);
        expect(order.map((id) => numbering.byId.get(id)?.number)).toEqual(order.map((_, i) => i + 1));
      }),
      { numRuns: 100 },
    );
  });
});

function childIndex(parent: Node, name: string): number {
  for (let i = 0; i < parent.childCount; i++) if (parent.child(i).type.name === name) return i;
  return -1;
}

// The position of the parent's index-th child, `parentPos` being the parent's own position
// (-1 for the document, whose content starts at 0).
function childPos(parent: Node, parentPos: number, index: number): number {
  let pos = parentPos + 1;
  for (let i = 0; i < index; i++) pos += parent.child(i).nodeSize;
  return pos;
}
