import fs from 'node:fs';
import path from 'node:path';
import { EditorState } from 'prosemirror-state';
import { afterEach, describe, expect, it } from 'vitest';
import { admitEveryone } from '../../support/consultation-admit.js';
import { testHostOptions } from '../../support/host-tls.js';
import * as Y from 'yjs';
import { openBackend, type Backend } from '../../../electron/backend/index.js';
import { startHost } from '../../../electron/consultation/host.js';
import type { EventName, Handlers } from '../../../shared/api/contract.js';
import { newId } from '../../../shared/ids.js';
import { negotiationBaseOf, readNegotiationBase } from '../../../shared/negotiation/negotiation-base.js';
import { documentStableLabels } from '../../../shared/negotiation/stable-numbering.js';
import { yDocToDoc } from '../../../shared/ydoc.js';
import { numberingKey, numberingPlugin } from '../../../renderer/editor/numbering-plugin.js';
import { replicaOf } from '../backend/edits.js';
import { act, paragraphPos } from '../backend/negotiation-edits.js';
import { connectPeer, editAsEditor, storeWithDocument, synced, tempDir, waitFor, type Peer } from './peers.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const fixture = fs.readFileSync(path.join(__dirname, '../../fixtures/negotiation/ga-third-committee-rev1.txt'), 'utf8');

async function backend(): Promise<{ handlers: Handlers; received: EventName[]; backend: Backend }> {
  const b = await openBackend({ dataDir: tempDir() });
  cleanup.push(() => b.close());
  const received: EventName[] = [];
  const { handlers } = b.connect((event) => received.push(event));
  return { handlers, received, backend: b };
}

// The OP labels an editor shows for `ydoc`'s document (its numbering plugin, as on the page).
const pageLabels = (ydoc: Y.Doc) => {
  const state = EditorState.create({ doc: yDocToDoc(ydoc), plugins: [numberingPlugin()] });
  return numberingKey
    .getState(state)!
    .numbering.entries.filter((e) => e.kind === 'op')
    .map((e) => e.label);
};

describe('the negotiation base in a consultation', () => {
  it('reaches a delegation’s replica with the text, so it shows the facilitator’s stable numbers', async () => {
    const host = await backend();
    await host.handlers['profile.set']({ name: 'Chair', delegation: 'MEX' });
    const [summary] = (await host.handlers['documents.importText']({ text: fixture })).documents;
    const id = summary!.id;
    await host.handlers['documents.subscribe']({ id });
    const hosted = await host.handlers['consultation.host']({ docId: id, bind: '127.0.0.1', port: 0 });
    cleanup.push(admitEveryone(host.handlers));

    const can = await backend();
    await can.handlers['consultation.join']({ url: hosted.url, fingerprint: hosted.fingerprint, code: hosted.joinCode, delegation: 'CAN', name: 'Delegate', role: 'delegation' });
    await can.handlers['documents.subscribe']({ id });

    // The facilitator starts negotiation on Rev.1, then inserts a paragraph after OP 1.
    await host.handlers['negotiation.setBase']({ docId: id, label: 'Rev.1' });
    const atHost = replicaOf((await host.handlers['documents.open']({ id })).state);
    await act(
      (update) => host.handlers['documents.applyUpdate']({ id, update }),
      atHost,
      (s) => {
        const pos = paragraphPos(s.doc, 'Welcomes');
        const { operative_paragraph: op, paragraph_text: text } = s.schema.nodes;
        return s.tr.insert(pos + s.doc.nodeAt(pos)!.nodeSize, op!.create({ id: newId() }, text!.create(null, s.schema.text('Also welcomes civil society;'))));
      },
    );

    const participant = async () => replicaOf((await can.handlers['documents.open']({ id })).state);
    await waitFor(async () => yDocToDoc(await participant()).textContent.includes('Also welcomes civil society'), 5000, 'the insertion at the participant');
    const replica = await participant();
    expect(readNegotiationBase(yDocToDoc(replica))).toMatchObject({ label: 'Rev.1' });
    expect(pageLabels(replica)).toEqual(pageLabels(replicaOf((await host.handlers['documents.open']({ id })).state)));
    expect(pageLabels(replica).slice(0, 3)).toEqual(['1.', '1 bis.', '2.']);
    const stable = documentStableLabels(yDocToDoc(replica))!;
    expect([...stable.values()].filter((l) => l.startsWith('OP')).slice(0, 3)).toEqual(['OP 1', 'OP 1 bis', 'OP 2']);
    // The participant's store has no Rev.1: it still knows the document is in negotiation from the text.
    expect((await can.handlers['negotiation.base']({ docId: id })).revision).toBeNull();

    // The delegation cannot change the base from its own backend (the host would refuse it).
    await expect(can.handlers['negotiation.setBase']({ docId: id })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(can.handlers['negotiation.issueClean']({ docId: id, label: 'Rev.2' })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(readNegotiationBase(yDocToDoc(await participant()))).toMatchObject({ label: 'Rev.1' });

    // Stopping negotiation reaches the participant too.
    await host.handlers['negotiation.setBase']({ docId: id });
    await waitFor(async () => readNegotiationBase(yDocToDoc(await participant())) === null, 5000, 'the end of negotiation at the participant');
    expect(pageLabels(await participant()).slice(0, 3)).toEqual(['1.', '2.', '3.']);
  });

  it('refuses a delegation’s update that changes the base, and accepts a facilitator’s', async () => {
    const { store, docs } = storeWithDocument('d1');
    const host = await startHost({ ...testHostOptions(), docs, docIds: ['d1'], bind: '127.0.0.1', port: 0 });
    cleanup.push(() => store.close(), () => host.stop());
    const peer = (role: string, delegation: string): Peer => {
      const p = connectPeer(host.url, 'd1', { code: role === 'facilitator' ? host.facilitatorCode : host.joinCode, delegation, name: `${delegation} person`, role });
      cleanup.push(() => p.destroy());
      return p;
    };
    const can = peer('delegation', 'CAN');
    const chair = peer('facilitator', 'MEX');
    await Promise.all([synced(can), synced(chair)]);
    const before = store.readUpdates('d1').length;
    const setBase = (label: string) => (state: EditorState) => state.tr.setNodeAttribute(0, 'negotiation', negotiationBaseOf(`rev-${label}`, label, state.doc));

    editAsEditor(can.doc, setBase('Rev.9'));
    await waitFor(() => can.stateless.length > 0, 3000, 'refusal');
    expect(JSON.parse(can.stateless[0]!)).toMatchObject({ type: 'penholder.refused' });
    await new Promise((r) => setTimeout(r, 300));
    expect(store.readUpdates('d1').length).toBe(before);
    expect(readNegotiationBase(yDocToDoc(chair.doc))).toBeNull();

    editAsEditor(chair.doc, setBase('Rev.1'));
    await waitFor(() => store.readUpdates('d1').length > before, 3000, 'the facilitator’s base stored');
    expect(store.readUpdates('d1').at(-1)).toMatchObject({ origin: 'remote', delegation: 'MEX' });
    expect(chair.stateless).toEqual([]);
  });
});
