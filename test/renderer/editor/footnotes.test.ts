import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/document/build.js';
import { computeNumbering } from '../../../shared/document/numbering.js';
import { collectFootnotes } from '../../../renderer/editor/footnotes.js';

describe('collectFootnotes', () => {
  it('lists footnote texts in document order, numbered through the document', () => {
    const doc = buildDocument({
      title: 'T',
      body: 'The General Assembly,',
      preamble: [{ text: 'Recalling its resolution 70/1,', footnotes: [{ at: 29, text: 'Resolution 70/1.', id: 'f-a' }] }],
      operative: [
        { text: 'Requests a report;', subparagraphs: [{ text: 'On access;', footnotes: [{ at: 9, text: 'A/78/100.', id: 'f-b' }] }] },
        { text: 'Decides to continue.', footnotes: [{ at: 0, text: 'See also E/2023/30.', id: 'f-c' }, { at: 20, text: 'Last.', id: 'f-d' }] },
      ],
      annexes: [{ title: 'Annex title', content: [{ text: 'Text.', footnotes: [{ at: 5, text: 'In the annex.', id: 'f-e' }] }] }],
    });
    expect(collectFootnotes(doc, computeNumbering(doc))).toEqual([
      { id: 'f-a', number: 1, text: 'Resolution 70/1.' },
      { id: 'f-b', number: 2, text: 'A/78/100.' },
      { id: 'f-c', number: 3, text: 'See also E/2023/30.' },
      { id: 'f-d', number: 4, text: 'Last.' },
      { id: 'f-e', number: 5, text: 'In the annex.' },
    ]);
  });

  it('is empty for a document without footnotes', () => {
    const doc = buildDocument({ title: 'T', body: 'The General Assembly,', operative: ['Decides.'] });
    expect(collectFootnotes(doc, computeNumbering(doc))).toEqual([]);
  });
});
