import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { buildDocument } from '../../../shared/document/build.js';
import { computeNumbering } from '../../../shared/document/numbering.js';
import { setParagraphStatus } from '../../../shared/negotiation/paragraph-ops.js';
import { statusHistory } from '../../../shared/negotiation/status-history.js';
import { catalogueWords } from './status-words.js';

const doc = buildDocument({
  title: 'T',
  body: 'The General Assembly,',
  operative: [
    { text: 'Decides to act;', id: 'op1' },
    { text: 'Requests a report.', id: 'op2' },
  ],
});

const posOf = (state: EditorState, id: string): number => {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (node.attrs.id === id) found = pos;
    return found < 0;
  });
  return found;
};

describe('statusHistory', () => {
  it('lists every status change of every paragraph, newest first, reopenings with their reason', () => {
    let state = EditorState.create({ schema: resolutionSchema, doc });
    const set = (id: string, change: Parameters<typeof setParagraphStatus>[2]) => {
      state = state.apply(setParagraphStatus(state, posOf(state, id), change)!);
    };
    set('op1', { state: 'agreed', by: 'MEX (Maria Lopez)', at: '2026-12-02T10:00:00.000Z' });
    set('op2', { state: 'reservation', by: 'MEX (Maria Lopez)', at: '2026-12-02T10:05:00.000Z', delegations: ['USA'] });
    set('op1', { state: 'under_discussion', by: 'MEX (Maria Lopez)', at: '2026-12-02T10:10:00.000Z', reason: 'CAN asked for time' });
    const numbering = computeNumbering(state.doc);
    const rows = statusHistory(state.doc, (id) => numbering.byId.get(id)?.path);
    expect(rows.map((r) => [r.path, r.fromText, r.toText, r.at.slice(11, 16), r.reopening, r.reason])).toEqual([
      ['OP 1', 'Agreed', 'Under discussion', '10:10', true, 'CAN asked for time'],
      ['OP 2', 'Pending', 'Reservation: USA', '10:05', false, ''],
      ['OP 1', 'Pending', 'Agreed', '10:00', false, ''],
    ]);
    expect(rows.every((r) => r.by === 'MEX (Maria Lopez)')).toBe(true);
  });

  it('tells the states in the words it is given (the interface passes its own language’s)', () => {
    let state = EditorState.create({ schema: resolutionSchema, doc });
    state = state.apply(setParagraphStatus(state, posOf(state, 'op2'), { state: 'reservation', by: 'Maria Lopez', at: '2026-12-02T10:05:00.000Z', delegations: ['USA'] })!);
    const numbering = computeNumbering(state.doc);
    // French puts a no-break space before the colon.
    expect(statusHistory(state.doc, (id) => numbering.byId.get(id)?.path, catalogueWords('fr')).map((r) => `${r.fromText} → ${r.toText}`)).toEqual(['En attente → Réserve\u00a0: USA']);
  });

  it('is empty for a document whose statuses were never set', () => {
    expect(statusHistory(doc, () => undefined)).toEqual([]);
  });
});
