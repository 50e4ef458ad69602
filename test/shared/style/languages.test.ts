import { describe, expect, it } from 'vitest';
import { phraseLists } from '../../../seeds/index.js';
import { applyProblemFix, ownTextOf, problemsOf, resolution } from './helpers.js';

const rules = (doc: ReturnType<typeof resolution>) => ['opener-unknown', 'opener-kind', 'repeated-opener', 'punctuation'].flatMap((rule) => problemsOf(doc, rule as never).map((p) => `${rule} ${p.message.split(':')[0]}`));

// Paragraphs written as the 74th-session resolutions write them in each language (openers,
// also/further, final marks), and the same paragraphs with one departure each.
describe('style rules in Arabic, Chinese and Russian', () => {
  it('accepts Arabic PPs opening with إذ / وإذ, OPs with their verb, أيضا and كذلك after it, and ، ؛ .', () => {
    const doc = resolution(['إذ تشير إلى قرارها 70/1،', 'وإذ تشير أيضا إلى قرارها 71/2،', 'وإذ تسلّم بأهمية التعاون،'], ['تطلب إلى الأمين العام تقديم تقرير؛', 'تطلب أيضا إلى الأمين العام تقديم توصيات؛', 'تقرر مواصلة النظر في المسألة.'], 'ar');
    expect(rules(doc)).toEqual([]);
  });

  it('asks an Arabic repeat for أيضا after the verb, and the Arabic semicolon', () => {
    const doc = resolution(['إذ تشير إلى قرارها 70/1،'], ['تطلب إلى الأمين العام تقديم تقرير؛', 'تطلب إلى الأمين العام تقديم توصيات;', 'تقرر مواصلة النظر.'], 'ar');
    const found = problemsOf(doc, 'repeated-opener');
    expect(found.map((p) => p.fix?.label)).toEqual(['Write "تطلب أيضا"']);
    expect(ownTextOf(applyProblemFix(doc, found[0]!), found[0]!.paragraphId).startsWith('تطلب أيضا إلى')).toBe(true);
    expect(problemsOf(doc, 'punctuation').map((p) => p.fix?.edits[0]?.insert)).toEqual(['؛']);
  });

  it('accepts Chinese openers with 又 and 还 prefixes and ， ； 。', () => {
    const doc = resolution(['回顾其第70/1号决议，', '又回顾其第71/2号决议，', '还回顾其第72/3号决议，'], ['请秘书长提交报告；', '又请秘书长提出建议；', '决定继续审议这一问题。'], 'zh');
    expect(rules(doc)).toEqual([]);
  });

  it('asks a Chinese repeat for 又 and the full-width marks', () => {
    const doc = resolution(['回顾其第70/1号决议，', '回顾其第71/2号决议,'], ['决定继续审议这一问题；', '欢迎秘书长的报告'], 'zh');
    expect(problemsOf(doc, 'repeated-opener').map((p) => p.fix?.label)).toEqual(['Write "又回顾"']);
    expect(problemsOf(doc, 'punctuation').map((p) => p.fix?.edits[0]?.insert)).toEqual(['，', '。']);
    expect(problemsOf(resolution(['瞻望将于2020年举行的会议，'], ['决定继续审议。'], 'zh'), 'opener-unknown')).toHaveLength(1);
  });

  it('accepts Russian openers in lower case with также and далее after them', () => {
    const doc = resolution(['ссылаясь на свою резолюцию 70/1,', 'ссылаясь также на свою резолюцию 71/2,', 'ссылаясь далее на свою резолюцию 72/3,'], ['с удовлетворением отмечает доклад;', 'постановляет продолжить рассмотрение вопроса.'], 'ru');
    expect(rules(doc)).toEqual([]);
    const repeat = resolution(['ссылаясь на свою резолюцию 70/1,', 'ссылаясь на свою резолюцию 71/2,'], ['постановляет продолжить рассмотрение вопроса.'], 'ru');
    expect(problemsOf(repeat, 'repeated-opener').map((p) => p.fix?.label)).toEqual(['Write "ссылаясь также"']);
  });

  it('has a list per official language with the also/further words of conventions.json', () => {
    expect(Object.keys(phraseLists).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(phraseLists.ar.adverbs).toEqual({ also: 'أيضا', further: 'كذلك' });
    expect(phraseLists.zh.adverbs).toEqual({ also: '又', further: '还' });
    expect(phraseLists.ru.adverbs).toEqual({ also: 'также', further: 'далее' });
    for (const language of ['ar', 'zh', 'ru'] as const) {
      const list = phraseLists[language];
      expect(list.preambular.length).toBeGreaterThan(40);
      expect(list.operative.length).toBeGreaterThan(40);
      expect(new Set(list.preambular).size).toBe(list.preambular.length);
    }
  });
});
