import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDocument, type DocumentSpec, type Paragraph } from '../../../shared/document/build.js';
import { exportText } from '../../../shared/document/export-text.js';
import type { Language } from '../../../shared/document/labels.js';
import { readAkn } from '../../../shared/formats/akn/read.js';
import { readDocx } from '../../../shared/formats/docx/read.js';
import { writeDocx } from '../../../shared/formats/docx/write.js';
import { importText } from '../../../shared/import/index.js';
import { bodyLineLanguage, splitLabel } from '../../../shared/import/patterns.js';
import { countDoc } from '../formats/akn/read-counts.js';
import { fingerprint } from './inspect.js';

const fixtures = join(__dirname, '..', '..', 'fixtures');
const text = (language: string): string => readFileSync(join(fixtures, 'import', 'languages', `${language}.txt`), 'utf8');

describe('plain text in the six official languages', () => {
  // A/RES/74/129 in each language: 2 PPs, 2 OPs, 4 footnotes, read from the text alone.
  it.each(['ar', 'zh', 'en', 'fr', 'ru', 'es'])('imports A/RES/74/129 in %s with its exact structure and language', (language) => {
    const { documents } = importText(text(language));
    expect(documents).toHaveLength(1);
    const [doc] = documents;
    if (!doc) throw new Error('no document');
    expect(countDoc(doc)).toMatchObject({ pp: 2, op: 2, sub: 0, subsub: 0, notes: 4 });
    expect(doc.firstChild?.attrs.language).toBe(language);
  });

  it('reads the body lines of the six languages and of other bodies, and no paragraph as one', () => {
    expect(bodyLineLanguage('إن الجمعية العامة،')).toBe('ar');
    expect(bodyLineLanguage('إن المجلس الاقتصادي والاجتماعي،')).toBe('ar');
    expect(bodyLineLanguage('大会，')).toBe('zh');
    expect(bodyLineLanguage('经济及社会理事会：')).toBe('zh');
    expect(bodyLineLanguage('Генеральная Ассамблея,')).toBe('ru');
    expect(bodyLineLanguage('Совет Безопасности,')).toBe('ru');
    expect(bodyLineLanguage('认识到领土已加入加勒比海外国家和领土理事会，')).toBeNull();
    expect(bodyLineLanguage('Генеральная Ассамблея постановляет:')).toBeNull();
    expect(bodyLineLanguage('ссылаясь на свою резолюцию 73/1,')).toBeNull();
  });

  it('reads the labels of each language', () => {
    const read = (line: string) => splitLabel(line)?.label;
    expect(read('12 - تقرر')).toEqual({ kind: 'number', n: 12 });
    expect(read('١٢ - تقرر')).toEqual({ kind: 'number', n: 12 });
    expect(read('(ج) نص')).toEqual({ kind: 'alpha', letter: 3, roman: null });
    expect(read('(هـ) نص')).toEqual({ kind: 'alpha', letter: 5, roman: null });
    expect(read('(أ أ) نص')).toEqual({ kind: 'alpha', letter: 27, roman: null });
    expect(read('’2‘ نص')).toEqual({ kind: 'alpha', letter: null, roman: 2 });
    expect(read('㈢ 文本')).toEqual({ kind: 'alpha', letter: null, roman: 3 });
    expect(read('(十一) 文本')).toEqual({ kind: 'alpha', letter: null, roman: 11 });
    expect(read('с) текст')).toEqual({ kind: 'alpha', letter: 3, roman: 100 });
    expect(read('а) текст')).toEqual({ kind: 'alpha', letter: 1, roman: null });
  });

  it('imports what it exports for every AKN fixture of every language (same counts as the AKN reader)', () => {
    for (const language of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
      const dir = join(fixtures, 'akn', language);
      for (const file of readdirSync(dir)) {
        for (const doc of readAkn(readFileSync(join(dir, file), 'utf8'), file).documents) {
          const plain = exportText(doc);
          const [back] = importText(plain).documents;
          if (!back) throw new Error(`${language}/${file}: nothing imported`);
          const { annexes: _a, ...want } = countDoc(doc);
          const { annexes: _b, ...got } = countDoc(back);
          expect(got, `${language}/${file}\n${plain}`).toEqual(want);
        }
      }
    }
  });
});

