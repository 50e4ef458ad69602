import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { ApiError } from '../../shared/api/contract.js';
import { readHeader, summarize } from '../../shared/document/index.js';
import { createYDoc, hasPendingChanges } from '../../shared/ydoc.js';
import { trackValidDoc, type ValidDocCache } from './valid-doc-cache.js';
import type { Author, DocumentMeta, Store, UpdateOrigin } from '../store/store.js';
import type { DocumentSummary } from '../../shared/api/contract.js';
import { messageOf, msg } from '../../shared/i18n/message.js';

/** A document held in memory: its Y.Doc, kept while any holder (a connection) uses it. */
export type LiveDocument = { readonly id: string; ydoc: Y.Doc; readonly holders: Set<object> };

/** A last look at an update before it is stored: throws to refuse it (see `LiveDocuments.apply`). */
export type UpdateCheck = (before: Node, after: Node) => void;

/** The outcome of an accepted update. */
export type AppliedUpdate = { summary: DocumentSummary; metaChanged: boolean };

/**
 * The in-memory replicas of the documents in use, backed by the store's update log.
 * A document is loaded by applying its logged updates in order and dropped from memory
 * when its last holder lets go; the store stays the only durable copy.
 */
export type LiveDocuments = {
  /** The live document `id`, loaded if needed, kept for `holder` until released. Throws ApiError 'not-found'. */
  hold(id: string, holder: object): LiveDocument;
  /** `holder` no longer needs `id`; the Y.Doc is dropped when nobody holds it. */
  release(id: string, holder: object): void;
  /** Releases everything `holder` holds (a connection closing). */
  releaseAll(holder: object): void;
  /**
   * Runs `fn` on the live document `id` (loaded for the call if nobody holds it) without
   * making anyone its holder; releasing it afterwards is not a close. Throws ApiError 'not-found'.
   */
  use<T>(id: string, fn: (doc: LiveDocument) => T): T;
  /**
   * Validates and applies a Yjs update to document `id`: it must decode, depend on nothing
   * missing, and leave a schema-valid document. Only then is it appended to the log (durably),
   * applied to the live Y.Doc and the cached summary refreshed. A refused update leaves no
   * trace. Throws ApiError 'not-found' or 'invalid-argument'. `check`, when given, sees the
   * validated document before and after the update (unchanged nodes are the same objects
   * in both) and refuses it by throwing, with the same no-trace guarantee (a consultation
   * host checks a delegation's update against its role this way).
   */
  apply(id: string, update: Uint8Array, origin: UpdateOrigin, author?: Author, check?: UpdateCheck): AppliedUpdate;
  /** Ids currently in memory (for tests and diagnostics). */
  loadedIds(): string[];
};

/** The listable facts of a document: kind, title and body line (via `summarize`) and the header's symbol. */
export function documentMeta(doc: Node): DocumentMeta {
  const { kind, title, body } = summarize(doc);
  return { kind, title, body, symbol: readHeader(doc).symbol };
}

/** What live documents tell their owner. */
export type LiveDocumentHooks = {
  /** The last holder released document `id` (it is about to leave memory): a document close. */
  onClose?(id: string): void;
};

/** Live documents over `store` (see LiveDocuments). */
export function createLiveDocuments(store: Store, hooks: LiveDocumentHooks = {}): LiveDocuments {
  const live = new Map<string, LiveDocument>();
  const byHolder = new Map<object, Set<string>>();
  // Per live Y.Doc: the last validated ProseMirror doc and its meta, patched per update
  // (keyed by the Y.Doc, so a replica rebuilt after a refusal starts afresh).
  const valid = new WeakMap<Y.Doc, ValidDocCache>();
  const cacheOf = (ydoc: Y.Doc) => {
    let cache = valid.get(ydoc);
    if (!cache) valid.set(ydoc, (cache = trackValidDoc(ydoc, documentMeta)));
    return cache;
  };

  const load = (id: string): LiveDocument => {
    const existing = live.get(id);
    if (existing) return existing;
    if (!store.getDocument(id)) throw new ApiError('not-found', msg('backend:store.noDocument', { id }));
    const doc: LiveDocument = { id, ydoc: replay(store, id), holders: new Set() };
    live.set(id, doc);
    return doc;
  };
  const dropIfUnused = (doc: LiveDocument) => {
    if (doc.holders.size > 0 || live.get(doc.id) !== doc) return;
    live.delete(doc.id);
    doc.ydoc.destroy();
  };
  const release = (id: string, holder: object) => {
    byHolder.get(holder)?.delete(id);
    const doc = live.get(id);
    if (!doc || !doc.holders.delete(holder)) return;
    if (doc.holders.size === 0) {
      try {
        hooks.onClose?.(id);
      } catch {
        // A failed close step (an autosave point on a full disk) must not keep the document open;
        // the changes themselves are already in the log.
      }
    }
    dropIfUnused(doc);
  };

  return {
    hold(id, holder) {
      const doc = load(id);
      doc.holders.add(holder);
      let ids = byHolder.get(holder);
      if (!ids) byHolder.set(holder, (ids = new Set()));
      ids.add(id);
      return doc;
    },
    release,
    releaseAll(holder) {
      for (const id of [...(byHolder.get(holder) ?? [])]) release(id, holder);
      byHolder.delete(holder);
    },
    apply(id, update, origin, author = {}, check) {
      const doc = load(id);
      try {
        const cache = cacheOf(doc.ydoc);
        const beforeDoc = check ? validated(cache).node : undefined;
        const before = cache.current()?.meta ?? store.getDocument(id);
        validate(doc.ydoc, update);
        const { meta, node } = validated(cache);
        if (check && beforeDoc) check(beforeDoc, node);
        const summary = store.appendUpdate({ docId: id, update, origin, ...author, meta });
        const metaChanged = !before || (['kind', 'title', 'symbol', 'body'] as const).some((k) => before[k] !== meta[k]);
        return { summary, metaChanged };
      } catch (err) {
        // The update may be half-applied to the replica: rebuild it from the log, which never saw it.
        doc.ydoc.destroy();
        doc.ydoc = replay(store, id);
        throw err;
      } finally {
        dropIfUnused(doc);
      }
    },
    use(id, fn) {
      const doc = load(id);
      try {
        return fn(doc);
      } finally {
        dropIfUnused(doc);
      }
    },
    loadedIds: () => [...live.keys()],
  };
}

// The log is a compaction checkpoint and a short tail: applying them one by one in one
// transaction costs about the checkpoint alone, where Y.mergeUpdates first would re-encode it.
function replay(store: Store, id: string): Y.Doc {
  const ydoc = createYDoc();
  ydoc.transact(() => {
    for (const row of store.readUpdates(id)) Y.applyUpdate(ydoc, row.data);
  });
  return ydoc;
}

// Applying to the live replica first is the cheap path for the common, valid update;
// the caller rebuilds the replica from the log when this (or `validated`) throws.
function validate(ydoc: Y.Doc, update: Uint8Array): void {
  try {
    Y.applyUpdate(ydoc, update, 'backend');
  } catch (err) {
    throw new ApiError('invalid-argument', msg('backend:api.updateUnreadable', { reason: message(err) }));
  }
  if (hasPendingChanges(ydoc)) {
    throw new ApiError('invalid-argument', msg('backend:api.updatePending'));
  }
}

function validated(cache: ValidDocCache): { node: Node; meta: DocumentMeta } {
  try {
    return cache.refresh();
  } catch (err) {
    throw new ApiError('invalid-argument', msg('backend:api.updateInvalid', { reason: messageOf(err) ?? message(err) }));
  }
}

function message(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
}
