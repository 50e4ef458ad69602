import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { validateDocument } from '../../../../shared/document/build.js';
import { childText, documentKind } from '../../../../shared/document/header.js';
import { readAkn } from '../../../../shared/formats/akn/read.js';
import { FormatError } from '../../../../shared/formats/types.js';
import { countDoc } from './read-counts.js';

const ns = 'xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"';
const wrap = (body: string, name = 'resolution', attrs = ns) =>
  `<akomaNtoso ${attrs}><statement name="${name}"><preface><p><docTitle>A title</docTitle></p></preface>${body}</statement></akomaNtoso>`;

function only(xml: string): { doc: Node; warnings: string[] } {
  const { documents, warnings } = readAkn(xml, 'test.xml');
  expect(documents).toHaveLength(1);
  const doc = documents[0] as Node;
  expect(() => validateDocument(doc.toJSON())).not.toThrow();
  return { doc, warnings };
}

describe("readAkn on the AKN guidelines' own forms", () => {
  it('reads list/intro/point and sublist/point as (a) and (i), <i> as the opener, <subparagraph> accepted', () => {
    const xml = wrap(`
      <preamble><formula><p>The General Assembly,</p></formula>
        <container eId="pp_1"><p><i>Recalling</i> its resolution 1,</p></container></preamble>
      <mainBody>
        <paragraph eId="para_1"><num>1.</num><list eId="para_1__list_1">
          <intro><p><i>Requests</i> the Secretary-General:</p></intro>
          <point eId="para_1__list_1__point_a"><num>(a)</num><content><p>To report;</p></content></point>
          <point eId="para_1__list_1__point_b"><num>(b)</num><list><intro><p>To consult:</p></intro>
            <point><num>(i)</num><content><p>States;</p></content></point>
            <point><num>(ii)</num><content><p>Others;</p></content></point></list></point>
        </list></paragraph>
        <paragraph eId="para_2"><num>2.</num><subparagraph eId="para_2__sp_1"><content><p><i>Decides</i> to remain seized.</p></content></subparagraph></paragraph>
      </mainBody>`, 'resolution', '');
    const { doc } = only(xml);
    expect(countDoc(doc)).toMatchObject({ pp: 1, op: 2, sub: 3, subsub: 2 });
    const op1 = doc.child(4).child(0);
    expect(op1.child(0).textContent).toBe('Requests the Secretary-General:');
    expect(op1.child(0).firstChild?.marks.map((m) => m.type.name)).toEqual(['opener']);
    expect(op1.child(2).child(0).textContent).toBe('To consult:');
    expect(op1.child(2).child(1).type.name).toBe('sub_subparagraph');
    expect(doc.child(3).child(0).child(0).firstChild?.text).toBe('Recalling');
  });

  it('reads a blockList and a table inside a paragraph\'s content, not dropping them', () => {
    const { doc, warnings } = only(wrap(`<mainBody>
      <paragraph eId="para_1"><num>1.</num><content><p><i>Requests</i> the Secretary-General:</p>
        <blockList eId="bl_1"><item eId="i1"><num>(a)</num><p>To report;</p></item><item eId="i2"><num>(b)</num><p>To consult.</p></item></blockList></content></paragraph>
      <paragraph eId="para_2"><num>2.</num><content><p><i>Approves</i> the following:</p><table eId="t1"><tr><td><p>A</p></td><td><p>1</p></td></tr></table></content></paragraph></mainBody>`));
    expect(countDoc(doc)).toMatchObject({ op: 2, sub: 2 });
    expect(doc.child(4).child(1).textContent).toBe('Approves the following: A | 1');
    expect(warnings.some((w) => w.includes('table <table> (eId t1)'))).toBe(true);
  });

  it('reads a decision as lettered paragraphs with (i) below them', () => {
    const xml = wrap(`<preamble><formula><p>The General Assembly:</p></formula></preamble><mainBody>
      <paragraph eId="para_1"><num>(a)</num><content><p>Decided to convene a meeting;</p></content></paragraph>
      <paragraph eId="para_2"><num>(b)</num><content><p>Requested:</p></content></paragraph>
      <paragraph eId="para_3"><num>(i)</num><content><p>a report;</p></content></paragraph>
      <paragraph eId="para_4"><num>(c)</num><content><p>Took note.</p></content></paragraph></mainBody>`, 'decision');
    const { doc } = only(xml);
    expect(documentKind(doc)).toBe('decision');
    expect(countDoc(doc)).toMatchObject({ op: 3, subsub: 1 });
    expect(childText(doc, 'body_line')).toBe('The General Assembly:');
  });

  it('keeps lettered points under a numbered list item of a decision at their place', () => {
    const { doc } = only(wrap(`<preamble><formula><p>The Council:</p></formula></preamble><mainBody>
      <paragraph eId="para_1"><num>(a)</num><list eId="l1"><intro><p>Decided to adopt:</p></intro>
        <list eId="l2" class="numberedList"><point eId="l2_1"><num>1.</num><list eId="l3"><intro><p>Item one:</p></intro>
          <point eId="l3_a"><num>(a)</num><content><p>first;</p></content></point><point eId="l3_b"><num>(b)</num><content><p>second;</p></content></point></list></point>
        <point eId="l2_2"><num>2.</num><content><p>Item two.</p></content></point></list></list></paragraph>
      <paragraph eId="para_2"><num>(b)</num><content><p>Took note.</p></content></paragraph></mainBody>`, 'decision'));
    expect(doc.child(3).toString()).toBe(
      'decision_body(decision_paragraph(paragraph_text("Decided to adopt:"), numbered_list(list_item(paragraph_text("Item one:"), subparagraph(paragraph_text("first;")), subparagraph(paragraph_text("second;"))), list_item(paragraph_text("Item two.")))), decision_paragraph(paragraph_text("Took note.")))',
    );
  });

  it('keeps an unknown element as text with a warning naming it and its eId', () => {
    const { doc, warnings } = only(wrap(`<mainBody>
      <paragraph eId="para_1"><num>1.</num><content><p><span class="italic">Decides</span> to act;</p></content></paragraph>
      <blockQuote eId="quote_7"><p>Quoted words stay.</p></blockQuote></mainBody>`));
    expect(doc.textContent).toContain('Quoted words stay.');
    expect(warnings.some((w) => w.includes('<blockQuote> (eId quote_7)'))).toBe(true);
  });

  it('keeps headings of sections and hcontainers as text with a warning, paragraphs in order', () => {
    const { doc, warnings } = only(wrap(`<mainBody>
      <hcontainer eId="hc_1"><heading>General</heading>
        <paragraph eId="para_1"><num>1.</num><content><p><i>Decides</i> one;</p></content></paragraph></hcontainer>
      <section eId="sec_2"><num>II</num><heading>Follow-up</heading>
        <paragraph eId="para_2"><num>2.</num><content><p><i>Decides</i> two.</p></content></paragraph></section></mainBody>`));
    expect(countDoc(doc).op).toBe(2);
    expect(doc.child(4).child(1).textContent).toBe('II Follow-up — Decides two.');
    expect(warnings.filter((w) => w.includes('heading <hcontainer> (eId hc_1)') || w.includes('heading <section> (eId sec_2)'))).toHaveLength(2);
  });
});

