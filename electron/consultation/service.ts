/**
 * The backend's side of consultations: hosting one (a Hocuspocus server in this process,
 * host.ts) or taking part in one (a HocuspocusProvider in Node), never both at once.
 *
 * Data flow when joined (participant.ts): the participant's replica lives in ITS OWN
 * store. The provider syncs a separate Y.Doc (`replica`) with the host; every change
 * arriving there is appended to the store through LiveDocuments (origin 'remote') and pushed
 * to subscribed renderers. A local change from a renderer goes to the store first (documents.applyUpdate)
 * and then, through `onApplied`, into the replica, which the provider sends (or, offline,
 * keeps until the next sync: the provider reconnects with backoff and the Yjs sync
 * exchange sends whatever the host lacks). Private notes never enter either Y.Doc.
 * Presence travels in the provider's awareness under the `penholder` field.
 */
import { WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import {
  ApiError,
  type ChannelArgs,
  type ConsultationRole,
  type ConsultationState,
  type ConsultationStatus,
  type Participant,
  type RemotePresence,
} from '../../shared/api/contract.js';
import { broadcast, type BackendContext, type ConsultationService } from '../backend/context.js';
import { startHost, type ConsultationHost } from './host.js';
import { fetchHostDocuments, heldFrom, listHostDocuments, participantToken } from './host-documents.js';
import { joinDocument, LOCAL, type Joined, type JoinHooks } from './participant.js';


/** The contract of the service (defined below the handlers, in context.ts). */
export type { ConsultationService };

/** The consultation service of one backend. */
export function createConsultationService(ctx: BackendContext): ConsultationService {
  let hosting: { host: ConsultationHost; docId: string } | null = null;
  let joined: Joined | null = null;
  let lastError = '';

  const presences = (awareness: Awareness | undefined): RemotePresence[] => {
    if (!awareness) return [];
    const out: RemotePresence[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      const p = (state as { penholder?: Record<string, unknown> }).penholder;
      if (clientId === awareness.clientID || !p || typeof p.delegation !== 'string') continue;
      out.push({
        clientId,
        delegation: p.delegation,
        name: String(p.name ?? ''),
        role: (p.role as ConsultationRole) ?? 'observer',
        ...(typeof p.anchor === 'string' ? { anchor: new Uint8Array(Buffer.from(p.anchor, 'base64')) } : {}),
        ...(typeof p.head === 'string' ? { head: new Uint8Array(Buffer.from(p.head, 'base64')) } : {}),
        ...(typeof p.paragraphId === 'string' ? { paragraphId: p.paragraphId } : {}),
      });
    }
    return out;
  };
  const awareness = (): Awareness | undefined => (hosting ? hosting.host.awareness(hosting.docId) : joined?.provider.awareness ?? undefined);
  const currentDoc = () => hosting?.docId ?? joined?.docId ?? null;

  const status = (): ConsultationStatus => {
    let state: ConsultationState = 'offline';
    let participants: Participant[] = [];
    if (hosting) {
      state = 'hosting';
      participants = hosting.host.participants();
    } else if (joined) {
      const ws = joined.socket.status;
      if (joined.refused) state = 'offline';
      else state = ws === WebSocketStatus.Connected && joined.provider.isSynced ? 'connected' : joined.everConnected ? 'reconnecting' : 'connecting';
      participants = [joined.me, ...presences(joined.provider.awareness ?? undefined).map(({ delegation, name, role }) => ({ delegation, name, role }))];
    }
    return {
      state,
      docId: currentDoc(),
      role: hosting ? 'facilitator' : joined?.role ?? null,
      unsyncedChanges: joined?.provider.unsyncedChanges ?? 0,
      participants,
      url: hosting?.host.url ?? null,
      joinCode: hosting?.host.joinCode ?? null,
      facilitatorCode: hosting?.host.facilitatorCode ?? null,
      lastError,
    };
  };
  const emitStatus = () => broadcast(ctx, 'consultation.status', status(), () => true);
  const emitPresence = () => {
    const docId = currentDoc();
    if (docId) broadcast(ctx, 'presence.changed', { docId, presences: presences(awareness()) }, (c) => c.subscriptions.has(docId));
  };
  const pushToRenderers = (id: string, update: Uint8Array) => broadcast(ctx, 'document.update', { id, update }, (c) => c.subscriptions.has(id));
  const mustBeFree = () => {
    if (hosting || joined) throw new ApiError('invalid-argument', 'This Penholder is already in a consultation; leave it first.');
    // A new consultation starts without the last one's error (a refused code stayed on screen after a successful join).
    lastError = '';
  };

  const leave = async () => {
    const j = joined;
    if (!j) return;
    joined = null;
    // Leaving while the socket is still connecting makes ws report an error nobody waits for.
    (j.socket.webSocket as unknown as { on?: (e: string, f: () => void) => void } | null)?.on?.('error', () => undefined);
    j.provider.destroy();
    j.socket.destroy();
    j.replica.destroy();
    emitStatus();
  };
  const hooks: JoinHooks = {
    adopt: (j) => {
      joined = j;
    },
    isCurrent: (j) => joined === j,
    setError: (message) => {
      lastError = message;
    },
    statusChanged: emitStatus,
    presenceChanged: emitPresence,
    participants: () => status().participants,
    leave,
    pushToRenderers,
  };
  const stopHosting = async () => {
    const h = hosting;
    if (!h) return;
    hosting = null;
    await h.host.stop();
    emitStatus();
  };

  return {
    async host({ docId, bind, port, newCodes }) {
      ctx.assertOpen();
      mustBeFree();
      if (!ctx.store.getDocument(docId)) throw new ApiError('not-found', `There is no document with id ${docId}.`);
      const host = await startHost({
        docs: ctx.docs,
        docIds: [docId],
        bind: bind ?? '0.0.0.0',
        port: port ?? 0,
        // The same document hosted again is the same consultation: its participants reconnect by themselves.
        codes: newCodes ? undefined : ctx.store.hostCodes([docId]),
        onRemoteUpdate: (id, update) => pushToRenderers(id, update),
        onParticipantsChanged: emitStatus,
      });
      ctx.store.setHostCodes({ joinCode: host.joinCode, facilitatorCode: host.facilitatorCode, documents: [docId] });
      hosting = { host, docId };
      host.awareness(docId)?.on('change', emitPresence);
      emitStatus();
      return { url: host.url, joinCode: host.joinCode, facilitatorCode: host.facilitatorCode, documents: [...host.documents] };
    },
    stopHosting,
    async join(args) {
      ctx.assertOpen();
      mustBeFree();
      const docId =
        args.docId ??
        (await firstDocument(ctx, args).catch((err: unknown) => {
          lastError = (err as Error).message;
          emitStatus();
          throw err;
        }));
      await joinDocument(ctx, args, docId, hooks);
      ctx.store.rememberJoin({ url: args.url, code: args.code, delegation: args.delegation, name: args.name, role: args.role, docId });
      return { docId };
    },
    documents(args) {
      ctx.assertOpen();
      return listHostDocuments(ctx.store, args);
    },
    leave,
    status,
    setPresence(docId, cursor) {
      const a = awareness();
      if (!a || docId !== currentDoc()) return;
      const profile = ctx.store.getProfile();
      const me = joined?.me ?? { delegation: profile.delegation, name: profile.name, role: 'facilitator' as const };
      a.setLocalStateField('penholder', {
        ...me,
        ...(cursor.anchor ? { anchor: Buffer.from(cursor.anchor).toString('base64') } : {}),
        ...(cursor.head ? { head: Buffer.from(cursor.head).toString('base64') } : {}),
        ...(cursor.paragraphId ? { paragraphId: cursor.paragraphId } : {}),
      });
    },
    onApplied(docId, update, origin) {
      if (origin === 'remote') return;
      if (hosting?.docId === docId) hosting.host.applyLocal(docId, update);
      else if (joined?.docId === docId) Y.applyUpdate(joined.replica, update, LOCAL);
    },
    async close() {
      await leave();
      await stopHosting();
    },
  };
}

// The document a join without `docId` means: the host's first, or, when the host does not
// answer, the copy joined there most recently (worked on offline until the host is back).
async function firstDocument(ctx: BackendContext, args: ChannelArgs<'consultation.join'>): Promise<string> {
  const listed = await fetchHostDocuments(args.url, participantToken(args));
  const first = listed === 'unreachable' ? heldFrom(ctx.store, args.url)[0] : listed[0]?.id;
  if (first) return first;
  if (listed === 'unreachable') throw new ApiError('invalid-argument', `Cannot reach a Penholder host at ${args.url}: no answer.`);
  throw new ApiError('invalid-argument', `The host at ${args.url} serves no document.`);
}
