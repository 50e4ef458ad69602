import { z } from 'zod';
import { bytesArg as bytes, idArg as id } from './arg-schemas.js';
import type { Message } from '../i18n/message.js';

/**
 * The consultation part of the API contract (hosting, joining, leaving, presence): its
 * types, argument schemas and result types. contract.ts composes them into the one
 * contract; import from there.
 */

/** What a participant is in a consultation: the facilitator runs it, delegations propose, observers watch. */
export const consultationRoles = ['facilitator', 'delegation', 'observer'] as const;

/** One of `consultationRoles`. */
export type ConsultationRole = (typeof consultationRoles)[number];

/**
 * Where this backend stands in a consultation: 'hosting' (it runs the server), 'connected',
 * 'connecting' (first connection), 'reconnecting' (lost it, retrying with backoff),
 * 'waiting' (the host has not admitted this installation's key yet: it is in the
 * facilitator's lobby, `lastError` says so, and the join is retried every few seconds),
 * 'offline' (not in a consultation, or the host is unreachable for now).
 */
export type ConsultationState = 'hosting' | 'connected' | 'connecting' | 'reconnecting' | 'waiting' | 'offline';

/** Someone connected to a consultation, as the server authenticated them. */
export type Participant = { delegation: string; name: string; role: ConsultationRole };

/**
 * The consultation status of this backend. `docId` is the hosted or joined document (null
 * when offline and not in one); `unsyncedChanges` counts local changes the host has not
 * confirmed yet; `participants` lists who is connected (all of them when hosting, those
 * seen through presence when joined); `url`/`joinCode`/`facilitatorCode` are set only
 * while hosting; `role` is this backend's own role (null when not in a consultation);
 * `lastError` says in words why the last connection attempt or update failed ('' if none).
 */
export type ConsultationStatus = {
  state: ConsultationState;
  docId: string | null;
  role: ConsultationRole | null;
  unsyncedChanges: number;
  participants: Participant[];
  url: string | null;
  joinCode: string | null;
  facilitatorCode: string | null;
  lastError: string;
  /** `lastError` as a catalogue message, when the backend knew it as one: what the interface shows, in its own language. */
  lastErrorText?: Message;
  /** While hosting: the host certificate's fingerprint (64 lowercase hex) and the join link (with the join code); null otherwise. */
  fingerprint: string | null;
  link: string | null;
  /** While hosting: how many keys wait in the lobby (a change of it is pushed as a status); 0 otherwise. */
  lobby: number;
  /**
   * Joined as a delegation: the keys waiting in the host's lobby that claim this delegation,
   * which this member may admit or refuse (`consultation.admit`/`refuse` while joined); absent otherwise.
   */
  colleagues?: LobbyEntry[];
};

/**
 * A key in the host's lobby or admitted list: `key` is the fingerprint of the installation's
 * Ed25519 public key (64 lowercase hex), `keyShort` its short form (`3F2A-9C1B`), the
 * delegation, name and role it asked for (pending) or was admitted as (admitted), and since
 * when (ISO time).
 */
export type LobbyEntry = { key: string; keyShort: string; delegation: string; name: string; role: ConsultationRole; since: string; admittedBy?: AdmittedBy };

/**
 * Who admitted a key (admitted entries only; absent for keys admitted before this was kept):
 * the hosting facilitator from the lobby, a member already admitted for the same delegation
 * (its delegation, name and short key), the facilitator code (a co-facilitator), the
 * delegation's own code, or the host's --admit list.
 */
export type AdmittedBy =
  | { by: 'facilitator' | 'facilitator-code' | 'delegation-code' | 'list' }
  | { by: 'member'; delegation: string; name: string; keyShort: string };

/**
 * Where someone's cursor is, as Yjs relative positions (Y.encodeRelativePosition, so they
 * survive concurrent edits) of the selection's anchor and head, and the id of the paragraph
 * the head is in (for "follow the facilitator"). All optional: a presence can be just a paragraph.
 */
export type PresenceCursor = { anchor?: Uint8Array; head?: Uint8Array; paragraphId?: string };

/** One remote participant's presence in a document, from the provider's awareness. */
export type RemotePresence = Participant & { clientId: number } & PresenceCursor;

/** A document a consultation host serves, as listed to someone whose code it accepted; `held`: this installation already has a copy. */
export type HostDocument = { id: string; title: string; symbol: string; held: boolean };

/**
 * The documents at a host: `reachable` false means the host did not answer and `documents`
 * are the copies this installation kept from earlier joins at that address (to work on
 * offline until the host is back).
 */
export type HostDocuments = { reachable: boolean; documents: HostDocument[] };

/** A consultation this installation joined: what the join dialog offers to fill in again. */
export type RememberedJoin = { url: string; code: string; delegation: string; name: string; role: ConsultationRole; docIds: string[]; joinedAt: string; fingerprint?: string };

