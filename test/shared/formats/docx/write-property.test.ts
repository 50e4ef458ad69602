import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../../shared/document/validate.js';
import { withFreshIds, type JsonNode } from '../../../../shared/ids.js';
import { writeDocx } from '../../../../shared/formats/docx/write.js';
import { arbitraryDocument } from '../../../support/arbitrary-document.js';
import { applyEdits, editSeedArb } from '../../compare/random-edits.js';
import { pandocParagraphs, textParagraphs } from './write-readers.js';

const freshIds = (doc: Node): Node => validateDocument(withFreshIds(doc.toJSON() as JsonNode));

// A generated document and a version of it after random rewords, insertions, deletions and
// moves; in half the cases the new version's ids are all fresh (matched by text only).
const editedPair = fc
  .tuple(arbitraryDocument(), fc.array(editSeedArb, { minLength: 1, maxLength: 8 }), fc.boolean())
  .map(([doc, seeds, renamed]) => {
    const edited = applyEdits(doc, seeds);
    return { oldDoc: doc, newDoc: renamed ? freshIds(edited) : edited };
  });

describe('writeDocx tracked changes (property, read by pandoc)', () => {
  it('accepting every change gives the new text and rejecting every change the old one', () => {
    fc.assert(
      fc.property(editedPair, ({ oldDoc, newDoc }) => {
        const bytes = writeDocx(newDoc, { changesFrom: oldDoc, author: 'EU', date: '2026-12-07T10:00:00Z' });
        expect(pandocParagraphs(bytes, 'accept')).toEqual(textParagraphs(newDoc));
        expect(pandocParagraphs(bytes, 'reject')).toEqual(textParagraphs(oldDoc));
      }),
      // pandoc is a process per reading: 20 pairs keep the run under a minute.
      { numRuns: 20 },
    );
  }, 300_000);
});
