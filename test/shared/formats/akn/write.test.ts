import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from '@xmldom/xmldom';
import type { Node } from 'prosemirror-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanViewDoc } from '../../../../shared/negotiation/clean-view.js';
import { collectBrackets } from '../../../../shared/negotiation/model.js';
import { writeAkn } from '../../../../shared/formats/akn/write.js';
import { FormatError } from '../../../../shared/formats/types.js';
import { readAkn } from '../../../../shared/formats/akn/read.js';
import { importText } from '../../../../shared/import/index.js';
import { bracketWholeTexts } from '../../negotiation/helpers.js';
import { documentShape } from './write-shape.js';
import { fixtureSamples, hostileSample, negotiatedSample, richSample, templateSamples, type Sample } from './write-documents.js';
import { aknAll, aknChildren, nodeCounts, parseAkn, phAll } from './write-inspect.js';
import { debianXmllint, failures, validateAkn } from './write-schema.js';

const samples: Sample[] = [
  ...templateSamples(),
  ...fixtureSamples('corpus/ccpcj32-draft-resolutions-I-III.txt'),
  ...fixtureSamples('corpus/ccpcj32-draft-decision.txt'),
  ...fixtureSamples('negotiation/ga-third-committee-rev1.txt'),
  ...fixtureSamples('negotiation/ecosoc-decision-unbalanced.txt'),
  ...fixtureSamples('negotiation/hrc-right-to-education.txt'),
  negotiatedSample(),
  richSample(),
  hostileSample(),
];

type Export = { name: string; view: 'compilation' | 'clean'; doc: Node; xml: string };
const exports: Export[] = [];
for (const sample of samples) {
  for (const view of ['compilation', 'clean'] as const) {
    const doc = view === 'clean' ? cleanViewDoc(sample.doc) : sample.doc;
    exports.push({ name: `${sample.name} (${view})`, view, doc, xml: writeAkn(sample.doc, { view }) });
  }
}

const paragraphsIn = (root: Element): Element[] => aknChildren(aknAll(root, 'mainBody')[0] as Element, 'paragraph');

describe('writeAkn: every export validates against akomantoso30.xsd', () => {
  let report: Awaited<ReturnType<typeof validateAkn>> = [];
  beforeAll(async () => {
    report = await validateAkn(exports.map((e) => e.xml));
  }, 120_000);

  it(`validates all ${samples.length * 2} exports with xmllint-wasm`, () => {
    expect(samples.length).toBeGreaterThanOrEqual(15);
    expect(failures(report).map((f) => `${exports[Number(f.name.replace(/\D/g, ''))]?.name}: ${f.errors.join('; ')}`)).toEqual([]);
  });

  it('refuses an invalid file (the validator is not a no-op)', async () => {
    const broken = exports[0]?.xml.replace('<mainBody>', '<mainBody><bogus/>') ?? '';
    expect(failures(await validateAkn([broken]))).toHaveLength(1);
  });

  it("Debian's xmllint agrees on the rich, negotiated and hostile exports", () => {
    for (const name of ['French draft with annexes (compilation)', 'negotiated Third Committee text (compilation)', 'hostile text (compilation)']) {
      const found = exports.find((e) => e.name === name);
      const result = debianXmllint(found?.xml ?? '');
      expect(result.output).toMatch(/validates/);
      expect(result.status).toBe(0);
    }
    expect(debianXmllint(exports[0]?.xml.replace('<mainBody>', '<mainBody><bogus/>') ?? '').status).not.toBe(0);
  });
});

