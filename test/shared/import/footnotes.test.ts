import { describe, expect, it } from 'vitest';
import { markerNumbers } from '../../../shared/import/footnotes.js';
import { importText } from '../../../shared/import/index.js';
import { footnotesIn, ownText, paragraphsOf } from './inspect.js';

const doc = (body: string) => `Title\n\nThe General Assembly,\n\n${body}`;

describe('markerNumbers', () => {
  it('reads runs of superscript digits as numbers', () => {
    expect(markerNumbers('Justice,¹ the Congress³ and ¹¹ and ²⁰⁵')).toEqual([1, 3, 11, 205]);
    expect(markerNumbers('no markers 123')).toEqual([]);
  });
});

describe('footnotes through importText', () => {
  it('puts a footnote text found after a page break at its marker and joins the split paragraph', () => {
    const { documents, warnings } = importText(doc('Recalling the report¹ and the work of\n\n¹ A/78/1.\n\nthe Commission,\n\n1. Decides.\n'));
    const [pp] = paragraphsOf(documents[0]!, 'preamble');
    expect(ownText(pp!)).toBe('Recalling the report and the work of the Commission,');
    expect(footnotesIn(pp!)).toEqual(['A/78/1.']);
    expect(warnings).toEqual([]);
  });

  it('keeps a marker without text as an empty footnote, with a warning', () => {
    const { documents, warnings } = importText(doc('1. Decides³ to act.\n'));
    expect(footnotesIn(documents[0]!)).toEqual(['']);
    expect(warnings.join()).toMatch(/footnote 3 has a marker but no text/);
  });

  it('makes one footnote of a number referenced twice, at its first marker, with a warning', () => {
    const { documents, warnings } = importText(doc('1. Decides¹ to act;\n\n2. Requests¹ more.\n\n¹ Resolution 70/1.\n'));
    const ops = paragraphsOf(documents[0]!, 'operative');
    expect([footnotesIn(ops[0]!), footnotesIn(ops[1]!)]).toEqual([['Resolution 70/1.'], []]);
    expect(warnings.join()).toMatch(/referenced twice/);
  });

  it('attaches a footnote text with no marker to the paragraph before it, with a warning', () => {
    const { documents, warnings } = importText(doc('1. Decides to act;\n\n² Stray note.\n\n2. Requests more.\n'));
    const ops = paragraphsOf(documents[0]!, 'operative');
    expect([footnotesIn(ops[0]!), footnotesIn(ops[1]!)]).toEqual([['Stray note.'], []]);
    expect(warnings.join()).toMatch(/footnote 2 has a text but no marker/);
  });

  it('numbers footnotes per document when each document restarts at 1', () => {
    const two = `${doc('1. Decides¹ to act.\n\n¹ First note.\n')}\n\n${doc('1. Decides¹ again.\n\n¹ Second note.\n')}`;
    const { documents, warnings } = importText(two);
    expect(documents.map((d) => footnotesIn(d))).toEqual([['First note.'], ['Second note.']]);
    expect(warnings).toEqual([]);
  });

  it('reads emphasis inside a footnote text', () => {
    const { documents } = importText(doc('1. Decides¹ to act.\n\n¹ See _Official Records_, Supplement No. 3.\n'));
    let emphasized = '';
    documents[0]!.descendants((node) => {
      if (node.isText && node.marks.some((m) => m.type.name === 'emphasis')) emphasized += node.text ?? '';
    });
    expect(emphasized).toBe('Official Records');
  });
});
