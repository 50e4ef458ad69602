import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../../shared/document/build.js';
import { checkDocument, createStyleChecker } from '../../../shared/style/check.js';
import type { StyleProblem } from '../../../shared/style/types.js';
import { applyProblemFix, findById, resolution } from './helpers.js';

// Pieces with planted mistakes, so that generated paragraphs trigger every rule.
const ppOpeners = ['Recalling', 'Recalling also', 'Also recalling', 'Noting with concern', 'Mindful of', 'Recalls', 'recalling', 'The', 'Having examined'];
const opOpeners = ['Requests', 'Also requests', 'Requests also', 'Further requests', 'Decides', 'Recalling', 'Takes note of', 'decides', 'Mindful of', 'Xyz', 'Authorises'];
const bodies = [
  'the report',
  'its resolution 70/1 of 25 September 2015',
  'its resolution 70-1 of 31 September 2015',
  'document a/78/l.5',
  'resolution 57/270B 23 June 2003',
  'the plan of September 25, 2015',
  'E/CN.15/2023/L.4/Rev1 and 2015-09-25',
  '',
];
const endings = [',', ';', '.', ':', '', '; and', '?'];
const notes = ['', 'Resolution 70-1, annex.', 'A/78/1.', 'See a/res/77/231.'];

const text = (openers: string[]) =>
  fc.tuple(fc.constantFrom(...openers), fc.constantFrom(...bodies), fc.constantFrom(...endings)).map(([o, b, e]) => [o, b].filter(Boolean).join(' ') + e);
const paragraph = (openers: string[]): fc.Arbitrary<Paragraph> =>
  fc.record({
    text: text(openers),
    footnotes: fc.array(fc.constantFrom(...notes).map((t) => ({ text: t })), { maxLength: 1 }),
    subparagraphs: fc.array(text(['', 'the', 'training']), { maxLength: 2 }),
  });
const documents = fc
  .tuple(fc.array(paragraph(ppOpeners), { maxLength: 5 }), fc.array(paragraph(opOpeners), { minLength: 1, maxLength: 6 }))
  .map(([pp, op]) => resolution(pp, op));

type Edit = { kind: 'text'; at: number; text: string } | { kind: 'delete'; at: number };
const edits = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: text([...ppOpeners, ...opOpeners]) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  ),
  { minLength: 1, maxLength: 8 },
);

const paragraphIds = (doc: Node): string[] => {
  const ids: string[] = [];
  doc.descendants((node) => {
    if (node.firstChild?.type.name === 'paragraph_text') ids.push(String(node.attrs.id));
    return node.isBlock;
  });
  return ids;
};

// Applies one edit; returns the new document and the ids whose text changed.
function apply(doc: Node, edit: Edit): { doc: Node; changed: Set<string> } {
  const ids = paragraphIds(doc);
  const id = ids[edit.at % ids.length] ?? '';
  const { node, pos } = findById(doc, id);
  if (edit.kind === 'text') {
    const size = node.firstChild?.content.size ?? 0;
    const content = edit.text === '' ? [] : doc.type.schema.text(edit.text);
    return { doc: new Transform(doc).replaceWith(pos + 2, pos + 2 + size, content).doc, changed: new Set([id]) };
  }
  try {
    const next = new Transform(doc).delete(pos, pos + node.nodeSize).doc;
    next.check();
    return { doc: next, changed: new Set() };
  } catch {
    return { doc, changed: new Set() };
  }
}

const key = (p: StyleProblem): string => `${p.rule} ${p.paragraphId} ${p.message}`;

describe('style checker properties', () => {
  it('incremental checking after random edits equals checking from scratch', () => {
    fc.assert(
      fc.property(documents, edits, (start, steps) => {
        const checker = createStyleChecker();
        expect(checker.check(start)).toEqual(checkDocument(start));
        let doc = start;
        for (const step of steps) {
          const next = apply(doc, step);
          doc = next.doc;
          expect(checker.check(doc, next.changed)).toEqual(checkDocument(doc));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('applying a certain fix and re-checking does not raise the same problem again', () => {
    const rules = new Set<string>();
    fc.assert(
      fc.property(documents, (doc) => {
        const problems = checkDocument(doc);
        const count = (list: StyleProblem[], k: string) => list.filter((p) => key(p) === k).length;
        for (const problem of problems.filter((p) => p.fix)) {
          rules.add(problem.rule);
          const after = checkDocument(applyProblemFix(doc, problem));
          expect(count(after, key(problem)), key(problem)).toBeLessThan(count(problems, key(problem)));
        }
      }),
      { numRuns: 150 },
    );
    // The generator plants every kind of fixable mistake, so every fixing rule was exercised.
    expect([...rules].sort()).toEqual(['adverb-order', 'citation', 'opener-case', 'opener-kind', 'punctuation', 'repeated-opener', 'symbol']);
  });
});
