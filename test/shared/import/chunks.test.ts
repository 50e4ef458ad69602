import { describe, expect, it } from 'vitest';
import { toChunks } from '../../../shared/import/chunks.js';
import { normalizeText } from '../../../shared/import/normalize.js';

const texts = (text: string) => toChunks(normalizeText(text)).map((c) => [c.kind, c.text]);

const wrappedPreamble = [
  'Recalling its resolution 46/152 of 18 December 1991, in the annex to which Member States',
  'affirmed that the United Nations congresses on crime prevention and criminal justice should',
  'be held every five years, and should provide a forum for the exchange of views between',
  'States,',
  'Noting the deliberations of the Fourteenth Congress under the agenda item entitled the',
  'integrated approaches to challenges facing the criminal justice system in all regions of',
  'the world, as reflected in the report of the Congress,',
  'Stressing the importance of undertaking all preparatory activities for the Fifteenth',
  'Congress in a timely and concerted manner and of the participation of all Member States,',
].join('\n');

describe('toChunks', () => {
  it('keeps one chunk per line when the text is not hard-wrapped', () => {
    expect(texts('Recalling a,\nNoting b,\n1. Decides.')).toEqual([
      ['text', 'Recalling a,'],
      ['text', 'Noting b,'],
      ['text', 'Decides.'],
    ]);
  });

  it('unwraps hard-wrapped lines into paragraphs even without blank lines between them', () => {
    const chunks = texts(wrappedPreamble);
    expect(chunks.map(([, text]) => text?.split(' ')[0])).toEqual(['Recalling', 'Noting', 'Stressing']);
    expect(chunks[0]?.[1]).toContain('Member States affirmed that');
  });

  it('removes page headers and footers and joins a paragraph across them', () => {
    const lines = wrappedPreamble.split('\n');
    lines.splice(1, 0, '', '3/45', 'V.23-09876', '\f', 'E/2023/30', '');
    const chunks = texts(lines.join('\n'));
    expect(chunks).toHaveLength(3);
    expect(chunks[0]?.[1]).toContain('Member States affirmed that');
    expect(chunks.some(([, text]) => text?.includes('09876') || text?.includes('E/2023/30'))).toBe(false);
  });

  it('classifies headings, body lines, footnotes and labelled lines', () => {
    expect(toChunks('Draft resolution II\nA title\nThe General Assembly,\n¹ A/78/1.\n - (a) item;\nAnnex\nC. Matters brought').map((c) => c.kind)).toEqual([
      'heading', 'text', 'body', 'footnote', 'text', 'annex', 'section',
    ]);
    const [footnote] = toChunks('¹¹ Resolution 70/1.');
    expect(footnote).toMatchObject({ kind: 'footnote', note: 11, text: 'Resolution 70/1.' });
  });

  it('normalizes line endings, odd spaces and Markdown links', () => {
    expect(normalizeText('a\r\nb\rc\u00A0d [46/152](#) e\u200B')).toBe('a\nb\nc d 46/152 e');
  });
});
