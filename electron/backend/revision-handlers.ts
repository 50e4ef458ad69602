import * as Y from 'yjs';
import { Node } from 'prosemirror-model';
import { updateYFragment } from 'y-prosemirror';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { ApiError, type Handlers, type RevisionSummary } from '../../shared/api/contract.js';
import { withFreshIds, type JsonNode } from '../../shared/ids.js';
import { readNegotiationBase, withNegotiationBase } from '../../shared/negotiation/negotiation-base.js';
import { docToYDoc, prosemirrorFragment, yDocToDoc } from '../../shared/ydoc.js';
import type { Autosave } from './autosave.js';
import type { BackendContext, Connection } from './context.js';
import { broadcast } from './context.js';
import { indexRevisions } from './negotiation-handlers.js';
import { docAtSnapshot } from './revision-content.js';
import { msg } from '../../shared/i18n/message.js';

/** The channels of profiles, revisions and history. */
type RevisionChannels =
  | 'profile.get'
  | 'profile.set'
  | 'preferences.get'
  | 'preferences.set'
  | 'settings.get'
  | 'settings.set'
  | 'revisions.list'
  | 'revisions.create'
  | 'revisions.open'
  | 'revisions.restore'
  | 'revisions.newDocument'
  | 'revisions.lastViewed'
  | 'revisions.markViewed'
  | 'history.list'
  | 'history.authors';

/** What the revision handlers need besides the shared context. */
export type RevisionDeps = {
  autosave: Autosave;
  /** Creates a document from a ProseMirror node (as the document handlers do) and announces it. */
  createDocument(node: Node, title: string | undefined): ReturnType<Handlers['revisions.newDocument']> extends Promise<infer R> ? R : never;
};

/**
 * Handlers for profiles, revisions and history, for one connection. Every change is made
 * by the local profile (author and delegation). A revision is read from the document's
 * full Y.Doc at its snapshot (revision-content.ts, electron/store/revisions.ts) and
 * `revisions.open` returns it as a fresh Yjs state of that content; restoring appends one
 * update of origin 'restore' that turns the current content into the revision's, so the log
 * keeps everything and every earlier revision still opens.
 */
export function createRevisionHandlers(ctx: BackendContext, conn: Connection, deps: RevisionDeps): Pick<Handlers, RevisionChannels> {
  const { store, docs } = ctx;
  const { autosave } = deps;
  const guard = <A, R>(fn: (args: A) => R) => async (args: A): Promise<R> => {
    ctx.assertOpen();
    return fn(args);
  };
  const mustExist = (docId: string) => {
    if (!store.getDocument(docId)) throw new ApiError('not-found', msg('backend:store.noDocument', { id: docId }));
  };
  const revisionOf = (docId: string, revisionId: string): RevisionSummary => {
    mustExist(docId);
    const revision = store.getRevision(revisionId);
    if (!revision || revision.docId !== docId) throw new ApiError('not-found', msg('backend:api.noRevisionOf', { id: docId, revision: revisionId }));
    return revision;
  };
  const author = () => {
    const p = store.getProfile();
    return { author: p.name, delegation: p.delegation };
  };
  const announceRevisions = (docId: string) => broadcast(ctx, 'revisions.changed', { docId }, (c) => c.subscriptions.has(docId));
  // The revision's content, read from the full document at the revision's snapshot.
  const revisionNode = (docId: string, revisionId: string): Node => {
    const snapshot = store.readRevisionSnapshot(revisionId);
    if (!snapshot) throw new ApiError('not-found', msg('backend:store.noRevision', { revision: revisionId }));
    return docs.use(docId, (doc) => docAtSnapshot(doc.ydoc, snapshot));
  };

  return {
    'profile.get': guard(() => store.getProfile()),
    'profile.set': guard((profile) => store.setProfile(profile)),
    'preferences.get': guard(() => store.getPreferences()),
    'preferences.set': guard((preferences) => store.setPreferences(preferences)),
    'settings.get': guard(({ key }) => ({ key, value: store.getUiSetting(key) })),
    'settings.set': guard(({ key, value }) => {
      store.setUiSetting(key, value);
      return { key, value };
    }),
    'revisions.list': guard(({ docId }) => {
      mustExist(docId);
      return store.listRevisions(docId);
    }),
    'revisions.create': guard(({ docId, kind, label }) => {
      mustExist(docId);
      const revision = store.createRevision({ docId, kind, label, ...author() });
      indexRevisions(ctx, docId);
      announceRevisions(docId);
      autosave.afterRevision(docId);
      return revision;
    }),
    'revisions.open': guard(({ docId, revisionId }) => {
      const revision = revisionOf(docId, revisionId);
      const ydoc = docToYDoc(revisionNode(docId, revisionId));
      try {
        return { revision, state: Y.encodeStateAsUpdate(ydoc) };
      } finally {
        ydoc.destroy();
      }
    }),
    'revisions.restore': guard(({ docId, revisionId }) => {
      revisionOf(docId, revisionId);
      // Restoring a text does not end or change a negotiation: the current base is kept.
      const base = docs.use(docId, (doc) => readNegotiationBase(yDocToDoc(doc.ydoc)));
      const target = withNegotiationBase(revisionNode(docId, revisionId), base);
      autosave.ensurePoint(docId);
      const update = docs.use(docId, (doc) => changeTo(doc.ydoc, target));
      if (!update) return { summary: store.getDocument(docId)! };
      // The live replica already holds the change; apply() validates it and logs it durably.
      const { summary, metaChanged } = docs.apply(docId, update, 'restore', author());
      broadcast(ctx, 'document.update', { id: docId, update }, (c) => c.subscriptions.has(docId));
      if (metaChanged) broadcast(ctx, 'documents.changed', { ids: [docId] }, () => true);
      announceRevisions(docId);
      return { summary };
    }),
    'revisions.newDocument': guard(({ docId, revisionId, title }) => {
      revisionOf(docId, revisionId);
      const json = withFreshIds(revisionNode(docId, revisionId).toJSON() as JsonNode);
      return deps.createDocument(Node.fromJSON(resolutionSchema, json), title);
    }),
    'revisions.lastViewed': guard(({ docId }) => {
      mustExist(docId);
      const p = store.getProfile();
      const revision = store.lastViewed(docId, p) ?? null;
      return { revision, changedSince: revision !== null && store.lastSeq(docId) > revision.seq };
    }),
    'revisions.markViewed': guard(({ docId }) => {
      mustExist(docId);
      const revision = autosave.currentPoint(docId);
      store.markViewed(docId, store.getProfile(), revision.id);
      return revision;
    }),
    'history.list': guard(({ docId }) => {
      mustExist(docId);
      return store.readHistory(docId);
    }),
    'history.authors': guard(({ docId }) => {
      mustExist(docId);
      return store.readClientAuthors(docId);
    }),
  };
}

/**
 * The one Yjs update that turns `ydoc`'s content into `target` (applied to `ydoc` already),
 * or undefined when nothing changed. y-prosemirror's own diffing update keeps unchanged
 * paragraphs' Yjs items, so a restore is a small change and other people's concurrent edits
 * to untouched paragraphs survive.
 */
export function changeTo(ydoc: Y.Doc, target: Node): Uint8Array | undefined {
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u);
  ydoc.on('update', capture);
  try {
    ydoc.transact(() => updateYFragment(ydoc, prosemirrorFragment(ydoc), target, { mapping: new Map(), isOMark: new Map() }), 'restore');
  } finally {
    ydoc.off('update', capture);
  }
  return update;
}
