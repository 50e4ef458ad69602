import type { RevisionSummary } from '../../shared/api/contract.js';
import type { Store } from '../store/store.js';

/**
 * Autosave points and automatic compaction: the unnamed revisions of the time slider.
 *
 * The rule, kept simple on purpose:
 * - A document has unsaved changes when its log has moved past its newest revision.
 * - Pause: when an update arrives and the document's previous change is at least
 *   {@link AUTOSAVE_PAUSE_MS} old, the earlier run of editing is closed by an autosave
 *   point at the current position, before the new update is logged. No timer runs: the
 *   next update (or the close) makes the point, so an idle app writes nothing.
 * - Close: when the last window lets go of a document with unsaved changes (or the app
 *   quits), an autosave point is made.
 * - Compaction follows a new revision (autosave or named) or a close whenever at least
 *   {@link COMPACT_AFTER} log rows can be merged (see electron/store/compaction.ts).
 * Autosave points carry the local profile as author and an empty label.
 */

/** How long a pause in editing must be before the next change starts a new autosave point. */
export const AUTOSAVE_PAUSE_MS = 2 * 60 * 1000;

/** How many mergeable log rows make compaction worth running. */
export const COMPACT_AFTER = 200;

/** The autosave policy over a store; `announce` tells subscribers a revision was made. */
export function createAutosave(store: Store, now: () => Date, announce: (docId: string) => void) {
  const unsaved = (docId: string) => store.lastSeq(docId) > (store.latestRevision(docId)?.seq ?? 0);
  const compact = (docId: string) => {
    if (store.compactable(docId) >= COMPACT_AFTER) store.compactDocument(docId);
  };
  const point = (docId: string): RevisionSummary => {
    const profile = store.getProfile();
    const revision = store.createRevision({ docId, kind: 'autosave', label: '', author: profile.name, delegation: profile.delegation });
    announce(docId);
    return revision;
  };

  return {
    /** Before logging an update to `docId`: closes the previous run with a point after a pause. */
    beforeUpdate(docId: string): void {
      const summary = store.getDocument(docId);
      if (!summary) return;
      const idle = now().getTime() - Date.parse(summary.updatedAt);
      if (idle >= AUTOSAVE_PAUSE_MS && unsaved(docId)) {
        point(docId);
        compact(docId);
      }
    },
    /** Makes a point at the current position if there are unsaved changes (before a restore). */
    ensurePoint(docId: string): void {
      if (unsaved(docId)) point(docId);
    },
    /** The newest revision if it is at the current position, else a new autosave point there. */
    currentPoint(docId: string): RevisionSummary {
      const latest = store.latestRevision(docId);
      return latest && latest.seq === store.lastSeq(docId) ? latest : point(docId);
    },
    /** After a named revision: compaction if due. */
    afterRevision: compact,
    /** The document was closed: a point for unsaved changes, then compaction if due. */
    onClose(docId: string): void {
      if (!store.getDocument(docId)) return;
      if (unsaved(docId)) point(docId);
      compact(docId);
    },
  };
}

/** The autosave policy of one backend. */
export type Autosave = ReturnType<typeof createAutosave>;
