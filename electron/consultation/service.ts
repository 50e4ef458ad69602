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
import { createRecordHost } from './record-host.js';
import { fetchHostDocuments, heldFrom, listHostDocuments, signedToken } from './host-documents.js';
import { loadOrCreateHostCertificate } from './host-cert.js';
import { openAdmissions } from '../store/admissions.js';
import path from 'node:path';
import { joinDocument, LOCAL, type Joined, type JoinHooks } from './participant.js';
import { type Message, messageOf, messageText, msg } from '../../shared/i18n/message.js';

/** The contract of the service (defined below the handlers, in context.ts). */
export type { ConsultationService };

/** The consultation service of one backend. */
export function createConsultationService(ctx: BackendContext): ConsultationService {
  let hosting: { host: ConsultationHost; docId: string } | null = null;
  let joined: Joined | null = null;
  let lastError = '';
  let lastErrorText: Message | undefined;

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
      else if (joined.waiting) state = 'waiting';
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
      ...(lastError && lastErrorText ? { lastErrorText } : {}),
      fingerprint: hosting?.host.fingerprint ?? null,
      link: hosting?.host.link ?? null,
      lobby: hosting?.host.lobby().pending.length ?? 0,
      ...(joined && joined.role === 'delegation' ? { colleagues: joined.colleagues.list() } : {}),
    };
  };
  const emitStatus = () => broadcast(ctx, 'consultation.status', status(), () => true);
  const emitPresence = () => {
    const docId = currentDoc();
    if (docId) broadcast(ctx, 'presence.changed', { docId, presences: presences(awareness()) }, (c) => c.subscriptions.has(docId));
  };
  const pushToRenderers = (id: string, update: Uint8Array) => broadcast(ctx, 'document.update', { id, update }, (c) => c.subscriptions.has(id));
  const mustBeFree = () => {
    if (hosting || joined) throw new ApiError('invalid-argument', msg('checks:consultation.alreadyIn'));
    // A new consultation starts without the last one's error (a refused code stayed on screen after a successful join).
    lastError = '';
    lastErrorText = undefined;
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
      lastError = typeof message === 'string' ? message : messageText(message);
      lastErrorText = typeof message === 'string' ? undefined : message;
    },
    statusChanged: emitStatus,
    presenceChanged: emitPresence,
    participants: () => status().participants,
    leave,
    pushToRenderers,
  };
  const hostingNow = () => {
    if (!hosting) throw new ApiError('invalid-argument', msg('checks:consultation.notHosting'));
    return hosting.host;
  };
  const known = (done: boolean, key: string, what: 'noKeyWaiting' | 'noKeyAdmitted') => {
    if (!done) throw new ApiError('not-found', msg(`checks:consultation.${what}`, { key: key.slice(0, 8).toUpperCase() }));
    return { ok: true as const };
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
      if (!ctx.store.getDocument(docId)) throw new ApiError('not-found', msg('checks:consultation.noDocument', { id: docId }));
      // The certificate and the admitted keys belong to this data folder: participants keep
      // their pinned fingerprint and their admission across the host's restarts.
      const tls = await loadOrCreateHostCertificate(path.dirname(ctx.store.file));
      const host = await startHost({
        docs: ctx.docs,
        docIds: [docId],
        // Issued revisions and silence objections travel with the consultation (record-host.ts).
        extensions: [createRecordHost({ store: ctx.store, docIds: [docId] })],
        tls,
        admissions: openAdmissions(ctx.store.file, docId),
        onLobbyChanged: emitStatus,
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
      return { url: host.url, joinCode: host.joinCode, facilitatorCode: host.facilitatorCode, documents: [...host.documents], fingerprint: host.fingerprint, link: host.link };
    },
    stopHosting,
    async join(args) {
      ctx.assertOpen();
      mustBeFree();
      const docId =
        args.docId ??
        (await firstDocument(ctx, args).catch((err: unknown) => {
          lastError = (err as Error).message;
          lastErrorText = messageOf(err);
          emitStatus();
          throw err;
        }));
      await joinDocument(ctx, args, docId, hooks);
      ctx.store.rememberJoin({ url: args.url, code: args.code, delegation: args.delegation, name: args.name, role: args.role, docId, fingerprint: args.fingerprint });
      return { docId };
    },
    documents(args) {
      ctx.assertOpen();
      return listHostDocuments(ctx, args);
    },
    leave,
    status,
    lobby: () => hostingNow().lobby(),
    // Joined as a delegation: the host asked whether to admit a key claiming it (colleague-participant.ts).
    admit: async ({ key }) => (joined && !hosting ? (await joined.colleagues.answer(key, 'admit'), { ok: true as const }) : known(hostingNow().admit(key), key, 'noKeyWaiting')),
    refuse: async ({ key }) => (joined && !hosting ? (await joined.colleagues.answer(key, 'refuse'), { ok: true as const }) : known(hostingNow().refuse(key), key, 'noKeyWaiting')),
    removeKey: ({ key }) => known(hostingNow().removeKey(key), key, 'noKeyAdmitted'),
    delegationCode: ({ delegation }) => ({ code: hostingNow().delegationCode(delegation) }),
    setPresence(docId, cursor) {
      const a = awareness();
      if (!a || docId !== currentDoc()) return;
      const profile = ctx.store.getProfile();
      const me = joined?.me ?? { delegation: profile.delegation, name: profile.name, role: 'facilitator' as const };
      // Hocuspocus starts a served document's awareness with a null local state, and
      // setLocalStateField does nothing on null: the hosting facilitator was never published.
      a.setLocalState({
        ...(a.getLocalState() ?? {}),
        penholder: {
          ...me,
          ...(cursor.anchor ? { anchor: Buffer.from(cursor.anchor).toString('base64') } : {}),
          ...(cursor.head ? { head: Buffer.from(cursor.head).toString('base64') } : {}),
          ...(cursor.paragraphId ? { paragraphId: cursor.paragraphId } : {}),
        },
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
  const listed = await fetchHostDocuments(args.url, signedToken(ctx, args, ''), args.fingerprint);
  const first = listed === 'unreachable' ? heldFrom(ctx.store, args.url)[0] : listed[0]?.id;
  if (first) return first;
  if (listed === 'unreachable') throw new ApiError('invalid-argument', msg('checks:consultation.cannotReach', { url: args.url }));
  throw new ApiError('invalid-argument', msg('checks:consultation.noDocumentServed', { url: args.url }));
}
