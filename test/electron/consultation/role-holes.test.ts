import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { afterEach, describe, expect, it } from 'vitest';
import { testHostOptions } from '../../support/host-tls.js';
import * as Y from 'yjs';
import { startHost } from '../../../electron/consultation/host.js';
import type { HostLimits } from '../../../electron/consultation/host-limits.js';
import type { Store } from '../../../electron/store/store.js';
import { attributeBracket, proposeInsertion } from '../../../shared/negotiation/index.js';
import { validateDocument } from '../../../shared/document/validate.js';
import { PROSEMIRROR_FRAGMENT, yDocToDoc } from '../../../shared/ydoc.js';
import { connectPeer, editAsEditor, posAfter, storeWithDocument, synced, textOf, waitFor, type Peer } from './peers.js';
import { messageText, type Message } from '../../../shared/i18n/message.js';

// Issue 13, point 3: each hole a tester's client found in the role check, sent by a stock
// provider of a delegation to a live host. Each must be refused (a penholder.refused naming
// why) and leave nothing in the store.

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function hosted(limits?: Partial<HostLimits>) {
  const { store, docs } = storeWithDocument('d1');
  const host = await startHost({ ...testHostOptions(), docs, docIds: ['d1'], bind: '127.0.0.1', port: 0, limits });
  cleanups.push(() => store.close(), () => host.stop());
  const delegate = async (delegation = 'CAN'): Promise<Peer> => {
    const p = connectPeer(host.url, 'd1', { code: host.joinCode, delegation, name: `${delegation} person`, role: 'delegation' });
    cleanups.push(() => p.destroy());
    await synced(p);
    return p;
  };
  return { host, store, delegate };
}

const stored = (store: Store) => {
  const ydoc = new Y.Doc({ gc: false });
  for (const u of store.readUpdates('d1')) Y.applyUpdate(ydoc, u.data);
  return ydoc;
};
const refusal = async (p: Peer): Promise<string> => {
  await waitFor(() => p.stateless.length > 0, 5000, 'a refusal');
  return (JSON.parse(p.stateless[0]!) as { reason: string }).reason;
};
// Edits settle: an accepted edit is in the store once the provider has no unsynced changes.
const settled = (p: Peer) => waitFor(() => !p.provider.hasUnsyncedChanges, 5000, 'the edit reaching the host');

const ownBracketPos = (doc: Node, text: string): number => {
  let found = -1;
  doc.descendants((n, p) => (found < 0 && n.type.name === 'bracket' && n.textContent.includes(text) ? ((found = p), false) : true));
  return found;
};
const bracket = (s: EditorState, id: string, proposedBy: string[], text: string) =>
  s.schema.nodes.bracket!.create({ id, proposedBy, supportedBy: [], opposedBy: [], revision: '', deletion: false }, s.schema.text(text));
// A new operative paragraph proposed whole by `by`, at the end of the operative part.
const ownParagraph = (s: EditorState, id: string, by: string, content: Node[]) => {
  let end = -1;
  s.doc.descendants((n, p) => (n.type.name === 'operative' ? ((end = p + n.nodeSize - 1), false) : true));
  const bracketAttr = { id: `pb-${id}`, proposedBy: [by], supportedBy: [], opposedBy: [], revision: '' };
  const para = s.schema.nodes.operative_paragraph!.create({ id, bracket: bracketAttr }, s.schema.nodes.paragraph_text!.create(null, content));
  return s.tr.insert(end, para);
};

