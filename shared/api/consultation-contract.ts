import { z } from 'zod';
import { bytesArg as bytes, idArg as id } from './arg-schemas.js';

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
 * 'offline' (not in a consultation, or the host is unreachable for now).
 */
export type ConsultationState = 'hosting' | 'connected' | 'connecting' | 'reconnecting' | 'offline';

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
};

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
export type RememberedJoin = { url: string; code: string; delegation: string; name: string; role: ConsultationRole; docIds: string[]; joinedAt: string };

// Who asks a host for something, and with which code: a join, and the listing that precedes it.
const joinerArgs = z.object({
  url: z.string().min(1).max(2000),
  code: z.string().min(1).max(200),
  delegation: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  role: z.enum(consultationRoles),
});

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
   * themselves) unless `newCodes`; another document gets fresh ones.
   */
  'consultation.host': { url: string; joinCode: string; facilitatorCode: string; documents: string[] };
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
  /** Publishes this participant's cursor to the others (no effect outside a consultation). */
  'presence.set': { ok: true };
};
