import fs from 'node:fs';
import { Node } from 'prosemirror-model';
import { TextSelection, type Transaction } from 'prosemirror-state';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { testHostOptions } from '../../support/host-tls.js';
import { updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { startHost } from '../../../electron/consultation/host.js';
import { checkDelegationChange } from '../../../electron/consultation/role-check.js';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { importText } from '../../../shared/import/index.js';
import { collectBrackets } from '../../../shared/negotiation/index.js';
import { negotiationProblems } from '../../../shared/negotiation/validate.js';
import { docToYDoc, prosemirrorFragment, yDocFromUpdates, yDocToDoc } from '../../../shared/ydoc.js';
import { rangeOf } from '../../shared/negotiation/helpers.js';
import { suggestionEditor, type SuggestionEditor } from '../../renderer/editor/negotiation/suggestion-harness.js';
import { connectPeer, storeWithDocument, synced, waitFor } from './peers.js';

const fixture = Node.fromJSON(resolutionSchema, JSON.parse(fs.readFileSync(new URL('../../fixtures/backend-resolution.json', import.meta.url), 'utf8')));

// A compilation text full of brackets, alternatives and deletion proposals of other delegations.
const compilation = importText(fs.readFileSync(new URL('../../fixtures/negotiation/ga-third-committee-rev1.txt', import.meta.url), 'utf8')).documents[0]!;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * Binds a suggestion-mode editor to `ydoc` as y-prosemirror's binding does (each change
 * written with updateYFragment in one Yjs transaction). `onUpdate` gets each Yjs update with
 * the Y.Doc's state just before it, as the host holds it.
 */
function boundEditor(ydoc: Y.Doc, delegation: string, onUpdate: (stateBefore: Uint8Array, update: Uint8Array) => void): SuggestionEditor {
  const mapping = new Map();
  return suggestionEditor(yDocToDoc(ydoc), delegation, (_before, tr: Transaction) => {
    const stateBefore = Y.encodeStateAsUpdate(ydoc);
    const updates: Uint8Array[] = [];
    const listen = (u: Uint8Array) => updates.push(u);
    ydoc.on('update', listen);
    ydoc.transact(() => updateYFragment(ydoc, prosemirrorFragment(ydoc), tr.doc, { mapping, isOMark: new Map() }));
    ydoc.off('update', listen);
    expect(updates).toHaveLength(1);
    onUpdate(stateBefore, updates[0]!);
  });
}

// Every action a delegation takes in suggestion mode, on the fixture resolution.
function actAsDelegation(e: SuggestionEditor): void {
  e.select(rangeOf(e.state.doc, 'Encourages').to);
  e.type(' all'); // insertion, one keystroke at a time
  e.key('Backspace'); // inside its own proposal
  e.select(rangeOf(e.state.doc, 'build').to);
  for (let i = 0; i < 5; i++) e.key('Backspace'); // a growing deletion proposal
  const lanes = rangeOf(e.state.doc, 'lanes');
  e.select(lanes.from, lanes.to);
  e.key('Delete'); // deletion of a selection
  const remain = rangeOf(e.state.doc, 'remain');
  e.select(remain.from, remain.to);
  e.type('stay'); // replacement, then typing inside it
  e.select(rangeOf(e.state.doc, 'urban').to);
  e.paste(' and rural'); // paste
  e.select(rangeOf(e.state.doc, 'matter.').to);
  e.key('Enter'); // a new paragraph proposed
  e.type('Requests a report.');
}

