import { describe, expect, it } from 'vitest';
import { summarize } from '../../../shared/document/index.js';
import { importText } from '../../../shared/import/index.js';
import { annexesOf, childrenOf, corpus, footnotesIn, headerOf, openerOf, ownText, paragraphsOf } from './inspect.js';

const resolutions = importText(corpus('ccpcj32-draft-resolutions-I-III.txt'));
const decision = importText(corpus('ccpcj32-draft-decision.txt'));
const [first, second, third] = resolutions.documents;

describe('importText on the corpus: draft resolutions I-III', () => {
  it('finds three resolutions with the expected counts', () => {
    expect(resolutions.documents).toHaveLength(3);
    const counts = resolutions.documents.map((d) => summarize(d));
    expect(counts.map((c) => [c.kind, c.preambular, c.operative, c.footnotes])).toEqual([
      ['resolution', 16, 24, 2],
      ['resolution', 7, 12, 7],
      ['resolution', 8, 15, 2],
    ]);
    for (const doc of resolutions.documents) expect(() => doc.check()).not.toThrow();
  });

  it('keeps headings, titles and body lines', () => {
    expect(resolutions.documents.map((d) => headerOf(d).heading)).toEqual(['Draft resolution I', 'Draft resolution II', 'Draft resolution III']);
    expect(resolutions.documents.map((d) => summarize(d).title)).toEqual([
      'Follow-up to the Fourteenth United Nations Congress on Crime Prevention and Criminal Justice and preparations for the Fifteenth United Nations Congress on Crime Prevention and Criminal Justice',
      'Reducing reoffending through rehabilitation and reintegration',
      'Enhancing the contributions of the Commission on Crime Prevention and Criminal Justice to the accelerated implementation of the 2030 Agenda for Sustainable Development',
    ]);
    expect(resolutions.documents.map((d) => summarize(d).body)).toEqual(Array(3).fill('The General Assembly,'));
  });

  it('reads the provisional agenda of OP 11 as a 7-item list, item 5 included despite its lost indentation', () => {
    const op11 = paragraphsOf(first!, 'operative')[10]!;
    const [list] = childrenOf(op11, 'numbered_list');
    const items = childrenOf(list!, 'list_item');
    expect(items).toHaveLength(7);
    expect(ownText(items[4]!)).toMatch(/^Addressing and countering crime – including organized crime/);
    expect(ownText(items[6]!)).toBe('Adoption of the report of the Congress.');
  });

  it('gives OP 12 four subparagraphs and joins OP 18 across its page break', () => {
    const ops = paragraphsOf(first!, 'operative');
    const subs = childrenOf(ops[11]!, 'subparagraph');
    expect(subs.map((s) => ownText(s).slice(0, 20))).toEqual(['Building resilient s', 'Ensuring equal acces', 'Getting ahead: stren', 'Turning the digital ']);
    expect(ownText(ops[17]!)).toContain('as well as meetings of professional and geographical interest groups');
    expect(ownText(ops[17]!).endsWith('civil society organizations;')).toBe(true);
    expect(ownText(ops[12]!)).toMatch(/^Requests the Secretary-General/);
  });

  it('marks openers from the * markers in OPs and detects them in PPs', () => {
    const pps = paragraphsOf(first!, 'preamble');
    const ops = paragraphsOf(first!, 'operative');
    expect(pps.map(openerOf).slice(0, 4)).toEqual(['Emphasizing', 'Acknowledging', 'Recalling', 'Recalling also']);
    expect([11, 12, 14, 15].map((i) => openerOf(pps[i]!))).toEqual(['Encouraged', 'Praising', 'Mindful', 'Having considered']);
    expect([openerOf(ops[0]!), openerOf(ops[5]!), openerOf(ops[21]!)]).toEqual(['Reiterates', 'Also decides', 'Welcomes with appreciation']);
    expect(ownText(ops[0]!)).toMatch(/^Reiterates its invitation/);
  });

  it('puts each footnote at its marker with its text, Markdown links made plain', () => {
    expect(footnotesIn(paragraphsOf(first!, 'preamble')[15]!)).toEqual(['E/CN.15/2023/11.']);
    expect(footnotesIn(paragraphsOf(first!, 'operative')[0]!)).toEqual(['Resolution 76/181, annex.']);
    expect(ownText(paragraphsOf(first!, 'preamble')[2]!)).toMatch(/^Recalling its resolution 46\/152 of 18 December 1991/);
    const pps = paragraphsOf(second!, 'preamble');
    expect(footnotesIn(pps[0]!)).toEqual(['A/CONF.234/16.', 'Resolution 76/181, annex.']);
    expect(footnotesIn(pps[3]!)).toEqual(['A/CONF.234/16, chap. VII, sect. B.']);
    expect(ownText(pps[3]!)).toContain('to share information on promising practices and consider the development');
  });

  it('keeps footnote 9 at its marker in draft resolution II, OP 9, though its text was printed after draft resolution III began', () => {
    const op9 = paragraphsOf(second!, 'operative')[8]!;
    expect(footnotesIn(op9)).toEqual(['E/CN.15/2023/13.']);
    expect(op9.firstChild?.lastChild?.type.name).toBe('footnote');
    expect(footnotesIn(paragraphsOf(third!, 'preamble')[1]!)).toEqual([]);
    expect(resolutions.warnings.some((w) => w.includes('footnote 9'))).toBe(true);
  });

  it('joins the paragraphs of draft resolution III split by footnote blocks', () => {
    const ops = paragraphsOf(third!, 'operative');
    expect(ownText(ops[4]!)).toContain('for sustainable development, providing access to justice for all');
    expect(footnotesIn(ops[4]!)).toEqual([]);
    expect(ownText(ops[13]!)).toContain('to share relevant information contained in those voluntary national reviews');
    expect(footnotesIn(ops[0]!)).toEqual(['Resolution 70/1.']);
  });
});

