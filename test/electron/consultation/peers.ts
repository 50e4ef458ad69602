import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Node } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { updateYFragment } from 'y-prosemirror';
import { pinnedWebSocket } from '../../../electron/consultation/participant-tls.js';
import { signedTestToken, type Claim } from '../../support/join-keys.js';
import { testHostTls } from '../../support/host-tls.js';
import * as Y from 'yjs';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { createLiveDocuments, documentMeta, type LiveDocuments } from '../../../electron/backend/live-documents.js';
import { openStore, type Store } from '../../../electron/store/store.js';
import { docToYDoc, prosemirrorFragment, yDocToDoc } from '../../../shared/ydoc.js';

/**
 * Test helpers for consultations: a store holding the fixture resolution, stock Hocuspocus
 * providers in Node, and edits made the way the editor makes them (a ProseMirror
 * transaction written into the Y.Doc by y-prosemirror).
 */

const fixture = JSON.parse(fs.readFileSync(new URL('../../fixtures/backend-resolution.json', import.meta.url), 'utf8'));

/** A fresh data directory in the temp folder. */
export function tempDir(prefix = 'penholder-consult-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A store in a temp dir holding the fixture resolution as `docId`, and live documents over it. */
export function storeWithDocument(docId = 'd1', dataDir = tempDir()): { store: Store; docs: LiveDocuments; dataDir: string } {
  const store = openStore({ dataDir });
  const node = Node.fromJSON(resolutionSchema, fixture);
  store.createDocument({ id: docId, meta: documentMeta(node), update: Y.encodeStateAsUpdate(docToYDoc(node)), origin: 'template' });
  return { store, docs: createLiveDocuments(store), dataDir };
}

/** A stock provider connected to `url` for document `name` with `token`. */
export type Peer = { provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket; doc: Y.Doc; stateless: string[]; failures: string[]; destroy(): void };

/**
 * Connects a stock `@hocuspocus/provider` (ws polyfill pinned to the test certificate) with
 * the given token (`fingerprint`: the host's certificate, default the test one): a string as is, a claim object signed afresh for each connection as a
 * version-2 token by the test key of its identity (test/support/join-keys.ts).
 */
export function connectPeer(url: string, name: string, token: Record<string, unknown> | string, fingerprint = testHostTls().fingerprint): Peer {
  const doc = new Y.Doc({ gc: false });
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: pinnedWebSocket(fingerprint), maxAttempts: 0, minDelay: 50, maxDelay: 500 });
  const stateless: string[] = [];
  const failures: string[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token: typeof token === 'string' ? token : () => signedTestToken(token as Claim, name, undefined, fingerprint),
    onStateless: ({ payload }) => stateless.push(payload),
    onAuthenticationFailed: ({ reason }) => failures.push(reason),
  });
  provider.attach();
  return {
    provider,
    socket,
    doc,
    stateless,
    failures,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Resolves when `check` holds, polling every 20 ms; rejects after `ms`. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves once the provider finished its first sync. */
export function synced(peer: Peer, ms = 5000): Promise<void> {
  return waitFor(() => peer.provider.isSynced, ms, 'first sync');
}

/** The text of a Y.Doc's ProseMirror document ('' when it holds none). */
export function textOf(ydoc: Y.Doc): string {
  return prosemirrorFragment(ydoc).length === 0 ? '' : yDocToDoc(ydoc).textContent;
}

/**
 * Runs `edit` on the document a Y.Doc holds, as the editor would, and writes the result
 * back with y-prosemirror. Throws when `edit` returns null (the action does not apply).
 */
export function editAsEditor(ydoc: Y.Doc, edit: (state: EditorState) => Transaction | null): void {
  const state = EditorState.create({ doc: yDocToDoc(ydoc) });
  const tr = edit(state);
  if (!tr) throw new Error('the edit does not apply here');
  ydoc.transact(() => updateYFragment(ydoc, prosemirrorFragment(ydoc), tr.doc, { mapping: new Map(), isOMark: new Map() }));
}

/** The position just after the first occurrence of `text` in `doc`. */
export function posAfter(doc: Node, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + text.length;
    return true;
  });
  if (found < 0) throw new Error(`no "${text}" in the document`);
  return found;
}
