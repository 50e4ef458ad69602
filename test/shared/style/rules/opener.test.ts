import { describe, expect, it } from 'vitest';
import { decision, ownTextOf, problemsOf, resolution, applyProblemFix } from '../helpers.js';
import { checkDocument } from '../../../../shared/style/check.js';

const pp = (text: string): string => text;
const rules = ['opener-unknown', 'opener-kind', 'opener-case', 'adverb-order'] as const;
const openerProblems = (doc: ReturnType<typeof resolution>) => checkDocument(doc).filter((p) => (rules as readonly string[]).includes(p.rule));

describe('opener rules', () => {
  it('accepts list phrases, participles and "Having" + participle in PPs and list verbs in OPs', () => {
    const doc = resolution(
      ['Recalling its resolution 70/1,', 'Mindful of the needs of victims,', 'Noting with deep concern the rise in crime,', 'Having reviewed the report,', 'Commemorating the anniversary,', 'Bearing in mind the Charter,'],
      ['Requests the Secretary-General to report;', 'Calls upon Member States to act;', 'Takes note of the report;', 'Also requests the Secretary-General to help.'],
    );
    expect(openerProblems(doc)).toEqual([]);
  });

  it('flags an operative verb in a PP with the participle as a certain fix', () => {
    const doc = resolution(['Recalls its resolution 70/1,', 'Notes with concern the rise in crime,'], ['Requests a report.']);
    const found = problemsOf(doc, 'opener-kind');
    expect(found.map((p) => p.message)).toEqual([
      'PP 1: "Recalls" opens operative paragraphs; a preambular paragraph opens with a participle or adjective ("Recalling")',
      'PP 2: "Notes with concern" opens operative paragraphs; a preambular paragraph opens with a participle or adjective ("Noting with concern")',
    ]);
    let fixed = doc;
    for (const p of found) fixed = applyProblemFix(fixed, p);
    expect(problemsOf(fixed, 'opener-kind')).toEqual([]);
    expect(ownTextOf(fixed, found[1]!.paragraphId)).toBe('Noting with concern the rise in crime,');
  });

  it('flags a participle in an OP ("Recalling" -> "Recalls") and offers no fix where no list phrase corresponds ("Mindful")', () => {
    const doc = resolution([], ['Recalling its resolution 70/1;', 'Mindful of the situation, decides to act.']);
    const found = problemsOf(doc, 'opener-kind');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ severity: 'warning', from: 0, to: 9, fix: { edits: [{ from: 0, to: 9, insert: 'Recalls' }] } });
    expect(found[1]).toMatchObject({ severity: 'warning', from: 0, to: 7 });
    expect(found[1]?.fix).toBeUndefined();
    expect(problemsOf(doc, 'opener-unknown')).toEqual([]);
  });

  it('warns when a paragraph opens with no opener at all, on the first word', () => {
    const doc = resolution(['The situation in the region is dire,'], ['The Secretary-General shall report.']);
    const found = problemsOf(doc, 'opener-unknown');
    expect(found.map((p) => [p.message.slice(0, 4), p.from, p.to, p.severity, p.fix])).toEqual([
      ['PP 1', 0, 3, 'warning', undefined],
      ['OP 1', 0, 3, 'warning', undefined],
    ]);
  });

  it('gives a hint for an English third-person verb that is not in the list', () => {
    const doc = resolution([], ['Authorises the Secretary-General to act.']);
    expect(problemsOf(doc, 'opener-unknown').map((p) => [p.severity, p.from, p.to])).toEqual([['info', 0, 10]]);
  });

  it('checks decision paragraphs as operative ones', () => {
    const doc = decision(['Takes note of the report;', 'Recalling its decision 21/1.']);
    expect(problemsOf(doc, 'opener-kind').map((p) => p.message.slice(0, 3))).toEqual(['(b)']);
  });

  it('fixes the capital of an opener, and the case of "Also Requests"', () => {
    const doc = resolution(['recalling its resolution 70/1,'], ['Requests a report;', 'Also Requests a study.']);
    const found = problemsOf(doc, 'opener-case');
    expect(found.map((p) => p.fix?.label)).toEqual(['Write "Recalling"', 'Write "Also requests"']);
    let fixed = doc;
    for (const p of found) fixed = applyProblemFix(fixed, p);
    expect(problemsOf(fixed, 'opener-case')).toEqual([]);
    expect(ownTextOf(fixed, found[1]!.paragraphId)).toBe('Also requests a study.');
  });

  it('skips a leading negotiation bracket', () => {
    const doc = resolution(['[Recalling its resolution 70/1,]'], ['[Requests a report.]']);
    expect(openerProblems(doc)).toEqual([]);
  });

  it('uses the French and Spanish lists and hints (never warns) when a phrase is missing from them', () => {
    const fr = resolution(['Rappelant sa résolution 70/1,', 'Consciente de la situation,'], ['Prie le Secrétaire général de faire rapport ;', 'Rappelant sa résolution 70/2.'], 'fr');
    expect(problemsOf(fr, 'opener-kind').map((p) => [p.message.slice(0, 4), p.fix?.edits])).toEqual([['OP 2', [{ from: 0, to: 9, insert: 'Rappelle' }]]]);
    const es = resolution(['Recordando su resolución 70/1,'], ['Xyz el Secretario General;', 'Reconociendo la labor.'], 'es');
    expect(problemsOf(es, 'opener-unknown').map((p) => p.severity)).toEqual(['info']);
    expect(problemsOf(es, 'opener-kind')[0]?.fix?.edits).toEqual([{ from: 0, to: 12, insert: 'Reconoce' }]);
  });

  it('checks Russian openers against the Russian list, in lower case as the texts write them', () => {
    expect(openerProblems(resolution(['Xyz,'], ['Xyz.'], 'ru'))).toHaveLength(2);
    expect(openerProblems(resolution(['ссылаясь на свою резолюцию 70/1,'], ['просит Генерального секретаря представить доклад.'], 'ru'))).toEqual([]);
  });
});

