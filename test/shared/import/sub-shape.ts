/**
 * The nesting of a document's subparagraphs, for tests that read the same text in several
 * forms (plain text, Word with typed labels, Word with its own numbering).
 */
import type { Node } from 'prosemirror-model';

/** Per subparagraph of operative paragraph `op` (0-based): how many (i)-level paragraphs it holds. */
export function subShape(doc: Node, op: number): number[] {
  const ops: Node[] = [];
  doc.descendants((n) => (n.type.name === 'operative_paragraph' ? (ops.push(n), false) : true));
  const shape: number[] = [];
  ops[op]?.forEach((child) => {
    if (child.type.name !== 'subparagraph') return;
    let romans = 0;
    child.descendants((n) => (n.type.name === 'sub_subparagraph' ? (romans++, false) : true));
    shape.push(romans);
  });
  return shape;
}

/** The own text of the document's `at`-th subparagraph (0-based, document order), without its children. */
export function textOfSub(doc: Node, at: number): string {
  const subs: Node[] = [];
  doc.descendants((n) => (n.type.name === 'subparagraph' ? (subs.push(n), false) : true));
  return subs[at]?.firstChild?.textContent ?? '';
}
