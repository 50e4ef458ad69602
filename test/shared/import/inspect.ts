/**
 * Test helpers that read imported documents: paragraphs by type, their text, opener,
 * footnotes, lists and subparagraphs, and a structural fingerprint without ids.
 */
import fs from 'node:fs';
import type { Node } from 'prosemirror-model';

/** A fixture file of test/fixtures/corpus as a string. */
export function corpus(name: string): string {
  return fs.readFileSync(new URL(`../../fixtures/corpus/${name}`, import.meta.url), 'utf8');
}

/** The direct paragraph children of the document's `container` ('preamble', 'operative', 'decision_body'). */
export function paragraphsOf(doc: Node, container: string): Node[] {
  const out: Node[] = [];
  doc.forEach((child) => {
    if (child.type.name === container) child.forEach((p) => out.push(p));
  });
  return out;
}

/** The annexes of a document. */
export function annexesOf(doc: Node): Node[] {
  const out: Node[] = [];
  doc.forEach((child) => {
    if (child.type.name === 'annex') out.push(child);
  });
  return out;
}

/** The paragraph's own text (its paragraph_text, footnote texts excluded). */
export function ownText(paragraph: Node): string {
  const block = paragraph.firstChild?.type.name === 'paragraph_text' ? paragraph.firstChild : paragraph;
  let text = '';
  block.forEach((child) => {
    if (child.isText) text += child.text ?? '';
  });
  return text;
}

/** The text carrying the `opener` mark in the paragraph's own text. */
export function openerOf(paragraph: Node): string {
  const block = paragraph.firstChild?.type.name === 'paragraph_text' ? paragraph.firstChild : paragraph;
  let text = '';
  block.forEach((child) => {
    if (child.isText && child.marks.some((m) => m.type.name === 'opener')) text += child.text ?? '';
  });
  return text;
}

/** The texts of the footnotes inside `node`, in document order. */
export function footnotesIn(node: Node): string[] {
  const out: string[] = [];
  node.descendants((child) => {
    if (child.type.name === 'footnote') out.push(child.textContent);
    return child.type.name !== 'footnote';
  });
  return out;
}

/** The children of `paragraph` of node type `type` (e.g. 'subparagraph', 'numbered_list'). */
export function childrenOf(paragraph: Node, type: string): Node[] {
  const out: Node[] = [];
  paragraph.forEach((child) => {
    if (child.type.name === type) out.push(child);
  });
  return out;
}

/** The header attributes of a document. */
export function headerOf(doc: Node): Record<string, unknown> {
  return doc.firstChild?.attrs ?? {};
}

/**
 * The document as plain data without ids: node types, nesting, texts, marks (opener and
 * emphasis on text runs), footnote texts and header fields. Equal fingerprints mean the
 * same structure.
 */
export function fingerprint(node: Node): unknown {
  if (node.isText) return { text: node.text, marks: node.marks.map((m) => m.type.name).sort() };
  const attrs = { ...node.attrs };
  delete attrs.id;
  const content: unknown[] = [];
  node.forEach((child) => content.push(fingerprint(child)));
  return { type: node.type.name, ...(Object.keys(attrs).length ? { attrs } : {}), ...(content.length ? { content } : {}) };
}
