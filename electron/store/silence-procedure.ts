/**
 * The silence procedure on the issuer's side (issue 14 point 5), over the store's chain:
 * placing the last issued revision under silence (a signed `placed` record), taking in the
 * delegations' signed objections with the time they arrive, and at the deadline recording
 * the outcome (a signed `outcome` record listing the objections that arrived by then). Every
 * function takes the clock as an argument, so deadlines are tested without waiting.
 */
import {
  RecordError, jcs, outcomeWords, recordHash, signSilenceRecord, silenceOf, verifyEd25519, verifyObjection,
  type ChainRecord, type ReceivedObjection, type RecordSigner, type SilenceDeadline, type SilenceObjection, type SilenceRecord, type SilenceState,
} from '../../shared/record/index.js';
import type { Store } from './store.js';

/** The document's chain as records, oldest first, with the revision of its last row. */
function chainOf(store: Store, docId: string): { records: ChainRecord[]; headRevision: string | null; n: number } {
  const rows = store.records.chain(docId);
  return { records: rows.map((r) => JSON.parse(r.text) as ChainRecord), headRevision: rows.at(-1)?.revisionId ?? null, n: rows.length };
}

/**
 * Where the silence procedure on the document's last issued revision stands, or null when it
 * was never placed under silence. While 'pending', `objections` are those received so far.
 */
export async function silenceState(store: Store, docId: string): Promise<SilenceState | null> {
  const state = await silenceOf(chainOf(store, docId).records);
  if (!state || state.outcome !== 'pending') return state;
  return { ...state, objections: receivedObjections(store, state.silence) };
}

function receivedObjections(store: Store, silence: string): ReceivedObjection[] {
  return store.records.objections(silence).map((o) => ({ objection: JSON.parse(o.text) as SilenceObjection, arrived: o.arrived }));
}

/**
 * Places the document's last issued revision under silence until `deadline`, signed with
 * `key` (the issuer's). Throws an Error in words when nothing was issued, the last revision is
 * already under silence or its outcome recorded, the deadline is not after `now`, or `key` is
 * not the chain's issuer.
 */
export async function placeUnderSilence(store: Store, input: { docId: string; deadline: SilenceDeadline; key: RecordSigner; now: Date }): Promise<SilenceRecord> {
  const { records, headRevision, n } = chainOf(store, input.docId);
  const head = records.at(-1);
  if (!head || !headRevision) throw new Error('Nothing is issued yet: issue a revision first, then place it under silence.');
  if (head.publicKey !== input.key.publicKey) throw new RecordError('unknown-key', `this document's revisions were issued by key ${head.fingerprint}, not by this installation's key`);
  const state = await silenceOf(records);
  if (state?.outcome === 'pending') throw new Error(`${head.label} is already under silence until ${state.deadline.instant}.`);
  if (state) throw new Error(`The silence procedure on ${head.label} is over (${state.outcome}); issue a new revision to place it under silence again.`);
  if (Date.parse(input.deadline.instant) <= input.now.getTime()) throw new Error(`The deadline ${input.deadline.date} ${input.deadline.time} (${input.deadline.zone}) has passed.`);
  const record = await signSilenceRecord({ event: 'placed', previous: head, deadline: input.deadline, time: input.now.toISOString() }, input.key);
  store.records.append(input.docId, n + 1, headRevision, record);
  return record;
}

/**
 * Takes in a delegation's objection to the document's open silence, arriving `now` from a
 * participant admitted as `from.delegation` (and, when known, with key `from.key`: its
 * fingerprint or raw public key). Resolves to the arrival time kept (the first one for an objection sent
 * twice); throws an Error in words (the host tells the sender) when the objection does not
 * verify, is not for the open silence, speaks for another delegation or key, or arrives after
 * the deadline.
 */