describe('the role check closes the holes of issue 13', () => {
  it('refuses a bracket attributed to another delegation nested inside its own bracket', async () => {
    const { store, delegate } = await hosted();
    const can = await delegate();
    editAsEditor(can.doc, (s) => proposeInsertion(s, { delegation: 'CAN', text: ' all', pos: posAfter(s.doc, 'Encourages') }));
    await settled(can);
    editAsEditor(can.doc, (s) => s.tr.insert(ownBracketPos(s.doc, 'all') + 2, bracket(s, 'nested-usa', ['USA'], 'USA says')));
    expect(await refusal(can)).toMatch(/USA/);
    expect(textOf(stored(store))).not.toContain('USA says');
    expect(textOf(stored(store))).toContain('Encourages all');
  });

  it('refuses a bracket attributed to RUS inside its own new paragraph, and accepts the paragraph without it', async () => {
    const { store, delegate } = await hosted();
    const can = await delegate();
    editAsEditor(can.doc, (s) => ownParagraph(s, 'can-new-1', 'CAN', [s.schema.text('Calls upon '), bracket(s, 'nested-rus', ['RUS'], 'RUS words')]));
    expect(await refusal(can)).toMatch(/RUS/);
    expect(textOf(stored(store))).not.toContain('RUS words');
    const clean = await delegate();
    editAsEditor(clean.doc, (s) => ownParagraph(s, 'can-new-2', 'CAN', [s.schema.text('Calls upon all')]));
    await settled(clean);
    expect(textOf(stored(store))).toContain('Calls upon all');
  });

  it('refuses other delegations as supporters or opponents of its own bracket', async () => {
    const { store, delegate } = await hosted();
    const can = await delegate();
    editAsEditor(can.doc, (s) => proposeInsertion(s, { delegation: 'CAN', text: ' all', pos: posAfter(s.doc, 'Encourages') }));
    await settled(can);
    const before = store.readUpdates('d1').length;
    editAsEditor(can.doc, (s) => attributeBracket(s, { pos: ownBracketPos(s.doc, 'all'), role: 'supportedBy', delegations: ['USA', 'CHN'] }));
    expect(await refusal(can)).toMatch(/USA|CHN/);
    const other = await delegate();
    editAsEditor(other.doc, (s) => attributeBracket(s, { pos: ownBracketPos(s.doc, 'all'), role: 'opposedBy', delegations: ['RUS'] }));
    expect(await refusal(other)).toMatch(/RUS/);
    expect(store.readUpdates('d1').length).toBe(before);
  });

  it('refuses its own new paragraph reusing an existing id, so the document stays valid', async () => {
    const { store, delegate } = await hosted();
    const can = await delegate();
    editAsEditor(can.doc, (s) => ownParagraph(s, 'op1', 'CAN', [s.schema.text('Twin of OP 1')]));
    expect(await refusal(can)).toMatch(/"op1".*unique/);
    const doc = yDocToDoc(stored(store));
    expect(doc.textContent).not.toContain('Twin of OP 1');
    expect(() => validateDocument(doc.toJSON())).not.toThrow();
  });

  it('refuses an update that writes outside the document fragment (a Y.Map at the root)', async () => {
    const { store, delegate } = await hosted();
    const can = await delegate();
    can.doc.getMap('junk').set('blob', 'x'.repeat(1000));
    expect(await refusal(can)).toMatch(/outside the document.*"junk"/);
    // Our participant shows the same refusal in its interface language from the message beside the English.
    const { text } = JSON.parse(can.stateless[0]!) as { text: Message };
    expect(messageText(text, 'fr')).toBe('L’hôte a refusé votre modification\u00a0: elle écrit hors du document (un type partagé «\u00a0junk\u00a0» à la racine du Y.Doc)\u00a0; les modifications doivent rester dans le texte du document.');
    expect(stored(store).share.has('junk')).toBe(false);
  });

  it("refuses an attribute the schema does not know on another's paragraph, which the document would not show", async () => {
    const { store, delegate } = await hosted();
    const can = await delegate();
    const op = [...can.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).createTreeWalker((t) => t instanceof Y.XmlElement && t.nodeName === 'operative_paragraph')][0] as Y.XmlElement;
    const before = store.readUpdates('d1').length;
    op.setAttribute('stats', 'agreed-ad-ref');
    expect(await refusal(can)).toMatch(/"stats".*operative_paragraph does not have/);
    expect(store.readUpdates('d1').length).toBe(before);
  });

  it('refuses a text format that is no mark of the schema', async () => {
    const { store, delegate } = await hosted();
    const can = await delegate();
    const text = [...can.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).createTreeWalker((t) => t instanceof Y.XmlText)][0] as Y.XmlText;
    const before = store.readUpdates('d1').length;
    text.format(0, 3, { bogus: true });
    expect(await refusal(can)).toMatch(/text format "bogus"/);
    expect(store.readUpdates('d1').length).toBe(before);
  });
});

describe('sizes are capped, and the refusal names the cap', () => {
  const limits = { maxUpdateBytes: 20_000, maxAttributeBytes: 2_000, maxProposalChars: 5_000, maxDelegationBytes: 12_000 };

  it('refuses a proposal over maxProposalChars', async () => {
    const { store, delegate } = await hosted(limits);
    const can = await delegate();
    editAsEditor(can.doc, (s) => proposeInsertion(s, { delegation: 'CAN', text: ` ${'word '.repeat(1100)}`, pos: posAfter(s.doc, 'Encourages') }));
    expect(await refusal(can)).toMatch(/maxProposalChars/);
    expect(textOf(stored(store))).not.toContain('word word');
  });

  it('refuses an attribute over maxAttributeBytes', async () => {
    const { delegate } = await hosted(limits);
    const can = await delegate();
    editAsEditor(can.doc, (s) => proposeInsertion(s, { delegation: 'CAN', text: ' all', pos: posAfter(s.doc, 'Encourages') }));
    await settled(can);
    editAsEditor(can.doc, (s) => {
      const pos = ownBracketPos(s.doc, 'all');
      return s.tr.setNodeMarkup(pos, undefined, { ...s.doc.nodeAt(pos)!.attrs, revision: 'r'.repeat(2_100) });
    });
    expect(await refusal(can)).toMatch(/maxAttributeBytes/);
  });

  it('refuses an update over maxUpdateBytes', async () => {
    const { delegate } = await hosted(limits);
    const can = await delegate();
    editAsEditor(can.doc, (s) => ownParagraph(s, 'big-1', 'CAN', [s.schema.text('y'.repeat(21_000))]));
    expect(await refusal(can)).toMatch(/maxUpdateBytes/);
  });

  it("refuses a delegation's changes past maxDelegationBytes for the document", async () => {
    const { delegate } = await hosted(limits);
    const can = await delegate();
    for (let i = 0; i < 4 && can.stateless.length === 0; i++) {
      editAsEditor(can.doc, (s) => ownParagraph(s, `chunk-${i}`, 'CAN', [s.schema.text(`${i}`.repeat(4_000))]));
      await waitFor(() => !can.provider.hasUnsyncedChanges || can.stateless.length > 0, 5000);
    }
    expect(await refusal(can)).toMatch(/maxDelegationBytes/);
  });
});
