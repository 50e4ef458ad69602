/**
 * Changes from peers waiting to be committed. A host relaying many peers' changes would
 * otherwise write one SQLite transaction per change while the change waits to be broadcast;
 * queued, all the changes that arrived in one turn of the event loop are committed together
 * at its end (setImmediate), after their broadcast went out. A failed commit keeps the
 * queue and is tried again with the next `flush` or a second later.
 */
export type PeerQueue<T> = {
  /** Queues an item; the queue is committed at the end of this turn of the event loop. */
  push(item: T): void;
  /** Commits the queue now (nothing if empty); throws what the commit threw, keeping the queue. */
  flush(): void;
  /** How many items wait. */
  readonly size: number;
  /** Stops the timers (the owner flushes first if it wants the items). */
  dispose(): void;
};

/** A queue whose items `commit` writes, all of them or (throwing) none. */
export function peerQueue<T>(commit: (items: readonly T[]) => void): PeerQueue<T> {
  let items: T[] = [];
  let soon: ReturnType<typeof setImmediate> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const dispose = () => {
    if (soon) clearImmediate(soon);
    if (retry) clearTimeout(retry);
    soon = retry = null;
  };
  const flush = () => {
    dispose();
    if (items.length === 0) return;
    commit(items);
    items = [];
  };
  const inBackground = () => {
    soon = retry = null;
    try {
      flush();
    } catch {
      // The next use of the store tries again and reports the failure to its caller.
      retry = setTimeout(inBackground, 1000);
      retry.unref?.();
    }
  };
  return {
    push(item) {
      items.push(item);
      soon ??= setImmediate(inBackground);
    },
    flush,
    get size() {
      return items.length;
    },
    dispose,
  };
}
