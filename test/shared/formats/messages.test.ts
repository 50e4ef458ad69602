import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readAkn } from '../../../shared/formats/akn/read.js';
import { readDocx } from '../../../shared/formats/docx/read.js';
import { FormatError, type FormatImportResult } from '../../../shared/formats/types.js';
import { catalogues } from '../../../shared/i18n/catalogues.js';
import { messageKeys, messageText, type Message } from '../../../shared/i18n/message.js';
import { ImportError, importText } from '../../../shared/import/index.js';

// Every key of the `formats` catalogue of `lang`, as 'formats:dotted.key'.
function formatKeys(lang: 'en' | 'fr'): Set<string> {
  const out = new Set<string>();
  const walk = (prefix: string, tree: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(tree)) {
      if (typeof v === 'string') out.add(`${prefix}${k}`);
      else walk(`${prefix}${k}.`, v as Record<string, unknown>);
    }
  };
  walk('formats:', (catalogues as unknown as Record<string, Record<string, Record<string, unknown>>>)[lang]?.formats ?? {});
  return out;
}
const keys = { en: formatKeys('en'), fr: formatKeys('fr') };

// The error `run` throws, which must be of class `type`.
function thrown<T extends Error>(run: () => unknown, type: new (...args: never[]) => T): T {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(type);
    return err as T;
  }
  throw new Error('expected a refusal');
}

// The warnings of a result are its messages in English, in order, and every key used is in both catalogues.
function expectAligned(result: FormatImportResult): void {
  expect(result.messages).toHaveLength(result.warnings.length);
  result.messages.forEach((m: Message, i) => {
    expect(messageText(m)).toBe(result.warnings[i]);
    for (const key of messageKeys(m)) {
      expect(keys.en.has(key), `${key} in en`).toBe(true);
      expect(keys.fr.has(key), `${key} in fr`).toBe(true);
    }
  });
}

const resolution = (paragraphs: string): string => `Title of the draft\n\nThe General Assembly,\n\n${paragraphs}\n`;

describe('format readers say what they refuse and what they guessed in the interface language', () => {
  it('a .docx that is not a zip: English message as before, French text through the catalogue', () => {
    const err = thrown(() => readDocx(strToU8('Just some text saved with a .docx name, not a Word file at all.')), FormatError);
    expect(err.message).toBe('docx: the file is not a Word document (not a zip package)');
    expect(err.text.key).toBe('formats:docx.notAZip');
    expect(messageText(err.text, 'fr')).toBe('docx\u00a0: le fichier n’est pas un document Word (ce n’est pas un paquet zip)');
  });

  it('a zip with a broken main part names the part and keeps the parser\'s own words', () => {
    const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document><w:body></w:document>') });
    const err = thrown(() => readDocx(bytes), FormatError);
    expect(err.message).toMatch(/^docx: part word\/document\.xml is not well-formed XML \(.+\)$/);
    expect(messageText(err.text, 'fr')).toMatch(/^docx\u00a0: la partie word\/document\.xml n’est pas du XML bien formé \(.+\)$/);
  });

  it('empty and binary text: ImportError with French text', () => {
    const empty = thrown(() => importText('   \n'), ImportError);
    expect(empty.message).toBe('the text is empty');
    expect(messageText(empty.text, 'fr')).toBe('le texte est vide');
    const binary = thrown(() => importText('abc\u0000def'), ImportError);
    expect(messageText(binary.text, 'fr')).toContain('données binaires');
  });

  it('a text with no body line is refused in French, the English sentence unchanged', () => {
    const err = thrown(() => importText('Just a memo.\n\nNothing here is a resolution.\n'), ImportError);
    expect(err.message).toBe('no resolution or decision found: the text has no authoring body line such as "The General Assembly," or "The Economic and Social Council:"');
    expect(messageText(err.text, 'fr')).toMatch(/^aucune résolution ni décision trouvée\u00a0: /);
  });

  it('a text with an unplaceable line and stray brackets: each warning a message, French sentences with the document text as written', () => {
    const result = importText(resolution('1. Decides to act ] now;\n\n3. Requests a report [on the matter;\n\n(q) Stray lettered line without a home;'));
    expect(result.documents).toHaveLength(1);
    expectAligned(result);
    const fr = result.messages.map((m) => messageText(m, 'fr'));
    expect(result.warnings.some((w) => w.includes('a closing bracket "]" has no opening bracket'))).toBe(true);
    expect(fr.some((w) => /document 1, OP 1\u00a0: un crochet fermant «\u00a0]\u00a0» n’a pas de crochet ouvrant/.test(w))).toBe(true);
    expect(fr.some((w) => w.includes('n’est jamais fermé'))).toBe(true);
    // No English sentence is left in the French warnings (document text aside).
    for (const w of fr) expect(w).not.toMatch(/ kept as text| has no | was | is never /);
  });

  it('AKN: malformed XML and a foreign root are refused in French; placement warnings are messages', () => {
    const bad = thrown(() => readAkn('<akomaNtoso><act>', 'draft.xml'), FormatError);
    expect(bad.message).toMatch(/^akn: draft\.xml is not well-formed XML/);
    expect(messageText(bad.text, 'fr')).toMatch(/^akn\u00a0: draft\.xml n’est pas du XML bien formé/);
    const foreign = thrown(() => readAkn('<html/>', 'page.xml'), FormatError);
    expect(foreign.message).toBe('akn: page.xml is not Akoma Ntoso (root element <html>, expected <akomaNtoso>)');
    expect(messageText(foreign.text, 'fr')).toBe('akn\u00a0: page.xml n’est pas de l’Akoma Ntoso (élément racine <html>, <akomaNtoso> attendu)');
    const xml = `<akomaNtoso><statement name="resolution"><preface><p><docTitle>Water</docTitle></p></preface>
      <mainBody><paragraph eId="para_1"><num>1.</num><content><p>Decides to act;</p></content></paragraph>
      <table eId="tbl_1"><tr><td><p>A table cell</p></td></tr></table><foo eId="foo_1"><p>Odd</p></foo></mainBody></statement></akomaNtoso>`;
    const result = readAkn(xml, 'water.xml');
    expectAligned(result);
    expect(result.warnings.length).toBeGreaterThan(0);
    const fr = result.messages.map((m) => messageText(m, 'fr'));
    expect(fr.some((w) => w.startsWith('akn\u00a0: water.xml (Water)\u00a0: tableau '))).toBe(true);
  });
});
