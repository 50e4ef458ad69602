/**
 * One joined consultation, the participant's side of service.ts: the replica (a Y.Doc synced
 * with the host by a HocuspocusProvider) seeded from this installation's copy if it holds
 * one, every change arriving there appended to the store (origin 'remote') and pushed to the
 * renderers, the host's refusals handled (refusal.ts), and a document connection the host
 * closed resynced on a fresh one after a growing delay. The socket trusts only the
 * certificate pinned by the join link (participant-tls.ts) and every (re)connection sends a
 * freshly signed version-2 token (join-token.ts) made with this installation's key (the
 * private key stays in the data folder). While the host keeps the key in its lobby, the
 * join waits (state 'waiting') and asks again every `lobbyRetryMs`.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { ApiError, type ChannelArgs, type ConsultationRole, type Participant } from '../../shared/api/contract.js';
import { createYDoc, yDocToDoc } from '../../shared/ydoc.js';
import { broadcast, type BackendContext } from '../backend/context.js';
import { documentMeta } from '../backend/live-documents.js';
import type { RefusedMessage } from './host.js';
import { signedToken } from './host-documents.js';
import { reasonText, refusedText } from './refusal-text.js';
import { detachQuietly, handleRefusal } from './refusal.js';
import { attachRecordParticipant } from './record-participant.js';
import { pinnedWebSocket } from './participant-tls.js';
import { attachColleagues, type ColleagueSide } from './colleague-participant.js';
import { causeValue, type Message, msg } from '../../shared/i18n/message.js';

/** The origin of what the store's copy writes into the replica: the provider sends it, the replica's own listener skips it. */
export const LOCAL = 'penholder-local';

/** A joined document (see the module comment). */
export type Joined = {
  docId: string;
  role: ConsultationRole;
  me: Participant;
  replica: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  everConnected: boolean;
  /** The host refused the code after the join was accepted (it came back with other codes). */
  refused: boolean;
  /** The host keeps this installation's key in its lobby: not admitted yet. */
  waiting: boolean;
  /** Keys waiting for this delegation, which this member may admit or refuse (colleague-participant.ts). */
  colleagues: ColleagueSide;
};

/** How often a key waiting in the host's lobby asks again, at most (the first retries come sooner, 250 ms doubling: a facilitator often admits at once). */
export const lobbyRetryMs = 3000;

/** What a joined consultation tells, and asks of, the service that holds it. */
export type JoinHooks = {
  /** Makes `j` the service's consultation, before the provider connects. */
  adopt(j: Joined): void;
  /** Whether `j` is still the service's consultation (not left meanwhile). */
  isCurrent(j: Joined): boolean;
  /** Shows `message` as the consultation's last error. */
  setError(message: string | Message): void;
  /** The connection, sync, unsynced changes or last error changed. */
  statusChanged(): void;
  /** Someone's presence (cursor, or who is here) changed. */
  presenceChanged(): void;
  /** Who is here now, as the status lists them. */
  participants(): Participant[];
  /** Leaves the service's consultation. */
  leave(): Promise<void>;
  /** Sends a change from the host, already stored, to the renderers. */
  pushToRenderers(docId: string, update: Uint8Array): void;
};

/**
 * Joins `docId` at `args.url` and makes it the service's consultation (`hooks.adopt`).
 * Resolves once the host admitted the code and synced, or, for a document this installation
 * holds, once admitted or after a short wait without answer (worked on offline meanwhile);
 * leaves and rejects when the host refuses the code or a first join gets no answer.
 */
