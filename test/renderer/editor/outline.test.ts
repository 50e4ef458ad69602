import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { buildDocument } from '../../../shared/document/build.js';
import { computeNumbering } from '../../../shared/document/numbering.js';
import { importText } from '../../../shared/import/index.js';
import { findNodeById, firstWords, jumpToParagraphTr, moveParagraphTr, outlineEntries } from '../../../renderer/editor/outline.js';
import type { DropTarget } from '../../../renderer/editor/outline.js';

function stateOf(): EditorState {
  const doc = buildDocument({
    title: 'Outline test',
    body: 'The General Assembly,',
    preamble: [
      { id: 'pp1', text: 'Recalling its resolution 70/1 of 25 September 2015,', opener: 'Recalling' },
      { id: 'pp2', text: 'Noting with concern the many gaps in access to legal aid across regions,', opener: 'Noting with concern' },
    ],
    operative: [
      { id: 'op1', text: 'Requests the Secretary-General to report;', opener: 'Requests', subparagraphs: [{ id: 'sa', text: 'on aid;' }] },
      { id: 'op2', text: 'Encourages Member States to act;', opener: 'Encourages', footnotes: [{ text: 'Resolution 76/181.' }] },
      { id: 'op3', text: 'Decides to remain seized of the matter.', list: [{ id: 'li', text: 'Item one' }] },
    ],
  });
  return EditorState.create({ schema: resolutionSchema, doc });
}

const outline = (state: EditorState) => outlineEntries(state.doc, computeNumbering(state.doc));
const ids = (state: EditorState) => outline(state).filter((e) => e.depth === 0).map((e) => `${e.number}:${e.id}`);
const posOf = (state: EditorState, id: string) => findNodeById(state.doc, id);

describe('outline entries', () => {
  it('lists PPs and OPs with numbers and first words, in document order', () => {
    const entries = outline(stateOf());
    expect(entries.map((e) => [e.number, e.id, e.part, e.index, e.depth])).toEqual([
      ['PP 1', 'pp1', 'preamble', 0, 0],
      ['PP 2', 'pp2', 'preamble', 1, 0],
      ['OP 1', 'op1', 'operative', 0, 0],
      ['(a)', 'sa', 'operative', 0, 1],
      ['OP 2', 'op2', 'operative', 1, 0],
      ['OP 3', 'op3', 'operative', 2, 0],
    ]);
    expect(entries[1]?.words).toBe('Noting with concern the many gaps in access…');
    expect(entries[2]?.words).toBe('Requests the Secretary-General to report;');
    expect(entries[3]?.kind).toBe('sub');
  });

  it('nests (i) under (a) under an OP, and a decision\'s (i) right under its paragraph', () => {
    const doc = buildDocument({
      title: 't',
      body: 'b',
      operative: [{ id: 'o', text: 'Requests:', children: [{ id: 'a', text: 'To do:', children: [{ id: 'i', text: 'First;' }, { id: 'ii', text: 'Second;' }] }] }],
    });
    expect(outlineEntries(doc, computeNumbering(doc)).map((e) => [e.number, e.id, e.depth, e.index])).toEqual([
      ['OP 1', 'o', 0, 0],
      ['(a)', 'a', 1, 0],
      ['(i)', 'i', 2, 0],
      ['(ii)', 'ii', 2, 0],
    ]);
    const decision = buildDocument({ kind: 'decision', title: 't', body: 'b', operative: [{ id: 'd', text: 'Decides:', children: [{ id: 'di', text: 'One;' }] }] });
    expect(outlineEntries(decision, computeNumbering(decision)).map((e) => [e.number, e.depth])).toEqual([
      ['(a)', 0],
      ['(i)', 1],
    ]);
  });

  it('cuts first words with an ellipsis only when more follow', () => {
    expect(firstWords('  one two  three ', 3)).toBe('one two three');
    expect(firstWords('one two three four', 3)).toBe('one two three…');
    expect(firstWords('', 3)).toBe('');
  });
});

