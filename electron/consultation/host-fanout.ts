/**
 * How a host sends accepted changes and presence updates to every connection of a document:
 * gathered over a short, adaptive window, and then sent to every socket as ONE write holding
 * one merged change and one presence update, the same bytes for every socket (host.ts
 * installs it on each Hocuspocus document as it loads).
 *
 * What a fan-out costs is the number of writes, not their bytes: each write to a socket is a
 * TLS record, a WebSocket frame read by the peer and a system call, about the same for 30
 * bytes as for 3,000. Hocuspocus 3 sends every change to every connection on its own, so
 * 200 participants each typing once a second make 40,000 writes a second, and 500 make
 * 250,000, more than two cores can do. Here a document's changes and presence updates wait
 * in a queue and go out together in a flush:
 * - the changes merged into one Yjs update (Y.mergeUpdates: applying it is applying each),
 *   one sync frame; the changed presence states, read when the flush runs, one awareness
 *   frame; both WebSocket frames in one Buffer built once, written to each socket as it is
 *   (a server's frames are not masked, so the frame is the same bytes for every socket);
 * - when the document has been quiet for a window, at the end of the current turn of the
 *   event loop (setImmediate): a lone change goes out as soon as before;
 * - otherwise one window after the previous flush, the window being five times what that
 *   flush took (so a host spends at most a sixth of its time flushing, however many
 *   participants type), at most `maxWindowMs`. A host that is behind (its event loop late)
 *   gathers for longer on its own, as the flush waits for its turn.
 * - presence updates go out with a flush at most every `presenceWindowMs` (100 ms), the
 *   first after a quiet spell at once: a stock provider sends back every presence update
 *   it receives, so each one sent costs a message from every participant besides its writes.
 *   A renewal (a provider re-announcing an unchanged state, every 15 s, so that peers do
 *   not time it out after 30 s) waits for the next presence update, or at most
 *   `renewalWindowMs` (2 s): with 500 participants, 33 renewals a second would otherwise
 *   each make a presence update of its own, and each of those 500 messages back.
 * Writes per second are then bounded by flushes per second times sockets, not changes per
 * second times sockets, and a participant's change reaches the others at most one window
 * plus one flush later than it would alone.
 * A participant's accepted change is not applied by Hocuspocus as it arrives: the host takes
 * it (`Fanout.take`, host.ts), and the flush applies the changes taken since the last one
 * to Hocuspocus's document in one transaction, then broadcasts what that transaction changed,
 * each sender's write also carrying the acknowledgement Hocuspocus would have sent it. A Yjs transaction costs in
 * proportion to the clients the document has seen (its state vector, twice, and the update
 * it encodes), so with 500 participants one per flush instead of one per change is most of
 * what a change cost Hocuspocus. Every other change to the document (the host's own,
 * `applyLocal`) is applied at once and queued for the flush as it is.
 * What Hocuspocus does around the send stays as it was: the document's `onUpdate` callback
 * runs for each transaction that changes the document (its change hooks and store
 * debounce), a connection whose socket is closing is closed, a failed send closes it, and a presence update still
 * records at once which client ids arrived or left on the sender's connection. Every
 * connection, the sender's included, gets every change, as from Hocuspocus.
 */
import type { Connection, Document } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { frame, sendToAll } from './host-fanout-wire.js';

type Listener = (...args: never[]) => void;
// lib0's ObservableV2 (Y.Doc, Awareness) keeps its listeners per event in insertion order.
type Observable = { _observers: Map<string, Set<Listener>> };
type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

// Hocuspocus's message types (sync, awareness, sync status) and y-protocols' sync update.
const syncMessage = 0;
const awarenessMessage = 1;
const syncStatusMessage = 8;
const updateMessage = 2;
// The origin of the flush's transaction on Hocuspocus's document.
const flushOrigin = 'penholder-fanout';

/** A document's gathered broadcast (see `broadcastOnce`). */
export type Fanout = {
  /**
   * Queues an accepted change that Hocuspocus will not apply itself (host-messages.ts
   * `takeSyncUpdateInPlace` emptied its message): the next flush applies it to the document,
   * with the others taken meanwhile in one transaction, and broadcasts it. Tells `from`, the
   * connection it came on, that it was applied, as Hocuspocus does after applying one, in the
   * same write as that broadcast (a write of its own per change was 500 more writes a second
   * with 500 participants typing).
   */
  take(update: Uint8Array, from: Connection): void;
};

