import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { buildDocument, type DocumentSpec } from '../../../../shared/document/build.js';
import { toTypst } from '../../../../shared/formats/pdf/typst.js';
import { typstString } from '../../../../shared/formats/pdf/typst-escape.js';
import { importText } from '../../../../shared/import/index.js';

// Every string literal of a Typst source replaced by "": what is left is the markup we write.
const skeleton = (source: string) => source.replace(/"(?:[^"\\]|\\.)*"/g, '""');

// A document whose every user-text slot holds `t` (a different suffix each, so slots are told apart).
const spec = (t: (slot: string) => string): DocumentSpec => ({
  header: { symbol: t('sym'), date: t('date'), session: t('session'), agendaItem: t('agenda'), sponsors: [t('sp1'), t('sp2')], heading: t('heading') },
  title: t('title'),
  body: t('body'),
  preamble: [{ text: `Recalling ${t('pp')}`, opener: 'Recalling', footnotes: [{ text: t('fn1') }] }],
  operative: [
    { text: t('op1'), subparagraphs: [{ text: t('sub'), subparagraphs: [t('subsub')] }], list: [t('item')] },
    { text: `${t('op2')} end`, footnotes: [{ text: t('fn2'), at: 0 }] },
  ],
  annexes: [{ title: t('annex'), content: [t('annexp'), { list: [t('annexitem')] }] }],
});

const hostile = '#set page(width: 1cm) $x^2$ *bold* _it_ `raw` <label> @ref \\ // comment ] ) " #{panic("ran")} /* c';

function one(text: string): Node {
  const doc = importText(text).documents[0];
  if (!doc) throw new Error('no document');
  return doc;
}

const negotiated = `A/C.3/78/L.99
12 October 2023
Original: English
Canada and Japan: draft resolution

Legal aid

The General Assembly,

*Recalling* its resolution 67/187,

1. *Requests* the [Secretary-General (EU, CAN)] to report [annually][biennially (USA)];
    (a) to act;

2. [*Decides* to remain seized of the matter (RUS)]
`;

