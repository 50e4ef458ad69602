import { describe, expect, it } from 'vitest';
import { phraseLists } from '../../seeds/index.js';
import type { PhraseList } from '../../seeds/index.js';

type Latin = 'en' | 'fr' | 'es';
const languages: Latin[] = ['en', 'fr', 'es'];

// The common openers of DOMAIN.md, copied here because tests do not read ../shared/.
const domainPreambular = `Acknowledging, Affirming, Alarmed by, Aware of, Bearing in mind, Cognizant of,
Concerned, Conscious of, Considering, Convinced, Deeply concerned, Emphasizing, Encouraged by,
Expressing appreciation, Expressing concern, Guided by, Having considered, Having examined,
Mindful of, Noting, Noting with appreciation, Noting with concern, Praising, Reaffirming,
Recalling, Recognizing, Reiterating, Stressing, Taking note of, Underlining, Underscoring, Welcoming`;
const domainOperative = `Acknowledges, Adopts, Affirms, Approves, Calls upon, Commends, Condemns,
Decides, Emphasizes, Encourages, Endorses, Expresses appreciation, Invites, Notes, Reaffirms,
Recognizes, Recommends, Reiterates, Requests, Stresses, Takes note of, Underlines, Undertakes,
Urges, Welcomes`;

const split = (s: string) => s.split(',').map((x) => x.trim());
/** The list convention: the italic extent, so a trailing preposition is not part of the phrase. */
const withoutPreposition = (s: string) => s.replace(/ (of|by)$/, '');

// Words that never end an opener (the preposition that follows it is roman, not italic).
const prepositions: Record<Latin, Set<string>> = {
  // "on", "upon" and "for" end phrasal verbs ("Calls upon", "Calls for"), so they may end a phrase.
  en: new Set(['of', 'by', 'to', 'about', 'in', 'with', 'that']),
  fr: new Set(['de', 'du', 'des', 'par', 'à', 'sur', 'que', 'en']),
  es: new Set(['de', 'del', 'por', 'a', 'en', 'con', 'que']),
};

// Adjectives that open preambular paragraphs without a participle ending.
const preambularAdjectives: Record<Latin, Set<string>> = {
  en: new Set(['aware', 'cognizant', 'conscious', 'mindful', 'confident', 'desirous']),
  fr: new Set(),
  es: new Set(['consciente']),
};

const participle: Record<Latin, RegExp> = { en: /(ing|ed)$/, fr: /ant$/, es: /ndo$/ };
const adverb: Record<Latin, RegExp> = { en: /ly$/, fr: /ment$/, es: /mente$/ };

