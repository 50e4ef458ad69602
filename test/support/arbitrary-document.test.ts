import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { readHeader } from '../../shared/document/header.js';
import { validateDocument } from '../../shared/document/validate.js';
import { arbitraryDocument, arbitraryDocuments } from './arbitrary-document.js';

const paragraphTypes = new Set(['preambular_paragraph', 'operative_paragraph', 'decision_paragraph', 'subparagraph', 'sub_subparagraph', 'list_item']);

// The plain text of a paragraph without its footnotes.
function ownText(block: Node): string {
  let text = '';
  block.forEach((inline) => {
    if (inline.isText) text += inline.text ?? '';
  });
  return text;
}

describe('arbitraryDocument', () => {
  it('generates valid documents whose text survives the plain-text layout', () => {
    fc.assert(
      fc.property(arbitraryDocument({ emphasis: true }), (doc) => {
        validateDocument(doc.toJSON());
        doc.descendants((node) => {
          if (node.isText) expect(node.text).not.toMatch(/[*_\n⁰¹²³⁴⁵⁶⁷⁸⁹]/);
          const block = paragraphTypes.has(node.type.name) ? node.firstChild : node.type.name === 'annex_paragraph' ? node : null;
          if (block) {
            const text = ownText(block);
            expect(text).not.toMatch(/^(\d+\.|\(?[a-z]+\)|[A-Z]\.)\s/);
            const hasChildren = paragraphTypes.has(node.type.name) && node.childCount > 1;
            expect(text).toMatch(hasChildren ? /:$/ : /[,;.:]$/);
          }
          return true;
        });
      }),
      { numRuns: 200 },
    );
  });

  it('covers every construct the importer must read back', () => {
    const seen = new Set<string>();
    for (const doc of fc.sample(arbitraryDocument(), { numRuns: 400, seed: 42 })) {
      seen.add(`lang:${readHeader(doc).language}`);
      if (readHeader(doc).heading !== '') seen.add('heading');
      if (readHeader(doc).sponsors.length > 1) seen.add('sponsors');
      doc.descendants((node, _pos, parent) => {
        seen.add(node.type.name);
        if (node.type.name === 'numbered_list' && parent?.type.name === 'list_item') seen.add('nested list');
        if (node.type.name === 'footnote' && parent?.type.name === 'annex_paragraph') seen.add('footnote in annex');
        if (node.marks.some((m) => m.type.name === 'opener')) seen.add('opener');
        return true;
      });
    }
    for (const construct of [
      'lang:en', 'lang:fr', 'lang:es', 'heading', 'sponsors', 'preambular_paragraph', 'operative_paragraph', 'decision_paragraph',
      'subparagraph', 'sub_subparagraph', 'numbered_list', 'nested list', 'footnote', 'footnote in annex', 'annex', 'opener',
    ]) {
      expect(seen, construct).toContain(construct);
    }
  });

  it('draws one to three documents for multi-document texts', () => {
    const lengths = fc.sample(arbitraryDocuments(), { numRuns: 100, seed: 7 }).map((docs) => docs.length);
    expect(Math.min(...lengths)).toBe(1);
    expect(Math.max(...lengths)).toBe(3);
  });
});
