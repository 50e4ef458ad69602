import type { Node } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { afterEach, describe, expect, it } from 'vitest';
import { admitEveryone } from '../../support/consultation-admit.js';
import { updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { openBackend } from '../../../electron/backend/index.js';
import { openStore } from '../../../electron/store/store.js';
import type { Handlers } from '../../../shared/api/contract.js';
import { proposeInsertion, setParagraphStatus } from '../../../shared/negotiation/index.js';
import { prosemirrorFragment, yDocToDoc } from '../../../shared/ydoc.js';
import type { Update } from '../backend/edits.js';
import { posAfter, tempDir, waitFor } from './peers.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** A backend and one renderer on it that keeps its own replica of `docId` once `open` ran, as the editor does. */
async function installation() {
  const dataDir = tempDir();
  const backend = await openBackend({ dataDir });
  cleanup.push(() => backend.close());
  const close = () => backend.close();
  let replica: Y.Doc | null = null;
  let docId = '';
  const { handlers } = backend.connect((event, payload) => {
    const p = payload as { id?: string; update?: Uint8Array };
    if (event === 'document.update' && replica && p.id === docId) Y.applyUpdate(replica, p.update!, 'backend');
  });
  return {
    handlers,
    dataDir,
    close,
    async open(id: string) {
      docId = id;
      const opened = await handlers['documents.open']({ id });
      await handlers['documents.subscribe']({ id });
      replica = new Y.Doc();
      Y.applyUpdate(replica, opened.state);
    },
    /** The editor's document now. */
    doc: () => yDocToDoc(replica!),
    /** Makes `edit` in the renderer's replica and sends its update, as the editor does. */
    async edit(edit: (state: EditorState) => Transaction | null) {
      const tr = edit(EditorState.create({ doc: yDocToDoc(replica!) }));
      if (!tr) throw new Error('the edit does not apply');
      const updates: Uint8Array[] = [];
      const listen = (u: Uint8Array) => updates.push(u);
      replica!.on('update', listen);
      replica!.transact(() => updateYFragment(replica!, prosemirrorFragment(replica!), tr.doc, { mapping: new Map(), isOMark: new Map() }));
      replica!.off('update', listen);
      await handlers['documents.applyUpdate']({ id: docId, update: Y.mergeUpdates(updates) as Update });
    },
  };
}

const stored = async (h: Handlers, id: string) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await h['documents.open']({ id })).state);
  return yDocToDoc(doc);
};
/** The position of the first paragraph (preambular or operative) whose text starts with `startsWith`. */
function paragraphPos(doc: Node, startsWith: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && /^(preambular|operative)_paragraph$/.test(node.type.name) && node.textContent.startsWith(startsWith)) found = pos;
    return found < 0;
  });
  if (found < 0) throw new Error(`no paragraph "${startsWith}"`);
  return found;
}
const statusOf = (doc: Node, startsWith: string) => {
  const pos = paragraphPos(doc, startsWith);
  return (doc.nodeAt(pos)!.attrs.status as { state?: string } | null)?.state ?? 'none';
};
const agree = (startsWith: string) => (state: EditorState) =>
  setParagraphStatus(state, paragraphPos(state.doc, startsWith), { state: 'agreed', by: 'CAN', at: '2026-01-01T00:00:00Z' });
const propose = (after: string, text: string) => (state: EditorState) => proposeInsertion(state, { delegation: 'CAN', text, pos: posAfter(state.doc, after) });

