import { describe, expect, it } from 'vitest';
import { applyProblemFix, ownTextOf, problemsOf, resolution } from '../helpers.js';

const op = (text: string) => resolution([], [text]);
const found = (text: string) => problemsOf(op(text), 'citation').map((p) => [text.slice(p.from, p.to), p.fix?.edits[0]?.insert ?? null]);

describe('citations and dates', () => {
  it('accepts well-formed citations', () => {
    for (const text of [
      'Recalls its resolution 70/1 of 25 September 2015.',
      'Recalls Economic and Social Council resolution 2002/13 of 24 July 2002.',
      'Recalls its resolution 57/270 B of 23 June 2003 and its decisions 74/550 A of 13 April 2020.',
      'Recalls Security Council resolution 2532 (2020) of 1 July 2020.',
      'Recalls its resolution 415 (V) of 1 December 1950 and resolution 60/1 of 29 February 2004.',
      'Notes the meeting held from 13 to 17 May 2024, and 2 may be enough.',
    ]) expect(found(text)).toEqual([]);
  });

  it('flags a date that does not exist, without a fix', () => {
    expect(found('Recalls its resolution 70/1 of 31 September 2015.')).toEqual([['31 September 2015', null]]);
    expect(found('Recalls its resolution 58/1 of 29 February 2003.')).toEqual([['29 February 2003', null]]);
    expect(problemsOf(op('Recalls its resolution 70/1 of 31 September 2015.'), 'citation')[0]?.message).toBe(
      'OP 1: "31 September 2015" is not a date: September has 30 days',
    );
  });

  it('rewrites other date formats as "25 September 2015"', () => {
    expect(found('Recalls its resolution 70/1 of September 25, 2015.')).toEqual([['September 25, 2015', '25 September 2015']]);
    expect(found('Recalls its resolution 70/1 of 25/09/2015.')).toEqual([['25/09/2015', '25 September 2015']]);
    expect(found('Recalls its resolution 70/1 of 09/25/2015.')).toEqual([['09/25/2015', '25 September 2015']]);
    expect(found('Recalls its resolution 70/1 of 2015-09-25.')).toEqual([['2015-09-25', '25 September 2015']]);
    expect(found('Recalls its resolution 70/1 of 25 Sept. 2015.')).toEqual([['25 Sept. 2015', '25 September 2015']]);
    expect(found('Recalls its resolution 70/1 of 25th september, 2015.')).toEqual([['25th september, 2015', '25 September 2015']]);
  });

  it('flags an ambiguous numeric date without a fix', () => {
    expect(found('Recalls its resolution 70/1 of 05/09/2015.')).toEqual([['05/09/2015', null]]);
  });

  it('fixes resolution numbers written with a hyphen, spaces or a glued letter', () => {
    expect(found('Recalls its resolution 70-1 of 25 September 2015.')).toEqual([['70-1', '70/1']]);
    expect(found('Recalls its resolution 70 / 1 of 25 September 2015.')).toEqual([['70 / 1', '70/1']]);
    expect(found('Recalls its resolution 57/270B of 23 June 2003.')).toEqual([['57/270B', '57/270 B']]);
  });

  it('inserts "of" before the date of a cited resolution', () => {
    const doc = op('Recalls its resolution 70/1 25 September 2015.');
    const [problem] = problemsOf(doc, 'citation');
    expect(problem?.message).toBe('OP 1: write "of" before the date of a cited resolution');
    const fixed = applyProblemFix(doc, problem!);
    expect(ownTextOf(fixed, problem!.paragraphId)).toBe('Recalls its resolution 70/1 of 25 September 2015.');
    expect(problemsOf(fixed, 'citation')).toEqual([]);
  });

  it('checks footnote text, naming the footnote', () => {
    const doc = resolution([], [{ text: 'Takes note of the report.', opener: 'Takes note', footnotes: [{ text: 'Resolution 70-1, annex.' }] }]);
    const [problem] = problemsOf(doc, 'citation');
    expect(problem?.message).toBe('Footnote 1: a resolution number is written with a slash: "70/1"');
    const fixed = applyProblemFix(doc, problem!);
    expect(ownTextOf(fixed, problem!.paragraphId)).toBe('Resolution 70/1, annex.');
  });

  it('checks French and Spanish dates for existence only', () => {
    const fr = resolution([], ['Rappelle sa résolution 70/1 du 31 septembre 2015 et celle du 1er mars 2016.'], 'fr');
    expect(problemsOf(fr, 'citation').map((p) => p.message)).toEqual(['OP 1: "31 septembre 2015" is not a date']);
    const es = resolution([], ['Recuerda su resolución 70/1, de 30 de febrero de 2015.'], 'es');
    expect(problemsOf(es, 'citation').map((p) => p.message)).toEqual(['OP 1: "30 de febrero de 2015" is not a date']);
  });
});
