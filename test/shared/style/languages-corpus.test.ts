import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hintText } from '../../../shared/style/hint-text.js';
import { checkDocument } from '../../../shared/style/check.js';
import { applyProblemFix, ownTextOf, problemsOf, resolution } from './helpers.js';

// Paragraphs of adopted 74th-session resolutions (test/fixtures/style/languages, © United
// Nations), checked as adopted: what their texts write is accepted, and their few departures
// from their language's conventions get the hint.
const adopted = JSON.parse(readFileSync(new URL('../../fixtures/style/languages/adopted-paragraphs.json', import.meta.url), 'utf8')) as Record<string, string>;
const p = (key: string): string => {
  const text = adopted[key];
  if (text === undefined) throw new Error(`no fixture paragraph ${key}`);
  return text;
};
const messages = (doc: ReturnType<typeof resolution>) => checkDocument(doc).map((x) => `${x.rule} ${x.message}`);

describe('Arabic', () => {
  it('accepts وإذ تحيط علما أيضا (the adverb after the complement) and a section heading before إذ', () => {
    const doc = resolution(['إذ تشير إلى قرارها 70/1،', p('ar 74_103_A.xml PP 18'), p('ar 74_103_A.xml PP 19')], ['تقرر مواصلة النظر في المسألة.'], 'ar');
    expect(problemsOf(doc, 'repeated-opener')).toEqual([]);
    expect(problemsOf(doc, 'opener-particle')).toEqual([]);
    const headed = resolution([p('ar 74_256_A.xml PP 1')], ['تقرر مواصلة النظر في المسألة.'], 'ar');
    expect(problemsOf(headed, 'opener-unknown')).toEqual([]);
    expect(problemsOf(headed, 'opener-particle')).toEqual([]);
  });

  it('asks a later PP for وإذ where the adopted text writes إذ (74/158 PP 2), with the fix', () => {
    const doc = resolution([p('ar 74_158_A.xml PP 1'), p('ar 74_158_A.xml PP 2')], ['تقرر مواصلة النظر في المسألة.'], 'ar');
    const found = problemsOf(doc, 'opener-particle');
    expect(found.map((x) => x.message.split(':')[0])).toEqual(['PP 2']);
    expect(found[0]?.hint).toEqual({ key: 'arabicLaterPreambular', values: { written: 'وإذ' } });
    expect(ownTextOf(applyProblemFix(doc, found[0]!), found[0]!.paragraphId).startsWith('وإذ تؤكد من جديد')).toBe(true);
  });

  it('asks the first PP for إذ without و (74/297 PP 1), and joins "و إذ" (74/177 PP 18)', () => {
    const first = resolution([p('ar 74_297_A.xml PP 1')], ['تقرر مواصلة النظر في المسألة.'], 'ar');
    expect(problemsOf(first, 'opener-particle').map((x) => x.fix?.edits[0]?.insert)).toEqual(['إذ']);
    const apart = resolution(['إذ تشير إلى قرارها 70/1،', p('ar 74_177_A.xml PP 18')], ['تقرر مواصلة النظر في المسألة.'], 'ar');
    const found = problemsOf(apart, 'opener-particle');
    expect(found.map((x) => x.hint?.key)).toEqual(['arabicJoinedAnd']);
    expect(ownTextOf(applyProblemFix(apart, found[0]!), found[0]!.paragraphId).startsWith('وإذ تضع في اعتبارها')).toBe(true);
  });

  it('reads first-person declaration sentences (ونسلم, ونؤكد) as having no opener', () => {
    const doc = resolution(['إذ تشير إلى قرارها 70/1،'], ['تعتمد الإعلان التالي:', 'ونسلم بأن الدول الجزرية الصغيرة النامية لا تزال حالة خاصة.'], 'ar');
    expect(problemsOf(doc, 'opener-unknown')).toEqual([]);
  });
});