describe('importText on the corpus: the draft decision', () => {
  const [doc] = decision.documents;

  it('finds one decision with three lettered paragraphs and no preamble', () => {
    expect(decision.documents).toHaveLength(1);
    expect(summarize(doc!)).toMatchObject({ kind: 'decision', body: 'The Economic and Social Council:', preambular: 0, operative: 3, footnotes: 0 });
    expect(summarize(doc!).title).toBe(
      'Report of the Commission on Crime Prevention and Criminal Justice on its thirty-second session and provisional agenda for its thirty-third session',
    );
    expect(headerOf(doc!).heading).toBe('Draft decision');
  });

  it('does not let the lettered paragraphs absorb the provisional agenda', () => {
    const dps = paragraphsOf(doc!, 'decision_body');
    expect(ownText(dps[2]!)).toBe('Approves the provisional agenda for the thirty-third session set out below.');
    expect(dps.map(openerOf)).toEqual(['Takes note', 'Reaffirms', 'Approves']);
    expect(dps.every((p) => p.childCount === 1)).toBe(true);
  });

  it('makes the trailing agenda an annex with a 13-item list and lettered sub-items', () => {
    const [annex] = annexesOf(doc!);
    expect(annex?.firstChild?.textContent).toBe('Provisional agenda for the thirty-third session of the Commission on Crime Prevention and Criminal Justice');
    const [list] = childrenOf(annex!, 'numbered_list');
    const items = childrenOf(list!, 'list_item');
    expect(items).toHaveLength(13);
    expect(childrenOf(items[3]!, 'subparagraph').map(ownText)[2]).toBe('Working methods of the Commission;');
    expect(childrenOf(items[3]!, 'subparagraph')).toHaveLength(4);
    expect(childrenOf(items[5]!, 'subparagraph')).toHaveLength(5);
    expect(ownText(items[9]!)).toContain('General Assembly resolutions 75/290 A and 75/290 B, including');
    expect(ownText(items[12]!)).toBe('Adoption of the report of the Commission on its thirty-third session.');
  });
});
