/**
 * What every backend handler module stands on: the shared context, one renderer's
 * connection, and broadcasting events. It sits below the handlers (it imports none of
 * them) so backend, revision, negotiation, consultation and file handlers all hang off it
 * without importing each other in a ring.
 */
import type {
  ChannelArgs,
  ChannelResults,
  ConsultationStatus,
  EventName,
  EventPayloads,
  HostDocuments,
  PresenceCursor,
} from '../../shared/api/contract.js';
import type { LibraryHolder } from '../library/library.js';
import type { Store, UpdateOrigin } from '../store/store.js';
import type { Autosave } from './autosave.js';
import type { LiveDocuments } from './live-documents.js';

/** Sends one pushed event to one renderer. */
export type Send = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** One renderer's link to the backend: where its events go and which documents it follows. */
export type Connection = { readonly send: Send; readonly subscriptions: Set<string> };

/** Hosting or joining a consultation, for one backend (implemented by electron/consultation/service.ts). */
export type ConsultationService = {
  host(args: ChannelArgs<'consultation.host'>): Promise<ChannelResults['consultation.host']>;
  stopHosting(): Promise<void>;
  join(args: ChannelArgs<'consultation.join'>): Promise<{ docId: string }>;
  /** The documents a host serves once it accepted the code, or the copies held from it when it does not answer (host-documents.ts). */
  documents(args: ChannelArgs<'consultation.documents'>): Promise<HostDocuments>;
  leave(): Promise<void>;
  status(): ConsultationStatus;
  /**
   * While hosting: the lobby and admitted keys, and the facilitator's decisions on them
   * (admission.ts); throw when not hosting or the key is unknown. admit/refuse while joined
   * as a delegation: this member's answer for a key waiting for it, sent to the host
   * (colleague-participant.ts), resolved once the host agreed.
   */
  lobby(): ChannelResults['consultation.lobby'];
  admit(args: ChannelArgs<'consultation.admit'>): Promise<{ ok: true }>;
  refuse(args: ChannelArgs<'consultation.refuse'>): Promise<{ ok: true }>;
  removeKey(args: ChannelArgs<'consultation.removeKey'>): { ok: true };
  delegationCode(args: ChannelArgs<'consultation.delegationCode'>): { code: string };
  setPresence(docId: string, cursor: PresenceCursor): void;
  /** Called after LiveDocuments accepted an update: local ones go to the consultation. */
  onApplied(docId: string, update: Uint8Array, origin: UpdateOrigin): void;
  /** Leaves or stops hosting. */
  close(): Promise<void>;
};

/** What the handlers share across connections. */
export type BackendContext = {
  readonly store: Store;
  readonly docs: LiveDocuments;
  readonly connections: ReadonlySet<Connection>;
  /** Autosave points and automatic compaction (autosave.ts). */
  readonly autosave: Autosave;
  /** Throws ApiError once the backend is closing, so no call touches a closed store. */
  assertOpen(): void;
  /** Hosting or joining a consultation (electron/consultation/service.ts), when the backend offers it. */
  consultation?: ConsultationService;
  /** The library of adopted texts (electron/library/), its own file beside the store, opened on first use and closed with the backend. */
  readonly library?: LibraryHolder;
};

/** Sends an event to every connection `to` selects; one broken connection never stops the others. */
export function broadcast<E extends EventName>(ctx: BackendContext, event: E, payload: EventPayloads[E], to: (c: Connection) => boolean): void {
  for (const c of ctx.connections) {
    if (!to(c)) continue;
    try {
      c.send(event, payload);
    } catch {
      // A renderer that went away misses the event; it reloads state when it reconnects.
    }
  }
}
