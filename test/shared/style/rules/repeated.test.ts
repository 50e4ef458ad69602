import { describe, expect, it } from 'vitest';
import { applyProblemFix, ownTextOf, problemsOf, resolution } from '../helpers.js';

describe('repeated openers', () => {
  it('accepts plain, also, further and a new cycle', () => {
    const doc = resolution(
      ['Recalling its resolution 70/1,', 'Recalling also its resolution 70/2,', 'Recalling further its resolution 70/3,', 'Recalling its resolution 70/4,'],
      ['Decides to act;', 'Also decides to report;', 'Further decides to meet;', 'Decides to close;', 'Also decides to end.'],
    );
    expect(problemsOf(doc, 'repeated-opener')).toEqual([]);
  });

  it('warns on a plain repeat right after the same opener, with the adverb as a fix', () => {
    const doc = resolution(['Recalling its resolution 70/1,', 'Recalling its resolution 70/2,'], ['Requests a report;', 'Requests a study;', 'Also requests a plan;', 'Requests a review.']);
    const found = problemsOf(doc, 'repeated-opener');
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'PP 2: "Recalling" repeats the opener of PP 1; write "Recalling also"'],
      ['warning', 'OP 2: "Requests" repeats the opener of OP 1; write "Also requests"'],
      ['warning', 'OP 4: "Requests" repeats the opener of OP 3; write "Further requests"'],
    ]);
    let fixed = doc;
    for (const p of found) fixed = applyProblemFix(fixed, p);
    expect(found.map((p) => ownTextOf(fixed, p.paragraphId))).toEqual(['Recalling also its resolution 70/2,', 'Also requests a study;', 'Further requests a review.']);
    expect(problemsOf(fixed, 'repeated-opener')).toEqual([]);
  });

  it('only hints when other paragraphs stand between the uses', () => {
    const doc = resolution([], ['Requests a report;', 'Notes the study;', 'Requests a plan.']);
    expect(problemsOf(doc, 'repeated-opener').map((p) => [p.severity, p.fix?.label])).toEqual([['info', 'Write "Also requests"']]);
  });

  it('hints at an adverb on the first use of an opener, without a fix', () => {
    const doc = resolution(['Recalling also its resolution 70/1,'], ['Also requests a report.']);
    expect(problemsOf(doc, 'repeated-opener').map((p) => [p.severity, p.fix, p.message.slice(0, 4)])).toEqual([
      ['info', undefined, 'PP 1'],
      ['info', undefined, 'OP 1'],
    ]);
  });

  it('counts PPs and OPs apart, and multi-word phrases as one opener', () => {
    const doc = resolution(['Taking note of the report,'], ['Takes note of the report;', 'Takes note of the study.']);
    const found = problemsOf(doc, 'repeated-opener');
    expect(found.map((p) => p.fix?.label)).toEqual(['Write "Also takes note"']);
  });

  it('writes the French and Spanish adverb after the verb', () => {
    const fr = resolution(['Rappelant sa résolution 70/1,', 'Rappelant sa résolution 70/2,'], ['Prie le Secrétaire général ;', 'Prie le Secrétaire général ;', 'Prie également le Secrétaire général ;', 'Prie le Secrétaire général.'], 'fr');
    expect(problemsOf(fr, 'repeated-opener').map((p) => p.fix?.label)).toEqual(['Write "Rappelant également"', 'Write "Prie également"', 'Write "Prie en outre"']);
    const es = resolution([], ['Toma nota del informe;', 'Toma nota del estudio;', 'Solicita un informe;', 'Solicita un estudio.'], 'es');
    expect(problemsOf(es, 'repeated-opener').map((p) => p.fix?.label)).toEqual([undefined, 'Write "Solicita también"']);
  });
});
