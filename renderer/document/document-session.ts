import * as Y from 'yjs';
import type { ApiClient, DocumentSummary } from '../../shared/api/contract.js';
import { createYDoc } from '../../shared/ydoc.js';
import { afterNextPaint } from './after-paint.js';
import { trackUnsaved } from './unsaved-guard.js';
import { t } from '../i18n/index.js';
import { errorText } from '../i18n/error-text.js';

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
  /** Whether some local update is still on its way to the backend or held for a retry. */
  unsaved(): boolean;
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
  // Updates the backend could not take for a reason that may pass (a full disk, a lost
  // connection), in order: later updates depend on them, so they wait here too, and all go
  // again as one merged update, with backoff, until the backend takes them.
  let held: Uint8Array<ArrayBuffer>[] = [];
  // Local updates of the current frame, not yet pushed (see onUpdate).
  let batch: Uint8Array<ArrayBuffer>[] = [];
  let retryDelay = retryFirstMs;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();
  let reported: SyncStatus | null = null;
  const report = () => {
    const status = failed || held.length > 0 ? 'error' : inFlight > 0 || batch.length > 0 ? 'saving' : 'saved';
    if (status !== reported) listeners.onStatus?.(status);
    reported = status;
  };
  const send = async (update: Uint8Array<ArrayBuffer>, retry: boolean): Promise<void> => {
    try {
      await api.invoke('documents.applyUpdate', { id, update });
      if (retry) {
        held = [];
        retryDelay = retryFirstMs;
      }
    } catch (error: unknown) {
      if (isRefusal(error)) {
        if (retry) held = [];
        failed = true;
        listeners.onError?.(asError(error, t('revisions:documentSession.yourChangeCouldNot')));
        return;
      }
      if (!retry) held.push(update);
      if (retryDelay === retryFirstMs || !retry) listeners.onError?.(asError(error, t('revisions:documentSession.yourChangeCouldNot2')));
      scheduleRetry();
    }
  };
  const scheduleRetry = () => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (held.length === 0) return;
      retryDelay = Math.min(retryDelay * 2, retryMaxMs);
      enqueue(() => send(Y.mergeUpdates(held) as Uint8Array<ArrayBuffer>, true));
    }, retryDelay);
  };
  const enqueue = (step: () => Promise<void>) => {
    inFlight += 1;
    report();
    queue = queue.then(step).finally(() => {
      inFlight -= 1;
      report();
    });
  };
  // Sent one at a time, in order: the backend validates each update against the document it has.
  const push = (update: Uint8Array<ArrayBuffer>) =>
    enqueue(async () => {
      if (held.length > 0) held.push(update);
      else await send(update, false);
    });
  // The updates of one frame (a keystroke, or a burst of them) go out together once that frame
  // has been painted: encoding and sending them is not part of what the typist waits for. The
  // save status says "saving" from the first of them, and `flush` sends them at once.
  let sendBatchNow: (() => void) | null = null;
  const sendBatch = () => {
    sendBatchNow = null;
    const updates = batch;
    batch = [];
    if (updates.length === 0) return;
    push(updates.length === 1 ? updates[0]! : (Y.mergeUpdates(updates) as Uint8Array<ArrayBuffer>));
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === REMOTE) return;
    // A copy: the contract carries ArrayBuffer-backed bytes, Yjs may hand out a view of a larger buffer.
    batch.push(new Uint8Array(update));
    if (sendBatchNow) return;
    sendBatchNow = afterNextPaint(sendBatch);
    report();
  };
  const flushBatch = () => sendBatchNow?.();
  ydoc.on('update', onUpdate);

  let closed = false;
  const session: DocumentSession = {
    id,
    ydoc,
    summary,
    flush: () => {
      flushBatch();
      return queue;
    },
    unsaved: () => inFlight > 0 || held.length > 0 || batch.length > 0,
    async close() {
      if (closed) return;
      closed = true;
      ydoc.off('update', onUpdate);
      stopListening();
      flushBatch();
      await queue;
      clearTimeout(retryTimer);
      if (held.length > 0) {
        enqueue(() => send(Y.mergeUpdates(held) as Uint8Array<ArrayBuffer>, true));
        await queue;
        clearTimeout(retryTimer);
      }
      untrack();
      ydoc.destroy();
      if (!release(api, id)) return;
      await api.invoke('documents.unsubscribe', { id }).catch((error: unknown) => {
        listeners.onError?.(asError(error, t('revisions:documentSession.closingTheDocumentFailed')));
      });
    },
  };
  const untrack = trackUnsaved(session);
  return session;
}

// The first retry of held updates after this long, then twice as long each time, up to the max.
const retryFirstMs = 1000;
const retryMaxMs = 30_000;

// Whether the backend refused the update itself (it does not fit the document, or the
// document is gone): sending it again cannot help. Anything else (a store that cannot write,
// a lost connection) may pass.
function isRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'invalid-argument' || code === 'not-found' || code === 'unauthorized';
}

/** `error` as an Error whose message says what failed, for showing to people. */
export function asError(error: unknown, context: string): Error {
  // The words are the interface's at the moment of failure: a backend refusal says itself in its language.
  return new Error(`${context}: ${errorText(error)}`, { cause: error });
}