// Who asks a host for something, and with which code: a join, and the listing that precedes it.
const joinerArgs = z.object({
  url: z.string().min(1).max(2000),
  code: z.string().min(1).max(200),
  delegation: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  role: z.enum(consultationRoles),
  /** The host certificate's fingerprint from the join link: the only certificate this join trusts. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'the fingerprint must be 64 lowercase hexadecimal digits'),
});

const keyArg = z.object({ key: z.string().regex(/^[0-9a-f]{64}$/, 'the key must be a fingerprint of 64 lowercase hexadecimal digits') }).strict();

/** Argument schemas of the consultation and presence channels. */
export const consultationChannelArgs = {
  'consultation.host': z
    .object({ docId: id, bind: z.string().min(1).max(200).optional(), port: z.number().int().min(0).max(65535).optional(), newCodes: z.boolean().optional() })
    .strict(),
  'consultation.stopHosting': z.object({}).strict(),
  'consultation.join': joinerArgs.extend({ docId: id.optional() }).strict(),
  'consultation.documents': joinerArgs.strict(),
  'consultation.recent': z.object({}).strict(),
  'consultation.leave': z.object({}).strict(),
  'consultation.status': z.object({}).strict(),
  'consultation.lobby': z.object({}).strict(),
  'consultation.admit': keyArg,
  'consultation.refuse': keyArg,
  'consultation.removeKey': keyArg,
  'consultation.delegationCode': z.object({ delegation: z.string().trim().min(1).max(40) }).strict(),
  'presence.set': z
    .object({ docId: id, anchor: bytes.optional(), head: bytes.optional(), paragraphId: z.string().max(200).optional() })
    .strict(),
} as const;

/** Result types of the consultation and presence channels. */
export type ConsultationChannelResults = {
  /**
   * Starts hosting `docId` (default bind 0.0.0.0, port 0 = any free port). `url` is what
   * participants type (ws://address:port); `documents` the ids served; the join code admits
   * delegations and observers, the facilitator code facilitators. Hosting the same document
   * as last time reuses that consultation's codes (so its participants reconnect by
   * themselves) unless `newCodes`; another document gets fresh ones. The host serves wss://
   * only, with the certificate of this installation's data folder: `fingerprint` is its
   * SHA-256, `link` the join link (penholder://join?url=..&code=<join code>&fp=..).
   */
  'consultation.host': { url: string; joinCode: string; facilitatorCode: string; documents: string[]; fingerprint: string; link: string };
  /** Stops hosting: every connection is closed, everything accepted is already in the store. */
  'consultation.stopHosting': { ok: true };
  /**
   * Joins the consultation at `url` with `code` as `delegation`/`name`/`role`. The host's
   * document is replicated into this installation's store (under the host's id, or `docId`
   * when given); `docId` is the local id to open. Resolves once the first sync finished or
   * rejects with 'unauthorized' when the code is refused.
   */
  'consultation.join': { docId: string };
  /**
   * The documents the host at `url` serves, titled, once it accepted `code` (same checks and
   * throttle as joining; rejects 'unauthorized' otherwise, and nothing about the documents is
   * sent). When the host does not answer: `reachable` false with the documents this
   * installation joined there before (rejects when there are none).
   */
  'consultation.documents': HostDocuments;
  /** The consultations this installation joined, newest first (address, code, who, documents). */
  'consultation.recent': RememberedJoin[];
  /** Leaves the consultation; the local replica stays in the store. */
  'consultation.leave': { ok: true };
  'consultation.status': ConsultationStatus;
  /** While hosting: the keys waiting to be admitted and those admitted to this consultation (remembered across sessions). */
  'consultation.lobby': { pending: LobbyEntry[]; admitted: LobbyEntry[] };
  /**
   * Admits a pending key as the delegation and role it asked for; its participant's next retry
   * gets in. While joined as a delegation: asks the host to admit a key waiting for this
   * delegation (one of `ConsultationStatus.colleagues`), resolved once the host agreed.
   */
  'consultation.admit': { ok: true };
  /** Refuses a pending key (hosting, or joined as its delegation like admit): its join fails with the reason; it can ask again later. */
  'consultation.refuse': { ok: true };
  /** Removes an admitted key: its connections are closed and it goes back to the lobby if it comes again. */
  'consultation.removeKey': { ok: true };
  /**
   * A code for one delegation (made once per consultation and delegation, kept): the first
   * key that brings it is admitted for that delegation if none is yet, any later one waits in the lobby.
   */
  'consultation.delegationCode': { code: string };
  /** Publishes this participant's cursor to the others (no effect outside a consultation). */
  'presence.set': { ok: true };
};