export async function receiveObjection(
  store: Store,
  input: { docId: string; objection: unknown; from: { delegation: string; key?: string }; now: Date },
): Promise<string> {
  const objection = await verifyObjection(input.objection, 'the objection', (key, bytes, sig) => verifyEd25519(key, bytes, sig));
  const state = await silenceState(store, input.docId);
  if (!state || state.outcome !== 'pending') throw new Error('There is no silence to break on this document now.');
  if (objection.silence !== state.silence || objection.label !== state.label) throw new Error(`This objection is for another silence, not the one on ${state.label}.`);
  if (objection.delegation !== input.from.delegation) throw new Error(`This objection is signed for ${objection.delegation}, but you are admitted as ${input.from.delegation}.`);
  if (input.from.key !== undefined && input.from.key !== objection.fingerprint && input.from.key !== objection.publicKey) throw new Error(`This objection is signed by key ${objection.fingerprint}, not by the key you were admitted with.`);
  const kept = receivedObjections(store, state.silence).find((o) => o.objection.signature === objection.signature);
  if (kept) return kept.arrived;
  if (input.now.getTime() > Date.parse(state.deadline.instant)) throw new Error(`The silence on ${state.label} ended at ${state.deadline.time} ${state.deadline.date} (${state.deadline.zone}); this objection arrived too late.`);
  const arrived = input.now.toISOString();
  store.records.addObjection({ docId: input.docId, silence: state.silence, signature: objection.signature, delegation: objection.delegation, text: jcs(objection), arrived });
  return arrived;
}

/**
 * At or after the deadline of the document's open silence, records its outcome signed with
 * `key`: 'agreed under silence procedure' without objections, 'silence broken by X, Y' with
 * the objections that arrived by the deadline. Resolves to the outcome record, or null when
 * there is no open silence or its deadline is still ahead.
 */
export async function settleSilence(store: Store, input: { docId: string; key: RecordSigner; now: Date }): Promise<SilenceRecord | null> {
  const { records, headRevision, n } = chainOf(store, input.docId);
  const state = await silenceOf(records);
  const placed = records.at(-1);
  if (!state || state.outcome !== 'pending' || !placed || !headRevision || placed.type !== 'penholder-silence-record') return null;
  const deadline = Date.parse(state.deadline.instant);
  if (input.now.getTime() < deadline) return null;
  if ((await recordHash(placed)) !== state.silence) return null;
  const objections = receivedObjections(store, state.silence).filter((o) => Date.parse(o.arrived) <= deadline);
  const record = await signSilenceRecord({ event: 'outcome', previous: placed, deadline: state.deadline, objections, time: input.now.toISOString() }, input.key);
  store.records.append(input.docId, n + 1, headRevision, record);
  return record;
}

/** The documents of the store with an open silence and its deadline instant (what a host's timer watches). */
export async function openSilences(store: Store, docIds: readonly string[]): Promise<{ docId: string; deadline: number }[]> {
  const out: { docId: string; deadline: number }[] = [];
  for (const docId of docIds) {
    const state = await silenceOf(chainOf(store, docId).records);
    if (state?.outcome === 'pending') out.push({ docId, deadline: Date.parse(state.deadline.instant) });
  }
  return out;
}

/** The silence procedure on issued revision `revisionId` as its exports state it (the outcome or the deadline in words, with the label), or null when it was never placed under silence. */
export async function silenceWordsOf(store: Store, revisionId: string): Promise<string | null> {
  const place = store.records.placeOf(revisionId);
  if (!place) return null;
  const rows = store.records.chain(place.docId);
  let end = place.n;
  while (rows[end]?.revisionId === revisionId && (JSON.parse(rows[end]!.text) as ChainRecord).type === 'penholder-silence-record') end++;
  const state = await silenceOf(rows.slice(0, end).map((r) => JSON.parse(r.text) as ChainRecord));
  if (!state) return null;
  const when = `${state.deadline.date} ${state.deadline.time} (${state.deadline.zone})`;
  if (state.outcome === 'pending') return `${state.label}: under silence procedure until ${when}`;
  return `${state.label}: ${outcomeWords(state)} (deadline ${when})`;
}
