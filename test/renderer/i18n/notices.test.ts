import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import ts from 'typescript';
import { catalogues } from '../../../shared/i18n/catalogues.js';
import { i18n } from '../../../renderer/i18n/index.js';
import { shownNotice } from '../../../renderer/i18n/notices.js';

// The fixed sentences (plain string literals that read as a sentence) of a shared module.
function sentencesOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && /^\p{Lu}[\p{Ll}’']+[,:]?\s+\p{L}.*[.…]$/u.test(node.text)) out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('notices of shared/negotiation in the interface language', () => {
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  it('has a catalogue entry for every fixed sentence the shared modules answer with', () => {
    const english = new Set(Object.values(catalogues.en.editor.notices));
    const sentences = ['shared/negotiation/suggestion-ops.ts', 'shared/negotiation/merge-ops.ts'].flatMap(sentencesOf);
    expect(sentences.length).toBeGreaterThanOrEqual(12);
    // A sentence changed in shared/ needs its entry (English and French) changed too.
    expect(sentences.filter((s) => !english.has(s))).toEqual([]);
  });

  it('reads them in French when the interface is French, and leaves any other sentence as it is', async () => {
    const agreed = catalogues.en.editor.notices.agreed;
    await i18n.changeLanguage('fr');
    expect(shownNotice(agreed)).toBe(catalogues.fr.editor.notices.agreed);
    expect(shownNotice(agreed)).toMatch(/^Ce paragraphe est approuvé/);
    expect(shownNotice('“shall” is one of a group of alternatives.')).toBe('“shall” is one of a group of alternatives.');
    await i18n.changeLanguage('en');
    expect(shownNotice(agreed)).toBe(agreed);
  });
});
