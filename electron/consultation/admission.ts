/**
 * Who a key speaks for in a consultation, decided by the host (issue 13, point 2). A token
 * (join-token.ts) proves that its sender holds a key; this module decides what that key
 * may do:
 * - a key admitted before (this session or an earlier one: AdmissionRecords, kept in the
 *   store) is let in as the delegation, name and role it was admitted as, whatever its
 *   token claims now (except that it may come as an observer: less than it was admitted for);
 * - the facilitator code admits its key as a facilitator (a co-facilitator), remembered;
 * - a delegation's own code (`delegationCode`) admits its key for that delegation when no
 *   key is admitted for it yet; otherwise the key waits in the lobby;
 * - the join code puts a new key in the lobby with the delegation, name and role it asked
 *   for, until the facilitator admits or refuses it (`admitPending` may admit at once: a
 *   host's policy, e.g. tests of other parts; the app and the CLI pass none).
 * A key waiting for a delegation can also be admitted or refused by a member of that
 * delegation (`memberAnswer`, by rule: the member's connection and its key are admitted as a
 * delegation, X, and the waiting key asks for X, as a delegation or an observer; a member
 * never answers for another delegation, an observer or a facilitator never as a member).
 * Each admission keeps who made it (`AdmittedBy`). A refused key is told so once (by whom)
 * and may ask again. Removing an admitted key forgets it and calls `onRemoved` (the host
 * closes its connections).
 */
import type { ConsultationRole, Participant } from '../../shared/api/contract.js';
import type { AdmittedBy, LobbyEntry } from '../../shared/api/consultation-contract.js';
import type { AdmissionRecords } from '../store/admissions.js';
import { codeMatches, newAccessCode } from './access.js';
import { shortKey } from './join-token.js';
import { refusalReason, type ReasonKey } from './refusal-reasons.js';

/** What a code is in this consultation. */
export type CodeKind = { kind: 'facilitator' } | { kind: 'join' } | { kind: 'delegation'; delegation: string };

/** The host's answer for a proven key: in (as whom), waiting in the lobby, or refused; reasons are `kind: sentence`. */
export type AdmissionDecision = { kind: 'admitted'; participant: Participant } | { kind: 'waiting'; reason: string } | { kind: 'refused'; reason: string };

/** What a key asks for (from its token). */
export type AdmissionRequest = { key: string; delegation: string; name: string; role: ConsultationRole };

/** An admitted connection answering for a waiting key: its admitted participant and its key's fingerprint. */
export type Member = { participant: Participant; key: string };

/** The admission state of one hosted consultation (see the module comment). */
export type Admission = {
  /** Which code `typed` is: the facilitator's, the join code, a delegation's, or null. */
  codeKind(typed: string): CodeKind | null;
  /** Decides for a key that proved itself with a code of `code` kind. */
  decide(request: AdmissionRequest, code: CodeKind): AdmissionDecision;
  /** The lobby and the admitted keys. */
  lobby(): { pending: LobbyEntry[]; admitted: LobbyEntry[] };
  /** Admits a pending key as it asked, recording who did (default: the facilitator); false when it is not pending. */
  admit(key: string, by?: AdmittedBy): boolean;
  /** The keys waiting that a member of `delegation` may answer for (see `memberAnswer`), oldest first. */
  waitingFor(delegation: string): LobbyEntry[];
  /**
   * A member's admit or refuse of the waiting `key`, checked by the rule of the module
   * comment: done and `{ ok: true }`, or `{ ok: false, reason }` with nothing changed.
   */
  memberAnswer(member: Member, key: string, decision: 'admit' | 'refuse'): { ok: true } | { ok: false; reason: string };
  /** Pre-admits `key` (a fingerprint) as `delegation`/`role` (`penholder host --admit`); without a name, the first token's name is kept. */
  preAdmit(entry: { key: string; delegation: string; name?: string; role: ConsultationRole }): void;
  /** Refuses a pending key (told at its next attempt, naming `by`, default the facilitator); false when it is not pending. */
  refuse(key: string, by?: AdmittedBy): boolean;
  /** Forgets an admitted key and calls onRemoved; false when it was not admitted. */
  removeKey(key: string): boolean;
  /** The code of `delegation`, made the first time it is asked for and kept. */
  delegationCode(delegation: string): string;
};

