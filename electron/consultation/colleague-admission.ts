/**
 * A member admitting a colleague (issue 13 point 2: "a second key claiming an admitted
 * delegation waits for the facilitator, or a member already admitted for that delegation").
 * A Hocuspocus extension of the host (host.ts adds it) over the host's admission state.
 *
 * Messages (JSON in Hocuspocus stateless messages; the README's protocol section lists them):
 * - host -> each connection admitted as delegation X, and only those:
 *   `{"type":"penholder.colleagues","waiting":[LobbyEntry, ...]}`, the keys waiting in the
 *   lobby that ask to speak for X (as a delegation or an observer), oldest first; sent when
 *   the connection opens (if any wait) and whenever that list changes (`[]`: nobody waits now);
 * - member -> host: `{"type":"penholder.colleague","key":"<64 hex>","decision":"admit"|"refuse"}`,
 *   exactly these three fields (anything else is answered `malformed` and changes nothing);
 * - host -> that member: `{"type":"penholder.colleague-answer","key","decision","ok":true}`
 *   or `{..,"ok":false,"reason":"kind: sentence"}`.
 * Who may answer is admission.ts's rule (`memberAnswer`), judged from what the host knows of
 * the connection (its authenticated, admitted participant and key), never from the message:
 * a member answers only for keys asking for its own delegation; observers never. The admission
 * is kept like a facilitator's, with the member as `admittedBy`.
 */
import type { Connection, Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { LobbyEntry } from '../../shared/api/consultation-contract.js';
import type { Admission, Member } from './admission.js';
import { refusalReason } from './refusal-reasons.js';

/** The message types of this protocol (see the module comment). */
export const colleagueMessages = { waiting: 'penholder.colleagues', answer: 'penholder.colleague', reply: 'penholder.colleague-answer' } as const;

/** The host's list for a member: keys waiting for its delegation. */
export type ColleaguesMessage = { type: typeof colleagueMessages.waiting; waiting: LobbyEntry[] };

/** A member's decision on one waiting key. */
export type ColleagueAnswer = { key: string; decision: 'admit' | 'refuse' };

/** The host's reply to a member's decision. */
export type ColleagueReply = { type: typeof colleagueMessages.reply; key?: string; decision?: string; ok: boolean; reason?: string };

/**
 * Whether a Hocuspocus message is a stateless (type 5) member decision: one of the messages a
 * participant may send the host (host.ts lets it through to this extension, which never relays it).
 */
export function isColleagueMessage(data: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== 5) return false;
    return (JSON.parse(decoding.readVarString(decoder)) as { type?: unknown } | null)?.type === colleagueMessages.answer;
  } catch {
    return false;
  }
}

/**
 * Reads a member's decision whole: an object with exactly `type`, `key` (64 lowercase hex)
 * and `decision` ('admit' or 'refuse'). Returns it, or a reason `malformed: ...` saying what is wrong.
 */
export function parseColleagueAnswer(payload: string): ColleagueAnswer | string {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return refusalReason('malformedNotJson');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refusalReason('malformedNotObject');
  const fields = Object.keys(value).sort().join(',');
  if (fields !== 'decision,key,type') return fields ? refusalReason('malformedFields', { fields: fields.slice(0, 100) }) : refusalReason('malformedNoFields');
  const { type, key, decision } = value as Record<string, unknown>;
  if (type !== colleagueMessages.answer) return refusalReason('malformedType', { type: colleagueMessages.answer });
  if (typeof key !== 'string' || !/^[0-9a-f]{64}$/.test(key)) return refusalReason('malformedKey');
  if (decision !== 'admit' && decision !== 'refuse') return refusalReason('malformedDecision');
  return { key, decision };
}

/** The extension plus `lobbyChanged`, which the host calls whenever the lobby or the admitted keys change. */
export type ColleagueAdmission = Extension & { lobbyChanged(): void };

/** Creates the extension over the host's admission state (read when needed: the host makes it after this). */
export function createColleagueAdmission(admission: () => Admission): ColleagueAdmission {
  // Connections admitted as a delegation, with the last list each was sent ('': none yet).
  const members = new Map<string, { connection: Connection; member: Member; last: string }>();
  const memberOf = (context: unknown): Member | null => {
    const c = (context ?? {}) as Partial<Member>;
    return c.participant?.role === 'delegation' && typeof c.key === 'string' ? { participant: c.participant, key: c.key } : null;
  };
  const listFor = (delegation: string) => JSON.stringify({ type: colleagueMessages.waiting, waiting: admission().waitingFor(delegation) } satisfies ColleaguesMessage);
  const update = (m: { connection: Connection; member: Member; last: string }, message: string) => {
    if (message === m.last) return;
    // Nothing was ever sent and nobody waits: no message (most connections never see one; a
    // participant clears its list when a connection closes, so a new one starts empty).
    if (m.last === '' && message === emptyList) return;
    m.last = message;
    m.connection.sendStateless(message);
  };
  return {
    extensionName: 'penholder-colleagues',
    async connected({ connection, context, socketId, documentName }) {
      const member = memberOf(context);
      if (!member) return;
      const m = { connection, member, last: '' };
      members.set(`${socketId}/${documentName}`, m);
      update(m, listFor(member.participant.delegation));
    },
    async onDisconnect({ socketId, documentName }) {
      members.delete(`${socketId}/${documentName}`);
    },
    async onStateless({ connection, payload }) {
      const parsed = parseColleagueAnswer(payload);
      if (typeof parsed === 'string') {
        // Not ours at all (another named message, such as an objection): another extension's.
        if (!isColleaguePayload(payload)) return;
        return connection.sendStateless(JSON.stringify({ type: colleagueMessages.reply, ok: false, reason: parsed } satisfies ColleagueReply));
      }
      const member = memberOf(connection.context);
      const verdict = member
        ? admission().memberAnswer(member, parsed.key, parsed.decision)
        : { ok: false as const, reason: refusalReason('notMember') };
      connection.sendStateless(JSON.stringify({ type: colleagueMessages.reply, ...parsed, ...verdict } satisfies ColleagueReply));
    },
    lobbyChanged() {
      const lists = new Map<string, string>();
      for (const m of members.values()) {
        const d = m.member.participant.delegation;
        if (!lists.has(d)) lists.set(d, listFor(d));
        update(m, lists.get(d)!);
      }
    },
  };
}

const emptyList = JSON.stringify({ type: colleagueMessages.waiting, waiting: [] } satisfies ColleaguesMessage);

const isColleaguePayload = (payload: string): boolean => {
  try {
    return (JSON.parse(payload) as { type?: unknown } | null)?.type === colleagueMessages.answer;
  } catch {
    return false;
  }
};
