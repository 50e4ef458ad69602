import { describe, expect, it } from 'vitest';
import {
  bodyLineLanguage,
  endsWithTerminal,
  isAnnexHeading,
  isDocumentHeading,
  isSectionHeading,
  letterValue,
  romanValue,
  splitLabel,
} from '../../../shared/import/patterns.js';

describe('line patterns', () => {
  it('recognizes document headings and nothing longer', () => {
    for (const line of ['Draft resolution I', 'Draft resolution III', 'Draft decision', 'Draft decision I', 'Resolution 32/1', 'Decision 32/101', 'Draft resolution A/78/L.5', 'Projet de résolution II', 'Proyecto de decisión']) {
      expect(isDocumentHeading(line), line).toBe(true);
    }
    for (const line of ['Draft resolutions to be recommended', 'Resolution 70/1.', 'resolution 70/1', 'A. Draft resolutions']) expect(isDocumentHeading(line), line).toBe(false);
  });

  it('recognizes report section headings and annex headings', () => {
    expect(isSectionHeading('A. Draft resolutions to be recommended by the Economic and Social Council')).toBe(true);
    expect(isSectionHeading('II. Matters calling for action')).toBe(true);
    expect(isSectionHeading('A. Something ending a sentence.')).toBe(false);
    expect(['Annex', 'Annex II', 'Annexe', 'Anexo I'].every(isAnnexHeading)).toBe(true);
    expect(['Приложение', 'Приложение II', 'المرفق', 'المرفق الثاني', 'المرفق 11', '附件', '附件二', '附件十二'].every(isAnnexHeading)).toBe(true);
    expect(['المرفق الثاني من التقرير', '附件二所载', 'Приложение к докладу'].some(isAnnexHeading)).toBe(false);
    expect(isAnnexHeading('Annex to resolution 70/1')).toBe(false);
  });

  it('tells authoring body lines and their language from report sentences', () => {
    expect(bodyLineLanguage('The General Assembly,')).toBe('en');
    expect(bodyLineLanguage('The Economic and Social Council:')).toBe('en');
    expect(bodyLineLanguage("L'Assemblée générale,")).toBe('fr');
    expect(bodyLineLanguage('Le Conseil économique et social :')).toBe('fr');
    expect(bodyLineLanguage('La Asamblea General,')).toBe('es');
    expect(bodyLineLanguage('The Conference of the Parties serving as the meeting of the Parties to the Paris Agreement,')).toBe('en');
    expect(bodyLineLanguage('The Commission on Crime Prevention and Criminal Justice recommends the following:')).toBeNull();
    expect(bodyLineLanguage('The following resolution adopted by the Commission is brought to the attention of the Council:')).toBeNull();
    expect(bodyLineLanguage('The General Assembly')).toBeNull();
  });

  it('splits labels of every shape off a line', () => {
    expect(splitLabel('12. Decides;')).toEqual({ label: { kind: 'number', n: 12 }, rest: 'Decides;' });
    expect(splitLabel('- (b) Reaffirms;')).toEqual({ label: { kind: 'alpha', letter: 2, roman: null }, rest: 'Reaffirms;' });
    expect(splitLabel('a) premier ;')?.label).toEqual({ kind: 'alpha', letter: 1, roman: null });
    expect(splitLabel('(i) first;')?.label).toEqual({ kind: 'alpha', letter: 9, roman: 1 });
    expect(splitLabel('(iv) fourth;')?.label).toEqual({ kind: 'alpha', letter: null, roman: 4 });
    expect(splitLabel('(aa) twenty-seventh;')?.label).toEqual({ kind: 'alpha', letter: 27, roman: null });
    expect(splitLabel('2030 Agenda')).toBeNull();
    expect(splitLabel('(ab) not a label')).toBeNull();
  });

  it('reads letters and canonical roman numerals only', () => {
    expect([letterValue('a'), letterValue('z'), letterValue('bb'), letterValue('ab')]).toEqual([1, 26, 28, null]);
    expect([romanValue('ix'), romanValue('xiv'), romanValue('iiii'), romanValue('vx')]).toEqual([9, 14, null, null]);
  });

  it('sees terminal punctuation behind footnote markers, quotes and brackets', () => {
    expect(endsWithTerminal('the Commission,¹')).toBe(true);
    expect(endsWithTerminal('“Transforming our world”,')).toBe(true);
    expect(endsWithTerminal('the Congress;)')).toBe(true);
    expect(endsWithTerminal('meetings of')).toBe(false);
    expect(endsWithTerminal('the Congress³')).toBe(false);
  });
});
