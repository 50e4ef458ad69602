import { describe, expect, it } from 'vitest';
import { openerCompletion, withAdverb } from '../../../../renderer/editor/style/opener-completion.js';
import { docOf, stateOf, typeAtEnd } from './helpers.js';

// Completion from the Arabic, Chinese and Russian phrase lists, with each language's
// also/further form and, in Arabic, the "and" joined to the particle of every PP but the first.
describe('opener completion in Arabic, Chinese and Russian', () => {
  it('writes the adverb where each language puts it', () => {
    expect(withAdverb('zh', 'pp', '回顾', 'also')).toBe('又回顾');
    expect(withAdverb('zh', 'op', '请', 'further')).toBe('还请');
    expect(withAdverb('ar', 'pp', 'إذ تشير', 'also')).toBe('إذ تشير أيضا');
    expect(withAdverb('ru', 'pp', 'с удовлетворением отмечая', 'also')).toBe('с удовлетворением отмечая также');
  });

  it('offers Chinese phrases and the 又 form after a first use', () => {
    const doc = docOf({ header: { language: 'zh' }, body: '大会，', preamble: ['回顾其第70/1号决议，', { text: '', id: 'pp' }], operative: ['决定继续审议。'] });
    const items = openerCompletion(typeAtEnd(stateOf(doc, []), 'pp', '又回'))?.items ?? [];
    expect(items[0]).toBe('又回顾');
    expect(openerCompletion(typeAtEnd(stateOf(doc, []), 'pp', '认识'))?.items).toEqual(['认识到']);
  });

  it('offers Arabic PPs with إذ first and وإذ after, and أيضا after a first use', () => {
    const first = docOf({ header: { language: 'ar' }, body: 'إن الجمعية العامة،', preamble: [{ text: '', id: 'pp' }], operative: ['تقرر مواصلة النظر.'] });
    expect(openerCompletion(typeAtEnd(stateOf(first, []), 'pp', 'إذ تش'))?.items).toContain('إذ تشير');
    const later = docOf({ header: { language: 'ar' }, body: 'إن الجمعية العامة،', preamble: ['إذ تشير إلى قرارها 70/1،', { text: '', id: 'pp' }], operative: ['تقرر مواصلة النظر.'] });
    const items = openerCompletion(typeAtEnd(stateOf(later, []), 'pp', 'وإذ تش'))?.items ?? [];
    expect(items[0]).toBe('وإذ تشير أيضا');
    expect(items).toContain('وإذ تشدد');
  });

  it('offers Russian phrases in lower case', () => {
    const doc = docOf({ header: { language: 'ru' }, body: 'Генеральная Ассамблея,', operative: [{ text: '', id: 'op' }, 'постановляет продолжить рассмотрение вопроса.'] });
    expect(openerCompletion(typeAtEnd(stateOf(doc, []), 'op', 'прос'))?.items).toEqual(['просит']);
  });
});
