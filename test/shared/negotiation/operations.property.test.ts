import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../shared/document/validate.js';
import { cleanText, compilationText, countBrackets, negotiationProblems } from '../../../shared/negotiation/index.js';
import { arbitraryDocument } from '../../support/arbitrary-document.js';
import { stateOf } from './helpers.js';
import { arbitraryOps, randomTransaction } from './random-ops.js';

describe('random sequences of negotiation actions', () => {
  it('keep the document schema-valid and consistent; clean text has no brackets; the compilation text prints one [ per bracket', () => {
    let applied = 0;
    fc.assert(
      fc.property(arbitraryDocument({ languages: ['en'] }), arbitraryOps(14), (doc, ops) => {
        let state = stateOf(doc);
        for (const op of ops) {
          const tr = randomTransaction(state, op);
          if (!tr) continue;
          state = state.apply(tr);
          applied++;
          validateDocument(state.doc.toJSON());
          expect(negotiationProblems(state.doc)).toEqual([]);
        }
        const clean = cleanText(state.doc);
        expect(clean).not.toMatch(/[[\]]/);
        const compilation = compilationText(state.doc);
        expect(compilation.split('[').length - 1).toBe(countBrackets(state.doc).brackets);
        expect(compilation.split(']').length - 1).toBe(countBrackets(state.doc).brackets);
      }),
      { numRuns: 150 },
    );
    // The generator must actually exercise the actions, not mostly skip them.
    expect(applied).toBeGreaterThan(500);
  });
});
