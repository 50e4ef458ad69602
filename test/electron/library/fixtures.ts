import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputFile } from '../../../electron/files/formats.js';

/** The 74th-session Akoma Ntoso fixtures (test/fixtures/akn/LANG/). */
export const aknDir = fileURLToPath(new URL('../../fixtures/akn/', import.meta.url));

/** The bytes of fixture `name` in language folder `lang`, named by its path. */
export function fixture(lang: string, name: string): InputFile {
  const file = path.join(aknDir, lang, name);
  return { name: file, bytes: fs.readFileSync(file) };
}

/** Every fixture of a language folder, in name order. */
export function fixtures(lang: string): InputFile[] {
  return fs
    .readdirSync(path.join(aknDir, lang))
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => fixture(lang, f));
}

/**
 * A copy of A/RES/74/129 (English) under another symbol and printed date, with `edit`
 * applied to its text, named `name`: a predecessor, a draft or a reworded successor.
 */
export function variantOf129(name: string, symbol: string, date: string, edit: (xml: string) => string = (x) => x): InputFile {
  const xml = fs
    .readFileSync(path.join(aknDir, 'en', '74_129.xml'), 'utf8')
    .replace('<docNumber refersTo="#symbol">A/RES/74/129</docNumber>', `<docNumber refersTo="#symbol">${symbol}</docNumber>`)
    .replace('>8 January 2020</docDate>', `>${date}</docDate>`);
  return { name, bytes: new TextEncoder().encode(edit(xml)) };
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = 'penholder-library-'): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