/** The longest a change waits for others to go out with, in milliseconds (a host far behind waits for its turn besides). */
export const maxWindowMs = 15;
/** The longest a presence update waits for others to go out with, in milliseconds. */
export const presenceWindowMs = 100;
/** The longest a presence renewal (an unchanged state with a new clock) waits for others to go out with, in milliseconds. */
export const renewalWindowMs = 2000;
// A flush's window is this many times what the previous flush took.
const windowPerFlushCost = 5;

/**
 * What this process's hosts have sent since it started (for the fan-out bench's trace):
 * flushes (and those carrying changes), the changes and presence ids they carried, the socket writes they made, the
 * milliseconds spent flushing, and how long the first change of each flush waited in the
 * queue (sum and longest).
 */
export const fanoutCounts = { flushes: 0, changeFlushes: 0, updates: 0, presence: 0, writes: 0, flushMs: 0, waitMs: 0, waitMaxMs: 0 };

/**
 * Replaces the document's own broadcast of changes and presence updates with the gathered,
 * encode-once one (see the module comment), in the same place among the listeners, and
 * returns the handle through which the host hands it the changes Hocuspocus will not apply.
 * Returns undefined, changing nothing, when this Hocuspocus does not broadcast as the one
 * this was written for (3.x: bound `handleUpdate` and `handleAwarenessUpdate` listeners), so
 * that a different version falls back to its own, slower but correct, broadcast.
 */
export function broadcastOnce(document: Document): Fanout | undefined {
  const doc = document as unknown as Observable;
  const awareness = document.awareness as unknown as Observable;
  const theirUpdate = listenerNamed(doc, 'update', 'bound handleUpdate');
  const theirPresence = listenerNamed(awareness, 'update', 'bound handleAwarenessUpdate');
  if (!theirUpdate || !theirPresence) return undefined;

  const flusher = gathered(document, frame(document.name, syncStatusMessage, (e) => encoding.writeVarUint(e, 1)));
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    document.callbacks.onUpdate(document, origin as Connection, update);
    flusher.add(update, [], []);
  };
  // y-protocols emits 'change' (the states that differ) right before 'update' (every state
  // with a new clock): an id in the second and not the first is a renewal.
  let changed: number[] = [];
  const onChange = ({ updated }: AwarenessChange) => void (changed = updated);
  const onPresence = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    const sender = origin === null ? undefined : document.connections.get(origin as WebSocket);
    if (sender) {
      for (const id of added) sender.clients.add(id);
      for (const id of removed) sender.clients.delete(id);
    }
    const differ = new Set(changed);
    changed = [];
    flusher.add(
      null,
      [...added, ...removed, ...updated.filter((id) => differ.has(id))],
      updated.filter((id) => !differ.has(id)),
    );
  };
  replaceListener(doc, 'update', theirUpdate, onUpdate as Listener);
  replaceListener(awareness, 'update', theirPresence, onPresence as Listener);
  document.awareness.on('change', onChange);
  return { take: (update, from) => flusher.take(update, from) };
}

