import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { exportText } from '../../../shared/document/export-text.js';
import { importText } from '../../../shared/import/index.js';
import { cleanViewDoc } from '../../../shared/negotiation/clean-view.js';
import { collectBrackets } from '../../../shared/negotiation/model.js';
import { arbitraryDocument } from '../../support/arbitrary-document.js';
import { bracketWholeTexts, rangeOf, stateOf } from './helpers.js';
import { arbitraryOps, randomTransaction } from './random-ops.js';

const fixture = (name: string): Node => {
  const doc = importText(readFileSync(join(__dirname, '../../fixtures/negotiation', name), 'utf8')).documents[0];
  if (!doc) throw new Error(`no document in ${name}`);
  return doc;
};
// The text export closes an opener or emphasis before a dropped bracket and opens it again
// after ("*T**akes*"), and a marker between two spaces hides them from its tidying
// ("*Takes * the"); the clean document has one run and one space. Compared without markup.
const plain = (text: string): string =>
  text
    .replace(/[*_]/g, '')
    .split('\n')
    .map((line) => line.replace(/(\S) {2,}/g, '$1 ').replace(/ +(?=[,;.:⁰¹²³⁴⁵⁶⁷⁸⁹])/g, '').trimEnd())
    .join('\n');
const fixtures = ['ga-third-committee-rev1.txt', 'hrc-right-to-education.txt', 'ecosoc-decision-unbalanced.txt'];

describe('the clean view as a document', () => {
  it.each(fixtures)('draws what the clean text export writes (%s): no bracket left, same text', (name) => {
    const doc = fixture(name);
    expect(collectBrackets(doc).length).toBeGreaterThan(0);
    const clean = cleanViewDoc(doc);
    expect(collectBrackets(clean)).toEqual([]);
    expect(exportText(clean)).toBe(exportText(doc, { view: 'clean' }));
  });

  it('leaves out bracketed paragraphs and alternatives, keeps the rest numbered as it stands', () => {
    const clean = cleanViewDoc(fixture('ga-third-committee-rev1.txt'));
    const text = exportText(clean);
    expect(text).not.toContain('[');
    expect(text).not.toContain('Requests the Secretary-General to submit');
    expect(text).toContain('5. *Decides* to the question at its eighty-third session.');
    expect(text).toContain('that women migrant workers remain vulnerable to violence,');
  });

  it('leaves out a paragraph, subparagraph or list item whose whole text is in brackets, and numbers the rest as it stands', () => {
    const decision = importText(readFileSync(join(__dirname, '../../fixtures/corpus/ccpcj32-draft-decision.txt'), 'utf8')).documents[0]!;
    const doc = bracketWholeTexts(decision, ['Reaffirms', 'General debate', 'Working methods', 'Strategic management']);
    const clean = cleanViewDoc(doc);
    expect(collectBrackets(clean)).toEqual([]);
    const text = exportText(clean);
    expect(text).toBe(exportText(doc, { view: 'clean' }));
    expect(text).not.toMatch(/Reaffirms|General debate|Working methods|Strategic management/);
    // No empty numbered line; what follows moves up: (b) Approves, 3. with its subparagraphs, 4. Thematic.
    expect(text).toContain('(b) *Approves* the provisional agenda');
    expect(text).not.toContain('(c) *Approves*');
    expect(text).toMatch(/\n2\. Adoption of the agenda and other organizational matters\.\n3\. ?\n {4}\(a\) Work of the standing/);
    expect(text).toMatch(/\n {4}\(b\) Directives on policy[^\n]*\n {4}\(c\) Staff composition[^\n]*\n4\. Thematic discussion/);
  });

  it('keeps a list item whose text was empty before, as the delegate left it', () => {
    const decision = importText(readFileSync(join(__dirname, '../../fixtures/corpus/ccpcj32-draft-decision.txt'), 'utf8')).documents[0]!;
    const { from, to } = rangeOf(decision, 'General debate.');
    const blank = stateOf(decision).tr.delete(from, to).doc;
    const text = exportText(cleanViewDoc(blank));
    expect(text).toBe(exportText(blank, { view: 'clean' }));
    expect(text).toMatch(/\n3\. ?\n4\. Strategic management/);
  });

  it('returns unchanged nodes as they are, so a redraw keeps their DOM', () => {
    const doc = fixture('ga-third-committee-rev1.txt');
    const first = cleanViewDoc(doc);
    expect(cleanViewDoc(doc)).toBe(first);
    const plain = first.child(1);
    expect(plain).toBe(doc.child(1));
  });

  it('matches the clean text export on random documents after random negotiation operations', () => {
    fc.assert(
      fc.property(arbitraryDocument(), arbitraryOps(), (doc, ops) => {
        let state = stateOf(doc);
        for (const op of ops) {
          const tr = randomTransaction(state, op);
          if (tr) state = state.apply(tr);
        }
        const clean = cleanViewDoc(state.doc);
        expect(collectBrackets(clean)).toEqual([]);
        expect(plain(exportText(clean))).toBe(plain(exportText(state.doc, { view: 'clean' })));
      }),
      { numRuns: 150 },
    );
  });
});
