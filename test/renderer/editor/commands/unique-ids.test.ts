import { describe, expect, it } from 'vitest';
import { findIdProblems } from '../../../../renderer/editor/commands/unique-ids.js';
import { resolutionSchema } from '../../../../schemas/resolution-schema.js';
import { computeNumbering } from '../../../../shared/document/numbering.js';
import { at, expectSound, stateFrom } from './editing.js';

const spec = {
  title: 'Ids',
  body: 'The General Assembly,',
  preamble: ['Recalling A,'],
  operative: [{ text: 'Requests C;', footnotes: [{ text: 'Note.' }] }, 'Decides D.'],
};
const { nodes } = resolutionSchema;

describe('unique ids', () => {
  it('gives a copied paragraph (same id) a fresh id and keeps the first occurrence', () => {
    const state = at(stateFrom(spec), 'OP 1');
    const op1 = state.doc.nodeAt(computeNumbering(state.doc).entries.find((e) => e.path === 'OP 1')?.pos ?? -1)!;
    const end = state.doc.content.size - 1;
    const next = state.applyTransaction(state.tr.insert(end, op1)).state;
    const ops = computeNumbering(next.doc).entries.filter((e) => e.kind === 'op');
    expect(ops[0]?.id).toBe(op1.attrs.id);
    expect(ops[2]?.id).not.toBe(op1.attrs.id);
    expect(ops[2]?.id).toMatch(/^[a-z][a-z0-9]{11}$/);
    expectSound(next.doc);
  });

  it('gives empty ids (nodes created without attrs) fresh ones, footnotes included', () => {
    const state = at(stateFrom(spec), 'OP 2', 2);
    const footnote = nodes.footnote.create(null, resolutionSchema.text('x'));
    const next = state.applyTransaction(state.tr.replaceSelectionWith(footnote)).state;
    expect(findIdProblems(state.tr.replaceSelectionWith(footnote).doc)).toHaveLength(1);
    expect(findIdProblems(next.doc)).toEqual([]);
    expect(computeNumbering(next.doc).footnoteOrder.every((id) => id !== '')).toBe(true);
  });

  it('does nothing (no appended transaction) on typing', () => {
    const state = at(stateFrom(spec), 'OP 2', 2);
    const { transactions } = state.applyTransaction(state.tr.insertText('abc'));
    expect(transactions).toHaveLength(1);
  });
});
