import { describe, expect, it } from 'vitest';
import { detectOpener, startsLikeParagraph } from '../../../shared/import/openers.js';

const pp = (text: string) => text.slice(0, detectOpener(text, 'pp'));
const op = (text: string) => text.slice(0, detectOpener(text, 'op'));

describe('detectOpener for preambular paragraphs', () => {
  it('takes participles with their adverbs and fixed continuations', () => {
    expect(pp('Recalling also its resolution 70/1,')).toBe('Recalling also');
    expect(pp('Recalling further the provisions,')).toBe('Recalling further');
    expect(pp('Noting with deep concern the rise,')).toBe('Noting with deep concern');
    expect(pp('Bearing in mind that, in the Declaration,')).toBe('Bearing in mind');
    expect(pp('Taking note of the report,')).toBe('Taking note');
    expect(pp('Expressing its appreciation to the Government,')).toBe('Expressing its appreciation');
    expect(pp('Reaffirming once again the commitment,')).toBe('Reaffirming once again');
  });

  it('takes "Having <participle>" and listed adjective phrases', () => {
    expect(pp('Having considered the report,')).toBe('Having considered');
    expect(pp('Having heard the statements,')).toBe('Having heard');
    expect(pp('Mindful of the Strategy,')).toBe('Mindful');
    expect(pp('Encouraged by the success,')).toBe('Encouraged');
    expect(pp('Deeply concerned about the situation,')).toBe('Deeply concerned');
    expect(pp('Convinced that cooperation helps,')).toBe('Convinced');
  });

  it('finds nothing in ordinary sentences', () => {
    expect(pp('During the session, delegates met,')).toBe('');
    expect(pp('the continuation of a split paragraph,')).toBe('');
    expect(pp('Member States agreed,')).toBe('');
  });
});

describe('detectOpener for operative and decision paragraphs', () => {
  it('takes the verb with its leading adverbs and fixed continuations', () => {
    expect(op('Requests the Secretary-General to report;')).toBe('Requests');
    expect(op('Also requests the Secretary-General;')).toBe('Also requests');
    expect(op('Strongly encourages Member States;')).toBe('Strongly encourages');
    expect(op('Once again urges States;')).toBe('Once again urges');
    expect(op('Takes note of the report;')).toBe('Takes note');
    expect(op('Takes note with appreciation of the work;')).toBe('Takes note with appreciation');
    expect(op('Calls upon all States;')).toBe('Calls upon');
    expect(op('Welcomes with appreciation the offer;')).toBe('Welcomes with appreciation');
    expect(op('Expresses deep concern at the rise;')).toBe('Expresses deep concern');
  });

  it('accepts unlisted third-person verbs and refuses nouns', () => {
    expect(op('Designates the institute as focal point;')).toBe('Designates');
    expect(op('Solicits views;')).toBe('Solicits');
    expect(op('Towards the Achievement of the Goals;')).toBe('');
    expect(op('States are invited;')).toBe('');
    expect(op('Election of officers.')).toBe('');
  });
});

describe('startsLikeParagraph', () => {
  it('is true for * markers, listed openers and participles, not for ordinary capitalized words', () => {
    expect(startsLikeParagraph('*Requests* the Secretary-General')).toBe(true);
    expect(startsLikeParagraph('Recalling its resolution')).toBe(true);
    expect(startsLikeParagraph('Encourages States')).toBe(true);
    expect(startsLikeParagraph('Solicits views')).toBe(false);
    expect(startsLikeParagraph('United Nations Office on Drugs and Crime')).toBe(false);
  });
});