// Generated documents in the five languages other than English (whose vocabulary is
// test/support's): texts of their own script with each language's final punctuation, French
// with its space before ; and :.
const words: Record<'ar' | 'zh' | 'ru' | 'fr' | 'es', { body: string; pp: string[]; op: string[]; sub: string[] }> = {
  fr: { body: 'L’Assemblée générale,', pp: ['Rappelant sa résolution 73/1,', 'Profondément préoccupée par la situation,'], op: ['Décide d’inscrire la question ;', 'Prie le Secrétaire général de lui présenter un rapport ;'], sub: ['de renforcer les capacités ;', 'd’échanger des informations ;'] },
  es: { body: 'La Asamblea General,', pp: ['Recordando su resolución 73/1,', 'Profundamente preocupada por la situación,'], op: ['Decide incluir el tema;', 'Solicita al Secretario General que le presente un informe;'], sub: ['fortalecer la capacidad;', 'intercambiar información;'] },
  ar: { body: 'إن الجمعية العامة،', pp: ['وإذ تشير إلى قرارها،', 'وإذ تؤكد أهمية التعاون الدولي،'], op: ['تقرر إدراج البند؛', 'تطلب إلى الأمين العام أن يقدم تقريرا؛'], sub: ['تعزيز القدرات؛', 'تبادل المعلومات؛'] },
  zh: { body: '大会，', pp: ['回顾其以往各项决议，', '又回顾国际合作的重要性，'], op: ['决定列入该项目；', '请秘书长提交报告；'], sub: ['加强能力；', '交流信息；'] },
  ru: { body: 'Генеральная Ассамблея,', pp: ['ссылаясь на свою резолюцию,', 'подчеркивая важность сотрудничества,'], op: ['постановляет включить пункт;', 'просит Генерального секретаря представить доклад;'], sub: ['укреплять потенциал;', 'обмениваться информацией;'] },
};

function languageSpec(language: 'ar' | 'zh' | 'ru' | 'fr' | 'es', maxSubparagraphs = 30): fc.Arbitrary<DocumentSpec> {
  const w = words[language];
  const sub = fc.constantFrom(...w.sub);
  const subsub: fc.Arbitrary<Paragraph> = fc.record({ text: sub, subparagraphs: fc.array(sub, { maxLength: 3 }) });
  const op: fc.Arbitrary<Paragraph> = fc.oneof(
    fc.constantFrom(...w.op),
    fc.record({ text: fc.constantFrom(...w.op), subparagraphs: fc.array(fc.oneof(sub, subsub), { minLength: 1, maxLength: maxSubparagraphs }) }),
  );
  return fc.record({
    header: fc.constant({ language }),
    title: fc.constant({ zh: '国际合作', ar: 'التعاون الدولي', ru: 'Международное сотрудничество', fr: 'Coopération internationale', es: 'Cooperación internacional' }[language]),
    body: fc.constant(w.body),
    preamble: fc.array(fc.constantFrom(...w.pp), { maxLength: 5 }),
    operative: fc.array(op, { minLength: 1, maxLength: 12 }),
  });
}

describe('export then import keeps the structure in every language', () => {
  it.each(['ar', 'zh', 'ru', 'fr', 'es'] as const)('generated resolutions in %s', (language) => {
    fc.assert(
      fc.property(languageSpec(language), (spec) => {
        const doc = buildDocument(spec);
        const plain = exportText(doc);
        const { documents } = importText(plain);
        expect(documents.map(fingerprint), plain).toEqual([fingerprint(doc)]);
        expect(documents[0]?.firstChild?.attrs.language as Language).toBe(language);
      }),
      { numRuns: 60 },
    );
  });

  // At most seven subparagraphs: from (h) on the Word reader cannot yet tell "i)" the ninth
  // letter from "i)" the first numeral under "h)" in the Latin a) languages, where the text
  // reader has the indentation to go by (known limit; Word's list level could tell).
  it.each(['ar', 'zh', 'ru', 'fr', 'es'] as const)('generated resolutions in %s through Word', (language) => {
    fc.assert(
      fc.property(languageSpec(language, 7), (spec) => {
        const doc = buildDocument(spec);
        const { documents } = readDocx(writeDocx(doc));
        expect(documents.map(fingerprint)).toEqual([fingerprint(doc)]);
      }),
      { numRuns: 15 },
    );
  });
});
