import { TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import type { LibraryHit } from '../../../shared/api/contract.js';
import { citationText, compareWithHit, hitSource } from '../../../renderer/library/agreed-language.js';
import { citeHit, collapseToEnd, insertHitAfter } from '../../../renderer/library/insert-hit.js';
import { lookupAt } from '../../../renderer/library/lookup.js';
import { bracketRange } from '../../../shared/negotiation/bracket-ops.js';
import { provenanceCsv, provenanceSummary, provenanceText } from '../../../renderer/library/provenance-export.js';
import { at, expectSound, must, outline, posOf, run, stateFrom } from '../editor/commands/editing.js';

const hit = (over: Partial<LibraryHit> = {}): LibraryHit => ({
  id: 'p1',
  symbol: 'A/RES/78/201',
  label: 'OP 5',
  title: 'Agricultural technology',
  date: '19 December 2023',
  body: 'The General Assembly',
  language: 'en',
  adopted: true,
  text: 'Requests the Secretary-General to submit a report, which shall be concise.',
  score: 1,
  ...over,
});

const spec = {
  title: 'Agricultural technology',
  body: 'The General Assembly,',
  preamble: ['Recalling its resolution 76/194 of 16 December 2021,'],
  operative: ['Requests the Secretary-General to submit a report, which should be concise.', { text: 'Decides to include:', children: ['An item on technology;'] }],
};

describe('how a hit is spoken of', () => {
  it('names the source and the citation the UN way', () => {
    expect(hitSource(hit())).toBe('78/201 OP 5');
    expect(citationText(hit({ symbol: 'A/RES/74/129' }))).toBe('Resolution 74/129, OP 5.');
    expect(citationText(hit({ symbol: 'A/DEC/74/501', label: '(a)' }))).toBe('Decision 74/501, (a).');
    expect(citationText(hit({ symbol: 'E/RES/2019/1', label: '' }))).toBe('E/RES/2019/1.');
  });

  it('sums up the difference word by word: verbatim, a few changes listed, many counted', () => {
    expect(compareWithHit(hit(), hit().text).sentence).toBe('Agreed language from 78/201 OP 5, word for word');
    const one = compareWithHit(hit(), 'Requests the Secretary-General to submit a report, which should be concise.');
    expect(one.sentence).toBe('Agreed language from 78/201 OP 5, except shall → should');
    expect(one.ops.filter((o) => o.op !== 'equal').map((o) => `${o.op}:${o.text}`)).toEqual(['delete:shall', 'insert:should']);
    expect(compareWithHit(hit(), 'Requests the Secretary-General to also submit a report, which shall be concise.').sentence).toBe('Agreed language from 78/201 OP 5, except + also');
    expect(compareWithHit(hit({ adopted: false }), 'Requests the Secretary-General to submit a report.').sentence).toBe('Draft language from 78/201 OP 5, except − , which shall be concise');
    expect(compareWithHit(hit(), 'Urges the Member States to present a short report, which must be brief and timely.').sentence).toMatch(/^Close to 78\/201 OP 5: \d+ changes$/);
  });
});

describe('what the panel looks up and does in the editor', () => {
  it('looks up the paragraph under the cursor, a selected phrase, or nothing in the title', () => {
    const state = at(stateFrom(spec), 'OP 1', 3);
    expect(lookupAt(state)).toMatchObject({ kind: 'paragraph', mode: 'similar', where: 'OP 1', text: spec.operative[0] });
    const from = posOf(state, 'OP 1') + 2;
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from + 13, from + 30)));
    expect(lookupAt(selected)).toMatchObject({ kind: 'selection', mode: 'phrase', text: 'Secretary-General', paragraphText: spec.operative[0] });
    expect(lookupAt(state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3))))).toBeNull();
  });

  it('looks up the text of the bracket the cursor is in, and inserts after the paragraph holding it', () => {
    const state = at(stateFrom(spec), 'OP 1', 0);
    const from = posOf(state, 'OP 1') + 2;
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from + 13, from + 30)));
    const bracketed = selected.apply(bracketRange(selected) ?? selected.tr);
    const inside = bracketed.apply(bracketed.tr.setSelection(TextSelection.create(bracketed.doc, from + 17)));
    expect(lookupAt(inside)).toMatchObject({ kind: 'bracket', mode: 'phrase', text: 'Secretary-General', where: 'OP 1', paragraphText: spec.operative[0] });
    const next = must(inside, insertHitAfter(hit()));
    expect(outline(next.doc)[2]).toBe(`OP 2: ${hit().text}`);
  });

  it('inserts a hit after the cursor paragraph with a new id and its opener, and cites it in a footnote', () => {
    const state = at(stateFrom(spec), 'OP 1', 3);
    const next = must(state, insertHitAfter(hit()));
    expectSound(next.doc);
    expect(outline(next.doc)).toEqual([
      'PP 1: Recalling its resolution 76/194 of 16 December 2021,',
      `OP 1: ${spec.operative[0]}`,
      `OP 2: ${hit().text}`,
      'OP 3: Decides to include:',
      'OP 3 (a): An item on technology;',
    ]);
    const inserted = next.doc.nodeAt(posOf(next, 'OP 2'));
    expect(inserted?.firstChild?.firstChild?.marks.map((m) => m.type.name)).toEqual(['opener']);
    expect(inserted?.firstChild?.firstChild?.text).toBe('Requests');
    expect(lookupAt(next)).toMatchObject({ where: 'OP 2' });
    // In an (a), the hit becomes an (b): the same level, no opener.
    const sub = must(at(next, 'OP 3 (a)', 2), insertHitAfter(hit({ text: 'An item on agriculture;' })));
    expect(outline(sub.doc).slice(-1)).toEqual(['OP 3 (b): An item on agriculture;']);
    // Cite: the selection is kept, the footnote goes after it.
    const from = posOf(next, 'OP 1') + 2;
    const selected = next.apply(next.tr.setSelection(TextSelection.create(next.doc, from, from + 8)));
    const collapsed = selected.apply(collapseToEnd(selected) ?? selected.tr);
    const cited = must(collapsed, citeHit(hit({ symbol: 'A/RES/74/129' })));
    const op1 = cited.doc.nodeAt(posOf(cited, 'OP 1'))?.firstChild;
    expect(op1?.textContent.startsWith('Requests')).toBe(true);
    expect(op1?.child(1).type.name).toBe('footnote');
    expect(op1?.child(1).textContent).toBe('Resolution 74/129, OP 5.');
    expect(run(next.apply(next.tr.setSelection(TextSelection.create(next.doc, 3))), insertHitAfter(hit()))).toBeNull();
    // At the start of a paragraph the citation goes to its end, never before the opener.
    const start = at(next, 'OP 2', 0);
    const atEnd = start.apply(collapseToEnd(start) ?? start.tr);
    const cited2 = must(atEnd, citeHit(hit()));
    const op2 = cited2.doc.nodeAt(posOf(cited2, 'OP 2'))?.firstChild;
    expect(op2?.firstChild?.text).toBe('Requests');
    expect(op2?.lastChild?.type.name).toBe('footnote');
  });
});