describe('writeAkn: structure in the DGACM dialect', () => {
  it.each(exports.map((e) => [e.name, e] as const))('%s: one element per paragraph, footnote, annex', (_name, { doc, xml }) => {
    const root = parseAkn(xml);
    const counts = nodeCounts(doc);
    expect(aknAll(root, 'container')).toHaveLength(counts.preambular_paragraph ?? 0);
    expect(paragraphsIn(root)).toHaveLength((counts.operative_paragraph ?? 0) + (counts.decision_paragraph ?? 0));
    const lettered = (counts.subparagraph ?? 0) + (counts.sub_subparagraph ?? 0) + (counts.list_item ?? 0);
    expect(aknAll(root, 'point').length + aknAll(root, 'item').length).toBe(lettered);
    const notes = aknAll(root, 'authorialNote');
    expect(notes).toHaveLength(counts.footnote ?? 0);
    expect(notes.map((n) => n.getAttribute('marker'))).toEqual(notes.map((_n, i) => String(i + 1)));
    expect(notes.every((n) => n.getAttribute('placement') === 'bottom')).toBe(true);
    expect(aknAll(root, 'attachment')).toHaveLength(counts.annex ?? 0);
    expect(aknAll(root, 'formula')[0]?.getAttribute('name')).toBe('enactingFormula');
  });

  it('names each container after its opener, written as the leading italic span', () => {
    const root = parseAkn(writeAkn(templateSamples().find((s) => s.name.includes('general-assembly'))?.doc as Node));
    const containers = aknAll(root, 'container');
    expect(containers.length).toBeGreaterThan(0);
    for (const container of containers) {
      const span = aknAll(container, 'span')[0];
      expect(span?.getAttribute('class')).toBe('italic');
      expect(container.getAttribute('name')).toBe(span?.textContent?.trim());
    }
  });

  it('writes statement names, FRBR identification and sponsors from the header', () => {
    const rich = parseAkn(writeAkn(richSample().doc));
    expect(aknAll(rich, 'statement')[0]?.getAttribute('name')).toBe('draftResolution');
    expect(aknAll(rich, 'FRBRlanguage')[0]?.getAttribute('language')).toBe('fra');
    expect(aknAll(rich, 'FRBRthis')[0]?.getAttribute('value')).toBe('/akn/un/statement/deliberation/e-cn.15/2023-05-19/E-CN.15-2023-L.6/!main');
    const orgs = aknAll(rich, 'TLCOrganization').map((o) => o.getAttribute('showAs'));
    expect(orgs).toEqual(expect.arrayContaining(['Canada', 'Japon', 'Union européenne', 'Commission pour la prévention du crime et la justice pénale']));
    expect(aknAll(rich, 'docProponent')[0]?.getAttribute('refersTo')).toBe('#del_canada #del_japon #del_union_europeenne');
    expect(aknAll(rich, 'docNumber').map((n) => n.textContent)).toEqual(['E/CN.15/2023/L.6', 'E/CN.15/2023/L.6']);
    const adopted = parseAkn(writeAkn(hostileSample().doc));
    expect(aknAll(adopted, 'statement')[0]?.getAttribute('name')).toBe('resolution');
    expect(aknAll(adopted, 'FRBRuri')[0]?.getAttribute('value')).toBe('/akn/un/statement/deliberation/unga/2019-12-12/74-50/');
    const decision = parseAkn(writeAkn(templateSamples().find((s) => s.name.endsWith('decision'))?.doc as Node));
    expect(aknAll(decision, 'statement')[0]?.getAttribute('name')).toBe('decision');
    expect(paragraphsIn(decision)[0]?.getElementsByTagName('num')[0]?.textContent).toBe('(a)');
  });

  it.each([
    ['ar', 'ara'],
    ['zh', 'zho'],
    ['en', 'eng'],
    ['fr', 'fra'],
    ['ru', 'rus'],
    ['es', 'spa'],
  ])('language %s: FRBRlanguage %s as DGACM codes it, validated and read back', async (language, code) => {
    const template = templateSamples().find((t) => t.name.includes('general-assembly'))?.doc as Node;
    const header = template.child(0);
    const doc = template.copy(template.content.replaceChild(0, header.type.create({ ...header.attrs, language })));
    const xml = writeAkn(doc);
    expect(aknAll(parseAkn(xml), 'FRBRlanguage')[0]?.getAttribute('language')).toBe(code);
    expect(failures(await validateAkn([xml]))).toEqual([]);
    expect(readAkn(xml).documents[0]?.toJSON()).toEqual(doc.toJSON());
  });

  it('nests (a)/(i) subparagraphs as list/point/sublist and numbered lists as numberedList', () => {
    const root = parseAkn(writeAkn(richSample().doc));
    const [, op2, op3] = paragraphsIn(root);
    const list = aknChildren(op2 as Element, 'list')[0] as Element;
    expect(aknChildren(list, 'intro')[0]?.textContent?.trim()).toBe('Décide que l’ordre du jour comprendra :');
    const numbered = aknChildren(list, 'list')[0] as Element;
    expect(numbered.getAttribute('class')).toBe('numberedList');
    const items = aknChildren(numbered, 'point');
    expect(items.map((p) => aknChildren(p, 'num')[0]?.textContent)).toEqual(['1.', '2.']);
    const sublist = aknChildren(items[0] as Element, 'sublist')[0] as Element;
    expect(aknChildren(sublist, 'point').map((p) => aknChildren(p, 'num')[0]?.textContent)).toEqual(['a)', 'b)']);
    const preamble = aknAll(root, 'preamble')[0] as Element;
    const block = aknChildren(preamble, 'blockList')[0] as Element;
    expect(block.previousSibling?.previousSibling).toBe(aknAll(root, 'container')[1]);
    expect(aknChildren(block, 'item').map((i) => aknChildren(i, 'num')[0]?.textContent)).toEqual(['a)', 'b)']);
    expect(aknAll(block, 'item').map((i) => i.getAttribute('eId'))).toContain('container_3__list_1__item_a__list_1__item_i'.replace(/item/g, 'point'));
    const ref = aknAll(op3 as Element, 'ref')[0];
    expect(ref?.getAttribute('href')).toBe(`#${paragraphsIn(root)[0]?.getAttribute('eId')}`);
    expect(ref?.textContent).toBe('1');
    expect(aknAll(op3 as Element, 'span').map((s) => s.textContent)).toEqual(['Invite', 'Convention']);
    const annex = aknAll(root, 'attachment')[0] as Element;
    expect(aknAll(annex, 'docType')[0]?.textContent).toBe('Annexe I');
    expect(aknAll(annex, 'docTitle')[0]?.textContent).toBe('Ordre du jour provisoire');
  });

  it('escapes markup and replaces characters XML cannot hold', () => {
    const xml = writeAkn(hostileSample().doc);
    const root = parseAkn(xml);
    expect(aknAll(root, 'docTitle')[0]?.textContent).toBe('Tags <b>bold</b> & ]]> "quotes"');
    expect(aknAll(root, 'TLCOrganization').map((o) => o.getAttribute('showAs'))).toContain('Côte d’Ivoire & "Others" <x>');
    expect(paragraphsIn(root)[0]?.textContent).toContain('Requests\uFFFD a < b && c > d ]]> \uFFFD \t tab;');
  });
});

