import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/document/build.js';
import { summarize } from '../../../shared/document/summary.js';
import { sampleDecision, sampleResolution } from './sample-documents.js';

describe('summarize', () => {
  it('counts a resolution, leaving out lettered items of lists and annexes', () => {
    const summary = summarize(sampleResolution());
    expect(summary).toEqual({
      kind: 'resolution',
      title: 'Safer schools through crime prevention',
      body: 'The General Assembly,',
      preambular: 2,
      operative: 3,
      subparagraphs: 4,
      footnotes: 3,
    });
    expect(Object.keys(summary)).toEqual(['kind', 'title', 'body', 'preambular', 'operative', 'subparagraphs', 'footnotes']);
  });

  it("counts a decision's lettered paragraphs as operative and their (i) level as subparagraphs", () => {
    expect(summarize(sampleDecision())).toMatchObject({ kind: 'decision', preambular: 0, operative: 3, subparagraphs: 2, footnotes: 0 });
  });

  it('counts subparagraphs of preambular paragraphs and footnotes inside subparagraphs', () => {
    const doc = buildDocument({
      title: 'T',
      body: 'The General Assembly,',
      preamble: [{ text: 'Considering:', subparagraphs: [{ text: 'that;', footnotes: [{ text: 'A/2.' }] }, 'and that,'] }],
      operative: [{ text: 'Decides:', list: [{ text: 'Item.', subparagraphs: ['x;', 'y;'] }] }],
      annexes: [{ title: 'Annex title', content: [{ list: [{ text: 'One:', subparagraphs: ['z;'] }] }] }],
    });
    expect(summarize(doc)).toMatchObject({ preambular: 1, operative: 1, subparagraphs: 2, footnotes: 1 });
  });
});
