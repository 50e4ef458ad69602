import fs from 'node:fs';
import fc from 'fast-check';
import { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkDelegationChange } from '../../../electron/consultation/role-check.js';
import { takeBackRefused } from '../../../electron/consultation/take-back.js';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { proposeDeletion, proposeInsertion, setParagraphStatus } from '../../../shared/negotiation/index.js';
import { docToYDoc, yDocToDoc } from '../../../shared/ydoc.js';
import { editAsEditor } from './peers.js';

const fixture = Node.fromJSON(resolutionSchema, JSON.parse(fs.readFileSync(new URL('../../fixtures/backend-resolution.json', import.meta.url), 'utf8')));

/** Positions of every paragraph that can carry a status, and of every paragraph text's inside. */
function places(doc: Node): { paragraphs: number[]; texts: { from: number; to: number }[] } {
  const paragraphs: number[] = [];
  const texts: { from: number; to: number }[] = [];
  doc.forEach((section, offset) => {
    section.forEach((child, inner) => {
      if (/_paragraph$/.test(child.type.name)) paragraphs.push(offset + 1 + inner);
    });
  });
  doc.descendants((node, pos) => {
    if (node.type.name === 'paragraph_text' && node.content.size > 2) texts.push({ from: pos + 1, to: pos + 1 + node.content.size });
    return true;
  });
  return { paragraphs, texts };
}

type Act = { what: 'propose' | 'proposeDeletion' | 'agree' | 'deleteText' | 'typePlain'; a: number; b: number };

// One edit of a delegation on `state`: allowed (proposals) or not (status, plain text). Null when it does not apply there.
function edit(act: Act, state: EditorState): Transaction | null {
  const { paragraphs, texts } = places(state.doc);
  const text = texts[act.a % texts.length]!;
  const at = text.from + (act.b % (text.to - text.from));
  const pick = (from: number) => Math.min(text.to, from + 1 + (act.b % 5));
  switch (act.what) {
    case 'propose':
      return proposeInsertion(state, { delegation: 'CAN', text: ` p${act.b % 100}`, pos: at });
    case 'proposeDeletion':
      return proposeDeletion(state, { delegation: 'CAN', from: at, to: pick(at) });
    case 'agree':
      return setParagraphStatus(state, paragraphs[act.a % paragraphs.length]!, { state: 'agreed', by: 'CAN', at: '2026-01-01T00:00:00Z' });
    case 'deleteText':
      return state.doc.resolve(at).parent === state.doc.resolve(pick(at)).parent ? state.tr.delete(at, pick(at)) : null;
    case 'typePlain':
      return state.tr.insertText('zz', at);
  }
}

// The delegation's replica (a copy of the host's), its own updates in order, and the host's document.
function session(acts: Act[], hostAgrees: number | null) {
  const host = docToYDoc(fixture);
  const replica = new Y.Doc({ gc: false });
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(host));
  const own: Uint8Array[] = [];
  replica.on('update', (u: Uint8Array, origin: unknown) => origin !== 'host' && own.push(u));
  let forbidden = 0;
  for (const act of acts) {
    const before = yDocToDoc(replica);
    try {
      editAsEditor(replica, (state) => edit(act, state));
    } catch {
      continue; // the edit does not apply at that place
    }
    if (!checkDelegationChange(before, yDocToDoc(replica), 'CAN').ok) forbidden++;
  }
  if (hostAgrees !== null) {
    // The facilitator agrees a paragraph at the host meanwhile; the replica has heard of it.
    const sv = Y.encodeStateVector(host);
    editAsEditor(host, (state) => {
      const { paragraphs } = places(state.doc);
      return setParagraphStatus(state, paragraphs[hostAgrees % paragraphs.length]!, { state: 'agreed', by: 'MEX', at: '2026-01-02T00:00:00Z' });
    });
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(host, sv), 'host');
  }
  return { host, replica, own, forbidden };
}

const act = fc.record({
  what: fc.constantFrom<Act['what']>('propose', 'propose', 'proposeDeletion', 'agree', 'deleteText', 'typePlain'),
  a: fc.nat(1000),
  b: fc.nat(1000),
});

describe('taking back what the host refused', () => {
  it('leaves a replica whose changes, refused ones and the taking back sent together, the host accepts and converges on', () => {
    fc.assert(
      fc.property(fc.array(act, { minLength: 1, maxLength: 8 }), fc.option(fc.nat(50)), (acts, hostAgrees) => {
        const { host, replica, own, forbidden } = session(acts, hostAgrees);
        const { update, reasons } = takeBackRefused(replica, Y.encodeSnapshot(Y.snapshot(host)), own, 'CAN');
        // (A concurrent agreement of the same paragraph at the host may supersede a refused status change.)
        if (forbidden > 0 && hostAgrees === null) expect(reasons.length).toBeGreaterThan(0);
        if (forbidden === 0 && hostAgrees === null) expect(update).toBeNull();
        if (update) Y.applyUpdate(replica, update);
        // What the next sync sends: everything the host lacks, as one update, judged as the host does.
        const atHost = new Y.Doc({ gc: false });
        Y.applyUpdate(atHost, Y.encodeStateAsUpdate(host));
        Y.applyUpdate(atHost, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(host)));
        expect(checkDelegationChange(yDocToDoc(host), yDocToDoc(atHost), 'CAN')).toEqual({ ok: true });
        expect(yDocToDoc(atHost).eq(yDocToDoc(replica))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('takes back only what the rule refuses: proposals made before and after a refused change are kept', () => {
    const acts: Act[] = [
      { what: 'propose', a: 0, b: 3 },
      { what: 'agree', a: 5, b: 0 },
      { what: 'propose', a: 2, b: 7 },
    ];
    const { host, replica, own } = session(acts, null);
    const { update, reasons } = takeBackRefused(replica, Y.encodeSnapshot(Y.snapshot(host)), own, 'CAN');
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/As CAN you may only make proposals in your own name/);
    Y.applyUpdate(replica, update!);
    const doc = yDocToDoc(replica);
    expect(JSON.stringify(doc.toJSON())).not.toContain('"agreed"');
    expect(doc.textContent).toContain(' p3');
    expect(doc.textContent).toContain(' p7');
  });

  it('needs no change when the host refused nothing of the rule', () => {
    const { host, replica, own } = session([{ what: 'propose', a: 1, b: 1 }], 3);
    expect(takeBackRefused(replica, Y.encodeSnapshot(Y.snapshot(host)), own, 'CAN')).toEqual({ update: null, reasons: [] });
  });
});
