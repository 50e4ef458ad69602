/**
 * A joined delegate's side of admitting a colleague (the messages and the host's rule are in
 * colleague-admission.ts): keeps the host's latest list of keys waiting for this delegation
 * and sends this member's admit or refuse, resolving with the host's reply.
 *
 * The list comes from the pinned host, but is read as hostile input all the same: entries of
 * the wrong shape are left out, at most `maxColleagues` kept. It is cleared when the document
 * connection closes (a reconnection gets the host's list afresh).
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { ApiError } from '../../shared/api/contract.js';
import type { LobbyEntry } from '../../shared/api/consultation-contract.js';
import { colleagueMessages } from './colleague-admission.js';
import { msg, type Message } from '../../shared/i18n/message.js';
import { reasonText } from './refusal-text.js';

/** What the joined consultation holds of this protocol. */
export type ColleagueSide = {
  /** The keys the host says wait for this member's delegation (empty when none, or not a member). */
  list(): LobbyEntry[];
  /** Sends this member's decision on `key`; resolves once the host agreed, rejects with its reason or after `replyMs` without answer. */
  answer(key: string, decision: 'admit' | 'refuse'): Promise<void>;
};

// The host keeps at most 200 keys in its lobby; a list longer than that is not the host's.
const maxColleagues = 200;
const replyMs = 10_000;

// The host's refusal of an answer (`kind: sentence`, or nothing) as the message the member reads.
function answerRefused(reason: unknown): Message {
  if (reason === undefined || reason === null) return msg('checks:consultation.answerRefusedPlain', { reason: msg('checks:consultation.noReasonGiven') });
  const text = String(reason);
  const kind = /^([a-z-]+): /.exec(text)?.[1];
  return kind ? msg('checks:consultation.answerRefused', { kind, reason: reasonText(text) }) : msg('checks:consultation.answerRefusedPlain', { reason: text });
}

/** Attaches to `provider`; `changed` is called when the list changes (the status carries it). */
export function attachColleagues(provider: HocuspocusProvider, changed: () => void): ColleagueSide {
  let list: LobbyEntry[] = [];
  const waiting = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  provider.on('stateless', ({ payload }: { payload: string }) => {
    let message: { type?: unknown; waiting?: unknown; key?: unknown; ok?: unknown; reason?: unknown } | null;
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      return;
    }
    if (message?.type === colleagueMessages.waiting && Array.isArray(message.waiting)) {
      list = message.waiting
        .filter(isEntry)
        .slice(0, maxColleagues)
        .map(({ key, keyShort, delegation, name, role, since }) => ({ key, keyShort, delegation, name, role, since }));
      changed();
    } else if (message?.type === colleagueMessages.reply && typeof message.key === 'string') {
      const pending = waiting.get(message.key);
      waiting.delete(message.key);
      if (message.ok === true) pending?.resolve();
      else pending?.reject(new ApiError('invalid-argument', answerRefused(message.reason)));
    }
  });
  provider.on('close', () => {
    if (list.length === 0) return;
    list = [];
    changed();
  });
  return {
    list: () => list,
    answer(key, decision) {
      if (!list.some((e) => e.key === key)) return Promise.reject(new ApiError('not-found', msg('checks:consultation.noKeyForDelegation', { key: key.slice(0, 8).toUpperCase() })));
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(key);
          reject(new ApiError('internal', msg('checks:consultation.hostSilent')));
        }, replyMs);
        waiting.set(key, {
          resolve: () => (clearTimeout(timer), resolve()),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
        provider.sendStateless(JSON.stringify({ type: colleagueMessages.answer, key, decision }));
      });
    },
  };
}

const roles = new Set(['delegation', 'observer']);
const text = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;

function isEntry(v: unknown): v is LobbyEntry {
  const e = (v ?? {}) as Record<string, unknown>;
  return typeof e.key === 'string' && /^[0-9a-f]{64}$/.test(e.key) && text(e.keyShort, 9) && text(e.delegation, 40) && text(e.name, 200) && roles.has(e.role as string) && text(e.since, 40);
}