describe('a citation footnote in the language of the document', () => {
  it('cites as the official texts of each language print it, whatever the interface language', () => {
    const cite = (language: 'fr' | 'zh' | 'ar' | 'ru', symbol: string, label = 'OP 5'): string => {
      const state = at(stateFrom({ ...spec, header: { language } }), 'OP 1', 3);
      const cited = must(state, citeHit(hit({ symbol, label })));
      return cited.doc.nodeAt(posOf(cited, 'OP 1'))?.firstChild?.child(1).textContent ?? '';
    };
    expect(cite('fr', 'A/RES/74/129')).toBe('Résolution 74/129, OP 5.');
    expect(cite('zh', 'A/RES/73/195', '')).toBe('第73/195号决议。');
    expect(cite('zh', 'A/RES/73/195')).toBe('第73/195号决议，OP 5。');
    expect(cite('ar', 'A/DEC/74/501')).toBe('المقرر 74/501، OP 5.');
    expect(cite('ru', 'E/RES/2019/1')).toBe('E/RES/2019/1, OP 5.');
  });
});

describe('the provenance report as files', () => {
  const report = {
    share: 2 / 3,
    paragraphs: [
      { label: 'PP 1', text: 'Recalling its resolution 76/194,', status: 'verbatim' as const, hit: hit({ label: 'PP 1', text: 'Recalling its resolution 76/194,' }) },
      { label: 'OP 1', text: 'Requests "all", which should be concise.', status: 'near' as const, hit: hit({ similarity: 0.82 }) },
      { label: 'OP 2', text: 'Decides to include an item.', status: 'new' as const, hit: null },
    ],
  };
  it('sums up, writes text and RFC 4180 CSV', () => {
    expect(provenanceSummary(report)).toBe('67% agreed language: 1 verbatim, 1 near, 1 new of 3 paragraphs');
    expect(provenanceText(report, 'Agricultural technology')).toContain('OP 1: near (Resolution 78/201, OP 5, 19 December 2023)\n  Requests "all", which should be concise.');
    expect(provenanceCsv(report).split('\r\n')).toEqual([
      'label,status,similarity,source,source_label,source_date,adopted,text',
      'PP 1,verbatim,1.00,A/RES/78/201,PP 1,19 December 2023,yes,"Recalling its resolution 76/194,"',
      'OP 1,near,0.82,A/RES/78/201,OP 5,19 December 2023,yes,"Requests ""all"", which should be concise."',
      'OP 2,new,,,,,,Decides to include an item.',
      '',
    ]);
  });
});