export async function joinDocument(ctx: BackendContext, args: ChannelArgs<'consultation.join'>, docId: string, hooks: JoinHooks): Promise<void> {
  const replica = createYDoc();
  const known = ctx.store.getDocument(docId) !== undefined;
  if (known) ctx.docs.use(docId, (live) => Y.applyUpdate(replica, Y.encodeStateAsUpdate(live.ydoc), LOCAL));
  let settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
  const WebSocketPolyfill = pinnedWebSocket(args.fingerprint, (err) => {
    // Not the host of the join link: nothing was sent; say so.
    hooks.setError(err.text);
    settle?.reject(new ApiError('unauthorized', err.text));
    hooks.statusChanged();
  });
  const socket = new HocuspocusProviderWebsocket({ url: args.url, WebSocketPolyfill, minDelay: 250, maxDelay: 8000, maxAttempts: 0 });
  const me: Participant = { delegation: args.delegation, name: args.name, role: args.role };
  let accepted = false;
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  let rejoinDelay = 250;
  let lobbyDelay = 250;
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: docId,
    document: replica,
    // A function: each (re)connection signs afresh (the host refuses a signature it saw before).
    token: () => signedToken(ctx, args, docId),
    onAuthenticationFailed: ({ reason }) => {
      if (reason.startsWith('waiting:') && hooks.isCurrent(j)) {
        // In the facilitator's lobby: not an error, a state; ask again in a few seconds.
        j.waiting = true;
        hooks.setError(msg('checks:consultation.waiting', { reason: reasonText(reason) }));
        clearTimeout(timeout);
        hooks.statusChanged();
        detachQuietly(provider, socket);
        const delay = lobbyDelay;
        lobbyDelay = Math.min(lobbyDelay * 2, lobbyRetryMs);
        setTimeout(() => {
          if (hooks.isCurrent(j)) provider.attach();
        }, delay);
        return;
      }
      const refused = refusedText(reason);
      hooks.setError(refused);
      if (!accepted) {
        settle?.reject(new ApiError('unauthorized', refused));
        void hooks.leave();
        return;
      }
      // Refused after the join was accepted: the host came back with other codes (or no
      // longer serves the document). Leaving now would hide why the document went quiet;
      // the consultation stays, offline with the reason, until the person leaves or joins again.
      j.refused = true;
      hooks.statusChanged();
    },
    // A document this installation already holds opens without waiting for the sync.
    onAuthenticated: () => {
      // Admitted again (the host is back with the codes it had): no longer refused.
      if (hooks.isCurrent(j)) {
        j.refused = false;
        if (j.waiting) hooks.setError('');
        j.waiting = false;
      }
      if (known) settle?.resolve();
    },
    onSynced: () => {
      if (!ctx.store.getDocument(docId)) {
        const node = yDocToDoc(replica);
        ctx.store.createDocument({ id: docId, meta: documentMeta(node), update: Y.encodeStateAsUpdate(replica), origin: 'remote' });
        broadcast(ctx, 'documents.changed', { ids: [docId] }, () => true);
      }
      settle?.resolve();
      rejoinDelay = 250;
      // The host dropped our presence when the connection closed and told everyone with a
      // newer clock; resending the same state would be ignored, so bump it on every (re)sync.
      const mine = provider.awareness?.getLocalState();
      if (mine) provider.awareness?.setLocalState({ ...mine });
      hooks.statusChanged();
    },
    onClose: () => {
      // The host closed this document's connection (it refused a change) while the socket
      // stays open: the provider does not sync the document again by itself.
      if (!hooks.isCurrent(j) || j.refused || socket.status !== WebSocketStatus.Connected) return;
      rejoinLater();
    },
    onStateless: ({ payload }) => {
      const message = JSON.parse(payload) as Partial<RefusedMessage>;
      if (message.type === 'penholder.refused' && hooks.isCurrent(j)) {
        // A refused update: the host is closing this document's connection; nothing more
        // goes out until the change is taken back and a fresh connection resyncs.
        if (message.snapshot) rejoinLater();
        hooks.setError(handleRefusal(ctx, j, message));
      }
      hooks.statusChanged();
    },
    onUnsyncedChanges: () => hooks.statusChanged(),
  });
  // A copy joined before (a laptop that restarted) is a reconnection from the start, not a first connection.
  const j: Joined = { docId, role: args.role, me, replica, provider, socket, everConnected: known, refused: false, waiting: false, colleagues: attachColleagues(provider, hooks.statusChanged) };
  attachRecordParticipant(ctx.store, docId, provider, hooks);
  // Detached at once (refusal.ts says why not with a close message) and attached afresh
  // (token, then a full two-way sync that carries what the host lacks) after a growing
  // delay, so a change the host keeps refusing is not resent in a tight loop.
  const rejoinLater = () => {
    detachQuietly(provider, socket);
    const delay = rejoinDelay;
    rejoinDelay = Math.min(rejoinDelay * 2, 30_000);
    setTimeout(() => {
      if (hooks.isCurrent(j)) provider.attach();
    }, delay);
  };
  hooks.adopt(j);
  socket.on('status', ({ status: s }: { status: WebSocketStatus }) => {
    if (s === WebSocketStatus.Connected) j.everConnected = true;
    hooks.statusChanged();
  });
  replica.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === LOCAL || !ctx.store.getDocument(docId)) return;
    try {
      ctx.docs.apply(docId, update, 'remote', { author: '', delegation: '' });
      hooks.pushToRenderers(docId, update);
    } catch (err) {
      hooks.setError(msg('checks:consultation.notStored', { reason: causeValue(err) }));
      hooks.statusChanged();
    }
  });
  provider.awareness?.setLocalStateField('penholder', { ...me });
  // The participant list of a joined installation comes from presence, so the status
  // (which carries it) is re-sent when who is here changes, not on every cursor move.
  let who = '';
  provider.awareness?.on('change', () => {
    hooks.presenceChanged();
    const now = hooks.participants().map((p) => `${p.role}/${p.delegation}/${p.name}`).sort().join('|');
    if (now !== who) {
      who = now;
      hooks.statusChanged();
    }
  });
  provider.attach();
  // A document this installation holds is worked on at once, offline if the host does not
  // answer soon (the provider keeps trying); but a host that answers and refuses the code
  // is an error to show in the join dialog, not a silent leave after it closed.
  const timeout = known
    ? setTimeout(() => settle?.resolve(), knownGraceMs)
    : setTimeout(() => settle?.reject(new ApiError('internal', msg('checks:consultation.noAnswer', { url: args.url }))), 15_000);
  try {
    await ready;
    accepted = true;
  } catch (err) {
    await hooks.leave();
    throw err;
  } finally {
    clearTimeout(timeout);
  }
}

// How long a rejoin of a document already held waits for the host's answer before working offline.
const knownGraceMs = 4000;