describe('readAkn on other document types', () => {
  it("reads an <act>'s sections holding their text directly as paragraphs, headings as text", () => {
    const xml = `<akomaNtoso ${ns}><act name="act"><meta/><preface><p><docTitle>An Act</docTitle></p></preface><body>
      <section eId="sec_1"><num>1</num><heading>Short title</heading><content><p>This Act may be cited as the Test Act.</p></content></section>
      <section eId="sec_2"><num>2</num><heading>Purpose</heading><content><p>The purpose is testing.</p></content></section></body></act></akomaNtoso>`;
    const { doc, warnings } = only(xml);
    expect(childText(doc, 'title')).toBe('An Act');
    expect(doc.child(4).childCount).toBe(2);
    expect(doc.child(4).child(1).textContent).toBe('2 Purpose — The purpose is testing.');
    expect(warnings.some((w) => w.includes('heading <section> (eId sec_2)'))).toBe(true);
  });
});

describe('readAkn on hostile input', () => {
  it('names line and column of malformed XML', () => {
    expect(() => readAkn('<akomaNtoso>\n<statement>\n<mainBody></statement>', 'bad.xml')).toThrow(/bad\.xml is not well-formed XML at line 3, column \d+/);
    expect(() => readAkn('', 'empty.xml')).toThrow(FormatError);
    expect(() => readAkn(' \n', 'empty.xml')).toThrow('akn: empty.xml is empty');
    expect(() => readAkn('<html><body/></html>', 'page.xml')).toThrow(/not Akoma Ntoso \(root element <html>/);
  });

  it('refuses deep nesting with a clear error before walking it', () => {
    const n = 100_000;
    const xml = wrap(`<mainBody><paragraph eId="p"><num>1.</num><content><p>${'<span>'.repeat(n)}x${'</span>'.repeat(n)}</p></content></paragraph></mainBody>`);
    expect(() => readAkn(xml, 'deep.xml')).toThrow(/deep\.xml nests elements deeper than 200 levels \(line 1, column \d+\)/);
  });

  it('keeps 5,000 unnumbered paragraphs and a 10,000-row table as text (no quadratic joining)', () => {
    const rows = '<tr><td><p>x</p></td></tr>'.repeat(10_000);
    const loose = '<paragraph><content><p>and more words</p></content></paragraph>'.repeat(5_000);
    const xml = wrap(`<mainBody><paragraph eId="p1"><num>1.</num><content><p><i>Decides</i> this:</p></content></paragraph>${loose}<container eId="t1"><table>${rows}</table></container></mainBody>`);
    const { doc, warnings } = only(xml);
    expect(countDoc(doc).op).toBe(1);
    expect(doc.textContent.split('and more words')).toHaveLength(5_001);
    expect(doc.textContent.split(' / ')).toHaveLength(10_000);
    expect(warnings.filter((w) => w.includes('unnumbered paragraph'))).toHaveLength(5_000);
  });

  it('reads a file with a huge attribute without trouble', () => {
    const xml = wrap(`<mainBody><paragraph eId="${'x'.repeat(2_000_000)}"><num>1.</num><content><p><i>Decides</i> once.</p></content></paragraph></mainBody>`);
    const { doc } = only(xml);
    expect(countDoc(doc).op).toBe(1);
  });
});
