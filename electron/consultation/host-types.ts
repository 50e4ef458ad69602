/**
 * The types of a consultation host (host.ts): what starting one takes, what a running one
 * offers, and the refusal message a peer receives.
 */
import type { Extension } from '@hocuspocus/server';
import type { Awareness } from 'y-protocols/awareness';
import type { LobbyEntry } from '../../shared/api/consultation-contract.js';
import type { ConsultationRole, Participant } from '../../shared/api/contract.js';
import type { LiveDocuments } from '../backend/live-documents.js';
import type { AdmissionRecords } from '../store/admissions.js';
import type { ThrottleOptions } from './access.js';
import type { HostLimits } from './host-limits.js';
import type { Message } from '../../shared/i18n/message.js';

/** What a host needs: the live documents over its store, what to serve, where, and whom to tell. */
export type HostOptions = {
  docs: LiveDocuments;
  /** The documents served; each must exist in the store. */
  docIds: string[];
  /** Address to listen on (default 0.0.0.0: every interface, for a LAN). */
  bind?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** Delays of wrong-code answers, per address and per claimed identity (access.ts `createThrottle`). */
  throttle?: ThrottleOptions;
  /** Sizes, deadlines and caps on what peers send (host-limits.ts `HostLimits`, defaults there). */
  limits?: Partial<HostLimits>;
  /** The codes to accept (default: fresh ones); a host restarted on the same store can keep its participants' codes. */
  codes?: { joinCode: string; facilitatorCode: string };
  /** The TLS certificate and key (PEM, host-cert.ts): the host serves wss:// only. */
  tls: { key: string; cert: string };
  /** Where admitted keys and delegation codes are kept (electron/store/admissions.ts; default: in memory, this session only). */
  admissions?: AdmissionRecords;
  /** Keys admitted before anyone connects (`penholder host --admit FILE`); key = the public key's fingerprint. */
  admit?: { key: string; delegation: string; name?: string; role: ConsultationRole }[];
  /** A policy that admits a key at once instead of putting it in the lobby (none in the app or the CLI). */
  admitPending?(entry: LobbyEntry): boolean;
  /** The lobby or the admitted keys changed. */
  onLobbyChanged?(): void;
  /** Hocuspocus extensions beside the host's own hooks (record-host.ts: issued revisions to participants, their objections to a silence). */
  extensions?: Extension[];
  /** An accepted remote change, already in the store (for the host's own renderers). */
  onRemoteUpdate?(docId: string, update: Uint8Array, by: Participant): void;
  /** Someone connected or left. */
  onParticipantsChanged?(): void;
};

/** A running host. */
export type ConsultationHost = {
  /** wss://address:port, with a LAN address when bound to every interface. */
  readonly url: string;
  /** The certificate's fingerprint (64 lowercase hex of SHA-256 of its DER). */
  readonly fingerprint: string;
  /** The join link: penholder://join?url=..&code=<join code>&fp=<fingerprint>. */
  readonly link: string;
  readonly port: number;
  readonly joinCode: string;
  readonly facilitatorCode: string;
  readonly documents: readonly string[];
  /** Who is connected now (one entry per connection). */
  participants(): Participant[];
  /** The awareness (presence) of a served document, shared with every peer; undefined if not served. */
  awareness(docId: string): Awareness | undefined;
  /** Sends a change the host's own user made (already applied to the store) to every peer. */
  applyLocal(docId: string, update: Uint8Array): void;
  /** The keys waiting in the lobby and those admitted. */
  lobby(): { pending: LobbyEntry[]; admitted: LobbyEntry[] };
  /** Admits a pending key as it asked; false when it is not pending. */
  admit(key: string): boolean;
  /** Refuses a pending key; false when it is not pending. */
  refuse(key: string): boolean;
  /** Forgets an admitted key and closes its sockets; false when it was not admitted. */
  removeKey(key: string): boolean;
  /** The code of one delegation (made once per consultation, kept in `admissions`). */
  delegationCode(delegation: string): string;
  /** Closes every connection and the server; everything accepted is already in the store. Idempotent. */
  stop(): Promise<void>;
};

/**
 * The reason a peer's update was refused, as sent to it in a stateless message; for a
 * refused update also `snapshot`, base64 of Y.encodeSnapshot of the host's document then
 * (state vector and delete set), so the sender can take the change back (take-back.ts); `text`,
 * when the host knew the reason as a catalogue message, lets our participants show it in their
 * interface language (other clients ignore it; `reason` stays the English sentence).
 */
export type RefusedMessage = { type: 'penholder.refused'; reason: string; snapshot?: string; text?: Message };