/** Makes the admission state of a consultation over `records`. */
export function createAdmission(options: {
  records: AdmissionRecords;
  codes: { joinCode: string; facilitatorCode: string };
  admitPending?: (entry: LobbyEntry) => boolean;
  onChange?: () => void;
  onRemoved?: (key: string) => void;
  now?: () => Date;
}): Admission {
  const { records, codes } = options;
  const now = options.now ?? (() => new Date());
  const admitted = new Map(records.list().map((e) => [e.key, e]));
  const pending = new Map<string, LobbyEntry>();
  // Refused keys, with who refused them, told at their next attempt.
  const refused = new Map<string, AdmittedBy>();
  const entry = (e: AdmissionRequest & { since: string; admittedBy?: AdmittedBy }): LobbyEntry => ({
    key: e.key,
    keyShort: shortKey(e.key),
    delegation: e.delegation,
    name: e.name,
    role: e.role,
    since: e.since,
    ...(e.admittedBy ? { admittedBy: e.admittedBy } : {}),
  });
  const put = (e: AdmissionRequest, by: AdmittedBy) => {
    const stored = { key: e.key, delegation: e.delegation, name: e.name, role: e.role, since: now().toISOString(), admittedBy: by };
    records.put(stored);
    admitted.set(e.key, stored);
    pending.delete(e.key);
    options.onChange?.();
  };
  const delegationTaken = (delegation: string) => [...admitted.values()].some((e) => e.role === 'delegation' && e.delegation === delegation);
  const waiting = (request: AdmissionRequest, why: ReasonKey, values: Record<string, string>): AdmissionDecision => {
    if (!pending.has(request.key)) {
      if (pending.size >= maxPending) return { kind: 'refused', reason: refusalReason('lobbyFull', { n: maxPending }) };
      const e = entry({ ...request, since: now().toISOString() });
      if (options.admitPending?.(e)) {
        put(request, { by: 'facilitator' });
        return { kind: 'admitted', participant: { delegation: request.delegation, name: request.name, role: request.role } };
      }
      pending.set(request.key, e);
      options.onChange?.();
    }
    return { kind: 'waiting', reason: refusalReason(why, { ...values, key: shortKey(request.key) }) };
  };

  return {
    codeKind(typed) {
      if (codeMatches(typed, codes.facilitatorCode)) return { kind: 'facilitator' };
      if (codeMatches(typed, codes.joinCode)) return { kind: 'join' };
      for (const { delegation, code } of records.codes()) if (codeMatches(typed, code)) return { kind: 'delegation', delegation };
      return null;
    },
    decide(request, code) {
      const known = admitted.get(request.key);
      // A key may ask for less than it was admitted for (a delegate following as an observer), never for more.
      if (known) {
        // Pre-admitted without a name (--admit): the person's name is the one it first comes with, then kept.
        if (known.name === '') put({ ...known, name: request.name }, known.admittedBy ?? { by: 'list' });
        const name = known.name === '' ? request.name : known.name;
        return { kind: 'admitted', participant: { delegation: known.delegation, name, role: request.role === 'observer' ? 'observer' : known.role } };
      }
      const refusedBy = refused.get(request.key);
      if (refusedBy) {
        refused.delete(request.key);
        pending.delete(request.key);
        options.onChange?.();
        const reason =
          refusedBy.by === 'member'
            ? refusalReason('refusedByMember', { name: refusedBy.name, delegation: refusedBy.delegation, key: refusedBy.keyShort })
            : refusalReason('refusedByFacilitator');
        return { kind: 'refused', reason };
      }
      if (code.kind === 'facilitator') {
        put({ ...request, role: 'facilitator' }, { by: 'facilitator-code' });
        return { kind: 'admitted', participant: { delegation: request.delegation, name: request.name, role: 'facilitator' } };
      }
      if (code.kind === 'delegation') {
        const asked = { ...request, delegation: code.delegation, role: 'delegation' as const };
        if (!delegationTaken(code.delegation)) {
          put(asked, { by: 'delegation-code' });
          return { kind: 'admitted', participant: { delegation: code.delegation, name: request.name, role: 'delegation' } };
        }
        return waiting(asked, 'waitingTaken', { delegation: code.delegation });
      }
      // A delegation that already has a delegate: that delegate may answer too (memberAnswer).
      const asked = { delegation: request.delegation, role: request.role };
      return delegationTaken(request.delegation)
        ? waiting(request, 'waitingDelegate', { ...asked, member: request.delegation })
        : waiting(request, 'waitingFacilitator', asked);
    },
    lobby: () => ({
      pending: [...pending.values()],
      admitted: [...admitted.values()].map(entry),
    }),
    admit(key, by = { by: 'facilitator' }) {
      const e = pending.get(key);
      if (!e) return false;
      put(e, by);
      return true;
    },
    waitingFor: (delegation) => [...pending.values()].filter((e) => e.delegation === delegation && e.role !== 'facilitator'),
    memberAnswer(member, key, decision) {
      const stored = admitted.get(member.key);
      const { delegation, role } = member.participant;
      // The connection's admitted role (an admitted delegate who came as an observer answers
      // nothing) and the key's admission now (a key removed meanwhile answers nothing).
      if (role !== 'delegation' || stored?.role !== 'delegation' || stored.delegation !== delegation) {
        return { ok: false, reason: refusalReason('notMember') };
      }
      const waits = pending.get(key);
      if (!waits) return { ok: false, reason: refusalReason('notWaiting', { key: shortKey(key) }) };
      if (waits.delegation !== delegation || waits.role === 'facilitator') {
        return { ok: false, reason: refusalReason('otherDelegation', { key: shortKey(key), delegation }) };
      }
      const by: AdmittedBy = { by: 'member', delegation, name: stored.name || member.participant.name, keyShort: shortKey(member.key) };
      if (decision === 'admit') put(waits, by);
      else {
        pending.delete(key);
        refused.set(key, by);
        options.onChange?.();
      }
      return { ok: true };
    },
    preAdmit(e) {
      put({ key: e.key, delegation: e.delegation, name: e.name ?? '', role: e.role }, { by: 'list' });
    },
    refuse(key, by = { by: 'facilitator' }) {
      if (!pending.delete(key)) return false;
      refused.set(key, by);
      options.onChange?.();
      return true;
    },
    removeKey(key) {
      if (!admitted.delete(key)) return false;
      records.remove(key);
      options.onChange?.();
      options.onRemoved?.(key);
      return true;
    },
    delegationCode(delegation) {
      const existing = records.code(delegation);
      if (existing) return existing;
      const code = newAccessCode();
      records.setCode(delegation, code);
      return code;
    },
  };
}

// The lobby holds at most this many keys: each costs a join code and a signature, but a
// holder of the join code could otherwise fill the facilitator's list without end.
const maxPending = 200;
