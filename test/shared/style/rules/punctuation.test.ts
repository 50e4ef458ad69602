import { describe, expect, it } from 'vitest';
import { applyProblemFix, decision, ownTextOf, problemsOf, resolution } from '../helpers.js';

const summary = (doc: ReturnType<typeof resolution>) => problemsOf(doc, 'punctuation').map((p) => [p.message.split(':')[0], p.fix?.edits]);

describe('final punctuation', () => {
  it('accepts a well-punctuated resolution, with subparagraphs, footnotes and brackets', () => {
    const doc = resolution(
      ['Recalling its resolution 70/1,', { text: 'Noting the report,', opener: 'Noting', footnotes: [{ text: 'A/78/1.' }] }, '[Mindful of the costs,]'],
      [
        'Requests a report;',
        { text: 'Decides to hold workshops on:', subparagraphs: ['crime prevention;', 'criminal justice;'] },
        { text: 'Approves the following agenda:', list: ['Opening of the session.', 'Other business.'] },
        { text: 'Invites States to consider:', subparagraphs: [{ text: 'the following measures:', subparagraphs: ['training;', 'data.'] }] },
      ],
    );
    expect(summary(doc)).toEqual([]);
  });

  it('asks for a comma after a PP, a semicolon after an OP and a full stop after the last OP', () => {
    const doc = resolution(['Recalling its resolution 70/1;', 'Noting the report'], ['Requests a report.', 'Calls upon States to act;']);
    expect(summary(doc)).toEqual([
      ['PP 1', [{ from: 29, to: 30, insert: ',' }]],
      ['PP 2', [{ from: 17, to: 17, insert: ',' }]],
      ['OP 1', [{ from: 17, to: 18, insert: ';' }]],
      ['OP 2', [{ from: 24, to: 25, insert: '.' }]],
    ]);
    expect(problemsOf(doc, 'punctuation')[3]?.message).toBe(
      'OP 2: ends with ";" where a full stop is expected (the last operative paragraph ends with a full stop)',
    );
  });

  it('asks for a colon before subparagraphs and the closing mark on the last subparagraph', () => {
    const doc = resolution([], [
      { text: 'Decides the following;', subparagraphs: ['first item;', 'last item.'] },
      { text: 'Requests:', subparagraphs: ['a report;', 'a study;'] },
    ]);
    expect(summary(doc)).toEqual([
      ['OP 1', [{ from: 21, to: 22, insert: ':' }]],
      ['OP 1 (b)', [{ from: 9, to: 10, insert: ';' }]],
      ['OP 2 (b)', [{ from: 7, to: 8, insert: '.' }]],
    ]);
  });

  it('accepts "; and" before the last subparagraph but not at the end of the last one', () => {
    const doc = resolution([], [{ text: 'Requests:', subparagraphs: ['a report; and', 'a study; and'] }]);
    const found = problemsOf(doc, 'punctuation');
    expect(found.map((p) => p.message.split(':')[0])).toEqual(['OP 1 (b)']);
    const fixed = applyProblemFix(doc, found[0]!);
    expect(ownTextOf(fixed, found[0]!.paragraphId)).toBe('a study.');
  });

  it('places a missing mark before trailing footnote markers', () => {
    const doc = resolution([{ text: 'Recalling its resolution 70/1', opener: 'Recalling', footnotes: [{ text: 'See A/70/1.' }] }], ['Requests a report.']);
    const [problem] = problemsOf(doc, 'punctuation');
    expect(problem?.fix?.edits).toEqual([{ from: 29, to: 29, insert: ',' }]);
    const fixed = applyProblemFix(doc, problem!);
    expect(ownTextOf(fixed, problem!.paragraphId)).toBe('Recalling its resolution 70/1,\uFFFC');
    expect(problemsOf(fixed, 'punctuation')).toEqual([]);
  });

  it('reports "?" and "!" endings without a fix', () => {
    const doc = resolution([], ['Requests a report?']);
    const [problem] = problemsOf(doc, 'punctuation');
    expect(problem?.message).toContain('ends with "?"');
    expect(problem?.fix).toBeUndefined();
  });

  it('checks decision paragraphs: semicolon, and a full stop after the last', () => {
    const doc = decision(['Takes note of the report.', 'Approves the agenda;']);
    expect(summary(doc).map((s) => s[0])).toEqual(['(a)', '(b)']);
  });

  it('uses a no-break space before a French semicolon or colon', () => {
    const doc = resolution(['Rappelant sa résolution 70/1 ;'], ['Prie le Secrétaire général de faire rapport,', 'Décide de conclure.'], 'fr');
    expect(summary(doc)).toEqual([
      ['PP 1', [{ from: 28, to: 30, insert: ',' }]],
      ['OP 1', [{ from: 43, to: 44, insert: '\u00a0;' }]],
    ]);
    const es = resolution(['Recordando su resolución 70/1;'], ['Decide concluir.'], 'es');
    expect(summary(es)).toEqual([['PP 1', [{ from: 29, to: 30, insert: ',' }]]]);
  });

  it('leaves empty paragraphs to other rules, and asks Arabic texts for their own marks', () => {
    expect(summary(resolution([''], ['Requests a report.']))).toEqual([]);
    expect(summary(resolution(['إذ تشير'], ['تطلب'], 'ar')).map((p) => p[0])).toEqual(['PP 1', 'OP 1']);
  });
});
