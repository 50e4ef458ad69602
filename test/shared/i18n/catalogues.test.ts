import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../shared/i18n/catalogues.js';
import { createI18n } from '../../../shared/i18n/create.js';
import { interfaceLanguages, pickInterfaceLanguage, textDirection } from '../../../shared/i18n/languages.js';

type Tree = { [key: string]: string | Tree };

// Every leaf of a catalogue as 'ns:dotted.key' -> text.
function leaves(namespaces: Record<string, Tree>): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (prefix: string, tree: Tree) => {
    for (const [k, v] of Object.entries(tree)) {
      const key = prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`;
      if (typeof v === 'string') out.set(key, v);
      else walk(key, v);
    }
  };
  for (const [ns, tree] of Object.entries(namespaces)) walk(`${ns}:`, tree);
  return out;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const byLanguage = Object.fromEntries(Object.entries(catalogues).map(([lang, ns]) => [lang, leaves(ns as unknown as Record<string, Tree>)]));
const english = byLanguage.en as Map<string, string>;

describe('interface catalogues', () => {
  it('has a catalogue for every interface language, and only for those', () => {
    expect(Object.keys(catalogues).sort()).toEqual(interfaceLanguages.map((l) => l.code).sort());
  });

  for (const [lang, entries] of Object.entries(byLanguage)) {
    if (lang === 'en') continue;
    it(`${lang} has the same keys as English (plural forms per its own rules)`, () => {
      const base = (key: string) => key.replace(pluralSuffix, '');
      expect([...new Set([...entries.keys()].map(base))].sort()).toEqual([...new Set([...english.keys()].map(base))].sort());
      // Each plural key carries every form the language's rules need.
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const key of english.keys()) {
        if (!key.endsWith('_other')) continue;
        for (const form of forms) expect(entries.has(key.replace(/_other$/, `_${form}`)), `${lang} ${key} form ${form}`).toBe(true);
      }
    });

    it(`${lang} uses exactly the {{variables}} of English in each message, and no empty one`, () => {
      for (const [key, text] of entries) {
        expect(text.trim(), key).not.toBe('');
        const en = english.get(key) ?? english.get(key.replace(pluralSuffix, '_other'));
        expect(en, `${lang} key ${key} has no English`).toBeDefined();
        const mine = new Set(variables(text));
        // A singular form may spell out its count ('un document'); every other variable must match.
        const theirs = new Set(variables(en as string));
        if (pluralSuffix.test(key)) {
          mine.add('count');
          theirs.add('count');
        }
        expect([...mine].sort(), `${lang} ${key}`).toEqual([...theirs].sort());
      }
    });
  }

  it('French follows French typography: a no-break space before : ; ! ? and inside « »', () => {
    for (const [key, text] of byLanguage.fr as Map<string, string>) {
      const plain = text.replace(/\{\{[^}]*\}\}/g, 'X').replace(/https?:\/\/\S+/g, '');
      expect(plain, `fr ${key}`).not.toMatch(/[^\s\u00a0\u202f\d][:;!?](?=\s|$)/u);
      expect(plain, `fr ${key}`).not.toMatch(/ [:;!?]/);
      expect(plain, `fr ${key}`).not.toMatch(/«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»/);
      expect(plain, `fr ${key}`).not.toMatch(/\.\.\./);
    }
  });

  it('translates with interpolation and French plural rules (0 and 1 singular), falling back to English', () => {
    const fr = createI18n('fr');
    expect(fr.t('profile:buttonLabel', { name: 'Ana' })).toBe('Profil\u00a0: Ana');
    const en = createI18n('en');
    expect(en.t('common:cancel')).toBe('Cancel');
    expect(fr.t('common:cancel')).toBe('Annuler');
    expect(createI18n('de').t('common:cancel')).toBe('Cancel');
    expect(new Intl.PluralRules('fr').select(0)).toBe('one');
  });
});

describe('interface language choice', () => {
  it('takes the stored choice, else the first system language with a catalogue, else English', () => {
    expect(pickInterfaceLanguage('fr', ['en-US'])).toBe('fr');
    expect(pickInterfaceLanguage(null, ['fr-CA', 'en'])).toBe('fr');
    expect(pickInterfaceLanguage(null, ['de-DE', 'fr-FR'])).toBe('fr');
    expect(pickInterfaceLanguage('xx', ['de-DE'])).toBe('en');
    expect(pickInterfaceLanguage(undefined, ['not a tag', 'en-GB'])).toBe('en');
  });

  it('derives the direction from the language, so an Arabic or Hebrew catalogue needs no code', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('fa-IR')).toBe('rtl');
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('ur')).toBe('rtl');
    for (const ltr of ['en', 'fr', 'es', 'ru', 'zh', 'zh-Hant', 'az-Latn']) expect(textDirection(ltr), ltr).toBe('ltr');
    expect(textDirection('not a tag')).toBe('ltr');
  });
});
