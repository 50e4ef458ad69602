import { describe, expect, it } from 'vitest';
import { canonicalSymbol } from '../../../../shared/style/rules/symbol.js';
import { problemsOf, resolution } from '../helpers.js';

const repeats = (operative: string[], preamble: string[] = []) => problemsOf(resolution(preamble, operative.length > 0 ? operative : ['Decides to act.']), 'repeated-opener').map((p) => p.message.split(':')[0]);

// Forms of the adopted 74th-session General Assembly texts that the style rules accept by
// rule (introductions, section headings, intensifiers, renewals, qualifiers, addressees),
// each next to the same paragraph where it still is a problem.
describe('structures of adopted texts', () => {
  it('reads paragraphs introduced by "the following ...:" as the introduced text: no opener, a sentence may end with a full stop', () => {
    const doc = resolution([], [
      'Adopts the following political declaration approved by the high-level meeting:',
      'Political declaration of the high-level meeting — In this regard we:',
      'Reaffirm the right of every human being to health;',
      'Progress has been made in many countries.',
      'Request the Secretary-General to report.',
    ]);
    expect(problemsOf(doc, 'opener-unknown')).toEqual([]);
    expect(problemsOf(doc, 'punctuation')).toEqual([]);
  });

  it('still checks a colon that introduces nothing, and the paragraphs after it', () => {
    const doc = resolution([], ['Welcomes the report of the Committee:', 'Progress has been made.', 'Requests a report.']);
    expect(problemsOf(doc, 'punctuation').map((p) => p.message.split(':')[0])).toEqual(['OP 1', 'OP 2']);
    expect(problemsOf(doc, 'opener-unknown').map((p) => p.message.split(':')[0])).toEqual(['OP 2']);
  });

  it('reads "Resolves that:" as introducing a budget resolution\'s clauses', () => {
    const doc = resolution([], ['Resolves that:', 'The Working Capital Fund shall be established in the amount of 150 million dollars;', 'Member States shall make advances to the Fund.']);
    expect(problemsOf(doc, 'opener-unknown')).toEqual([]);
    expect(problemsOf(doc, 'punctuation')).toEqual([]);
  });

  it('leaves the opener of a paragraph that opens with a section mark and title unchecked', () => {
    const doc = resolution([], ['II Revised estimates resulting from decisions of the Council Having considered the report;', 'Takes note of the report.']);
    expect(problemsOf(doc, 'opener-unknown')).toEqual([]);
    expect(problemsOf(doc, 'opener-kind')).toEqual([]);
  });

  it('keeps the phrase after an intensifier as the opener', () => {
    const doc = resolution(['Deeply disappointed at the continued absence of progress,', 'Being gravely concerned at the deterioration,'], ['Once again urges States to act;', 'Greatly appreciates the work of the Office.']);
    expect(problemsOf(doc, 'opener-unknown')).toEqual([]);
    expect(problemsOf(resolution(['Deeply frobnicating the matter,'], ['Decides to act.']), 'opener-unknown')).toHaveLength(1);
  });

  it('takes "once again" for a renewed use, as "also"', () => {
    expect(repeats(['Reaffirms its resolution 1514 (XV);', 'Reaffirms once again that colonialism is incompatible with the Charter.'])).toEqual([]);
    expect(repeats(['Reaffirms its resolution 1514 (XV);', 'Reaffirms that colonialism is incompatible with the Charter.'])).toEqual(['OP 2']);
  });

  it('starts the cycle again after a section heading printed before the opener', () => {
    expect(repeats(['Decides to appropriate 5 million dollars;', 'Financing of the appropriation — Decides to apportion the amount among Member States.'])).toEqual([]);
  });

  it('counts a qualified opener ("with satisfaction", "in particular") as another opener, and repeats of the qualified one', () => {
    expect(repeats([], ['Recalling its resolution 73/84,', 'Recalling with satisfaction the entry into force of the Convention,', 'Recalling in particular its resolution 394 (V),'])).toEqual([]);
    expect(repeats([], ['Recognizing with concern that debt has risen,', 'Recognizing with concern that reserves have fallen,'])).toEqual(['PP 2']);
    expect(repeats([], ['Recognizing with concern that debt has risen,', 'Recognizing with concern also that reserves have fallen,'])).toEqual([]);
  });

  it('reads the whole list of addressees, without its qualifying parts', () => {
    expect(repeats(['Urges Member States, the United Nations and humanitarian organizations, as appropriate, to act;', 'Urges Member States to report.'])).toEqual([]);
    expect(repeats(['Requests the Secretary-General, in consultation with Member States, to report;', 'Requests the Secretary-General to submit proposals.'])).toEqual(['OP 2']);
    expect(repeats(['Calls upon States to reduce fishing capacity;', 'Calls upon, in this regard, States to cooperate.'])).toEqual(['OP 2']);
    expect(repeats(['Encourages Member States to act;', 'Encourages further collaboration between the Department and the entities.'])).toEqual([]);
  });

  it('asks the subparagraphs of a preambular paragraph for commas', () => {
    const good = resolution([{ text: 'Recognizing that:', subparagraphs: ['terrorism is a threat,', 'prevention comes first,'] }], ['Decides to act.']);
    expect(problemsOf(good, 'punctuation')).toEqual([]);
    const semicolons = resolution([{ text: 'Recognizing that:', subparagraphs: ['terrorism is a threat;', 'prevention comes first,'] }], ['Decides to act.']);
    expect(problemsOf(semicolons, 'punctuation').map((p) => p.message.split(':')[0])).toEqual(['PP 1 (a)']);
  });

  it('lets a table end a paragraph, and a printed footnote range follow the mark', () => {
    const doc = resolution([], ['Approves budget appropriations as follows: Section | Amount / Total | 3 073 830 500', 'Takes note of the reports of the Board of Auditors;1–17', 'Decides to act.']);
    expect(problemsOf(doc, 'punctuation')).toEqual([]);
    expect(problemsOf(resolution([], ['Approves the appropriations of 3 073 830 500', 'Decides to act.']), 'punctuation')).toHaveLength(1);
  });

  it('keeps the mixed case of other organizations\' symbols and still raises the Organization\'s', () => {
    expect(canonicalSymbol('UNEP/EA.4/Res.1')).toBe('UNEP/EA.4/Res.1');
    expect(canonicalSymbol('UNEP/OzL.Pro.28/12')).toBe('UNEP/OzL.Pro.28/12');
    expect(canonicalSymbol('A/Res/77/231')).toBe('A/RES/77/231');
  });
});