describe('a change the host refuses', () => {
  it('is taken back in the participant’s replica and store, the user is told, and every legitimate edit still converges', { timeout: 30_000 }, async () => {
    const host = await installation();
    const { id } = await host.handlers['documents.createFromTemplate']({ templateId: 'general-assembly-resolution', title: 'Refusals' });
    await host.open(id);
    const hosted = await host.handlers['consultation.host']({ docId: id, bind: '127.0.0.1', port: 0 });
    cleanup.push(admitEveryone(host.handlers));
    const can = await installation();
    const join = () => can.handlers['consultation.join']({ url: hosted.url, fingerprint: hosted.fingerprint, docId: id, code: hosted.joinCode, delegation: 'CAN', name: 'Li', role: 'delegation' });
    await join();
    await waitFor(async () => (await can.handlers['consultation.status']({})).state === 'connected', 5000, 'connected');
    await can.open(id);

    // Forbidden: a delegation agrees a paragraph, through its own replica (below any UI check).
    await can.edit(agree('Takes note'));
    await waitFor(async () => /refused/.test((await can.handlers['consultation.status']({})).lastError), 5000, 'the refusal told');
    const told = (await can.handlers['consultation.status']({})).lastError;
    expect(told).toMatch(/As CAN you may only make proposals in your own name: the host refused your change to the paragraph beginning "Takes note of the report/);
    expect(told).toMatch(/taken back/);
    await waitFor(async () => statusOf(await stored(can.handlers, id), 'Takes note') === 'none', 5000, 'the status taken back in the store');
    expect(statusOf(can.doc(), 'Takes note')).toBe('none');

    // A legitimate proposal online, then one made offline: both reach the host.
    await can.edit(propose('Encourages', ' ONLINE-PROPOSAL'));
    await waitFor(async () => (await stored(host.handlers, id)).textContent.includes('ONLINE-PROPOSAL'), 5000, 'the online proposal at the host');
    await can.handlers['consultation.leave']({});
    await can.edit(propose('Recalling', ' OFFLINE-PROPOSAL'));
    await join();
    await waitFor(async () => (await stored(host.handlers, id)).textContent.includes('OFFLINE-PROPOSAL'), 8000, 'the offline proposal at the host');

    const atHost = await stored(host.handlers, id);
    expect(statusOf(atHost, 'Takes note')).toBe('none');
    await waitFor(async () => JSON.stringify((await stored(can.handlers, id)).toJSON()) === JSON.stringify(atHost.toJSON()), 5000, 'both replicas equal');
    expect(JSON.stringify(can.doc().toJSON())).toBe(JSON.stringify(atHost.toJSON()));
    // The host's acknowledgement of the last update can arrive after the texts are equal.
    await waitFor(async () => (await can.handlers['consultation.status']({})).unsyncedChanges === 0, 5000, 'no unsynced change left');

    // History stays append-only: the refused change is still logged, and so is its taking back.
    await can.handlers['consultation.leave']({});
    const states = await statusAfterEachRow(can, id, 'Takes note');
    expect(states.indexOf('agreed')).toBeGreaterThan(0);
    expect(states.at(-1)).toBe('none');
  });

  it('made offline, it is taken back on reconnecting, also when it was allowed until the facilitator agreed the paragraph meanwhile', { timeout: 30_000 }, async () => {
    const host = await installation();
    const { id } = await host.handlers['documents.createFromTemplate']({ templateId: 'general-assembly-resolution', title: 'Offline refusals' });
    await host.open(id);
    const hosted = await host.handlers['consultation.host']({ docId: id, bind: '127.0.0.1', port: 0 });
    cleanup.push(admitEveryone(host.handlers));
    const can = await installation();
    const bra = await installation();
    const join = (who: Awaited<ReturnType<typeof installation>>, delegation: string) =>
      who.handlers['consultation.join']({ url: hosted.url, fingerprint: hosted.fingerprint, docId: id, code: hosted.joinCode, delegation, name: delegation, role: 'delegation' });
    await Promise.all([join(can, 'CAN'), join(bra, 'BRA')]);
    await can.open(id);
    await bra.open(id);
    await can.handlers['consultation.leave']({});

    // Offline: a proposal in a paragraph the facilitator is about to agree, words deleted
    // outside any proposal (never allowed), and a proposal elsewhere.
    await can.edit(propose('Noting with concern', ' LATE-PROPOSAL'));
    await can.edit((state) => {
      const from = posAfter(state.doc, ' the report') - ' report'.length;
      return state.tr.delete(from, from + ' report'.length);
    });
    await can.edit(propose('Encourages', ' KEPT-PROPOSAL'));
    await host.edit((state) =>
      setParagraphStatus(state, paragraphPos(state.doc, 'Noting with concern'), { state: 'agreed', by: 'MEX', at: '2026-01-01T00:00:00Z' }),
    );
    await waitFor(async () => statusOf(await stored(bra.handlers, id), 'Noting with concern') === 'agreed', 5000, 'the agreement at BRA');

    await join(can, 'CAN');
    await waitFor(async () => (await stored(host.handlers, id)).textContent.includes('KEPT-PROPOSAL'), 8000, 'the allowed proposal at the host');
    const atHost = await stored(host.handlers, id);
    expect(atHost.textContent).not.toContain('LATE-PROPOSAL');
    expect(atHost.textContent).toContain('Having considered the report of');
    expect(statusOf(atHost, 'Noting with concern')).toBe('agreed');
    for (const who of [can, bra]) {
      await waitFor(async () => JSON.stringify((await stored(who.handlers, id)).toJSON()) === JSON.stringify(atHost.toJSON()), 5000, 'replicas equal to the host');
      expect(JSON.stringify(who.doc().toJSON())).toBe(JSON.stringify(atHost.toJSON()));
    }
    const told = (await can.handlers['consultation.status']({})).lastError;
    expect(told).toMatch(/the host refused your change to the paragraph beginning "(Noting with concern|Having considered)/);
    expect(told).toMatch(/taken back in your copy, together with 1 other change the host would not accept; your other changes are kept and sent\./);
    expect((await bra.handlers['consultation.status']({})).lastError).toBe('');
  });
});

/** The status of the paragraph starting with `startsWith` after each row of the installation's log (its store read after the backend let go of it). */
async function statusAfterEachRow(who: Awaited<ReturnType<typeof installation>>, id: string, startsWith: string): Promise<string[]> {
  await who.close();
  const store = openStore({ dataDir: who.dataDir });
  try {
    const doc = new Y.Doc({ gc: false });
    return store.readUpdates(id).map((row) => (Y.applyUpdate(doc, row.data), statusOf(yDocToDoc(doc), startsWith)));
  } finally {
    store.close();
  }
}
