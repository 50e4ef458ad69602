import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { computeNumbering } from '../../../shared/document/numbering.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { importText } from '../../../shared/import/index.js';
import { collectBrackets, compilationText, countBrackets, negotiationProblems } from '../../../shared/negotiation/index.js';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/negotiation', name), 'utf8');

function importOne(text: string): { doc: Node; warnings: string[] } {
  const { documents, warnings } = importText(text);
  expect(documents).toHaveLength(1);
  const doc = documents[0] as Node;
  validateDocument(doc.toJSON());
  expect(negotiationProblems(doc)).toEqual([]);
  return { doc, warnings };
}

const resolution = (paragraphs: string): string => `Title of the draft\n\nThe General Assembly,\n\n${paragraphs}\n`;

describe('import of bracketed negotiation texts', () => {
  it('counts the brackets of a GA compilation text exactly (PP/OP labels, nesting, tags, whole paragraphs, OP 5 alt)', () => {
    const { doc, warnings } = importOne(fixture('ga-third-committee-rev1.txt'));
    expect(countBrackets(doc)).toEqual({ brackets: 31, alternativeGroups: 7, maxBracketDepth: 2 });
    expect(warnings).toEqual([]);
    const ops = computeNumbering(doc).entries.filter((e) => e.kind === 'op').map((e) => e.path);
    expect(ops).toEqual(['OP 1', 'OP 2', 'OP 3', 'OP 4', 'OP 5', 'OP 5 alt', 'OP 6']);
    const brackets = collectBrackets(doc);
    expect(brackets.filter((b) => b.kind === 'paragraph').map((b) => [b.text.slice(0, 20), b.proposedBy])).toEqual([
      ['Recognizing the [imp', ['MEX', 'PHL']],
      ['Requests the Secreta', ['USA']],
      ['Decides to continue ', ['RUS', 'CHN']],
    ]);
    expect(brackets.find((b) => b.deletion)).toMatchObject({ text: 'including sexual and gender-based violence', proposedBy: ['RUS'] });
    expect(brackets.find((b) => b.text === 'and to endeavour to reach the furthest behind first')?.proposedBy).toEqual(['G77']);
    // Ordinary parentheses stay text.
    const text = doc.textContent;
    for (const kept of ['(2015)', '(A/81/250)', '(1990)', '(No. 189)']) expect(text).toContain(kept);
  });

  it('counts the brackets of an HRC compilation exactly (tags after the bracket, [shall] [should], depth 3, "3 alt.")', () => {
    const { doc, warnings } = importOne(fixture('hrc-right-to-education.txt'));
    expect(countBrackets(doc)).toEqual({ brackets: 28, alternativeGroups: 8, maxBracketDepth: 3 });
    expect(warnings).toEqual([]);
    expect(doc.textContent).toContain('(UNICEF data, 2024)');
    const pp5 = collectBrackets(doc).find((b) => b.kind === 'paragraph');
    expect(pp5).toMatchObject({ proposedBy: ['EU', 'NOR', 'MEX'] });
    expect(collectBrackets(doc).find((b) => b.deletion)).toMatchObject({ text: 'child, early and forced marriage', proposedBy: ['CAN'] });
  });

  it('keeps an unbalanced bracket as text and names its line', () => {
    const { doc, warnings } = importOne(fixture('ecosoc-decision-unbalanced.txt'));
    expect(countBrackets(doc)).toEqual({ brackets: 4, alternativeGroups: 1, maxBracketDepth: 1 });
    expect(doc.textContent).toContain('held in New York [in May 2027;');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^line 9, document 1, \(a\) alt: an opening bracket "\[" is never closed; it is kept as text/);
  });

  it('reads a tag inside or right after the bracket alike, and never a parenthesis that names no delegation', () => {
    const { doc } = importOne(resolution('1. *Decides* [to act (EU, CAN)] and [to report] (EU, CAN) on [2015 (a)] and [it] (2015).'));
    const brackets = collectBrackets(doc);
    expect(brackets.map((b) => [b.text, b.proposedBy])).toEqual([
      ['to act', ['EU', 'CAN']],
      ['to report', ['EU', 'CAN']],
      ['2015 (a)', []],
      ['it', []],
    ]);
    expect(doc.textContent).toContain('it (2015).');
  });

  it('reads names, "and", "G77 and China" and delete forms in tags', () => {
    const { doc } = importOne(resolution('1. *Decides* [a (Canada and Mexico)] [b] (G77 and China) x [c (delete: Russian Federation)] y [d (delete)].'));
    const found = collectBrackets(doc).map((b) => [b.text, b.proposedBy, b.deletion]);
    expect(found).toEqual([
      ['a', ['CAN', 'MEX'], false],
      ['b', ['G77'], false],
      ['c', ['RUS'], true],
      ['d', [], true],
    ]);
    expect(countBrackets(doc).alternativeGroups).toBe(1);
  });

  it('does not take an acronym after its full name for a tag', () => {
    const { doc } = importOne(resolution('1. *Welcomes* [the work of the African Union (AU)] and [the European Union (EU) (CAN)].'));
    expect(collectBrackets(doc).map((b) => [b.text, b.proposedBy])).toEqual([
      ['the work of the African Union (AU)', []],
      ['the European Union (EU)', ['CAN']],
    ]);
  });

  it('reports a closing bracket without an opening one, and keeps it', () => {
    const { doc, warnings } = importOne(resolution('1. *Decides* to act] now.'));
    expect(doc.textContent).toContain('to act] now.');
    expect(warnings.some((w) => /^line 5, document 1, OP 1: a closing bracket "\]" has no opening bracket/.test(w))).toBe(true);
  });

  it('exports the compilation text of the fixtures so that it imports to the same counts', () => {
    for (const name of ['ga-third-committee-rev1.txt', 'hrc-right-to-education.txt', 'ecosoc-decision-unbalanced.txt']) {
      const { doc } = importOne(fixture(name));
      const again = importOne(compilationText(doc)).doc;
      expect(countBrackets(again)).toEqual(countBrackets(doc));
      expect(compilationText(again)).toBe(compilationText(doc));
    }
  });
});
