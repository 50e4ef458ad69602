import { describe, expect, it } from 'vitest';
import { summarize } from '../../../shared/document/index.js';
import { importText } from '../../../shared/import/index.js';
import { annexesOf, childrenOf, headerOf, openerOf, ownText, paragraphsOf } from './inspect.js';

const only = (text: string) => {
  const { documents } = importText(text);
  expect(documents).toHaveLength(1);
  return documents[0]!;
};

const letters = 'abcdefgh'.split('').map((l) => `(${l}) item ${l};`).join('\n');

describe('readStructure through importText: labels by numbering continuity', () => {
  it('reads "(i)" after "(h)" as the next letter, but as a roman sub-level when (h) announces a list', () => {
    const flat = only(`T\n\nThe General Assembly,\n\n1. Decides:\n${letters}\n(i) item i;\n(j) item j.\n`);
    expect(childrenOf(paragraphsOf(flat, 'operative')[0]!, 'subparagraph')).toHaveLength(10);
    const nested = only(`T\n\nThe General Assembly,\n\n1. Decides:\n${letters.replace('item h;', 'item h:')}\n(i) first;\n(ii) second;\n(i) item i.\n`);
    const subs = childrenOf(paragraphsOf(nested, 'operative')[0]!, 'subparagraph');
    expect(subs).toHaveLength(9);
    expect(childrenOf(subs[7]!, 'sub_subparagraph').map(ownText)).toEqual(['first;', 'second;']);
  });

  it('lets an italic opener end a list whose numbering also continues: "5. *Requests*" after items 1-4 of OP 4', () => {
    const ops = ['1. *Notes* a;', '2. *Notes* b;', '3. *Notes* c;', '4. *Adopts* the agenda:', ' 1. One.', ' 2. Two.', ' 3. Three.', ' 4. Four.', '5. *Requests* more.'];
    const doc = only(`T\n\nThe General Assembly,\n\n${ops.join('\n')}\n`);
    expect(summarize(doc).operative).toBe(5);
    expect(childrenOf(childrenOf(paragraphsOf(doc, 'operative')[3]!, 'numbered_list')[0]!, 'list_item')).toHaveLength(4);
  });

  it('continues the open list when the operative sequence is elsewhere, whatever the indentation', () => {
    const doc = only('T\n\nThe General Assembly,\n\n1. Decides;\n2. Approves the agenda:\n 1. One.\n 2. Two.\n3. Three.\n3. Requests more.\n');
    const ops = paragraphsOf(doc, 'operative');
    expect(ops).toHaveLength(3);
    expect(childrenOf(childrenOf(ops[1]!, 'numbered_list')[0]!, 'list_item').map(ownText)).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('reads French and Spanish labels and sets the language from the body line', () => {
    const fr = only("Titre\n\nL'Assemblée générale,\n\nRappelant sa résolution,\n\n1. Décide :\na) premier ;\nb) second :\ni) sous ;\n2. Prie le Secrétaire général.\n");
    expect(headerOf(fr).language).toBe('fr');
    expect(summarize(fr)).toMatchObject({ preambular: 1, operative: 2, subparagraphs: 3 });
    const es = only('Título\n\nEl Consejo Económico y Social:\n\na) Toma nota del informe;\nb) Aprueba el programa.\n');
    expect(summarize(es)).toMatchObject({ kind: 'decision', operative: 2 });
    expect(headerOf(es).language).toBe('es');
  });

  it('recognizes the authoring bodies of other organs', () => {
    for (const body of ['The Security Council,', 'The Human Rights Council,', 'The Commission on Narcotic Drugs,', 'The Conference of the Parties to the United Nations Convention against Corruption,']) {
      expect(summarize(only(`Title\n\n${body}\n\nRecalling x,\n\n1. Decides.\n`)).body).toBe(body);
    }
  });

  it('keeps explicit annexes with their titles, paragraphs and lists', () => {
    const doc = only('T\n\nThe General Assembly,\n\n1. Adopts the annexed texts.\n\nAnnex I\n\nTerms of reference\n\nThe group meets yearly.\n1. Chair.\n2. Members.\n\nAnnex II\n\nList\n\n1. One.\n');
    const annexes = annexesOf(doc);
    expect(annexes.map((a) => a.firstChild?.textContent)).toEqual(['Terms of reference', 'List']);
    expect(annexes[0]!.child(1).type.name).toBe('annex_paragraph');
    expect(childrenOf(annexes[0]!, 'numbered_list')[0]!.childCount).toBe(2);
  });

  it('detects the opener of a decision paragraph and of a PP, and none in subparagraphs', () => {
    const doc = only('T\n\nThe General Assembly,\n\nDeeply concerned about crime,\n\n1. Calls upon States:\n(a) Building resilient societies;\n(b) Ensuring access.\n');
    expect(openerOf(paragraphsOf(doc, 'preamble')[0]!)).toBe('Deeply concerned');
    expect(openerOf(paragraphsOf(doc, 'operative')[0]!)).toBe('Calls upon');
    expect(childrenOf(paragraphsOf(doc, 'operative')[0]!, 'subparagraph').map(openerOf)).toEqual(['', '']);
  });
});

describe('segmentDocuments through importText: where documents start and end', () => {
  it('starts a document at each body line when there are no headings, the title being the paragraph before', () => {
    const { documents } = importText('First title\n\nThe General Assembly,\n\n1. Decides.\n\nSecond title\n\nThe Security Council,\n\n1. Decides too.\n');
    expect(documents.map((d) => [summarize(d).title, summarize(d).body])).toEqual([
      ['First title', 'The General Assembly,'],
      ['Second title', 'The Security Council,'],
    ]);
  });

  it('keeps every kind of heading and drops report text and section headings', () => {
    const text = ['A. Draft resolutions', '', '1. The Commission recommends the following:', '', 'Resolution 32/1', '', 'One', '', 'The Commission on Narcotic Drugs,', '', '1. Decides.', '',
      'Draft resolution A/78/L.5', '', 'Two', '', 'The General Assembly,', '', '1. Decides.', '', 'B. Matters brought to the attention', '', '2. The following is brought to the attention:'].join('\n');
    const { documents } = importText(text);
    expect(documents.map((d) => headerOf(d).heading)).toEqual(['Resolution 32/1', 'Draft resolution A/78/L.5']);
    expect(summarize(documents[1]!).operative).toBe(1);
    expect(ownText(paragraphsOf(documents[1]!, 'operative')[0]!)).toBe('Decides.');
  });

  it('reads a UN header block into the header attributes', () => {
    const header = ['E/CN.15/2023/L.6', 'Economic and Social Council', 'Distr.: Limited', '12 May 2023', 'Original: English', 'Thirty-second session', 'Vienna, 22–26 May 2023', 'Agenda item 5', 'Antigua and Barbuda, Canada and Japan: draft resolution'];
    const doc = only(`${header.join('\n')}\n\nEqual access to justice\n\nThe General Assembly,\n\n1. Decides.\n`);
    expect(headerOf(doc)).toMatchObject({
      symbol: 'E/CN.15/2023/L.6', date: '12 May 2023', language: 'en', session: 'Thirty-second session', agendaItem: '5',
      sponsors: ['Antigua and Barbuda', 'Canada', 'Japan'], heading: '',
    });
    expect(summarize(doc).title).toBe('Equal access to justice');
  });
});
