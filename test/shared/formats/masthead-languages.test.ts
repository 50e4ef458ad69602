import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/document/build.js';
import { exportText } from '../../../shared/document/export-text.js';
import type { Language } from '../../../shared/document/labels.js';
import { writeAkn } from '../../../shared/formats/akn/write.js';
import { readDocx } from '../../../shared/formats/docx/read.js';
import { writeDocx } from '../../../shared/formats/docx/write.js';
import { importText } from '../../../shared/import/index.js';
import { isMetaLine, parseHeaderLines } from '../../../shared/import/header-lines.js';
import { aknAll, parseAkn } from './akn/write-inspect.js';
import { part } from './docx/write-readers.js';

// The distribution and original-language lines as each language's official mastheads print
// them: every 74th-session AKN file prints "Distr.: General" in Arabic, Chinese, Russian and
// English, "Distr. générale" in French and "Distr. general" in Spanish.
const expected: Record<Language, { distr: string; original: string }> = {
  en: { distr: 'Distr.: Limited', original: 'Original: English' },
  fr: { distr: 'Distr. limitée', original: 'Original : français' },
  es: { distr: 'Distr. limitada', original: 'Original: español' },
  ar: { distr: 'Distr.: Limited', original: 'Original: Arabic' },
  zh: { distr: 'Distr.: Limited', original: 'Original: Chinese' },
  ru: { distr: 'Distr.: Limited', original: 'Original: Russian' },
};
const body: Record<Language, string> = { en: 'The General Assembly,', fr: 'L’Assemblée générale,', es: 'La Asamblea General,', ar: 'إن الجمعية العامة،', zh: '大会，', ru: 'Генеральная Ассамблея,' };

const draft = (language: Language) =>
  buildDocument({ header: { language, symbol: 'A/C.3/74/L.12', date: '3 October 2019' }, title: 'T', body: body[language], operative: ['x;'] });

describe('masthead lines in the document language', () => {
  it.each(Object.keys(expected) as Language[])('%s: text, Word and AKN write them and the importers read them back', (language) => {
    const want = expected[language];
    const doc = draft(language);
    expect(exportText(doc)).toContain(`\n${want.original}\n`);
    const akn = parseAkn(writeAkn(doc));
    expect(aknAll(akn, 'docStatus')[0]?.textContent).toBe(want.distr);
    const bytes = writeDocx(doc);
    expect(part(bytes, 'word/document.xml')).toContain(want.distr);
    expect(part(bytes, 'word/document.xml')).toContain(want.original);
    for (const back of [importText(exportText(doc)).documents[0], readDocx(bytes).documents[0]]) {
      expect(back?.firstChild?.attrs).toMatchObject({ language, symbol: 'A/C.3/74/L.12' });
      expect(back?.child(1).textContent).toBe('T');
    }
  });

  it('reads the French and Spanish lines as header lines and their language', () => {
    for (const line of ['Distr. générale', 'Distr. limitée', 'Distr. general', 'Distr. limitada', 'Original : français', 'Original: español']) expect(isMetaLine(line), line).toBe(true);
    expect(parseHeaderLines(['A/RES/74/281', 'Distr. générale', 'Original : français']).language).toBe('fr');
    expect(parseHeaderLines(['Original: español']).language).toBe('es');
  });
});