describe('toTypst', () => {
  it('writes every piece of hostile user text as a string literal: the markup is that of a harmless document', () => {
    const bad = toTypst(buildDocument(spec((slot) => `${hostile} ${slot}`)));
    const good = toTypst(buildDocument(spec((slot) => `plain ${slot}`)));
    expect(skeleton(bad)).toBe(skeleton(good));
    for (const slot of ['title', 'pp', 'op1', 'sub', 'subsub', 'item', 'fn1', 'fn2', 'annex', 'annexp', 'heading', 'session']) {
      expect(bad).toContain(typstString(`${hostile} ${slot}`).slice(1, -1));
    }
    expect(bad).toContain(typstString(`Agenda item ${hostile} agenda`));
  });

  it('keeps the markup independent of any text a document holds (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), (s) => {
        const text = s.replace(/\r\n?/g, '\n');
        return skeleton(toTypst(buildDocument(spec((slot) => `${text} ${slot}`)))) === skeleton(toTypst(buildDocument(spec((slot) => `x ${slot}`))));
      }),
      { numRuns: 150 },
    );
  });

  it('escapes backslash, quote and control characters inside the literal', () => {
    expect(typstString('a\\b"c\nd\u0007')).toBe('"a\\\\b\\"c\\u{a}d\\u{7}"');
  });

  it('sets A4 by default and US Letter on request, 10 pt Times New Roman with its fallbacks, page numbers and the running symbol', () => {
    const doc = buildDocument(spec((slot) => slot));
    const a4 = toTypst(doc);
    expect(a4).toContain('paper: "a4"');
    expect(toTypst(doc, { paper: 'letter' })).toContain('paper: "us-letter"');
    expect(a4).toMatch(/font: \("Times New Roman", "Liberation Serif",.*"Libertinus Serif"\), size: 10pt, hyphenate: false, lang: "en"/);
    expect(a4).toContain('counter(page).display("1")');
    expect(a4).toContain('text(size: 9pt, weight: "bold", "sym")');
  });

  it('writes the masthead from the header: organ from the symbol, Distr., date, Original, agenda item, sponsors line', () => {
    const source = toTypst(one(negotiated));
    expect(source).toContain('"General Assembly"');
    expect(source).toContain('#"Distr.: Limited"; \\ #"12 October 2023"; \\ #"Original: English";');
    expect(source).toContain('#"Canada and Japan: draft resolution";');
    expect(source).toContain('text(weight: "bold", size: 11pt)[#"Legal aid";]');
    expect(toTypst(buildDocument({ header: { symbol: 'E/2023/1' }, title: 'T', body: 'B', operative: ['x'] }))).toContain('"Distr.: General"');
  });

  it('leaves out the masthead of a document whose header says nothing', () => {
    const source = toTypst(buildDocument({ title: 'T', body: 'B', operative: ['x'] }));
    expect(source).not.toContain('Original');
    expect(source).not.toContain('#line(');
  });

  it('hangs OP numbers and (a)/(i) labels and list numbers, italicises openers, sets footnotes as Typst footnotes', () => {
    const source = toTypst(buildDocument(spec((slot) => slot)));
    expect(source).toContain('#par(first-line-indent: (amount: 1 * 1.27cm, all: true), hanging-indent: 0pt)[#emph[#"Recalling";]#" pp";#footnote[#"fn1";]]');
    expect(source).toContain('hanging-indent: 1 * 1.27cm)[#box(width: 1.27cm)[#"1.";]#"op1";]');
    expect(source).toContain('hanging-indent: 2 * 1.27cm)[#box(width: 1.27cm)[#"(a)";]#"sub";]');
    expect(source).toContain('hanging-indent: 3 * 1.27cm)[#box(width: 1.27cm)[#"(i)";]#"subsub";]');
    expect(source).toContain('hanging-indent: 2 * 1.27cm)[#box(width: 1.27cm)[#"1.";]#"item";]');
    expect(source).toContain('[#box(width: 1.27cm)[#"2.";]#footnote[#"fn2";]#"op2 end";]');
    expect(source).toMatch(/#pagebreak\(weak: true\)\n#align\(center, strong\(\[#"Annex";\]\)\)\n.*#"annex";/);
  });

  it('writes brackets with attribution tags in the compilation view, nothing of them in the clean view, no tags on request', () => {
    const doc = one(negotiated);
    const compilation = toTypst(doc);
    expect(compilation).toContain('#"[";#"Secretary-General";#" (EU, CAN)]";');
    expect(compilation).toContain('#"[";#"annually";#"]";#"[";#"biennially";#" (USA)]";');
    expect(compilation).toMatch(/#"2\.";\]#"\[";#emph\[#"Decides";\]#" to remain seized of the matter";#" \(RUS\)\]";\]/);
    expect(toTypst(doc, { tags: false })).toContain('#"[";#"Secretary-General";#"]";');
    const clean = toTypst(doc, { view: 'clean' });
    expect(clean).not.toContain('Secretary-General');
    expect(clean).not.toContain('"2."');
    expect(clean).toContain('#" the to report;";');
  });

  it('numbers a negotiated compilation with its stable labels (bis) and the clean view as it stands', () => {
    const added = buildDocument({
      title: 'T',
      body: 'B',
      operative: [{ text: 'First;', id: 'op-a' }, { text: 'Inserted;', id: 'op-new' }, { text: 'Second.', id: 'op-b' }],
    });
    const header = added.firstChild!;
    const negotiation = { revisionId: 'r1', label: 'Rev.1', numbers: { 'op-a': 1, 'op-b': 2 } };
    const inNegotiation = added.copy(added.content.replaceChild(0, header.type.create({ ...header.attrs, negotiation })));
    const source = toTypst(inNegotiation);
    expect(source).toContain('#"1 bis.";]#"Inserted;";');
    expect(source).toContain('#"2.";]#"Second.";');
    expect(toTypst(inNegotiation, { view: 'clean' })).toContain('#"3.";]#"Second.";');
  });

  it('follows the header language: French labels a), Arabic lang "ar" (right to left), Chinese with the CJK faces first', () => {
    const fr = toTypst(buildDocument({ header: { language: 'fr' }, title: 'T', body: 'B', operative: [{ text: 'x', subparagraphs: ['y'] }] }));
    expect(fr).toContain('lang: "fr"');
    expect(fr).toContain('#"a)";');
    const ar = toTypst(buildDocument({ header: { language: 'ar' }, title: 'T', body: 'B', operative: [{ text: 'x', list: ['y'] }] }));
    expect(ar).toContain('lang: "ar"');
    // Arabic numbers operative paragraphs and list items "1 -", as the official texts do.
    expect(ar).toContain('#"1 -";]#"x";');
    expect(ar).toContain('#"1 -";]#"y";');
    expect(ar).not.toContain('#"1.";');
    expect(toTypst(buildDocument({ header: { language: 'zh' }, title: 'T', body: 'B', operative: ['x'] }))).toMatch(
      /font: \("Times New Roman", "Liberation Serif", "Noto Serif CJK SC".*lang: "zh", region: "cn"/,
    );
  });

  it('puts document properties into the metadata: subject as description, the rest as keywords', () => {
    const source = toTypst(buildDocument({ title: 'T', body: 'B', operative: ['x'] }), { properties: { subject: 'Rev.1', revision: 'Rev.1', 'by"': 'a\\b' } });
    expect(source).toContain('#set document(title: "T", description: "Rev.1", keywords: ("revision: Rev.1", "by\\": a\\\\b",))');
  });
});
