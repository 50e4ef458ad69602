import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/document/build.js';
import { exportDocumentsText, exportText, headerBlock, joinSponsors } from '../../../shared/document/export-text.js';
import { emptyHeader } from '../../../shared/document/header.js';
import { sampleDecision, sampleResolution } from './sample-documents.js';

describe('exportText', () => {
  it('writes a resolution in the UN layout (golden)', () => {
    expect(exportText(sampleResolution())).toBe(`E/CN.15/2024/L.3
20 May 2024
Original: English
Thirty-third session
Agenda item 6
Chile, Ghana and Sweden: draft resolution

Draft resolution I

Safer schools through crime prevention

The General Assembly,

*Recalling* its resolution 68/12 of 4 December 2013,¹

*Noting with concern* the rise in violence near schools,

1. *Encourages* Member States to consider:
    (a) safe routes to school;
        (i) lighting;
        (ii) patrols;
    (b) training for teachers;

2. *Decides* that the expert meeting shall consider:
    1. Opening of the meeting.
    2. Exchange of views:
        (a) national experience;

3. *Requests* the Secretary-General to report on progress².

Annex I

Guidelines for safe schools

Schools assess their surroundings every year.³

Annex II

Provisional agenda of the expert meeting

Items are as follows:
1. Election of officers.
2. Other business.

¹ Resolution 68/12.
² See A/79/1.
³ E/2024/30.
`);
  });

  it('writes a French decision with a) and i) labels and only the Original line as header (golden)', () => {
    expect(exportText(sampleDecision('fr'))).toBe(`Original : français

Dates of the next session

The Economic and Social Council:

a) *Takes note of* the report of the Commission;

b) *Decides* that the session shall:
    i) open on 1 April;
    ii) last five days;

c) *Approves* the provisional agenda.
`);
  });

  it('omits the header block of an English document without header fields', () => {
    const text = exportText(sampleDecision('en'));
    expect(text.startsWith('Dates of the next session\n\nThe Economic and Social Council:\n\n(a) *Takes note of*')).toBe(true);
  });

  it('writes emphasis as _..._ inside or outside the opener, and closes marks before a footnote marker', () => {
    const doc = buildDocument({
      title: 'Title',
      body: 'The General Assembly,',
      operative: [
        {
          text: [
            { text: 'Welcomes ', opener: true },
            { text: 'also', opener: true, emphasis: true },
            ' the ',
            { text: 'Convention', emphasis: true },
            { footnote: 'Resolution 58/4, annex.' },
            ' and ',
            { text: 'Recalling', opener: true },
            { footnote: 'A/1.' },
            { text: ' further', opener: true },
            '.',
          ],
        },
      ],
    });
    expect(exportText(doc)).toContain('1. *Welcomes _also_* the _Convention_¹ and *Recalling² further*.\n\n¹ Resolution 58/4, annex.\n² A/1.\n');
  });

  it('writes a cross-reference as the number or label of its target', () => {
    const doc = buildDocument({
      title: 'Title',
      body: 'The General Assembly,',
      operative: [
        { id: 'first', text: 'Decides to act:', subparagraphs: [{ id: 'sub-b-target', text: 'now;' }] },
        { text: ['Recalls paragraph ', { crossReference: 'first' }, ' ', { crossReference: 'sub-b-target' }, ' and ', { crossReference: 'gone' }, '.'] },
      ],
    });
    expect(exportText(doc)).toContain('2. Recalls paragraph 1 (a) and ??.');
  });

  it('continues footnote numbering from the preamble through the annexes', () => {
    const markers = exportText(sampleResolution()).match(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g);
    expect(markers).toEqual(['¹', '²', '³', '¹', '²', '³']);
  });
});

describe('exportDocumentsText', () => {
  it('separates documents by two blank lines, each with its own footnotes from 1', () => {
    const text = exportDocumentsText([sampleResolution(), sampleDecision('en')]);
    expect(text).toContain('³ E/2024/30.\n\n\nDates of the next session\n');
    expect(text.endsWith('(c) *Approves* the provisional agenda.\n')).toBe(true);
    expect(exportDocumentsText([])).toBe('');
  });
});

describe('header block', () => {
  it('joins sponsors as UN does', () => {
    expect(joinSponsors([])).toBe('');
    expect(joinSponsors(['Chile'])).toBe('Chile');
    expect(joinSponsors(['Chile', 'Ghana'])).toBe('Chile and Ghana');
    expect(joinSponsors(['Chile', 'Ghana', 'Peru', 'Togo'])).toBe('Chile, Ghana, Peru and Togo');
  });

  it('writes only the set fields, with the Original line when any is set', () => {
    expect(headerBlock({ ...emptyHeader }, 'resolution')).toEqual([]);
    expect(headerBlock({ ...emptyHeader, language: 'es' }, 'resolution')).toEqual(['Original: español']);
    expect(headerBlock({ ...emptyHeader, agendaItem: '4 (b)', sponsors: ['Peru'] }, 'decision')).toEqual([
      'Original: English',
      'Agenda item 4 (b)',
      'Peru: draft decision',
    ]);
  });
});
