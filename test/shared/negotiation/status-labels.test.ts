import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { paragraphStatus } from '../../../shared/negotiation/model.js';
import { setParagraphStatus, type StatusChange } from '../../../shared/negotiation/paragraph-ops.js';
import { statusAuthor, statusAuthorName, statusChanges, statusText, statusWords, wasReopened } from '../../../shared/negotiation/status-labels.js';
import { sampleResolution } from '../document/sample-documents.js';
import { catalogueWords } from './status-words.js';

const paths: Record<string, string> = { op1: 'OP 1', op3: 'OP 3' };
const pathOf = (id: string) => paths[id];

function posOf(doc: Node, id: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (node.attrs.id === id) found = pos;
    return found < 0;
  });
  return found;
}

function change(state: EditorState, id: string, c: Omit<StatusChange, 'by'>): EditorState {
  const tr = setParagraphStatus(state, posOf(state.doc, id), { by: 'CAN (Jane Doe)', ...c });
  if (!tr) throw new Error('not a top-level paragraph');
  return state.apply(tr);
}

describe('status labels', () => {
  it('names states with their delegations or linked paragraphs', () => {
    const entry = { delegations: [], linked: [] };
    expect(statusText({ ...entry, state: 'agreed_ad_ref' }, pathOf)).toBe('Agreed ad ref');
    expect(statusText({ ...entry, state: 'reservation', delegations: ['USA', 'RUS'] }, pathOf)).toBe('Reservation: USA, RUS');
    expect(statusText({ ...entry, state: 'agreed_pending', linked: ['op1', 'gone'] }, pathOf)).toBe('Agreed pending OP\u00a01, a\u00a0removed\u00a0paragraph');
  });

  it('tells a reservation in the words of the interface language: a no-break space before the French colon', () => {
    const reservation = { state: 'reservation' as const, delegations: ['USA', 'RUS'], linked: [] as string[] };
    expect(statusText(reservation, pathOf, catalogueWords('fr'))).toBe('Réserve\u00a0: USA, RUS');
    // The English catalogue says what the shared default (exports, CLI) says, word for word.
    expect(statusText(reservation, pathOf, catalogueWords('en'))).toBe('Reservation: USA, RUS');
    expect(statusText(reservation, pathOf, statusWords)).toBe('Reservation: USA, RUS');
    expect(statusText({ ...reservation, delegations: ['CAN'] }, pathOf, catalogueWords('fr'))).toBe('Réserve\u00a0: CAN');
  });

  it('lists every change from one state to the next, marking the reopening and its reason', () => {
    let state = EditorState.create({ doc: sampleResolution() });
    expect(statusChanges(paragraphStatus(state.doc.nodeAt(posOf(state.doc, 'op2'))!), pathOf)).toEqual([]);
    state = change(state, 'op2', { state: 'agreed', at: '2026-12-02T10:00:00Z' });
    state = change(state, 'op2', { state: 'parked', at: '2026-12-02T11:00:00Z', reason: 'Waiting for capitals' });
    state = change(state, 'op2', { state: 'agreed_pending', at: '2026-12-02T12:00:00Z', linked: ['op3'] });
    const status = paragraphStatus(state.doc.nodeAt(posOf(state.doc, 'op2'))!);
    expect(statusChanges(status, pathOf).map((r) => `${r.from}>${r.to}|${r.toText}|${r.reopening}|${r.reason}|${r.by}|${r.at}`)).toEqual([
      'pending>agreed|Agreed|false||CAN (Jane Doe)|2026-12-02T10:00:00Z',
      'agreed>parked|Parked|true|Waiting for capitals|CAN (Jane Doe)|2026-12-02T11:00:00Z',
      'parked>agreed_pending|Agreed pending OP\u00a03|false||CAN (Jane Doe)|2026-12-02T12:00:00Z',
    ]);
    expect(wasReopened(status)).toBe(false);
  });

  it('stores the status author as the name alone (the role is the reader’s to name), never a delegation code', () => {
    expect(statusAuthor('Jane Doe')).toBe('Jane Doe');
    expect(statusAuthor(' Jane Doe ')).toBe('Jane Doe');
    expect(statusAuthor('')).toBe('');
  });

  it('reads the name back from what is stored now and from what earlier versions stored in English', () => {
    expect(statusAuthorName('Jane Doe')).toBe('Jane Doe');
    expect(statusAuthorName('')).toBe('');
    expect(statusAuthorName('Facilitator (Jane Doe)')).toBe('Jane Doe');
    expect(statusAuthorName('Facilitator')).toBe('');
    expect(statusAuthorName(' Facilitator ( Ana Pereira ) ')).toBe('Ana Pereira');
    expect(statusAuthorName('Facilitator of the Third Committee')).toBe('Facilitator of the Third Committee');
  });
});
