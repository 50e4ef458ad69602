import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../../shared/style/check.js';
import { problemsOf, resolution } from '../helpers.js';

describe('empty paragraphs and footnotes', () => {
  it('warns on an empty paragraph, without a fix, and runs no other rule on it', () => {
    const doc = resolution(['Recalling its resolution 70/1,', '   '], ['', 'Requests a report.']);
    const all = checkDocument(doc);
    expect(all.map((p) => [p.rule, p.message, p.fix])).toEqual([
      ['empty-paragraph', 'PP 2: the paragraph is empty; write its text or delete it', undefined],
      ['empty-paragraph', 'OP 1: the paragraph is empty; write its text or delete it', undefined],
    ]);
  });

  it('treats a paragraph holding only a footnote marker as empty', () => {
    const doc = resolution([], [{ text: '', footnotes: [{ text: 'A/78/1.' }] }, 'Requests a report.']);
    expect(problemsOf(doc, 'empty-paragraph').map((p) => [p.from, p.to])).toEqual([[0, 1]]);
  });

  it('warns on a footnote without text at its marker, naming the footnote', () => {
    const doc = resolution(
      [{ text: 'Recalling its resolution 70/1,', opener: 'Recalling', footnotes: [{ text: 'Resolution 70/1.' }] }],
      [{ text: 'Requests a report.', opener: 'Requests', footnotes: [{ at: 8, text: '' }, { text: ' ' }] }],
    );
    const found = problemsOf(doc, 'empty-footnote');
    expect(found.map((p) => [p.message, p.from, p.to, p.severity])).toEqual([
      ['OP 1: footnote 2 has no text', 8, 9, 'warning'],
      ['OP 1: footnote 3 has no text', 19, 20, 'warning'],
    ]);
  });

  it('checks annex paragraphs and list items for emptiness', () => {
    const doc = resolution([], [{ text: 'Approves the agenda:', list: ['Opening.', ' '] }], 'en', {
      annexes: [{ title: 'Provisional agenda', content: ['', 'Other business.'] }],
    });
    expect(problemsOf(doc, 'empty-paragraph').map((p) => p.message)).toEqual([
      'OP 1 item 2: the paragraph is empty; write its text or delete it',
      'Annex, paragraph 1: the paragraph is empty; write its text or delete it',
    ]);
  });
});
