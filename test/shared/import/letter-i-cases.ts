/**
 * The held-out "i)" after "h)" cases of issue 16 (test/fixtures/import/issue16, README there:
 * A/RES/74/126 edited into the a) style of French, Spanish and Russian), run against any
 * reader of the text: the text importer, the AKN reader of the same text as the DGACM prints it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { expect, it } from 'vitest';
import { subShape, textOfSub } from './sub-shape.js';

const dir = join(__dirname, '..', '..', 'fixtures', 'import', 'issue16');

/** A fixture of test/fixtures/import/issue16 as text. */
export const issue16Fixture = (name: string): string => readFileSync(join(dir, name), 'utf8');

/** What a reader gives back for the cases: its documents and warnings. */
export type ReadText = (text: string, language: string) => { documents: Node[]; warnings: string[] };

// How many roman items the h) of each language's romans fixture holds.
const romansIn: Record<string, number> = { fr: 5, es: 5, ru: 4 };

/**
 * Declares, per language (fr, es, ru), the two cases for `read`: an h) ending with a colon is
 * followed by the letters i) to k) (eleven subparagraphs, no roman items); an h) without one
 * holds the roman list that follows it, and the letter i) comes after it as the ninth subparagraph.
 */
export function letterICases(read: ReadText): void {
  for (const language of ['fr', 'es', 'ru']) {
    it(`${language}: an h) ending with a colon is followed by the letters i), j), k)`, () => {
      const { documents, warnings } = read(issue16Fixture(`${language}-h-colon.txt`), language);
      expect(subShape(documents[0]!, 1)).toEqual(Array(11).fill(0));
      expect(warnings).toEqual([]);
    });

    it(`${language}: an h) without a colon holds the roman list i) ... that follows it, then the letter i) comes`, () => {
      const text = issue16Fixture(`${language}-h-romans.txt`);
      const { documents, warnings } = read(text, language);
      const want = Array(11).fill(0);
      want[7] = romansIn[language];
      expect(subShape(documents[0]!, 1)).toEqual(want);
      // The ninth subparagraph is the letter i): the second line labelled "i)" in the text.
      const letterI = text.split('\n').filter((l) => l.startsWith('i) '))[1]?.slice(3) ?? 'missing';
      expect(textOfSub(documents[0]!, 8)).toBe(letterI);
      expect(warnings).toEqual([]);
    });
  }
}
