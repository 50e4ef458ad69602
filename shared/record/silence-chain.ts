/**
 * The silence procedure as the chain tells it: which silence records may follow which, and
 * where the procedure on a chain's last revision stands (silence.ts holds the records' form).
 *
 * The rule on time. Silence is broken only by an objection that reached the host by the
 * deadline, by the host's clock. The objection's own `time` is the objecting delegation's
 * clock: trusting it would let anyone move the deadline by setting a clock back, so it cannot
 * decide the outcome. An objection signed by the deadline (by its own clock) that reaches the
 * host after it, typically made offline and delivered on reconnecting, is not thrown away:
 * the host records it in a `late` record after the outcome, with both times, and everyone
 * sees it as "arrived after the deadline", not breaking silence. An objection signed after
 * the deadline is refused outright: nobody could have meant it to count.
 */
import { jcs } from './canonical.js';
import type { SilenceDeadline } from './deadline.js';
import { msg, type MessageValue } from '../i18n/message.js';
import { at as atPlace, RecordError } from './errors.js';
import { recordHash, type ChainRecord } from './record.js';
import { silenceRecordType, verifyObjection, type ReceivedObjection, type SilenceRecord } from './silence.js';

/** Where a revision's silence procedure stands: its deadline, 'pending' until the outcome is recorded, the objections (those recorded, or for 'pending' none yet known here) and the late ones. */
export type SilenceState = {
  label: string;
  deadline: SilenceDeadline;
  outcome: 'pending' | 'agreed' | 'broken';
  brokenBy: string[];
  objections: ReceivedObjection[];
  /** Objections signed by the deadline that reached the host after it: recorded, not breaking silence. */
  late: ReceivedObjection[];
  /** The hash of the `placed` record: what an objection signs as `silence`. */
  silence: string;
};

/** The delegations that broke silence in an outcome record, in the order their first objection arrived, each once. */
export function brokenBy(record: Pick<SilenceRecord, 'objections'>): string[] {
  return [...new Set(record.objections.map((o) => o.objection.delegation))];
}

/** The outcome in words: "agreed under silence procedure" or "silence broken by X, Y". */
export function outcomeWords(record: Pick<SilenceRecord, 'objections'>): string {
  const by = brokenBy(record);
  return by.length === 0 ? 'agreed under silence procedure' : `silence broken by ${by.join(', ')}`;
}

/** The late objections in words ("objection by FRA signed 2026-12-08T10:59:00.000Z arrived after the deadline (2026-12-08T11:30:00.000Z), not breaking silence"), '' when none. */
export function lateWords(late: readonly ReceivedObjection[]): string {
  return late
    .map((o) => `objection by ${o.objection.delegation} signed ${o.objection.time} arrived after the deadline (${o.arrived}), not breaking silence`)
    .join('; ');
}

type Verify = (key: string, bytes: Uint8Array, sig: string) => Promise<boolean>;

/**
 * Checks that silence record `record` may follow `previous` (whose hash `record` already
 * points at) given the last `placed` record since the last revision: `placed` follows a
 * record of the same revision; `outcome` follows its `placed` record with the same deadline,
 * signed at or after the deadline, each objection signed by its own key for that silence and
 * arrived by the deadline; `late` follows the outcome or another late record of that silence,
 * each objection for that silence, signed by the deadline, arrived after it and by the time
 * the late record was signed. Throws a `chain-broken` RecordError (or the objection's own
 * failure) naming `where`.
 */
export async function checkSilenceLink(
  record: SilenceRecord,
  previous: ChainRecord | null,
  placed: { record: SilenceRecord; hash: string } | null,
  where: MessageValue,
  verify: Verify,
): Promise<void> {
  if (previous === null || previous.label !== record.label || previous.contentHash !== record.contentHash) {
    throw new RecordError('chain-broken', atPlace(where, msg('checks:record.silence.notAfterRevision', { label: record.label })));
  }
  if (record.event === 'placed') return;
  const follows = record.event === 'outcome' ? ['placed'] : ['outcome', 'late'];
  if (previous.type !== silenceRecordType || !follows.includes(previous.event) || !placed || jcs(previous.deadline) !== jcs(record.deadline)) {
    const what = { event: msg(`checks:record.event.${record.event}`), label: record.label, follows: msg(`checks:record.event.${record.event === 'outcome' ? 'placed' : 'outcomeOrLate'}`) };
    throw new RecordError('chain-broken', atPlace(where, msg('checks:record.silence.wrongPredecessor', what)));
  }
  const deadline = Date.parse(record.deadline.instant);
  if (Date.parse(record.time) < deadline) {
    const what = { event: msg(`checks:record.event.${record.event}`), label: record.label, time: record.time, deadline: record.deadline.instant };
    throw new RecordError('chain-broken', atPlace(where, msg('checks:record.silence.beforeDeadline', what)));
  }
  for (const [k, entry] of record.objections.entries()) {
    const at = msg('checks:record.place.objectionOf', { where, n: k + 1 });
    const objection = await verifyObjection(entry.objection, at, verify);
    const who = { where: at, delegation: objection.delegation, arrived: entry.arrived, time: objection.time };
    const broken = (key: string) => new RecordError('chain-broken', msg(`checks:record.silence.${key}`, who));
    if (objection.silence !== placed.hash || objection.label !== record.label) throw broken('otherSilence');
    const arrived = Date.parse(entry.arrived);
    if (record.event === 'outcome' && arrived > deadline) throw broken('arrivedLate');
    if (record.event === 'late') {
      if (arrived <= deadline) throw broken('lateButOnTime');
      if (Date.parse(objection.time) > deadline) throw broken('signedLate');
      if (arrived > Date.parse(record.time)) throw broken('afterLateRecord');
    }
  }
}

/** The silence procedure on the chain's last revision, from its trailing silence records, or null when that revision was never placed under silence. */
export async function silenceOf(chain: readonly ChainRecord[]): Promise<SilenceState | null> {
  let placed: SilenceRecord | null = null;
  let outcome: SilenceRecord | null = null;
  const late: ReceivedObjection[][] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const r = chain[i]!;
    if (r.type !== silenceRecordType) break;
    if (r.event === 'late' && !outcome && !placed) late.unshift(r.objections);
    if (r.event === 'outcome' && !outcome && !placed) outcome = r;
    if (r.event === 'placed') {
      placed = r;
      break;
    }
  }
  if (!placed) return null;
  return {
    label: placed.label,
    deadline: placed.deadline,
    outcome: outcome ? (outcome.outcome ?? 'agreed') : 'pending',
    brokenBy: outcome ? brokenBy(outcome) : [],
    objections: outcome ? outcome.objections : [],
    late: outcome ? late.flat() : [],
    silence: await recordHash(placed),
  };
}
