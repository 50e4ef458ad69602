import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { exportText } from '../../../shared/document/export-text.js';
import { importText } from '../../../shared/import/index.js';
import { isAnnexHeading, isBareAnnexHeading } from '../../../shared/import/patterns.js';
import { countDoc } from '../formats/akn/read-counts.js';
import { annexesOf, childrenOf, fingerprint, footnotesIn, openerOf, ownText, paragraphsOf } from './inspect.js';

// Excerpts of official Arabic resolutions whose text round trip went wrong (see the README
// beside the fixtures): each is imported, checked against the official structure, and
// exported and imported again to the same document.
const excerpt = (name: string): string => readFileSync(join(__dirname, '..', '..', 'fixtures', 'import', 'regressions', name), 'utf8');

function only(text: string): Node {
  const { documents } = importText(text);
  expect(documents).toHaveLength(1);
  const [doc] = documents;
  if (!doc) throw new Error('no document');
  return doc;
}

const annexTexts = (annex: Node): string[] => {
  const out: string[] = [];
  annex.forEach((child) => {
    if (child.type.name !== 'annex_title') out.push(child.type.name === 'annex_paragraph' ? child.textContent : `<${child.type.name}>`);
  });
  return out;
};

describe('official texts the text round trip once misread', () => {
  it('A/RES/74/280: numbered annex headings under the one "المرفق" head parts of that annex', () => {
    const doc = only(excerpt('ar-74-280.txt'));
    expect(countDoc(doc)).toMatchObject({ pp: 3, op: 2, sub: 0, annexes: 1 });
    const [annex] = annexesOf(doc);
    const texts = annexTexts(annex!);
    expect(texts[0]).toBe('المرفق الأول');
    expect(texts).toContain('المرفق الثاني');
    // The table note "(أ)" stays an annex paragraph with its letter, not a list item renumbered "1 -".
    expect(texts.some((t) => t.startsWith('(أ) إنشاء وظيفة'))).toBe(true);
    expect(childrenOf(annex!, 'numbered_list')).toHaveLength(0);
    expect(importText(exportText(doc)).documents.map(fingerprint)).toEqual([fingerprint(doc)]);
  });

  it('reads an annex heading only as the annex word alone or with its number or ordinal', () => {
    for (const line of ['المرفق', 'المرفق الأول', 'المرفق العاشر', 'المرفق الحادي عشر', 'المرفق ١٢', 'المرفق 12', '附件', '附件三', 'Annex IV', 'ANNEXE', 'Приложение II']) {
      expect(isAnnexHeading(line), line).toBe(true);
    }
    for (const line of ['المرفق الحالي', 'المرفق الأول لهذا القرار', 'على النحو المبين في المرفق الثاني', 'Annex to the present resolution', '附件所载']) {
      expect(isAnnexHeading(line), line).toBe(false);
    }
    expect(['Annex', 'المرفق', '附件', 'Приложение'].every(isBareAnnexHeading)).toBe(true);
    expect(['Annex I', 'المرفق الأول', '附件一'].some(isBareAnnexHeading)).toBe(false);
  });

  it('keeps numbered annexes apart: "المرفق الأول" then "المرفق الثاني" are two annexes', () => {
    const text = excerpt('ar-74-280.txt').replace(/^المرفق\n/m, '');
    expect(countDoc(only(text)).annexes).toBe(2);
  });

  it('A/RES/74/11: a PP printed without its comma after a footnote mark stays apart from the next PP', () => {
    const doc = only(excerpt('ar-74-11.txt'));
    const pps = paragraphsOf(doc, 'preamble');
    expect(pps).toHaveLength(5);
    expect(openerOf(pps[3]!)).toBe('وقد نظرت');
    // The official text prints the mark in parentheses, "2018(¹)", and no comma after it.
    expect(ownText(pps[3]!).endsWith('2018()')).toBe(true);
    expect(footnotesIn(pps[3]!)).toEqual(['() A/74/333-S/2019/685.']);
    expect(openerOf(pps[4]!)).toBe('وإذ تشير');
    expect(importText(exportText(doc)).documents.map(fingerprint)).toEqual([fingerprint(doc)]);
    // Without italic markers, and under an Original line naming another language, the
    // opener "وإذ تشير" of the body line's language still starts the fifth PP.
    const plain = excerpt('ar-74-11.txt').replace(/\*/g, '').replace('Original: Arabic', 'Original: English');
    expect(paragraphsOf(only(plain), 'preamble')).toHaveLength(5);
  });

  it('A/RES/74/4: annex paragraphs numbered on across headings keep their numbers and letters as printed', () => {
    const doc = only(excerpt('ar-74-4.txt'));
    expect(countDoc(doc)).toMatchObject({ pp: 0, op: 1, sub: 0, subsub: 0, notes: 2, annexes: 1 });
    const [annex] = annexesOf(doc);
    const texts = annexTexts(annex!);
    expect(texts.slice(0, 3)).toEqual(['أولا', 'التزامنا', '<numbered_list>']);
    expect(childrenOf(annex!, 'numbered_list')[0]!.childCount).toBe(2);
    const printed = texts.slice(3).map((t) => t.split(' ', 2).join(' '));
    expect(printed).toEqual(['ثالثا', 'دعوتنا إلى', '25 -', '27 -', '(أ) عدم', '(ب) تعبئة', '(ج) تعزيز', '28 -']);
    expect(importText(exportText(doc)).documents.map(fingerprint)).toEqual([fingerprint(doc)]);
  });
});