describe('writeAkn: negotiation state', () => {
  const sample = negotiatedSample();
  const root = parseAkn(writeAkn(sample.doc));
  const brackets = collectBrackets(sample.doc);

  it('writes inline brackets and alternative groups, later alternatives pointing at the first', () => {
    const inline = aknAll(root, 'inline').filter((i) => i.getAttribute('name') === 'bracket');
    expect(inline).toHaveLength(brackets.filter((b) => b.kind === 'inline').length);
    const groups = aknAll(root, 'inline').filter((i) => i.getAttribute('name') === 'alternatives');
    expect(groups.length).toBeGreaterThan(3);
    for (const group of groups) {
      const [first, ...rest] = aknChildren(group, 'inline');
      expect(first?.getAttribute('alternativeTo')).toBeNull();
      for (const member of rest) expect(member.getAttribute('alternativeTo')).toBe(first?.getAttribute('eId'));
    }
    const deletion = inline.find((i) => i.getAttribute('class') === 'deletion');
    expect(deletion?.textContent).toBe('including sexual and gender-based violence');
    expect(deletion?.getAttribute('refersTo')).toBe('#del_rus');
  });

  it('keeps attribution, statuses, paragraph brackets, alternatives and the base in the proprietary block', () => {
    const records = phAll(root, 'bracket').filter((b) => b.getAttribute('eId'));
    const proposers = records.map((r) => Array.from(r.getElementsByTagNameNS(r.namespaceURI, 'proposedBy')).map((p) => p.textContent).join(','));
    expect(proposers).toEqual(brackets.filter((b) => b.kind === 'inline').map((b) => b.proposedBy.join(',')));
    const statuses = phAll(root, 'status');
    expect(statuses.map((s) => s.getAttribute('state'))).toEqual(['reservation', 'agreed_ad_ref', 'deleted']);
    expect(phAll(root, 'entry').map((e) => e.getAttribute('state'))).toEqual(['under_discussion']);
    const alternative = paragraphsIn(root).find((p) => p.getAttribute('alternativeTo'));
    expect(alternative?.getAttribute('class')).toBe('bracketed');
    expect(aknChildren(alternative as Element, 'num')[0]?.textContent).toBe('5 alt.');
    expect(phAll(root, 'negotiation')[0]?.getAttribute('label')).toBe('Rev.1');
    expect(phAll(root, 'base').length).toBeGreaterThan(5);
  });

  it('numbers a paragraph inserted since the base as the room does, and readAkn gives the document back as it was', () => {
    expect(paragraphsIn(root).map((p) => aknChildren(p, 'num')[0]?.textContent).slice(0, 3)).toEqual(['1.', '1 bis.', '2.']);
    const back = readAkn(writeAkn(sample.doc), 'export.xml');
    expect(back.documents[0]?.toJSON()).toEqual(sample.doc.toJSON());
  });

  it('an export with annex lists (which readAkn flattens) comes back whole: annexes rebuilt from our markup', () => {
    const rich = richSample();
    const back = readAkn(writeAkn(rich.doc), 'export.xml');
    expect(back.warnings.filter((w) => w.includes('Penholder state'))).toEqual([]);
    expect(back.documents[0]?.toJSON()).toEqual(rich.doc.toJSON());
  });

  it('the clean view writes only agreed text', () => {
    const clean = parseAkn(writeAkn(sample.doc, { view: 'clean' }));
    expect(aknAll(clean, 'inline').filter((i) => i.getAttribute('name') !== 'originalLanguage')).toEqual([]);
    expect(paragraphsIn(clean).some((p) => p.getAttribute('alternativeTo') || p.getAttribute('class'))).toBe(false);
    expect(phAll(clean, 'negotiation')).toEqual([]);
    expect(aknAll(clean, 'mainBody')[0]?.textContent).not.toContain('eighty-third session a report');
  });

  it('the clean view leaves out a list item whose whole text is bracketed: numbered as it stands, valid, and read back as drawn', async () => {
    const decision = importText(readFileSync(join(__dirname, '../../../fixtures/corpus/ccpcj32-draft-decision.txt'), 'utf8')).documents[0]!;
    const doc = bracketWholeTexts(decision, ['General debate', 'Working methods']);
    const xml = writeAkn(doc, { view: 'clean' });
    const items = aknAll(parseAkn(xml), 'point')
      .filter((p) => p.getAttribute('class') === 'item')
      .map((p) => `${aknChildren(p, 'num')[0]?.textContent} ${(p.textContent ?? '').replace(/\s+/g, ' ').trim().split(' ')[1]}`);
    expect(items.slice(0, 4)).toEqual(['1. Election', '2. Adoption', '3. Strategic', '4. Thematic']);
    expect(xml).not.toMatch(/General debate|Working methods/);
    expect(documentShape(readAkn(xml).documents[0] as Node)).toEqual(documentShape(cleanViewDoc(doc)));
    expect(failures(await validateAkn([xml]))).toEqual([]);
  });

  it('refuses a clean view with nothing agreed in the operative part', () => {
    expect(() => writeAkn(setBrackets(sample.doc), { view: 'clean' })).toThrow(FormatError);
    expect(() => writeAkn(setBrackets(sample.doc))).not.toThrow();
  });
});

// `doc` with every operative paragraph bracketed whole.
function setBrackets(doc: Node): Node {
  const parts: Node[] = [];
  doc.forEach((child) => {
    if (child.type.name !== 'operative') return void parts.push(child);
    const paragraphs: Node[] = [];
    child.forEach((p) => paragraphs.push(p.type.create({ ...p.attrs, bracket: { id: 'b', proposedBy: ['EU'], supportedBy: [], opposedBy: [], revision: '' } }, p.content)));
    parts.push(child.type.create(child.attrs, paragraphs));
  });
  return doc.type.create(doc.attrs, parts);
}
