import { describe, expect, it } from 'vitest';
import { applyProblemFix, ownTextOf, problemsOf, resolution } from '../helpers.js';

// Forms found in adopted General Assembly texts (74th session) that are not mistakes.
describe('forms of adopted texts', () => {
  it('reads a declaration adopted in the first person as sentences: no opener, a full stop', () => {
    const doc = resolution([], [
      'Welcomes the outcome of the ministerial segment;',
      'We, the ministers gathered in Vienna, renew our pledge to end illicit crop cultivation.',
      'We stress that prevention comes first.',
      'Decides to remain seized of the matter.',
    ]);
    expect(problemsOf(doc, 'opener-unknown')).toEqual([]);
    expect(problemsOf(doc, 'punctuation')).toEqual([]);
  });

  it('still wants a semicolon in a first-person paragraph that ends with a comma', () => {
    const doc = resolution([], ['We stress that prevention comes first,', 'Decides to remain seized of the matter.']);
    expect(problemsOf(doc, 'punctuation').map((p) => p.fix?.label)).toEqual(['Replace "," with ";"']);
  });

  it('reads the opener after a section heading printed at the start of the paragraph', () => {
    const doc = resolution([], [
      'IV Oceans and fisheries — Notes with appreciation the work of the regional bodies;',
      'Budget for the period from 1 July 2020 to 30 June 2021 — Requests the Secretary-General to report.',
    ]);
    expect(problemsOf(doc, 'opener-unknown')).toEqual([]);
    // The same opener after the heading is still checked: here a participle in an OP.
    const wrong = resolution([], ['IV Oceans and fisheries — Noting the work of the regional bodies.']);
    expect(problemsOf(wrong, 'opener-kind').map((p) => p.message)).toEqual([expect.stringMatching(/^OP 1: "Noting" opens preambular paragraphs/)]);
  });

  it('takes a listed head with other words for a variant of its phrase, and still hints at an unlisted verb', () => {
    const doc = resolution([], ['Expresses its serious concern at the delays;', 'Authorises the Secretary-General to act.']);
    expect(problemsOf(doc, 'opener-unknown').map((p) => p.message.split(':')[0])).toEqual(['OP 2']);
  });

  it('takes a footnote number printed after the final mark for a marker, not the ending', () => {
    const doc = resolution(['Recalling the Convention of 1988,3'], ['Requests a report;12', 'Decides to act.']);
    expect(problemsOf(doc, 'punctuation')).toEqual([]);
    const wrong = resolution([], ['Requests a report,12', 'Decides to act.']);
    expect(problemsOf(wrong, 'punctuation').map((p) => p.fix?.label)).toEqual(['Replace "," with ";"']);
  });
});

describe('resolutions cited by their symbol in running text', () => {
  it('offers "resolution 79/144" for "A/RES/79/144", as a certain fix', () => {
    const doc = resolution(['Acting in accordance with A/RES/79/144 and resolution A/RES/ES-10/21,'], ['Recalls A/RES/73/268 B;', 'Decides to act.'], 'en', {});
    const found = problemsOf(doc, 'citation');
    expect(found.map((p) => p.fix?.label)).toEqual(['Write "resolution 79/144"', 'Write "resolution ES-10/21"', 'Write "resolution 73/268 B"']);
    // Last first: a fix's offsets are those of the text before the fixes in front of it.
    let fixed = doc;
    for (const p of [...found].reverse()) fixed = applyProblemFix(fixed, p);
    expect(ownTextOf(fixed, found[0]!.paragraphId)).toBe('Acting in accordance with resolution 79/144 and resolution ES-10/21,');
    expect(problemsOf(fixed, 'citation')).toEqual([]);
  });

  it('leaves other symbols and a symbol inside a longer one alone, and capitalises at a sentence start', () => {
    const doc = resolution([], [{ text: 'Takes note of A/79/144 and A/RES/79/144/Add.1;', footnotes: [{ text: 'A/RES/79/144, annex.' }] }, 'Decides to act.']);
    expect(problemsOf(doc, 'citation').map((p) => p.fix?.label)).toEqual(['Write "Resolution 79/144"']);
  });
});