describe('moving a paragraph', () => {
  it('moves an OP with its subparagraphs down in one transaction; numbers follow', () => {
    const state = stateOf();
    const tr = moveParagraphTr(state, posOf(state, 'op1'), { part: 'operative', index: 3 });
    expect(tr).not.toBeNull();
    const next = state.apply(tr!);
    next.doc.check();
    expect(ids(next)).toEqual(['PP 1:pp1', 'PP 2:pp2', 'OP 1:op2', 'OP 2:op3', 'OP 3:op1']);
    expect(next.doc.nodeAt(posOf(next, 'op1'))?.childCount).toBe(2);
    expect(findNodeById(next.doc, 'sa')).toBeGreaterThan(posOf(next, 'op1'));
  });

  it('turns a PP into an OP (and back) keeping id and text', () => {
    const state = stateOf();
    const next = state.apply(moveParagraphTr(state, posOf(state, 'pp2'), { part: 'operative', index: 1 })!);
    next.doc.check();
    expect(ids(next)).toEqual(['PP 1:pp1', 'OP 1:op1', 'OP 2:pp2', 'OP 3:op2', 'OP 4:op3']);
    expect(next.doc.nodeAt(posOf(next, 'pp2'))?.type.name).toBe('operative_paragraph');
    const back = next.apply(moveParagraphTr(next, posOf(next, 'op2'), { part: 'preamble', index: 0 })!);
    back.doc.check();
    expect(ids(back)).toEqual(['PP 1:op2', 'PP 2:pp1', 'OP 1:op1', 'OP 2:pp2', 'OP 3:op3']);
    expect(back.doc.nodeAt(posOf(back, 'op2'))?.textContent).toContain('Resolution 76/181.');
  });

  it('refuses moves that would lose structure or change nothing', () => {
    const state = stateOf();
    // op3 holds a numbered list, which a PP cannot hold.
    expect(moveParagraphTr(state, posOf(state, 'op3'), { part: 'preamble', index: 0 })).toBeNull();
    expect(moveParagraphTr(state, posOf(state, 'op1'), { part: 'operative', index: 0 })).toBeNull();
    expect(moveParagraphTr(state, posOf(state, 'op1'), { part: 'operative', index: 1 })).toBeNull();
    expect(moveParagraphTr(state, posOf(state, 'op1'), { part: 'operative', index: 9 })).toBeNull();
    expect(moveParagraphTr(state, posOf(state, 'sa'), { part: 'operative', index: 0 })).toBeNull();
    expect(moveParagraphTr(state, posOf(state, 'op1'), { part: 'decision_body', index: 0 })).toBeNull();
  });

  it('never leaves the operative part empty', () => {
    const doc = buildDocument({ title: 't', body: 'b', operative: [{ id: 'only', text: 'Decides.' }] });
    const state = EditorState.create({ schema: resolutionSchema, doc });
    expect(moveParagraphTr(state, posOf(state, 'only'), { part: 'preamble', index: 0 })).toBeNull();
  });

  it('keeps the document valid and every paragraph exactly once under random moves', () => {
    const targets = fc.record({ part: fc.constantFrom<DropTarget['part']>('preamble', 'operative'), index: fc.nat(6) });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(4), targets), { maxLength: 12 }), (moves) => {
        let state = stateOf();
        const before = outline(state).map((e) => e.id).sort();
        for (const [which, target] of moves) {
          const entry = outline(state)[which % outline(state).length]!;
          const tr = moveParagraphTr(state, entry.pos, target);
          if (tr) state = state.apply(tr);
          state.doc.check();
        }
        expect(outline(state).map((e) => e.id).sort()).toEqual(before);
        expect(outline(state).filter((e) => e.kind === 'op').length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('jumping to a paragraph', () => {
  it('puts the cursor at the start of the paragraph text', () => {
    const state = stateOf();
    const next = state.apply(jumpToParagraphTr(state, posOf(state, 'op2'))!);
    expect(next.selection.empty).toBe(true);
    expect(next.selection.$from.parent.type.name).toBe('paragraph_text');
    expect(next.selection.$from.node(-1).attrs.id).toBe('op2');
    expect(next.selection.$from.parentOffset).toBe(0);
  });
});

describe('outline words of a negotiated paragraph', () => {
  it('shows the alternatives of a group joined by a slash and reads through brackets', () => {
    const doc = importText(readFileSync('test/fixtures/negotiation/ga-third-committee-rev1.txt', 'utf8')).documents[0]!;
    const words = outlineEntries(doc, computeNumbering(doc)).map((e) => e.words);
    expect(words[0]).toMatch(/^Recalling \/ Reaffirming all its previous/);
    expect(words.some((w) => /UrgesCalls|RecallingReaffirming/.test(w))).toBe(false);
  });
});
