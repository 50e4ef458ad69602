import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreeingForm,
  delegations,
  findDelegation,
  findTemplate,
  phraseLists,
  phrasesFor,
  templates,
} from '../../seeds/index.js';
import type { Gender, PhraseLanguage, PhrasePart } from '../../seeds/index.js';

/** Flips the case of each character where the mask says so. */
function scrambleCase(s: string, mask: boolean[]): string {
  return [...s].map((c, i) => (mask[i % Math.max(mask.length, 1)] ? c.toUpperCase() : c.toLowerCase())).join('');
}

describe('findTemplate', () => {
  it('finds every template by its id and nothing for an unknown id', () => {
    for (const t of templates) expect(findTemplate(t.id)).toBe(t);
    expect(findTemplate('security-council-resolution')).toBeUndefined();
  });

  it('lists the blank template first', () => {
    expect(templates[0]?.id).toBe('blank-resolution');
  });

  it('hands out frozen data, so no importer can change a template for the others', () => {
    const t = findTemplate('general-assembly-resolution');
    expect(() => {
      (t as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    expect(findTemplate('general-assembly-resolution')?.name).toBe('General Assembly resolution');
  });
});

describe('findDelegation', () => {
  const delegation = fc.constantFrom(...delegations);
  const mask = fc.array(fc.boolean(), { minLength: 1, maxLength: 12 });

  it('finds every delegation by its code in any case', () => {
    fc.assert(
      fc.property(delegation, mask, (d, m) => {
        expect(findDelegation(scrambleCase(d.code, m))?.code).toBe(d.code);
      }),
    );
  });

  it('finds every delegation by its name in any case, with straight apostrophes and extra spaces', () => {
    fc.assert(
      fc.property(delegation, mask, (d, m) => {
        const typed = ` ${scrambleCase(d.name, m).replace(/’/g, "'").replace(/ /g, '  ')} `;
        expect(findDelegation(typed)?.code).toBe(d.code);
      }),
    );
  });

  it('accepts names typed without diacritics or without the parenthetical qualifier', () => {
    expect(findDelegation('Turkiye')?.code).toBe('TUR');
    expect(findDelegation("Cote d'Ivoire")?.code).toBe('CIV');
    expect(findDelegation('Bolivia')?.code).toBe('BOL');
    expect(findDelegation('Netherlands')?.code).toBe('NLD');
    expect(findDelegation('Venezuela')?.code).toBe('VEN');
  });

  it('prefers a code to a name and finds nothing for an unknown string', () => {
    expect(findDelegation('NAM')?.name).toBe('Namibia');
    expect(findDelegation('Non-Aligned Movement')?.code).toBe('NONALIGN');
    expect(findDelegation('Atlantis')).toBeUndefined();
    expect(findDelegation('')).toBeUndefined();
    expect(findDelegation('Korea')).toBeUndefined();
  });
});

describe('phrasesFor and agreeingForm', () => {
  const language = fc.constantFrom<PhraseLanguage>('en', 'fr', 'es');
  const part = fc.constantFrom<PhrasePart>('preambular', 'operative');
  const gender = fc.constantFrom<Gender>('masculine', 'feminine');

  it('without a gender, returns the whole part as a copy', () => {
    const all = phrasesFor('fr', 'preambular');
    expect(all).toEqual(phraseLists.fr.preambular);
    all.pop();
    expect(phrasesFor('fr', 'preambular')).toEqual(phraseLists.fr.preambular);
  });

  it('keeps invariable phrases and exactly the forms of the asked gender', () => {
    fc.assert(
      fc.property(language, part, gender, (l, p, g) => {
        const list = phraseLists[l];
        const got = new Set(phrasesFor(l, p, g));
        for (const phrase of list[p]) {
          const pair = list.gendered.find((x) => x.masculine === phrase || x.feminine === phrase);
          expect(got.has(phrase), phrase).toBe(!pair || pair[g] === phrase);
        }
      }),
    );
  });

  it('turns every phrase of a part into one the gender-filtered part offers', () => {
    fc.assert(
      fc.property(language, part, gender, (l, p, g) => {
        const offered = new Set(phrasesFor(l, p, g));
        for (const phrase of phraseLists[l][p]) expect(offered.has(agreeingForm(l, phrase, g)), phrase).toBe(true);
      }),
    );
  });

  it('agrees French and Spanish openers with the body and leaves others unchanged', () => {
    expect(agreeingForm('fr', 'Conscient', 'feminine')).toBe('Consciente');
    expect(agreeingForm('fr', 'Se déclare préoccupée', 'masculine')).toBe('Se déclare préoccupé');
    expect(agreeingForm('es', 'Preocupado', 'feminine')).toBe('Preocupada');
    expect(agreeingForm('es', 'Consciente', 'masculine')).toBe('Consciente');
    expect(agreeingForm('fr', 'Rappelant', 'feminine')).toBe('Rappelant');
    expect(agreeingForm('en', 'Recalling', 'feminine')).toBe('Recalling');
    expect(phrasesFor('fr', 'preambular', 'feminine')).not.toContain('Conscient');
  });
});
