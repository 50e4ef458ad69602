import type { Node } from 'prosemirror-model';
import { ApiError, type CleanTextIssued, type Handlers, type RevisionKind, type RevisionSummary } from '../../shared/api/contract.js';
import { NegotiationError } from '../../shared/negotiation/paragraph-ops.js';
import { issueCleanText } from '../../shared/negotiation/stable-numbering.js';
import { yDocToDoc } from '../../shared/ydoc.js';
import type { BackendContext } from './handlers.js';
import { broadcast } from './handlers.js';
import { indexRevisions } from './negotiation-handlers.js';
import { docAtSnapshot } from './revision-content.js';
import { changeTo } from './revision-handlers.js';

type BaseChannels = 'negotiation.base' | 'negotiation.setBase' | 'negotiation.issueClean';

/**
 * Handlers of stable numbering in negotiation: which revision a document is in negotiation
 * on (its base, kept in the store), putting it in or out of negotiation, and "Issue clean
 * text". Issuing takes the current text and the base, runs `issueCleanText`
 * (shared/negotiation/stable-numbering.ts), applies the clean text the way a restore does (one
 * change turning the current content into it, so the log and every earlier revision are
 * kept), names a revision of it and makes that the new base. Subscribers hear of a new base
 * through 'revisions.changed'.
 */
export function createNegotiationBaseHandlers(ctx: BackendContext): Pick<Handlers, BaseChannels> {
  const { store, docs, autosave } = ctx;
  const ready = (docId: string) => {
    ctx.assertOpen();
    if (!store.getDocument(docId)) throw new ApiError('not-found', `There is no document with id ${docId}.`);
  };
  const author = () => {
    const p = store.getProfile();
    return { author: p.name, delegation: p.delegation };
  };
  // A base whose revision is gone or belongs elsewhere counts as none.
  const baseOf = (docId: string): RevisionSummary | null => {
    const id = store.getNegotiationBase(docId);
    const revision = id === undefined ? undefined : store.getRevision(id);
    return revision && revision.docId === docId ? revision : null;
  };
  const announce = (docId: string) => broadcast(ctx, 'revisions.changed', { docId }, (c) => c.subscriptions.has(docId));
  const nameRevision = (docId: string, kind: Exclude<RevisionKind, 'autosave'>, label: string): RevisionSummary => {
    const revision = store.createRevision({ docId, kind, label, ...author() });
    indexRevisions(ctx, docId);
    autosave.afterRevision(docId);
    return revision;
  };
  const revisionNode = (docId: string, revisionId: string): Node => {
    const snapshot = store.readRevisionSnapshot(revisionId);
    if (!snapshot) throw new ApiError('not-found', `There is no revision ${revisionId}.`);
    return docs.use(docId, (doc) => docAtSnapshot(doc.ydoc, snapshot));
  };

  return {
    'negotiation.base': async ({ docId }) => {
      ready(docId);
      return { revision: baseOf(docId) };
    },
    'negotiation.setBase': async ({ docId, revisionId, label }) => {
      ready(docId);
      let revision: RevisionSummary | null = null;
      if (revisionId !== undefined) {
        revision = store.getRevision(revisionId) ?? null;
        if (!revision || revision.docId !== docId) throw new ApiError('not-found', `Document ${docId} has no revision ${revisionId}.`);
      } else if (label !== undefined) {
        revision = nameRevision(docId, 'revision', label);
      }
      store.setNegotiationBase(docId, revision?.id ?? null);
      announce(docId);
      return { revision };
    },
    'negotiation.issueClean': async ({ docId, label, kind }): Promise<CleanTextIssued> => {
      ready(docId);
      const base = baseOf(docId);
      const current = docs.use(docId, (doc) => yDocToDoc(doc.ydoc));
      let issued: ReturnType<typeof issueCleanText>;
      try {
        issued = issueCleanText(current, base ? revisionNode(docId, base.id) : current);
      } catch (err) {
        if (err instanceof NegotiationError) throw new ApiError('invalid-argument', `The clean text cannot be issued: ${err.message}.`);
        throw err;
      }
      // The text as it stood before the clean text stays reachable from the time slider.
      autosave.ensurePoint(docId);
      const update = docs.use(docId, (doc) => changeTo(doc.ydoc, issued.doc));
      if (update) {
        const { metaChanged } = docs.apply(docId, update, 'local', author());
        broadcast(ctx, 'document.update', { id: docId, update }, (c) => c.subscriptions.has(docId));
        if (metaChanged) broadcast(ctx, 'documents.changed', { ids: [docId] }, () => true);
      }
      const revision = nameRevision(docId, kind ?? 'revision', label);
      store.setNegotiationBase(docId, revision.id);
      announce(docId);
      return { revision, table: issued.table };
    },
  };
}