describe('Russian', () => {
  it('accepts "государства — участники" (no heading), a real heading, and "с серьезной обеспокоенностью ссылаясь"', () => {
    const doc = resolution(['ссылаясь на свою резолюцию 70/1,'], [p('ru 74_6_R.xml OP 9'), p('ru 74_122_R.xml OP 29')], 'ru');
    expect(messages(doc).filter((m) => !m.startsWith('punctuation'))).toEqual([]);
    const manner = resolution(['ссылаясь на свою резолюцию 70/1,', 'с глубокой обеспокоенностью отмечая доклад,'], ['постановляет продолжить рассмотрение вопроса.'], 'ru');
    expect(problemsOf(manner, 'opener-unknown')).toEqual([]);
  });

  it('asks for a lower-case opener, with the fix and the catalogue sentence', () => {
    const doc = resolution(['ссылаясь на свою резолюцию 70/1,'], ['Просит Генерального секретаря представить доклад.'], 'ru');
    const found = problemsOf(doc, 'opener-case');
    expect(found.map((x) => x.message)).toEqual(['OP 1: the opener continues the body line in lower case: write "просит"']);
    expect(hintText(found[0]!.hint!, 'fr').replace(/\u00a0/g, ' ')).toBe('la formule d’ouverture prolonge la ligne de l’auteur en minuscule : écrire « просит »');
    expect(ownTextOf(applyProblemFix(doc, found[0]!), found[0]!.paragraphId).startsWith('просит Генерального')).toBe(true);
  });

  it('reads "принимая к сведению также" as the marked repeat of "принимая к сведению"', () => {
    const doc = resolution(['принимая к сведению доклад Генерального секретаря,', 'принимая к сведению также доклад Комитета,'], ['постановляет продолжить рассмотрение вопроса.'], 'ru');
    expect(problemsOf(doc, 'repeated-opener')).toEqual([]);
    const plain = resolution(['принимая к сведению доклад Генерального секретаря,', 'принимая к сведению доклад Комитета,'], ['постановляет продолжить рассмотрение вопроса.'], 'ru');
    expect(problemsOf(plain, 'repeated-opener').map((x) => x.fix?.label)).toEqual(['Write "принимая к сведению также"']);
  });
});

describe('Chinese', () => {
  it('accepts a budget section heading before 回顾 and another addressee joined by 和', () => {
    const doc = resolution([p('zh 74_256_C.xml PP 1')], [p('zh 74_115_C.xml OP 32'), p('zh 74_115_C.xml OP 33'), '决定继续审议这一问题。'], 'zh');
    expect(messages(doc)).toEqual([]);
  });

  it('keeps a manner adverb in the opener (遗憾地注意到 is not a repeat of 注意到) and flags the Latin ";" (74/285 OP 21)', () => {
    const doc = resolution(['注意到秘书长的报告，', '遗憾地注意到裁军谈判会议未能开展工作，'], [p('zh 74_285_C.xml OP 20'), p('zh 74_285_C.xml OP 21'), '决定继续审议这一问题。'], 'zh');
    expect(problemsOf(doc, 'repeated-opener')).toEqual([]);
    expect(problemsOf(doc, 'opener-unknown')).toEqual([]);
    expect(problemsOf(doc, 'punctuation').map((x) => x.fix?.edits[0]?.insert)).toEqual(['；']);
  });
});

describe('French and Spanish', () => {
  it('accepts an adverb in -ment / -mente before a listed opener', () => {
    expect(problemsOf(resolution([p('fr 74_141_F.xml PP 21')], ['Décide de poursuivre l’examen de la question.'], 'fr'), 'opener-unknown')).toEqual([]);
    expect(problemsOf(resolution([p('es 74_141_S.xml PP 21')], ['Decide seguir examinando la cuestión.'], 'es'), 'opener-unknown')).toEqual([]);
  });

  it('reads the addressee up to what is asked: other addressees are not repeats (74/113 OPs 17-18, 74/115 OPs 15-16)', () => {
    const fr = resolution(['Rappelant sa résolution 73/7,'], [p('fr 74_113_F.xml OP 17'), p('fr 74_113_F.xml OP 18'), 'Décide de poursuivre l’examen de la question.'], 'fr');
    expect(problemsOf(fr, 'repeated-opener')).toEqual([]);
    const es = resolution(['Recordando su resolución 73/7,'], [p('es 74_115_S.xml OP 15'), p('es 74_115_S.xml OP 16'), 'Decide seguir examinando la cuestión.'], 'es');
    expect(problemsOf(es, 'repeated-opener')).toEqual([]);
  });

  it('asks a direct repeat for its adverb (74/6 PP 2 "Rappelant", whose English original writes "Recalling also")', () => {
    const doc = resolution([p('fr 74_6_F.xml PP 1'), p('fr 74_6_F.xml PP 2')], ['Décide de poursuivre l’examen de la question.'], 'fr');
    expect(problemsOf(doc, 'repeated-opener').map((x) => x.fix?.label)).toEqual(['Write "Rappelant également"']);
    const same = resolution(['Alienta a los Estados Miembros a que presenten informes;', 'Alienta a los Estados Miembros a que cooperen;'], ['Decide seguir examinando la cuestión.'], 'es');
    expect(problemsOf(same, 'repeated-opener')).toHaveLength(0);
    const ops = resolution(['Recordando su resolución 73/7,'], ['Alienta a los Estados Miembros a que presenten informes;', 'Alienta a los Estados Miembros a que cooperen;', 'Decide seguir examinando la cuestión.'], 'es');
    expect(problemsOf(ops, 'repeated-opener').map((x) => x.message.split(':')[0])).toEqual(['OP 2']);
  });
});
