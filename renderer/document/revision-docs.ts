import type { Node } from 'prosemirror-model';
import * as Y from 'yjs';
import type { ApiClient } from '../../shared/api/contract.js';
import { createYDoc, yDocToDoc } from '../../shared/ydoc.js';

/**
 * Loading revisions' documents for reading and comparing: a revision's Yjs state becomes
 * a ProseMirror document once and is kept, since a stored revision never changes.
 */

/** The ProseMirror document held by a full Yjs state (as `revisions.open` returns it); throws if it is not a valid document. */
export function docFromState(state: Uint8Array): Node {
  const ydoc = createYDoc();
  try {
    Y.applyUpdate(ydoc, state);
    return yDocToDoc(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/** A cache of revision documents of one document, by revision id. */
export type RevisionDocs = { load(revisionId: string): Promise<Node> };

/** A cache that loads each revision of `docId` through `revisions.open` at most once (failed loads are retried). */
export function revisionDocs(api: ApiClient, docId: string): RevisionDocs {
  const cache = new Map<string, Promise<Node>>();
  return {
    load(revisionId) {
      let doc = cache.get(revisionId);
      if (!doc) {
        doc = api.invoke('revisions.open', { docId, revisionId }).then((opened) => docFromState(opened.state));
        doc.catch(() => cache.delete(revisionId));
        cache.set(revisionId, doc);
      }
      return doc;
    },
  };
}
