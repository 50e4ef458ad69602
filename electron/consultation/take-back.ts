/**
 * Taking back, in a participant's own replica, the changes its host refused.
 *
 * Why it is needed: Yjs changes of one client are numbered in sequence, and a host that
 * refuses one never holds it, so it also refuses everything sent after it from the same
 * client ("depends on changes this document does not have"), and every resync sends the
 * refused change again in its state-vector diff. Left alone, one refused change would keep
 * a delegation's later, legitimate proposals from ever reaching the host.
 *
 * The mechanism: a host that refuses a writable participant's update sends, with the reason,
 * a Yjs snapshot of what it holds (state vector and delete set: `RefusedMessage.snapshot`).
 * The participant then
 * 1. rebuilds the host's document from its own replica at that snapshot (its replica holds
 *    everything the host sent it, so the host's document is the replica minus what the host
 *    lacks);
 * 2. replays, in log order, each update of its own store that the snapshot does not contain
 *    (its changes the host has not accepted), checking each with the host's own rule
 *    (`checkDelegationChange`, role-check.ts) against the document it replays on: an update
 *    the rule allows is kept; one it refuses (or one that leaves no valid document) is
 *    undone right there, back to the document before it, so later updates are judged on
 *    what the host will hold;
 * 3. writes the outcome into the replica as one ordinary change (y-prosemirror's
 *    `updateYFragment`, the editor's own diff), which the caller logs in its store and sends
 *    to its renderers: taking back is itself a change in the append-only history; the refused
 *    change stays in the log, followed by its taking back.
 * On the next sync the participant sends the refused change, its taking back and every later
 * change together; the host checks the document before and after all of them, sees only
 * allowed changes (the taken-back part projects to nothing), and accepts the lot, so every
 * legitimate edit converges. A change the rule refuses only because of what others did
 * meanwhile (a proposal typed offline into a paragraph the facilitator agreed) is taken back
 * the same way. The unit taken back is one update of the store (one editor frame); a
 * compaction checkpoint holding unsent changes is judged as one update.
 */
import type { Node } from 'prosemirror-model';
import { updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { prosemirrorFragment } from '../../shared/ydoc.js';
import { trackValidDoc } from '../backend/valid-doc-cache.js';
import { documentMeta } from '../backend/live-documents.js';
import { checkDelegationChange } from './role-check.js';

/** What the host refused, taken back: the update that does it (null when nothing needs taking back) and the rule's reasons. */
export type TakeBack = { update: Uint8Array | null; reasons: string[] };

/**
 * The change that takes back, in `replica`, the updates of `own` (the participant's own
 * logged updates, in log order; those the host holds are skipped) that delegation
 * `delegation` may not make on the host's document `snapshot` (Y.encodeSnapshot of the
 * host's Y.Doc). Pure: `replica` is not touched. See the module comment.
 */
export function takeBackRefused(replica: Y.Doc, snapshot: Uint8Array, own: readonly Uint8Array[], delegation: string): TakeBack {
  const hostSnapshot = Y.decodeSnapshot(snapshot);
  const work = clone(replica);
  const hostDoc = Y.createDocFromSnapshot(clone(replica), clip(hostSnapshot, work), new Y.Doc({ gc: false }));
  const cache = trackValidDoc(hostDoc, documentMeta);
  let current = cache.refresh().node;
  const reasons: string[] = [];
  for (const update of own) {
    if (Y.snapshotContainsUpdate(hostSnapshot, update)) continue;
    Y.applyUpdate(hostDoc, update);
    const verdict = judge(() => cache.refresh().node, current, delegation);
    if (verdict.ok) {
      current = verdict.next;
      continue;
    }
    reasons.push(verdict.reason);
    write(hostDoc, current);
    current = cache.refresh().node;
  }
  if (reasons.length === 0) return { update: null, reasons };
  return { update: write(work, current), reasons };
}

// The host's rule on one replayed update; a document the schema refuses is refused too.
function judge(after: () => Node, before: Node, delegation: string): { ok: true; next: Node } | { ok: false; reason: string } {
  try {
    const next = after();
    const verdict = checkDelegationChange(before, next, delegation);
    return verdict.ok ? { ok: true, next } : verdict;
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

// A Y.Doc with the same state (gc off, as createDocFromSnapshot needs).
function clone(ydoc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
  return copy;
}

// The snapshot limited to what `ydoc` holds: createDocFromSnapshot reads the origin's structs
// up to each clock of the snapshot and fails past its end (a change of someone else the host
// holds but that has not reached this replica yet; it cannot matter to taking back our own).
function clip(snapshot: Y.Snapshot, ydoc: Y.Doc): Y.Snapshot {
  const sv = new Map<number, number>();
  for (const [client, clock] of snapshot.sv) {
    const held = Math.min(clock, Y.getState(ydoc.store, client));
    if (held > 0) sv.set(client, held);
  }
  return Y.createSnapshot(snapshot.ds, sv);
}

// Makes `ydoc`'s document `doc` with the editor's own diff; returns the update (null if none).
function write(ydoc: Y.Doc, doc: Node): Uint8Array | null {
  const updates: Uint8Array[] = [];
  const listen = (u: Uint8Array) => updates.push(u);
  ydoc.on('update', listen);
  ydoc.transact(() => updateYFragment(ydoc, prosemirrorFragment(ydoc), doc, { mapping: new Map(), isOMark: new Map() }));
  ydoc.off('update', listen);
  return updates.length === 0 ? null : Y.mergeUpdates(updates);
}
