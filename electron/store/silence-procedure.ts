/**
 * The silence procedure on the issuer's side (issue 14 point 5), over the store's chain:
 * placing the last issued revision under silence (a signed `placed` record), taking in the
 * delegations' signed objections with the time they arrive, and at the deadline recording
 * the outcome (a signed `outcome` record listing the objections that arrived by then), then
 * the objections signed by the deadline that arrived after it (signed `late` records, which
 * do not break silence: shared/record/silence-chain.ts gives the rule). Every function takes
 * the clock as an argument, so deadlines are tested without waiting.
 */
import {
  RecordError, jcs, lateWords, outcomeWords, recordHash, signSilenceRecord, silenceOf, verifyEd25519, verifyObjection,
  type ChainRecord, type ReceivedObjection, type RecordSigner, type SilenceDeadline, type SilenceObjection, type SilenceRecord, type SilenceState,
} from '../../shared/record/index.js';
import type { Store } from './store.js';
import { msg } from '../../shared/i18n/message.js';
import { StoreError } from './open-database.js';

/** The document's chain as records, oldest first, with the revision of its last row. */
function chainOf(store: Store, docId: string): { records: ChainRecord[]; headRevision: string | null; n: number } {
  const rows = store.records.chain(docId);
  return { records: rows.map((r) => JSON.parse(r.text) as ChainRecord), headRevision: rows.at(-1)?.revisionId ?? null, n: rows.length };
}

/**
 * Where the silence procedure on the document's last issued revision stands, or null when it
 * was never placed under silence. While 'pending', `objections` are those received by the
 * deadline so far and `late` those received after it; once settled, late objections received
 * but not yet in a late record are listed in `late` too.
 */
export async function silenceState(store: Store, docId: string): Promise<SilenceState | null> {
  const state = await silenceOf(chainOf(store, docId).records);
  if (!state) return null;
  const deadline = Date.parse(state.deadline.instant);
  const received = receivedObjections(store, state.silence);
  const recorded = new Set([...state.objections, ...state.late].map((o) => o.objection.signature));
  const late = [...state.late, ...received.filter((o) => Date.parse(o.arrived) > deadline && !recorded.has(o.objection.signature))];
  if (state.outcome !== 'pending') return { ...state, late };
  return { ...state, objections: received.filter((o) => Date.parse(o.arrived) <= deadline), late };
}

function receivedObjections(store: Store, silence: string): ReceivedObjection[] {
  return store.records.objections(silence).map((o) => ({ objection: JSON.parse(o.text) as SilenceObjection, arrived: o.arrived }));
}

/**
 * Places the document's last issued revision under silence until `deadline`, signed with
 * `key` (the issuer's). Throws a StoreError ('refused', in words) when nothing was issued, the last revision is
 * already under silence or its outcome recorded, the deadline is not after `now`, or `key` is
 * not the chain's issuer.
 */
export async function placeUnderSilence(store: Store, input: { docId: string; deadline: SilenceDeadline; key: RecordSigner; now: Date }): Promise<SilenceRecord> {
  const { records, headRevision, n } = chainOf(store, input.docId);
  const head = records.at(-1);
  if (!head || !headRevision) throw new StoreError('refused', msg('backend:silence.nothingIssued'));
  if (head.publicKey !== input.key.publicKey) throw new RecordError('unknown-key', msg('backend:store.record.otherKey', { fingerprint: head.fingerprint }));
  const state = await silenceOf(records);
  if (state?.outcome === 'pending') throw new StoreError('refused', msg('backend:silence.alreadyUnder', { label: head.label, until: state.deadline.instant }));
  if (state) throw new StoreError('refused', msg('backend:silence.over', { label: head.label, outcome: msg(`backend:silence.outcome.${state.outcome}`) }));
  if (Date.parse(input.deadline.instant) <= input.now.getTime()) throw new StoreError('refused', msg('backend:silence.deadlinePassed', { date: input.deadline.date, time: input.deadline.time, zone: input.deadline.zone }));
  const record = await signSilenceRecord({ event: 'placed', previous: head, deadline: input.deadline, time: input.now.toISOString() }, input.key);
  store.records.append(input.docId, n + 1, headRevision, record);
  return record;
}

