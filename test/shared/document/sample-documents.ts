import type { Node } from 'prosemirror-model';
import { buildDocument } from '../../../shared/document/build.js';

/**
 * A resolution exercising every numbered construct, with fixed ids so tests can look
 * nodes up: 2 PPs (footnote in PP 1), 3 OPs (OP 1 with (a)-(b), (a) with (i)-(ii);
 * OP 2 with a 2-item list whose item 2 has (a); OP 3 with a footnote), two annexes
 * (a paragraph with a footnote, then a list).
 */
export function sampleResolution(language: 'en' | 'fr' = 'en'): Node {
  return buildDocument({
    header: {
      symbol: 'E/CN.15/2024/L.3',
      date: '20 May 2024',
      language,
      session: 'Thirty-third session',
      agendaItem: '6',
      sponsors: ['Chile', 'Ghana', 'Sweden'],
      heading: 'Draft resolution I',
    },
    title: 'Safer schools through crime prevention',
    body: 'The General Assembly,',
    preamble: [
      { id: 'pp1', text: 'Recalling its resolution 68/12 of 4 December 2013,', opener: 'Recalling', footnotes: [{ text: 'Resolution 68/12.', id: 'fn1' }] },
      { id: 'pp2', text: 'Noting with concern the rise in violence near schools,', opener: 'Noting with concern' },
    ],
    operative: [
      {
        id: 'op1',
        text: 'Encourages Member States to consider:',
        opener: 'Encourages',
        subparagraphs: [
          { id: 'op1a', text: 'safe routes to school;', subparagraphs: [{ id: 'op1ai', text: 'lighting;' }, { id: 'op1aii', text: 'patrols;' }] },
          { id: 'op1b', text: 'training for teachers;' },
        ],
      },
      {
        id: 'op2',
        text: 'Decides that the expert meeting shall consider:',
        opener: 'Decides',
        list: [{ id: 'op2i1', text: 'Opening of the meeting.' }, { id: 'op2i2', text: 'Exchange of views:', subparagraphs: [{ id: 'op2i2a', text: 'national experience;' }] }],
      },
      { id: 'op3', text: 'Requests the Secretary-General to report on progress.', opener: 'Requests', footnotes: [{ at: 52, text: 'See A/79/1.', id: 'fn2' }] },
    ],
    annexes: [
      { id: 'ax1', title: 'Guidelines for safe schools', content: [{ id: 'ax1p1', text: 'Schools assess their surroundings every year.', footnotes: [{ text: 'E/2024/30.', id: 'fn3' }] }] },
      { id: 'ax2', title: 'Provisional agenda of the expert meeting', content: ['Items are as follows:', { list: [{ id: 'ax2i1', text: 'Election of officers.' }, { id: 'ax2i2', text: 'Other business.' }] }] },
    ],
  });
}

/** A decision with three lettered paragraphs, (b) holding (i) and (ii), and no header fields. */
export function sampleDecision(language: 'en' | 'fr' | 'es' = 'en'): Node {
  return buildDocument({
    kind: 'decision',
    header: { language },
    title: 'Dates of the next session',
    body: 'The Economic and Social Council:',
    operative: [
      { id: 'da', text: 'Takes note of the report of the Commission;', opener: 'Takes note of' },
      { id: 'db', text: 'Decides that the session shall:', opener: 'Decides', subparagraphs: [{ id: 'dbi', text: 'open on 1 April;' }, { id: 'dbii', text: 'last five days;' }] },
      { id: 'dc', text: 'Approves the provisional agenda.', opener: 'Approves' },
    ],
  });
}
