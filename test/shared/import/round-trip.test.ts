import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportDocumentsText, exportText } from '../../../shared/document/index.js';
import { importText } from '../../../shared/import/index.js';
import { arbitraryDocument, arbitraryDocuments } from '../../support/arbitrary-document.js';
import { fingerprint } from './inspect.js';

// importText(exportText(doc)) must give back the same structure: node types and nesting,
// texts, opener and emphasis extents, footnote texts and header fields; ids are fresh.
describe('importText reads back what exportText writes', () => {
  it('one document at a time', () => {
    fc.assert(
      fc.property(arbitraryDocument(), (doc) => {
        const text = exportText(doc);
        const { documents } = importText(text);
        expect(documents.map(fingerprint), text).toEqual([fingerprint(doc)]);
      }),
      { numRuns: 300 },
    );
  });

  it('with emphasis marks written as _..._', () => {
    fc.assert(
      fc.property(arbitraryDocument({ emphasis: true }), (doc) => {
        const text = exportText(doc);
        expect(importText(text).documents.map(fingerprint), text).toEqual([fingerprint(doc)]);
      }),
      { numRuns: 200 },
    );
  });

  it('several documents in one text', () => {
    fc.assert(
      fc.property(arbitraryDocuments(), (docs) => {
        const text = exportDocumentsText(docs);
        expect(importText(text).documents.map(fingerprint), text).toEqual(docs.map(fingerprint));
      }),
      { numRuns: 150 },
    );
  });

  it('with CRLF line endings', () => {
    fc.assert(
      fc.property(arbitraryDocument(), (doc) => {
        const text = exportText(doc).replace(/\n/g, '\r\n');
        expect(importText(text).documents.map(fingerprint), text).toEqual([fingerprint(doc)]);
      }),
      { numRuns: 100 },
    );
  });

  it('gives every paragraph-level node a fresh id', () => {
    fc.assert(
      fc.property(arbitraryDocument(), (doc) => {
        const [imported] = importText(exportText(doc)).documents;
        const ids: string[] = [];
        imported?.descendants((node) => {
          if ('id' in node.attrs) ids.push(String(node.attrs.id));
        });
        expect(ids.every((id) => /^[a-z][a-z0-9]{11}$/.test(id))).toBe(true);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 50 },
    );
  });
});
