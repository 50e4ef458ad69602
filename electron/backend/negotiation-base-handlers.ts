import type { Node } from 'prosemirror-model';
import { ApiError, type CleanTextIssued, type Handlers, type RevisionKind, type RevisionSummary } from '../../shared/api/contract.js';
import { NegotiationError } from '../../shared/negotiation/paragraph-ops.js';
import { negotiationBaseOf, readNegotiationBase, withNegotiationBase, type NegotiationBaseAttr } from '../../shared/negotiation/negotiation-base.js';
import { issueCleanText } from '../../shared/negotiation/stable-numbering.js';
import { yDocToDoc } from '../../shared/ydoc.js';
import type { BackendContext } from './context.js';
import { broadcast } from './context.js';
import { indexRevisions } from './negotiation-handlers.js';
import { docAtSnapshot } from './revision-content.js';
import { changeTo } from './revision-handlers.js';
import { causeValue, msg } from '../../shared/i18n/message.js';

type BaseChannels = 'negotiation.base' | 'negotiation.setBase' | 'negotiation.issueClean';

// The name a base shows ("In negotiation on Rev.1"); an autosave point has no label.
const baseName = (revision: RevisionSummary): string => revision.label.trim() || (revision.kind === 'autosave' ? 'an autosave point' : revision.kind);

/**
 * Handlers of stable numbering in negotiation: which revision a document is in negotiation
 * on, putting it in or out of negotiation, and "Issue clean text". The base is part of the
 * document: the header's `negotiation` attribute (shared/negotiation/negotiation-base.ts),
 * written here as one local change with the profile as author, so it is logged, validated,
 * sent to a consultation's other replicas (checked there by the role check: only a
 * facilitator may change the header) and read by every replica's editor alike. Issuing takes
 * the current text, runs `issueCleanText` against the base it carries, applies the clean text
 * the way a restore does (one change, so the log and every earlier revision are kept), names a
 * revision of it and makes that the new base (a second change). A base kept by an older
 * version in this installation's settings is moved into the document on first use
 * (`negotiation.base`, which the document view asks when it opens a document). Subscribers
 * hear of a new base through 'document.update' and 'revisions.changed'.
 */
export function createNegotiationBaseHandlers(ctx: BackendContext): Pick<Handlers, BaseChannels> {
  const { store, docs, autosave } = ctx;
  const ready = (docId: string) => {
    ctx.assertOpen();
    if (!store.getDocument(docId)) throw new ApiError('not-found', msg('backend:store.noDocument', { id: docId }));
  };
  // In a consultation joined as a delegation or observer the host refuses any change to the
  // header, so the base is not changed locally either (the replica would diverge from the room).
  const joinedRole = (docId: string) => {
    const joined = ctx.consultation?.status();
    return joined && joined.docId === docId && joined.role !== null && joined.role !== 'facilitator' ? joined.role : null;
  };
  const mayChangeBase = (docId: string) => {
    const role = joinedRole(docId);
    if (role) throw new ApiError('unauthorized', msg('backend:negotiation.onlyFacilitator', { role: msg(`backend:role.${role}`) }));
  };
  const author = () => {
    const p = store.getProfile();
    return { author: p.name, delegation: p.delegation };
  };
  const current = (docId: string): Node => docs.use(docId, (doc) => yDocToDoc(doc.ydoc));
  // The revision of a base as this installation knows it: null when it is not in its store
  // (a participant's replica of a base set by the host), though the document is in negotiation.
  const revisionOfBase = (docId: string, base: NegotiationBaseAttr | null): RevisionSummary | null => {
    const revision = base ? store.getRevision(base.revisionId) : undefined;
    return revision && revision.docId === docId ? revision : null;
  };
  const announce = (docId: string) => broadcast(ctx, 'revisions.changed', { docId }, (c) => c.subscriptions.has(docId));
  // Turns the live document into `target` as one logged change and tells subscribers.
  const change = (docId: string, target: Node) => {
    const update = docs.use(docId, (doc) => changeTo(doc.ydoc, target));
    if (!update) return;
    const { metaChanged } = docs.apply(docId, update, 'local', author());
    broadcast(ctx, 'document.update', { id: docId, update }, (c) => c.subscriptions.has(docId));
    if (metaChanged) broadcast(ctx, 'documents.changed', { ids: [docId] }, () => true);
  };
  const nameRevision = (docId: string, kind: Exclude<RevisionKind, 'autosave'>, label: string): RevisionSummary => {
    const revision = store.createRevision({ docId, kind, label, ...author() });
    indexRevisions(ctx, docId);
    autosave.afterRevision(docId);
    return revision;
  };
  const revisionNode = (docId: string, revisionId: string): Node => {
    const snapshot = store.readRevisionSnapshot(revisionId);
    if (!snapshot) throw new ApiError('not-found', msg('backend:store.noRevision', { revision: revisionId }));
    return docs.use(docId, (doc) => docAtSnapshot(doc.ydoc, snapshot));
  };
  const setBase = (docId: string, revision: RevisionSummary | null) => {
    const base = revision ? negotiationBaseOf(revision.id, baseName(revision), revisionNode(docId, revision.id)) : null;
    const now = current(docId);
    const next = withNegotiationBase(now, base);
    if (next !== now) change(docId, next);
    store.setNegotiationBase(docId, null);
  };
  // A base an older version kept in the settings becomes the document's, once.
  const migrate = (docId: string) => {
    const kept = store.getNegotiationBase(docId);
    if (kept === undefined) return;
    const revision = store.getRevision(kept);
    if (readNegotiationBase(current(docId)) === null && revision && revision.docId === docId && !joinedRole(docId)) setBase(docId, revision);
    else store.setNegotiationBase(docId, null);
  };

  return {
    'negotiation.base': async ({ docId }) => {
      ready(docId);
      migrate(docId);
      return { revision: revisionOfBase(docId, readNegotiationBase(current(docId))) };
    },
    'negotiation.setBase': async ({ docId, revisionId, label }) => {
      ready(docId);
      mayChangeBase(docId);
      let revision: RevisionSummary | null = null;
      if (revisionId !== undefined) {
        revision = store.getRevision(revisionId) ?? null;
        if (!revision || revision.docId !== docId) throw new ApiError('not-found', msg('backend:api.noRevisionOf', { id: docId, revision: revisionId }));
      } else if (label !== undefined) {
        revision = nameRevision(docId, 'revision', label);
      }
      setBase(docId, revision);
      announce(docId);
      return { revision };
    },
    'negotiation.issueClean': async ({ docId, label, kind }): Promise<CleanTextIssued> => {
      ready(docId);
      mayChangeBase(docId);
      migrate(docId);
      let issued: ReturnType<typeof issueCleanText>;
      try {
        issued = issueCleanText(current(docId));
      } catch (err) {
        if (err instanceof NegotiationError) throw new ApiError('invalid-argument', msg('backend:negotiation.cleanTextRefused', { cause: causeValue(err) }));
        throw err;
      }
      // The text as it stood before the clean text stays reachable from the time slider.
      autosave.ensurePoint(docId);
      change(docId, issued.doc);
      const revision = nameRevision(docId, kind ?? 'revision', label);
      setBase(docId, revision);
      announce(docId);
      return { revision, table: issued.table };
    },
  };
}