describe('suggestion mode makes only changes the host’s role check accepts', () => {
  it('each Yjs update of each action passes checkDelegationChange as the host runs it', () => {
    const ydoc = docToYDoc(fixture);
    const refused: string[] = [];
    let checked = 0;
    const docs: Node[] = [fixture];
    const e = boundEditor(ydoc, 'CAN', (stateBefore, update) => {
      const before = yDocToDoc(yDocFromUpdates([stateBefore]));
      const verdict = checkDelegationChange(before, yDocToDoc(yDocFromUpdates([stateBefore, update])), 'CAN');
      checked++;
      docs.push(yDocToDoc(yDocFromUpdates([stateBefore, update])));
      if (!verdict.ok) refused.push(verdict.reason);
    });
    actAsDelegation(e);
    expect(refused).toEqual([]);
    expect(checked).toBe(e.docChanges());
    expect(checked).toBeGreaterThan(25);
    // The Y.Doc holds what the editor shows, and the proposals are all there.
    expect(yDocToDoc(ydoc).eq(e.state.doc)).toBe(true);
    const mine = collectBrackets(e.state.doc).filter((b) => b.proposedBy.includes('CAN'));
    expect(mine.map((b) => [b.kind, b.deletion, b.text])).toEqual([
      ['inline', false, ' and rural'],
      ['inline', false, ' al'],
      ['inline', true, 'build'],
      ['inline', true, 'lanes'],
      ['inline', false, 'stay'],
      ['paragraph', false, 'Requests a report.'],
    ]);
    // Undoing any step is a change the host accepts as well (a replacement included).
    for (let i = docs.length - 1; i > 0; i--) expect(checkDelegationChange(docs[i]!, docs[i - 1]!, 'CAN')).toEqual({ ok: true });
    // Another delegation's edits of the same kind are refused in CAN's name.
    const other = checkDelegationChange(fixture, e.state.doc, 'BRA');
    expect(other.ok).toBe(false);
  });

  it('random sequences of suggestion actions anywhere keep the document valid and pass the role check', () => {
    const action = fc.record({
      a: fc.integer({ min: 0, max: 1_000_000 }),
      b: fc.integer({ min: 0, max: 1_000_000 }),
      range: fc.boolean(),
      what: fc.constantFrom('type', 'word', 'backspace', 'delete', 'wordBack', 'enter', 'paste'),
    });
    fc.assert(
      // RUS and USA have brackets of their own in the compilation text (a deletion, an alternative).
      fc.property(fc.boolean(), fc.constantFrom('CAN', 'RUS', 'USA'), fc.array(action, { minLength: 1, maxLength: 12 }), (bracketed, d, actions) => {
        const start = bracketed ? compilation : fixture;
        let problem = '';
        const e = suggestionEditor(start, d, (before, tr) => {
          const verdict = checkDelegationChange(before.doc, tr.doc, d);
          if (!verdict.ok && !problem) problem = verdict.reason;
        });
        for (const act of actions) {
          const size = e.state.doc.content.size;
          const $a = e.state.doc.resolve(act.a % size);
          // A range within a few characters, as people select (a long one is mostly refused: several paragraphs).
          const $b = act.range ? e.state.doc.resolve(Math.min(size, (act.a % size) + (act.b % 12))) : $a;
          e.view.dispatch(e.state.tr.setSelection(TextSelection.between($a, $b)));
          if (act.what === 'type') e.type('x');
          else if (act.what === 'word') e.type(' more');
          else if (act.what === 'backspace') e.key('Backspace');
          else if (act.what === 'delete') e.key('Delete');
          else if (act.what === 'wordBack') e.key('Backspace', { ctrlKey: true });
          else if (act.what === 'enter') e.key('Enter');
          else e.paste('pasted text');
        }
        expect(problem).toBe('');
        expect(() => validateDocument(e.state.doc.toJSON())).not.toThrow();
        expect(negotiationProblems(e.state.doc)).toEqual([]);
        // The agreed text is all still there, in order, once CAN's proposals are taken out.
        expect(checkDelegationChange(start, e.state.doc, d).ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('through a real host: every update of a delegation in suggestion mode is accepted, stored and broadcast', async () => {
    const { store, docs } = storeWithDocument('d1');
    const host = await startHost({ ...testHostOptions(), docs, docIds: ['d1'], bind: '127.0.0.1', port: 0 });
    cleanups.push(() => store.close(), () => host.stop());
    const can = connectPeer(host.url, 'd1', { code: host.joinCode, delegation: 'CAN', name: 'CAN person', role: 'delegation' });
    const chair = connectPeer(host.url, 'd1', { code: host.facilitatorCode, delegation: 'MEX', name: 'Chair', role: 'facilitator' });
    cleanups.push(() => can.destroy(), () => chair.destroy());
    await Promise.all([synced(can), synced(chair)]);
    const undo = new Y.UndoManager(prosemirrorFragment(can.doc), { captureTimeout: 0 });
    const e = boundEditor(can.doc, 'CAN', () => undefined);
    actAsDelegation(e);
    const expected = JSON.stringify(e.state.doc.toJSON());
    await waitFor(() => JSON.stringify(yDocToDoc(chair.doc).toJSON()) === expected, 10_000, 'the facilitator to see every proposal');
    expect(can.stateless).toEqual([]);
    const stored = new Y.Doc({ gc: false });
    for (const u of store.readUpdates('d1')) Y.applyUpdate(stored, u.data);
    expect(JSON.stringify(yDocToDoc(stored).toJSON())).toBe(expected);

    // Undoing every step (as Yjs's undo manager does in the editor) is accepted too, down to the original text.
    expect(undo.undoStack.length).toBe(e.docChanges());
    while (undo.undoStack.length > 0) undo.undo();
    const original = JSON.stringify(yDocToDoc(docToYDoc(fixture)).toJSON());
    expect(JSON.stringify(yDocToDoc(can.doc).toJSON())).toBe(original);
    await waitFor(() => JSON.stringify(yDocToDoc(chair.doc).toJSON()) === original, 10_000, 'the facilitator to see every proposal withdrawn');
    expect(can.stateless).toEqual([]);
  });
});
