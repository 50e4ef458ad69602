import { readFileSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { resolutionSchema } from '../../../../schemas/resolution-schema.js';
import { importText } from '../../../../shared/import/index.js';
import { checkDocument, createStyleChecker } from '../../../../shared/style/index.js';
import { placeProblems, problemDecorations, styleKey, stylePlugin } from '../../../../renderer/editor/style/style-plugin.js';
import { docOf } from './helpers.js';

// Typing re-checks one paragraph and maps the rest; whatever it does must equal a full check.

const plain = docOf({
  preamble: [{ text: 'Recalling its resolution 70/1,', opener: 'Recalling' }, { text: 'Recalling also its resolution 71/1', opener: 'Recalling' }],
  operative: [
    { text: 'Requests the Secretary-General to report;', opener: 'Requests', footnotes: [{ text: 'See a/res/77/231.' }] },
    { text: 'Requests the Secretary-General to report', opener: 'Requests', subparagraphs: ['to act;', 'to report in E/CN.15/2023/L.4/Rev.1.'] },
    { text: 'Decides to remain seized of the matter;', opener: 'Decides' },
  ],
});
const negotiated = importText(readFileSync('test/fixtures/negotiation/ga-third-committee-rev1.txt', 'utf8')).documents[0]!;

// Every position inside inline content where a character can go, in `doc`.
function textPositions(doc: Node): number[] {
  const out: number[] = [];
  doc.descendants((node, pos) => {
    if (node.inlineContent) for (let p = pos + 1; p <= pos + 1 + node.content.size; p++) out.push(p);
    return true;
  });
  return out.filter((p) => doc.resolve(p).parent.inlineContent);
}

// A small deterministic generator (mulberry32).
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const summary = (state: EditorState) => {
  const problems = styleKey.getState(state)?.problems ?? [];
  const decorations = (styleKey.getState(state)?.decorations.find() ?? []).map((d) => `${d.from}-${d.to} ${(d.spec as { problem: { message: string } }).problem.message}`);
  return { problems: problems.map(({ rule, paragraphId, message, severity, start, end, textPos }) => ({ rule, paragraphId, message, severity, start, end, textPos })), decorations };
};

const expected = (doc: Node) => {
  const placed = placeProblems(doc, checkDocument(doc));
  const decorations = problemDecorations(doc, placed).find().map((d) => `${d.from}-${d.to} ${(d.spec as { problem: { message: string } }).problem.message}`);
  return { problems: placed.map(({ rule, paragraphId, message, severity, start, end, textPos }) => ({ rule, paragraphId, message, severity, start, end, textPos })), decorations };
};

describe('style checking while typing', () => {
  for (const [name, doc] of [['a plain resolution', plain], ['a negotiated compilation text (brackets, alternatives)', negotiated]] as const) {
    it(`agrees with a full check after random keystrokes in ${name}`, () => {
      const next = random(7);
      const checker = createStyleChecker();
      let state = EditorState.create({ schema: resolutionSchema, doc, plugins: [stylePlugin(checker)] });
      let rechecked = 0;
      for (let step = 0; step < 150; step++) {
        const positions = textPositions(state.doc);
        const at = positions[Math.floor(next() * positions.length)] ?? 1;
        const roll = next();
        const $at = state.doc.resolve(at);
        const tr = state.tr;
        // Typing, deleting a character, or replacing a word-like run; sometimes a character that
        // changes a rule's outcome (final punctuation, an opener, a symbol).
        const char = ' ;,.:/aLx'[Math.floor(next() * 9)] ?? 'a';
        if (roll < 0.6) tr.insertText(char, at);
        else if (roll < 0.85 && at < $at.end() && state.doc.textBetween(at, at + 1) !== '') tr.delete(at, at + 1);
        else tr.insertText(char + char, at, Math.min($at.end(), at + 3));
        if (!tr.docChanged) continue;
        state = state.apply(tr);
        if (checker.lastAnalysed() === 1) rechecked++;
        expect(summary(state), `step ${step}`).toEqual(expected(state.doc));
      }
      // Most keystrokes took the one-paragraph path (an opener change takes the full one).
      expect(rechecked).toBeGreaterThan(75);
    });
  }

  it('re-checks only the paragraph typed in, and every paragraph when its opener changed', () => {
    const checker = createStyleChecker();
    let state = EditorState.create({ schema: resolutionSchema, doc: plain, plugins: [stylePlugin(checker)] });
    let first = -1;
    state.doc.descendants((node, pos) => {
      if (node.type.name === 'operative_paragraph' && first < 0) first = pos + 2;
      return first < 0;
    });
    const repeats = (s: EditorState) => (styleKey.getState(s)?.problems ?? []).filter((p) => p.rule === 'repeated-opener' && p.message.startsWith('OP 2'));
    expect(repeats(state)).toHaveLength(1);
    // Typed after the addressee ("the Secretary-General"), which the repeated-opener rule reads.
    state = state.apply(state.tr.insertText('x', first + 'Requests the Secretary-General to '.length));
    expect(checker.lastAnalysed()).toBe(1);
    expect(repeats(state)).toHaveLength(1);
    // OP 1's "Requests" becomes "Xequests": OP 2 no longer repeats an opener.
    state = state.apply(state.tr.insertText('X', first, first + 1));
    expect(repeats(state)).toHaveLength(0);
    expect(summary(state)).toEqual(expected(state.doc));
  });
});
