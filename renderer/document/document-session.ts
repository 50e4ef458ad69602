import * as Y from 'yjs';
import type { ApiClient, DocumentSummary } from '../../shared/api/contract.js';
import { createYDoc } from '../../shared/ydoc.js';

/**
 * The renderer's replica of one document, kept in step with the backend through the API
 * contract: the backend's state and pushed updates come in with origin `REMOTE`; every
 * other change to the Y.Doc (the editor's) goes out through `documents.applyUpdate`.
 */

/** The transaction origin of updates that came from the backend; they are never sent back. */
export const REMOTE: unique symbol = Symbol('penholder.remote');

/** Whether local changes have reached the backend: `saving` while any push is in flight. */
export type SyncStatus = 'saved' | 'saving' | 'error';

/** Callbacks a session reports to; both optional. */
export type SessionListeners = {
  /** Called when the sync status changes. */
  onStatus?: (status: SyncStatus) => void;
  /** Called with an Error meant for people when a push or the unsubscribe fails. */
  onError?: (error: Error) => void;
};

/** An open document: its replica and summary; `close()` stops sync and releases the Y.Doc. */
export type DocumentSession = {
  readonly id: string;
  readonly ydoc: Y.Doc;
  readonly summary: DocumentSummary;
  /** Resolves once every local update made so far has been accepted by the backend (or failed). */
  flush(): Promise<void>;
  /** Flushes, destroys the Y.Doc and unsubscribes (unless another session of the document is open). Safe to call twice. */
  close(): Promise<void>;
};

// Subscriptions are per connection and per document on the backend, so two sessions of the
// same document (React re-mounting a view, quick switching back and forth) share one: only
// the first subscribes and only the last to close unsubscribes.
const subscriptions = new WeakMap<ApiClient, Map<string, number>>();

function acquire(api: ApiClient, id: string): boolean {
  const counts = subscriptions.get(api) ?? new Map<string, number>();
  subscriptions.set(api, counts);
  const n = counts.get(id) ?? 0;
  counts.set(id, n + 1);
  return n === 0;
}

function release(api: ApiClient, id: string): boolean {
  const counts = subscriptions.get(api);
  const n = counts?.get(id) ?? 0;
  if (n <= 1) counts?.delete(id);
  else counts?.set(id, n - 1);
  return n === 1;
}

/**
 * Opens document `id`: subscribes to its pushed updates first (so nothing between the two
 * calls is missed; Yjs ignores what it already has), then loads its full state. Rejects with
 * the API's error if either call fails, leaving nothing subscribed.
 */
export async function openDocumentSession(api: ApiClient, id: string, listeners: SessionListeners = {}): Promise<DocumentSession> {
  const ydoc = createYDoc();
  const stopListening = api.on('document.update', (payload) => {
    if (payload.id === id) Y.applyUpdate(ydoc, payload.update, REMOTE);
  });
  let summary: DocumentSummary;
  const first = acquire(api, id);
  try {
    if (first) await api.invoke('documents.subscribe', { id });
    const opened = await api.invoke('documents.open', { id });
    Y.applyUpdate(ydoc, opened.state, REMOTE);
    summary = opened.summary;
  } catch (error) {
    stopListening();
    ydoc.destroy();
    if (release(api, id)) await api.invoke('documents.unsubscribe', { id }).catch(() => undefined);
    throw error;
  }

  let inFlight = 0;
  let failed = false;
  let queue: Promise<void> = Promise.resolve();
  const report = () => listeners.onStatus?.(failed ? 'error' : inFlight > 0 ? 'saving' : 'saved');
  // Sent one at a time, in order: the backend validates each update against the document it has.
  const push = (update: Uint8Array<ArrayBuffer>) => {
    inFlight += 1;
    report();
    queue = queue
      .then(() => api.invoke('documents.applyUpdate', { id, update }))
      .then(
        () => undefined,
        (error: unknown) => {
          failed = true;
          listeners.onError?.(asError(error, 'Your change could not be saved'));
        },
      )
      .finally(() => {
        inFlight -= 1;
        report();
      });
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    // A copy: the contract carries ArrayBuffer-backed bytes, Yjs may hand out a view of a larger buffer.
    if (origin !== REMOTE) push(new Uint8Array(update));
  };
  ydoc.on('update', onUpdate);

  let closed = false;
  return {
    id,
    ydoc,
    summary,
    flush: () => queue,
    async close() {
      if (closed) return;
      closed = true;
      ydoc.off('update', onUpdate);
      stopListening();
      await queue;
      ydoc.destroy();
      if (!release(api, id)) return;
      await api.invoke('documents.unsubscribe', { id }).catch((error: unknown) => {
        listeners.onError?.(asError(error, 'Closing the document failed'));
      });
    },
  };
}

/** `error` as an Error whose message says what failed, for showing to people. */
export function asError(error: unknown, context: string): Error {
  if (error instanceof Error) return new Error(`${context}: ${error.message}`, { cause: error });
  return new Error(`${context}: ${String(error)}`);
}