describe('also/further order (English)', () => {
  it('accepts "Also requests" in an OP and "Recalling also" in a PP', () => {
    const doc = resolution([pp('Recalling its resolution 70/1,'), 'Recalling also its resolution 70/2,', 'Noting also with concern the report,'], ['Requests a report;', 'Also requests a study;', 'Further requests a plan.']);
    expect(problemsOf(doc, 'adverb-order')).toEqual([]);
  });

  it('moves the adverb in front of the verb in an OP', () => {
    const doc = resolution([], ['Requests a report;', 'Requests also the Secretary-General to act;', 'Takes note also of the report;', 'Decides further that the session shall open.']);
    const found = problemsOf(doc, 'adverb-order');
    expect(found.map((p) => p.fix?.label)).toEqual(['Write "Also requests"', 'Write "Also takes note"', 'Write "Further decides"']);
    let fixed = doc;
    for (const p of found) fixed = applyProblemFix(fixed, p);
    expect(found.map((p) => ownTextOf(fixed, p.paragraphId))).toEqual([
      'Also requests the Secretary-General to act;',
      'Also takes note of the report;',
      'Further decides that the session shall open.',
    ]);
    expect(problemsOf(fixed, 'adverb-order')).toEqual([]);
  });

  it('reads "further" after an operative verb as an adjective before a noun', () => {
    const doc = resolution([], ['Encourages further efforts to act;', 'Calls for further action.']);
    expect(problemsOf(doc, 'adverb-order')).toEqual([]);
  });

  it('moves the adverb after the participle in a PP', () => {
    const doc = resolution(['Recalling its resolution 70/1,', 'Also recalling its resolution 70/2,', 'Further noting with concern the report,'], ['Requests a report.']);
    const found = problemsOf(doc, 'adverb-order');
    let fixed = doc;
    for (const p of found) fixed = applyProblemFix(fixed, p);
    expect(found.map((p) => ownTextOf(fixed, p.paragraphId))).toEqual(['Recalling also its resolution 70/2,', 'Noting further with concern the report,']);
    expect(problemsOf(fixed, 'adverb-order')).toEqual([]);
  });
});
