import { ApiError, type Handlers, type RevisionSummary } from '../../shared/api/contract.js';
import {
  bracketLife,
  bracketsByDelegation,
  bracketsByParagraph,
  type NegotiationOverview,
  type NegotiationPoint,
  type TrackedRevision,
} from '../../shared/negotiation/tracking.js';
import type { BackendContext } from './context.js';
import { docAtSnapshot } from './revision-content.js';
import { msg } from '../../shared/i18n/message.js';

type NegotiationChannels = 'negotiation.overview' | 'negotiation.bracketLife' | 'negotiation.series';

const agreedStates = new Set(['agreed', 'agreed_ad_ref']);

/**
 * Indexes every revision of `docId` the negotiation index does not hold yet, oldest first:
 * the revision just made, autosave points, and revisions made before the index existed
 * (backfill). Each is read from the full document at its snapshot. Idempotent.
 */
export function indexRevisions(ctx: BackendContext, docId: string): number {
  const { store, docs } = ctx;
  const pending = store.negotiation.unindexedRevisions(docId);
  for (const revisionId of pending) {
    const snapshot = store.readRevisionSnapshot(revisionId);
    if (!snapshot) continue;
    const node = docs.use(docId, (doc) => docAtSnapshot(doc.ydoc, snapshot));
    store.negotiation.indexRevision(revisionId, node);
  }
  return pending.length;
}

/**
 * Handlers for negotiation tracking: the state at a revision (or now), the life of one
 * bracket and the chart's series, all answered from the store's negotiation index
 * (electron/store/negotiation-index.ts) after bringing it up to date.
 */
export function createNegotiationHandlers(ctx: BackendContext): Pick<Handlers, NegotiationChannels> {
  const { store } = ctx;
  const known = (docId: string) => {
    ctx.assertOpen();
    if (!store.getDocument(docId)) throw new ApiError('not-found', msg('backend:store.noDocument', { id: docId }));
  };
  const ready = (docId: string) => {
    known(docId);
    indexRevisions(ctx, docId);
  };
  const revisionsOldestFirst = (docId: string): RevisionSummary[] => {
    const indexed = new Set(store.negotiation.indexedRevisions(docId));
    return store.listRevisions(docId).filter((r) => indexed.has(r.id)).reverse();
  };

  return {
    'negotiation.overview': async ({ docId, revisionId }) => {
      // The document first: only a document that exists may get an autosave point, and an
      // unknown one is said as unknown, not as lacking the revision asked for.
      known(docId);
      const revision = revisionId === undefined ? ctx.autosave.currentPoint(docId) : store.getRevision(revisionId);
      if (!revision || revision.docId !== docId) throw new ApiError('not-found', msg('backend:api.noRevisionOf', { id: docId, revision: String(revisionId) }));
      // After the point, so the index holds the revision just made.
      indexRevisions(ctx, docId);
      const brackets = store.negotiation.bracketsAt(revision.id);
      const statuses = store.negotiation.statusesAt(revision.id).map(({ revisionId: _r, text: _t, ...s }) => s);
      const overview: NegotiationOverview = {
        revisionId: revision.id,
        revisionLabel: revision.label,
        createdAt: revision.createdAt,
        brackets,
        byParagraph: bracketsByParagraph(brackets),
        byDelegation: bracketsByDelegation(brackets),
        statuses,
        agreedParagraphs: statuses.filter((s) => agreedStates.has(s.state)).length,
      };
      return overview;
    },
    'negotiation.bracketLife': async ({ docId, bracketId }) => {
      ready(docId);
      const revisions: TrackedRevision[] = revisionsOldestFirst(docId).map((r) => ({
        id: r.id,
        label: r.label,
        createdAt: r.createdAt,
        text: store.negotiation.statusesAt(r.id).map((s) => s.text).join('\n'),
        brackets: store.negotiation.bracketsAt(r.id),
      }));
      const life = bracketLife(bracketId, revisions);
      if (life.events.length === 0) throw new ApiError('not-found', msg('backend:api.noBracket', { id: docId, bracket: bracketId }));
      return life;
    },
    'negotiation.series': async ({ docId }) => {
      ready(docId);
      const byId = new Map(store.listRevisions(docId).map((r) => [r.id, r]));
      return store.negotiation.negotiationSeries(docId).map((p): NegotiationPoint => {
        const r = byId.get(p.revisionId)!;
        return { ...p, label: r.label, kind: r.kind, createdAt: r.createdAt };
      });
    },
  };
}
