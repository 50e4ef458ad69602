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

  it('starts the cycle again after other paragraphs, as adopted texts do', () => {
    const doc = resolution(['Noting the report,', 'Welcoming the plan,', 'Noting the study,'], ['Requests a report;', 'Notes the study;', 'Requests a plan.']);
    expect(problemsOf(doc, 'repeated-opener')).toEqual([]);
  });

  it('continues a run only for the same addressee', () => {
    // Asked of two bodies in turn: each request opens its own run.
    const others = resolution([], [
      'Requests the Secretary-General to submit a report on the matter;',
      'Requests the United Nations Office on Drugs and Crime to assist States on request;',
      'Also requests the United Nations Office on Drugs and Crime to report to the Commission;',
      'Calls upon Member States to share information;',
      'Calls upon regional organizations to support them.',
    ]);
    expect(problemsOf(others, 'repeated-opener')).toEqual([]);
    // The same body asked twice in a row: the second request is a repeat, whatever follows the addressee.
    const same = resolution([], [
      'Invites Member States to share information;',
      'Invites Member States, in cooperation with civil society, to raise awareness;',
      'Requests the Secretary-General, within existing resources, to report;',
      'Requests the Secretary-General to circulate the report.',
    ]);
    const found = problemsOf(same, 'repeated-opener');
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ['warning', 'OP 2: "Invites" repeats the opener of OP 1; write "Also invites"'],
      ['warning', 'OP 4: "Requests" repeats the opener of OP 3; write "Also requests"'],
    ]);
    let fixed = same;
    for (const p of found) fixed = applyProblemFix(fixed, p);
    expect(problemsOf(fixed, 'repeated-opener')).toEqual([]);
  });

  it('reads an opener that takes an object, not an addressee, as repeated whatever follows it', () => {
    const doc = resolution([], ['Welcomes the efforts of States to report;', 'Welcomes the work of the Office to assist them.']);
    expect(problemsOf(doc, 'repeated-opener').map((p) => p.fix?.label)).toEqual(['Write "Also welcomes"']);
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