/**
 * Takes in a delegation's objection to the silence on the document's last issued revision,
 * arriving `now` from a participant admitted as `from.delegation` (and, when known, with key
 * `from.key`: its fingerprint or raw public key). By the deadline it counts toward the
 * outcome; after it, an objection signed by the deadline is kept as late (recorded in a
 * `late` record by {@link settleSilence}, not breaking silence) and one signed after it is
 * refused. Resolves to the arrival time kept (the first one for an objection sent twice) and
 * whether it is late; throws a StoreError ('refused', in words: the host tells the sender) when the objection
 * does not verify, is not for that silence, speaks for another delegation or key, or was
 * signed after the deadline and arrived after it.
 */
export async function receiveObjection(
  store: Store,
  input: { docId: string; objection: unknown; from: { delegation: string; key?: string }; now: Date },
): Promise<{ arrived: string; late: boolean }> {
  const objection = await verifyObjection(input.objection, 'the objection', (key, bytes, sig) => verifyEd25519(key, bytes, sig));
  const state = await silenceState(store, input.docId);
  if (!state) throw new StoreError('refused', msg('backend:silence.noneToBreak'));
  if (objection.silence !== state.silence || objection.label !== state.label) throw new StoreError('refused', msg('backend:silence.otherSilence', { label: state.label }));
  if (objection.delegation !== input.from.delegation) throw new StoreError('refused', msg('backend:silence.otherDelegation', { signed: objection.delegation, admitted: input.from.delegation }));
  if (input.from.key !== undefined && input.from.key !== objection.fingerprint && input.from.key !== objection.publicKey) throw new StoreError('refused', msg('backend:silence.otherKey', { fingerprint: objection.fingerprint }));
  const deadline = Date.parse(state.deadline.instant);
  const kept = receivedObjections(store, state.silence).find((o) => o.objection.signature === objection.signature);
  if (kept) return { arrived: kept.arrived, late: Date.parse(kept.arrived) > deadline };
  const late = input.now.getTime() > deadline;
  if (late && Date.parse(objection.time) > deadline) {
    throw new StoreError('refused', msg('backend:silence.signedAfter', { label: state.label, time: state.deadline.time, date: state.deadline.date, zone: state.deadline.zone }));
  }
  const arrived = input.now.toISOString();
  store.records.addObjection({ docId: input.docId, silence: state.silence, signature: objection.signature, delegation: objection.delegation, text: jcs(objection), arrived });
  return { arrived, late };
}

/**
 * Records what is due on the silence of the document's last issued revision, signed with
 * `key`: at or after the deadline of an open silence its outcome ('agreed under silence
 * procedure' without objections, 'silence broken by X, Y' with those that arrived by the
 * deadline); then, after the outcome, a `late` record of the late objections received and not
 * yet recorded. Resolves to the last record appended, or null when nothing was due, or when
 * `key` is not the chain's issuer (only the issuer can extend its chain: a host that did not
 * issue leaves it to the issuer's app).
 */
export async function settleSilence(store: Store, input: { docId: string; key: RecordSigner; now: Date }): Promise<SilenceRecord | null> {
  const state = await silenceState(store, input.docId);
  if (!state) return null;
  let { records, headRevision, n } = chainOf(store, input.docId);
  let head = records.at(-1);
  if (!head || !headRevision || head.type !== 'penholder-silence-record' || head.publicKey !== input.key.publicKey) return null;
  let appended: SilenceRecord | null = null;
  if (state.outcome === 'pending') {
    if (input.now.getTime() < Date.parse(state.deadline.instant) || (await recordHash(head)) !== state.silence) return null;
    appended = await signSilenceRecord({ event: 'outcome', previous: head, deadline: state.deadline, objections: state.objections, time: input.now.toISOString() }, input.key);
    store.records.append(input.docId, n + 1, headRevision, appended);
    ({ records, headRevision, n } = chainOf(store, input.docId));
    head = records.at(-1)!;
  }
  const recorded = new Set((await silenceOf(records))?.late.map((o) => o.objection.signature) ?? []);
  // One that arrived after `now` (a clock set back meanwhile) waits: a record cannot list an arrival after its own time.
  const late = state.late.filter((o) => !recorded.has(o.objection.signature) && Date.parse(o.arrived) <= input.now.getTime());
  if (late.length === 0) return appended;
  const record = await signSilenceRecord({ event: 'late', previous: head, deadline: state.deadline, objections: late, time: input.now.toISOString() }, input.key);
  store.records.append(input.docId, n + 1, headRevision!, record);
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

/** The silence procedure on issued revision `revisionId` as its exports state it (the outcome or the deadline in words, with the label, and any objection that arrived after the deadline), or null when it was never placed under silence. */
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
  const late = lateWords(state.late);
  return `${state.label}: ${outcomeWords(state)} (deadline ${when})${late ? `; ${late}` : ''}`;
}