/** The head word of an opener: adverbs ("Deeply") and a reflexive pronoun ("Se", "S’") skipped. */
function head(language: Latin, phrase: string): string {
  const words = phrase.replace(/^S[’']/, 'Se ').split(' ');
  const rest = words.filter((w, i) => !(i < words.length - 1 && (adverb[language].test(w) || /^se$/i.test(w))));
  return (rest[0] ?? '').toLowerCase();
}

describe.each(languages)('phrase list %s', (language) => {
  const list: PhraseList = phraseLists[language];
  const genderedForms = new Set(list.gendered.flatMap((p) => [p.masculine, p.feminine]));

  it('declares its language and two distinct adverbs for also/further', () => {
    expect(list.language).toBe(language);
    expect(list.adverbs.also).not.toBe('');
    expect(list.adverbs.further).not.toBe('');
    expect(list.adverbs.also).not.toBe(list.adverbs.further);
  });

  it.each(['preambular', 'operative'] as const)('has a non-empty %s list without duplicates', (part) => {
    expect(list[part].length).toBeGreaterThan(40);
    expect(new Set(list[part]).size).toBe(list[part].length);
  });

  it('keeps every phrase clean: capitalised, trimmed, single-spaced, no punctuation or trailing preposition', () => {
    for (const phrase of [...list.preambular, ...list.operative]) {
      const first = phrase.charAt(0);
      expect(first, phrase).toBe(first.toLocaleUpperCase(language));
      expect(first, phrase).not.toBe(first.toLocaleLowerCase(language));
      expect(phrase, phrase).toBe(phrase.trim());
      expect(phrase, phrase).not.toMatch(/\s{2}|[,;:.]/);
      expect(prepositions[language].has(phrase.split(' ').at(-1) ?? ''), phrase).toBe(false);
      expect(phrase, phrase).not.toMatch(/'/);
    }
  });

  it('never puts a phrase in both parts', () => {
    const pp = new Set(list.preambular);
    expect(list.operative.filter((p) => pp.has(p))).toEqual([]);
  });

  it('opens preambular phrases with a participle or adjective, never an operative verb', () => {
    const opHeads = new Set(list.operative.map((p) => head(language, p)));
    for (const phrase of list.preambular) {
      const h = head(language, phrase);
      const adjectival = participle[language].test(h) || preambularAdjectives[language].has(h) || genderedForms.has(phrase);
      expect(adjectival, phrase).toBe(true);
      expect(opHeads.has(h), phrase).toBe(false);
    }
  });

  it('opens operative phrases with a finite verb, never a participle', () => {
    const ppHeads = new Set(list.preambular.map((p) => head(language, p)));
    for (const phrase of list.operative) {
      const h = head(language, phrase);
      expect(participle[language].test(h), phrase).toBe(false);
      expect(ppHeads.has(h), phrase).toBe(false);
      if (language === 'en') expect(h, phrase).toMatch(/s$/);
    }
  });

  it('pairs gendered forms that differ and sit together in one part', () => {
    for (const pair of list.gendered) {
      expect(pair.masculine).not.toBe(pair.feminine);
      const inPp = list.preambular.includes(pair.masculine) && list.preambular.includes(pair.feminine);
      const inOp = list.operative.includes(pair.masculine) && list.operative.includes(pair.feminine);
      expect(inPp !== inOp, pair.masculine).toBe(true);
    }
    expect(genderedForms.size).toBe(list.gendered.length * 2);
  });
});

describe('English openers', () => {
  const en = phraseLists.en;

  it('hold every common opener of DOMAIN.md, in the italic-extent form', () => {
    for (const p of split(domainPreambular)) expect(en.preambular).toContain(withoutPreposition(p));
    for (const p of split(domainOperative)) expect(en.operative).toContain(withoutPreposition(p));
  });

  it('are many (about 80 per part) and include multi-word phrases', () => {
    expect(en.preambular.length).toBeGreaterThanOrEqual(75);
    expect(en.operative.length).toBeGreaterThanOrEqual(75);
    expect(en.preambular).toEqual(expect.arrayContaining(['Bearing in mind', 'Noting with deep concern']));
    expect(en.operative).toContain('Takes note with appreciation');
  });

  it('hold the openers adopted General Assembly texts use, Security Council-only phrases left out, and carry no gendered forms', () => {
    // "Demands" opens 15 operative paragraphs of six adopted 74th-session GA resolutions (74/89, 74/169 ...).
    expect(en.operative).toEqual(expect.arrayContaining(['Demands', 'Appropriates', 'Continues', 'Remains']));
    expect(en.operative).not.toContain('Decides to remain seized');
    expect(en.gendered).toEqual([]);
    expect(en.adverbs).toEqual({ also: 'also', further: 'further' });
  });
});

describe('French and Spanish openers', () => {
  it('agree with the body: both forms of "conscious" in French, one invariable form in Spanish', () => {
    expect(phraseLists.fr.gendered).toContainEqual({ masculine: 'Conscient', feminine: 'Consciente' });
    expect(phraseLists.es.gendered).toContainEqual({ masculine: 'Preocupado', feminine: 'Preocupada' });
    expect(phraseLists.es.preambular).toContain('Consciente');
    expect(phraseLists.es.gendered.some((p) => p.feminine === 'Consciente')).toBe(false);
  });

  it('use the standard UN renderings of the core openers', () => {
    expect(phraseLists.fr.preambular).toEqual(expect.arrayContaining(['Rappelant', 'Notant avec préoccupation', 'Ayant examiné']));
    expect(phraseLists.fr.operative).toEqual(expect.arrayContaining(['Prie', 'Encourage', 'Décide', 'Invite', 'Demande']));
    expect(phraseLists.es.preambular).toEqual(expect.arrayContaining(['Recordando', 'Observando con preocupación']));
    expect(phraseLists.es.operative).toEqual(expect.arrayContaining(['Solicita', 'Alienta', 'Decide', 'Exhorta']));
  });
});