// A document's queue of changes and changed presence ids, and when it is flushed. `updates`
// are changes the document already has (its 'update' events), `taken` those it is to apply,
// `acks` per connection the `applied` messages owed for them.
function gathered(document: Document, applied: Buffer) {
  const updates: Uint8Array[] = [];
  const taken: Uint8Array[] = [];
  const acks = new Map<Connection, Buffer[]>();
  let flushing = false;
  const presence = new Set<number>();
  const renewed = new Set<number>();
  let lastFlushAt = -Infinity;
  let lastPresenceAt = -Infinity;
  let lastRenewalAt = -Infinity;
  let windowMs = 0;
  let firstQueuedAt = 0;
  let timer: { at: number; cancel(): void } | null = null;

  // When the queue can next go out: its changes one window after the last flush, its presence
  // also one presence window after the last presence sent, its renewals alone also one
  // renewal window after the last renewals sent.
  const presenceDue = () => Math.max(lastPresenceAt + presenceWindowMs, presence.size > 0 ? -Infinity : lastRenewalAt + renewalWindowMs);
  const due = () => {
    const next = lastFlushAt + windowMs;
    return updates.length + taken.length > 0 ? next : Math.max(next, presenceDue());
  };
  const schedule = () => {
    if (flushing || updates.length + taken.length + presence.size + renewed.size === 0) return;
    const at = due();
    if (timer && timer.at <= at) return;
    timer?.cancel();
    const wait = at - performance.now();
    if (wait <= 0) {
      const handle = setImmediate(flush);
      timer = { at, cancel: () => clearImmediate(handle) };
    } else {
      const handle = setTimeout(flush, Math.ceil(wait));
      timer = { at, cancel: () => clearTimeout(handle) };
    }
  };

  // One more change queued: the first of a flush starts its wait.
  const counted = () => {
    fanoutCounts.updates++;
    if (updates.length + taken.length === 1) firstQueuedAt = performance.now();
  };

  function flush(): void {
    timer = null;
    const start = performance.now();
    const payloads: Buffer[] = [];
    if (taken.length > 0) {
      // Applied in one transaction; its 'update' event (what the document did not have,
      // including changes of its own that waited for these) joins `updates` through onUpdate.
      const update = taken.length === 1 ? taken[0]! : Y.mergeUpdates(taken);
      taken.length = 0;
      flushing = true;
      try {
        Y.applyUpdate(document, update, flushOrigin);
      } catch {
        // Only a listener can throw here (the host validated every change on its own replica);
        // as when Hocuspocus applies one, that must not stop the host: what applied is sent.
      } finally {
        flushing = false;
      }
    }
    if (updates.length > 0) {
      fanoutCounts.changeFlushes++;
      fanoutCounts.waitMs += start - firstQueuedAt;
      fanoutCounts.waitMaxMs = Math.max(fanoutCounts.waitMaxMs, start - firstQueuedAt);
      const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
      updates.length = 0;
      payloads.push(frame(document.name, syncMessage, (e) => (encoding.writeVarUint(e, updateMessage), encoding.writeVarUint8Array(e, update))));
    }
    if (presence.size + renewed.size > 0 && start >= presenceDue()) {
      // A client whose meta is gone (a destroyed awareness) has nothing left to announce.
      const ids = [...new Set([...presence, ...renewed])].filter((id) => document.awareness.meta.has(id));
      if (renewed.size > 0) lastRenewalAt = start;
      presence.clear();
      renewed.clear();
      lastPresenceAt = start;
      if (ids.length > 0) {
        const changed = encodeAwarenessUpdate(document.awareness, ids);
        payloads.push(frame(document.name, awarenessMessage, (e) => encoding.writeVarUint8Array(e, changed)));
      }
    }
    if (payloads.length + acks.size > 0) {
      fanoutCounts.writes += sendToAll(document, payloads, acks);
      acks.clear();
      lastFlushAt = performance.now();
      windowMs = Math.min(maxWindowMs, windowPerFlushCost * (lastFlushAt - start));
      fanoutCounts.flushes++;
      fanoutCounts.flushMs += lastFlushAt - start;
    }
    schedule();
  }

  return {
    take(update: Uint8Array, from: Connection) {
      taken.push(update);
      const owed = acks.get(from);
      if (owed) owed.push(applied);
      else acks.set(from, [applied]);
      counted();
      schedule();
    },
    add(update: Uint8Array | null, ids: number[], renewals: number[]) {
      if (update) updates.push(update);
      // A change the flush's own transaction brought was counted when it was taken.
      if (update && !flushing) counted();
      for (const id of ids) presence.add(id);
      for (const id of renewals) renewed.add(id);
      fanoutCounts.presence += ids.length + renewals.length;
      schedule();
    },
  };
}

function listenerNamed(target: Observable, event: string, name: string): Listener | undefined {
  const listeners = target._observers instanceof Map ? target._observers.get(event) : undefined;
  return listeners ? [...listeners].find((f) => f.name === name) : undefined;
}

function replaceListener(target: Observable, event: string, old: Listener, next: Listener): void {
  const listeners = target._observers.get(event)!;
  const order = [...listeners];
  listeners.clear();
  for (const f of order) listeners.add(f === old ? next : f);
}
