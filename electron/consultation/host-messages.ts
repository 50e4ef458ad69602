/**
 * Reading what a peer sends the host (host.ts), before Hocuspocus handles it: the message
 * type, the Yjs update a sync message carries, the entries of an awareness message, and
 * whether the host's document already has an update (a resend or an echo, which is skipped).
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { refusalReason } from './refusal-reasons.js';

/** The Hocuspocus message type of a frame (0 sync, 1 awareness, 5 stateless, 6 broadcast stateless...), or -1 when unreadable. */
export function messageType(data: Uint8Array): number {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder);
  } catch {
    return -1;
  }
}

/** The Yjs update a Hocuspocus sync message carries (sync step 2 or update), or null for any other message. */
export function readSyncUpdate(data: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== 0 && type !== 4) return null;
    const syncType = decoding.readVarUint(decoder);
    return syncType === 1 || syncType === 2 ? decoding.readVarUint8Array(decoder) : null;
  } catch {
    return null;
  }
}

/** One entry of an awareness (presence) message: a client id, its clock and its state (null: removed). */
export type AwarenessEntry = { clientId: number; clock: number; state: Record<string, unknown> | null; json: string };

/**
 * The entries of an awareness message, null for any other message, or the host's refusal
 * reason (refusal-reasons.ts) saying why the awareness message cannot be read as a whole (a
 * malformed entry anywhere, a state that is not a JSON object, trailing bytes, or a state
 * over `maxStateBytes`). The host judges the message as a whole: one bad entry refuses all
 * of them.
 */
export function readAwarenessEntries(data: Uint8Array, maxStateBytes: number): AwarenessEntry[] | string | null {
  let inner: decoding.Decoder;
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== 1) return null;
    inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  } catch {
    return null;
  }
  try {
    const entries: AwarenessEntry[] = [];
    for (let n = decoding.readVarUint(inner); n > 0; n--) {
      const clientId = decoding.readVarUint(inner);
      const clock = decoding.readVarUint(inner);
      const json = decoding.readVarString(inner);
      if (json.length > maxStateBytes) return refusalReason('presenceTooBig', { bytes: json.length, max: maxStateBytes });
      const state = JSON.parse(json) as unknown;
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return refusalReason('presenceNotObject');
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null, json });
    }
    if (decoding.hasContent(inner)) return refusalReason('presenceTrailing');
    return entries;
  } catch {
    return refusalReason('presenceUnreadable');
  }
}

/**
 * Whether an awareness message would change nothing in `awareness`: every entry's clock is
 * older than the one the host holds for that client, or the same without removing a state
 * it has (when y-protocols skips an entry). Read without parsing any state: most presence
 * messages a host gets are a stock provider sending back the updates the host relayed to
 * it, which apply nothing. False for any other message, an unreadable one, or one that
 * would change something (those are judged whole, `readAwarenessEntries`). An entry for
 * a client the host has never seen counts as a change whatever its clock.
 */
export function awarenessChangesNothing(data: Uint8Array, awareness: { meta: Map<number, { clock: number }>; states: Map<number, unknown> }): boolean {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== 1) return false;
    const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    for (let n = decoding.readVarUint(inner); n > 0; n--) {
      const clientId = decoding.readVarUint(inner);
      const clock = decoding.readVarUint(inner);
      const state = decoding.readVarUint8Array(inner);
      const held = awareness.meta.get(clientId)?.clock;
      if (held === undefined || held < clock) return false;
      if (held === clock && isNull(state) && awareness.states.has(clientId)) return false;
    }
    return !decoding.hasContent(inner) && !decoding.hasContent(decoder);
  } catch {
    return false;
  }
}

// The JSON text `null` (a removed state), as y-protocols writes it.
const isNull = (json: Uint8Array) => json.length === 4 && json[0] === 0x6e && json[1] === 0x75 && json[2] === 0x6c && json[3] === 0x6c;

/**
 * Empties an awareness message in place (its entry count becomes 0), so that whoever reads
 * the same bytes next applies nothing. Hocuspocus reads the message from the very buffer it
 * handed to `beforeHandleMessage`; this is how the host drops one without closing the
 * connection (the hook can only let a message through or throw). No-op for other messages.
 */
export function emptyAwarenessInPlace(data: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== 1) return;
    if (decoding.readVarUint(decoder) > 0) data[decoder.pos] = 0;
  } catch {
    // not an awareness message
  }
}

/**
 * Turns a sync message carrying an update (sync step 2 or update, what `readSyncUpdate`
 * reads) into an awareness message with no entries, in place, and returns true; false,
 * changing nothing, for any other message or one laid out otherwise (a type or sync type
 * written in more than one byte). Hocuspocus then applies nothing of it: the host has taken
 * the update to apply to Hocuspocus's document with the others of its flush (host-fanout.ts
 * `Fanout.take`), which costs one Yjs transaction per flush instead of one per update. The
 * type byte becomes awareness (1), the sync type byte the awareness update's length (1) and
 * the first byte after it the entry count (0); the bytes after those are left unread. The
 * update `readSyncUpdate` returned for the message reads bytes after these, unchanged.
 */
export function takeSyncUpdateInPlace(data: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const at = decoder.pos;
    const type = decoding.readVarUint(decoder);
    const syncType = decoding.readVarUint(decoder);
    if ((type !== 0 && type !== 4) || (syncType !== 1 && syncType !== 2) || decoder.pos !== at + 2) return false;
    decoding.readVarUint8Array(decoder);
    data[at] = 1;
    data[at + 1] = 1;
    data[at + 2] = 0;
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `ydoc` already has everything in `update` (a resend or an echo). An update with a
 * struct past the document's clock for that client is new, which settles the common edit
 * from the state vector alone; only otherwise (deletions only, or a resend) is the whole
 * delete set compared, as Y.snapshotContainsUpdate does.
 */
export function containsUpdate(ydoc: Y.Doc, update: Uint8Array): boolean {
  const { to } = Y.parseUpdateMeta(update);
  for (const [client, clock] of to) if (clock > Y.getState(ydoc.store, client)) return false;
  return Y.snapshotContainsUpdate(Y.snapshot(ydoc), update);
}
