/**
 * Reading what a peer sends the host (host.ts), before Hocuspocus handles it: the Yjs update a
 * sync message carries, the identities an awareness message claims, and whether the host's
 * document already has an update (a resend or an echo, which is skipped).
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Participant } from '../../shared/api/contract.js';

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

/** An identity claimed in an awareness message, with the awareness client id it is claimed for. */
export type AwarenessClaim = Participant & { clientId: number };

/**
 * The identities (`penholder` field: delegation, name, role) an awareness message claims, or
 * [] for any other message. The host refuses a presence that claims to be someone else, so
 * the cursors others see are labelled with the delegation the server authenticated.
 */
export function readAwarenessClaims(data: Uint8Array): AwarenessClaim[] {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== 1) return [];
    const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const claims: AwarenessClaim[] = [];
    for (let n = decoding.readVarUint(inner); n > 0; n--) {
      const clientId = decoding.readVarUint(inner);
      decoding.readVarUint(inner);
      const state = JSON.parse(decoding.readVarString(inner)) as { penholder?: Participant } | null;
      if (state?.penholder) claims.push({ clientId, delegation: String(state.penholder.delegation), name: String(state.penholder.name), role: state.penholder.role });
    }
    return claims;
  } catch {
    return [];
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
