/**
 * Who may set which presence (awareness) entries at the host. A message is judged as a whole:
 * it is refused when any entry is unreadable or not allowed, so no entry of it is applied.
 *
 * The rule: an entry that would change the host's presence (y-protocols applies an entry
 * when its clock is newer, or equal with a null state removing a state the host has) must be
 * for a client id of the sender's own socket, or a new one (no socket owns it and the host
 * holds no state for it, which also covers a client coming back after it left); a state it
 * sets must name the sender (the `penholder` field: delegation, name, role). An entry that
 * would change nothing, such as a stock provider relaying the states it knows when asked,
 * passes. So nobody moves, relabels or deletes another client's presence, the host's own
 * included. A client id becomes a socket's when it first sets a state, until it disconnects.
 * A message that would remove another client's state (and does nothing worse) is dropped
 * whole without closing the connection: a stock provider whose document connection was
 * closed forgets the others' presence and sends their removal once it is back, which must
 * neither apply nor cut it off again.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { Participant } from '../../shared/api/contract.js';
import type { AwarenessEntry } from './host-messages.js';
import { refusalReason } from './refusal-reasons.js';

/** The owners of presence client ids, per document (see the module comment). */
export type PresenceOwners = {
  /**
   * The verdict on `entries` sent by `socketId` as `sender`, as a whole: 'apply' (the
   * socket then owns the ids it set), 'drop' (apply none, keep the connection) or a
   * refusal reason for people (apply none, refuse), a `checks:consultation.reason.presence*`
   * sentence (refusal-reasons.ts).
   */
  judge(docId: string, awareness: Awareness, entries: AwarenessEntry[], socketId: string, sender: Participant): 'apply' | 'drop' | string;
  /** Forgets what `socketId` owned in `docId` (it disconnected). */
  release(docId: string, socketId: string): void;
};

/** An empty book of presence owners. */
export function createPresenceOwners(): PresenceOwners {
  const owners = new Map<string, Map<number, string>>();
  const of = (docId: string) => {
    let m = owners.get(docId);
    if (!m) owners.set(docId, (m = new Map()));
    return m;
  };
  return {
    judge(docId, awareness, entries, socketId, sender) {
      const mine = of(docId);
      const claims: number[] = [];
      let drop = false;
      for (const e of entries) {
        const clock = awareness.meta.get(e.clientId)?.clock ?? -1;
        const has = awareness.states.has(e.clientId);
        const effective = clock < e.clock || (clock === e.clock && e.state === null && has);
        if (!effective) continue;
        const owner = mine.get(e.clientId);
        if (owner !== undefined ? owner !== socketId : has) {
          if (e.state !== null) return refusalReason('presenceOthersClient', { client: e.clientId });
          drop = true;
          continue;
        }
        if (e.state === null) continue;
        if (!names(e.state, sender)) return refusalReason('presenceNotYou', { delegation: sender.delegation, role: sender.role });
        claims.push(e.clientId);
      }
      if (drop) return 'drop';
      for (const id of claims) mine.set(id, socketId);
      return 'apply';
    },
    release(docId, socketId) {
      const mine = owners.get(docId);
      if (mine) for (const [id, owner] of mine) if (owner === socketId) mine.delete(id);
    },
  };
}

// A state names its sender when its `penholder` field, if any, is the sender's identity.
function names(state: Record<string, unknown>, p: Participant): boolean {
  if (!('penholder' in state)) return true;
  const claim = state.penholder as Partial<Participant> | null;
  return !!claim && typeof claim === 'object' && claim.delegation === p.delegation && claim.name === p.name && claim.role === p.role;
}
