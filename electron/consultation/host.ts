/**
 * Hosting a consultation: a Hocuspocus 3 server whose documents come from, and whose every
 * accepted change goes to, this installation's store through LiveDocuments.
 *
 * Order of events for an incoming change: Hocuspocus hands each message to the
 * `beforeHandleMessage` hook before it touches the document (host-messages.ts reads it).
 * For a sync message carrying an update (sync step 2 or update) from a writable connection
 * the hook
 * 1. skips it when the host already has all of it (a reconnecting peer resending history);
 * 2. applies it with `LiveDocuments.apply`, which refuses updates that do not decode,
 *    depend on missing changes or break the schema and, for a delegation, compares the
 *    validated documents before and after it with `checkDelegationChange` (role-check.ts
 *    explains the rule; both documents share their unchanged paragraphs, so the check costs
 *    about what the update changed); a refused update leaves no trace in the replica;
 * 3. appends it to the store, author = the connection's name and delegation, origin 'remote'
 *    (queued, and committed with the others of the same turn of the event loop at its end,
 *    after the broadcast: see `Store.appendUpdate`).
 * Only then is it applied to Hocuspocus's document and broadcast, with the others of a short
 * window in one transaction and one write per connection (host-fanout.ts; Hocuspocus reads
 * the message emptied, host-messages.ts `takeSyncUpdateInPlace`). A refused update is
 * neither applied, broadcast nor stored: the hook tells the sender why in a stateless
 * message `{"type":"penholder.refused","reason":..,"snapshot":..}` and throws, which makes
 * Hocuspocus close that document connection (code 4403); the provider reconnects and resyncs
 * from the host's state. The snapshot (what the host holds) lets the sender take the refused
 * change back in its own replica, without which it could send nothing more (take-back.ts).
 * Observers get read-only connections (Hocuspocus ignores their updates; the hook tells the
 * observer so in the same kind of message, without closing).
 * Before any of that, a delegation's update must be within `maxUpdateBytes`, its
 * delegation's total within `maxDelegationBytes`, and write only inside the document with
 * attribute values within `maxAttributeBytes` (host-limits.ts); the role check adds the
 * ownership rules and `maxProposalChars`. An awareness message is judged whole
 * (presence-check.ts) and a stateless message from a participant closes its connection:
 * the protocol names none, and Hocuspocus would relay a broadcast one to every peer.
 * Sockets are bounded below Hocuspocus (socket-guard.ts): 64 KiB frames and 10 s to
 * authenticate, queued frames capped, idle sockets closed (`HostOptions.limits`).
 * The host serves wss:// only (HostOptions.tls; participants pin the certificate's
 * fingerprint, participant-tls.ts). A token is refused in `onAuthenticate`, before any
 * document byte is sent, with a reason `kind: sentence` (host-auth.ts: its form, code, time,
 * signature and replay; admission.ts: who the key speaks for, or `waiting` in the lobby);
 * every attempt is checked, a wrong one answered after the throttle's delay, a right one at
 * once (access.ts). The participant, author of its changes and subject of the role check, is
 * the ADMITTED identity of its key, never the one its token claims. Removing a key closes
 * its sockets. The list of served documents (ids, titles, symbols: `POST
 * /penholder/documents` with a token signed for the document '' as body, what a join dialog
 * shows to pick from) passes the same check and throttle first (a key waiting in the lobby
 * gets it too); a refused token gets 401 with the reason and nothing about any document.
 */
import { Server, type Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { Participant } from '../../shared/api/contract.js';
import type { Node } from 'prosemirror-model';
import { documentMeta } from '../backend/live-documents.js';
import { yDocToDoc } from '../../shared/ydoc.js';
import { formatJoinLink } from '../../shared/consultation/join-link.js';
import { memoryAdmissions } from '../store/admissions.js';
import { createThrottle, newAccessCode } from './access.js';
import { createAdmission } from './admission.js';
import { createHostAuthorizer } from './host-auth.js';
import { certificateFingerprint } from './host-cert.js';
import { hostLimits, updateShapeRefusal } from './host-limits.js';
import { listen, listenError, publicAddress, serveDocumentList, useTls } from './host-http.js';
import { broadcastOnce, type Fanout } from './host-fanout.js';
import { awarenessChangesNothing, containsUpdate, emptyAwarenessInPlace, messageType, readAwarenessEntries, readSyncUpdate, takeSyncUpdateInPlace } from './host-messages.js';
import { createPresenceOwners } from './presence-check.js';
import { checkDelegationChange } from './role-check.js';
import { guardSockets } from './socket-guard.js';
import { isObjectionMessage } from './record-host.js';
import { createColleagueAdmission, isColleagueMessage } from './colleague-admission.js';
import { refusalReason } from './refusal-reasons.js';

export type { ConsultationHost, HostOptions, RefusedMessage } from './host-types.js';
import type { ConsultationHost, HostOptions, RefusedMessage } from './host-types.js';
import { ConsultationError } from '../../shared/consultation/errors.js';
import { messageOf, messageText, msg } from '../../shared/i18n/message.js';

type Context = { participant?: Participant; key?: string };

/** Starts a host (see the module comment). Rejects if a document does not exist or the port is taken. */
export async function startHost(options: HostOptions): Promise<ConsultationHost> {
  const { docs } = options;
  const holder = {};
  for (const id of options.docIds) docs.hold(id, holder);
  const served = new Set(options.docIds);
  const joinCode = options.codes?.joinCode ?? newAccessCode();
  const facilitatorCode = options.codes?.facilitatorCode ?? newAccessCode();
  const throttle = createThrottle(options.throttle);
  const limits = hostLimits(options.limits);
  const connected = new Map<string, Participant>();
  const presence = createPresenceOwners();
  const delegationBytes = new Map<string, number>();

  const fingerprint = certificateFingerprint(options.tls.cert);
  const records = options.admissions ?? memoryAdmissions();
  // The sockets each admitted key came on, so removing the key closes them.
  const socketsOf = new Map<string, Set<import('node:net').Socket>>();
  // Members of a delegation told of, and answering for, keys waiting for it (colleague-admission.ts).
  const colleagues = createColleagueAdmission(() => admission);
  const admission = createAdmission({
    records,
    codes: { joinCode, facilitatorCode },
    ...(options.admitPending ? { admitPending: options.admitPending } : {}),
    onChange: () => {
      colleagues.lobbyChanged();
      options.onLobbyChanged?.();
    },
    onRemoved: (key) => {
      for (const socket of socketsOf.get(key) ?? []) socket.destroy();
      socketsOf.delete(key);
    },
  });
  for (const entry of options.admit ?? []) admission.preAdmit(entry);
  const authorize = createHostAuthorizer({ admission, throttle, fingerprint });
  const titleOf = (id: string) => {
    const { title, symbol } = docs.use(id, (live) => documentMeta(yDocToDoc(live.ydoc)));
    return { title, symbol };
  };

  // Whether the update was new to the host and is now applied and stored; throws to refuse it.
  const accept = (docId: string, update: Uint8Array, by: Participant): boolean => {
    const fresh = docs.use(docId, (live) => !containsUpdate(live.ydoc, update));
    if (!fresh) return false;
    // A delegation's update is checked on the validated documents before and after it, in the
    // same step that stores it: a refusal leaves no trace (the replica is rebuilt from the log).
    if (update.length > limits.maxUpdateBytes) {
      throw new ConsultationError(msg('checks:consultation.updateTooBig', { bytes: update.length, max: limits.maxUpdateBytes }));
    }
    const totalKey = `${docId}\u0000${by.delegation}`;
    const total = (delegationBytes.get(totalKey) ?? 0) + update.length;
    if (by.role === 'delegation') {
      if (total > limits.maxDelegationBytes) {
        throw new ConsultationError(msg('checks:consultation.delegationTooBig', { delegation: by.delegation, bytes: total, max: limits.maxDelegationBytes }));
      }
      const shape = docs.use(docId, (live) => updateShapeRefusal(update, limits, live.ydoc));
      if (shape) throw new ConsultationError(shape);
    }
    const check =
      by.role === 'delegation'
        ? (before: Node, after: Node) => {
            const verdict = checkDelegationChange(before, after, by.delegation, limits);
            if (!verdict.ok) throw new ConsultationError(verdict.text);
          }
        : undefined;
    docs.apply(docId, update, 'remote', { author: by.name, delegation: by.delegation }, check);
    delegationBytes.set(totalKey, total);
    options.onRemoteUpdate?.(docId, update, by);
    return true;
  };
  // Each served document's gathered broadcast (host-fanout.ts), set as Hocuspocus loads it.
  const fanouts = new Map<string, Fanout | undefined>();

  // Frames up to an update's cap plus room for the message around it get a refusal that names
  // the cap; anything larger is cut by ws itself (close code 1009) before it is buffered whole.
  const frameBytes = limits.maxUpdateBytes + 64 * 1024;
  const server = new Server({
    name: 'penholder',
    extensions: [...(options.extensions ?? []), colleagues],
    address: options.bind ?? '0.0.0.0',
    port: options.port ?? 0,
    quiet: true,
    stopOnSignals: false,
    // One liveness rule, the socket guard's (idleMs): Hocuspocus's own (a pong within 30 s)
    // cut a participant's document connection whenever the host fell 30 s behind its sockets.
    timeout: limits.idleMs,
    yDocOptions: { gc: false, gcFilter: () => false },
    async onAuthenticate({ token, documentName, request, connectionConfig }) {
      const address = request.socket.remoteAddress ?? '?';
      const { participant, key } = await authorize(token, address, documentName);
      if (!served.has(documentName)) throw { reason: refusalReason('noSuchDocument', { served: options.docIds.join(', '), asked: documentName }) };
      guard.admitted(request, documentName);
      connectionConfig.readOnly = participant.role === 'observer';
      const sockets = socketsOf.get(key) ?? new Set();
      sockets.add(request.socket);
      socketsOf.set(key, sockets);
      request.socket.once('close', () => sockets.delete(request.socket));
      return { participant, key } satisfies Context;
    },
    async onLoadDocument({ document, documentName }) {
      docs.use(documentName, (live) => Y.applyUpdate(document, Y.encodeStateAsUpdate(live.ydoc), 'penholder-load'));
      fanouts.set(documentName, broadcastOnce(document));
    },
    async connected({ socketId, documentName, context }) {
      const participant = (context as Context).participant;
      if (participant) connected.set(`${socketId}/${documentName}`, participant);
      options.onParticipantsChanged?.();
    },
    async onDisconnect({ socketId, documentName }) {
      presence.release(documentName, socketId);
      if (connected.delete(`${socketId}/${documentName}`)) options.onParticipantsChanged?.();
    },
    async beforeHandleMessage({ connection, documentName, update: data, context }) {
      const participant = (context as Context).participant;
      const type = messageType(data);
      // The protocol names no stateless message from a participant to the host: a broadcast
      // one would reach every peer as if the host had sent it (a forged refusal, say).
      // Except an objection to a silence (record-host.ts) and a member's answer for a waiting
      // colleague (colleague-admission.ts), which go to the host alone.
      if (type === 6 || (type === 5 && !isObjectionMessage(data) && !isColleagueMessage(data))) throw { code: 4403, reason: 'forbidden-stateless' };
      const awareness = hpDocs.get(documentName)?.awareness;
      // Most presence messages are a provider sending back what the host relayed to it: one
      // that changes nothing is emptied unread (nothing of it could apply, and none is relayed).
      if (type === 1 && participant && awareness && awarenessChangesNothing(data, awareness)) return emptyAwarenessInPlace(data);
      const entries = participant ? readAwarenessEntries(data, limits.maxPresenceBytes) : null;
      if (entries !== null && participant) {
        // Judged as a whole (presence-check.ts): one bad entry refuses the message.
        const verdict = typeof entries === 'string' ? entries : awareness ? presence.judge(documentName, awareness, entries, connection.socketId, participant) : 'apply';
        if (verdict === 'drop') emptyAwarenessInPlace(data);
        else if (verdict !== 'apply') {
          const refused: RefusedMessage = { type: 'penholder.refused', reason: verdict };
          connection.sendStateless(JSON.stringify(refused));
          throw { code: 4403, reason: 'forbidden-presence' };
        }
      }
      const update = readSyncUpdate(data);
      if (!update || !participant) return;
      if (connection.readOnly) {
        // Hocuspocus drops an observer's change; the observer is told why (each time it sends one the host lacks).
        if (!docs.use(documentName, (live) => containsUpdate(live.ydoc, update))) {
          const text = msg('checks:consultation.observerReadOnly');
          const refused: RefusedMessage = { type: 'penholder.refused', reason: messageText(text), text };
          connection.sendStateless(JSON.stringify(refused));
        }
        return;
      }
      try {
        // Accepted: the fan-out's next flush applies it to Hocuspocus's document, not Hocuspocus.
        const fanout = fanouts.get(documentName);
        if (accept(documentName, update, participant) && fanout && takeSyncUpdateInPlace(data)) fanout.take(update.slice(), connection);
      } catch (err) {
        const snapshot = docs.use(documentName, (live) => Buffer.from(Y.encodeSnapshot(Y.snapshot(live.ydoc))).toString('base64'));
        const text = messageOf(err);
        const refused: RefusedMessage = { type: 'penholder.refused', reason: (err as Error).message, snapshot, ...(text ? { text } : {}) };
        connection.sendStateless(JSON.stringify(refused));
        throw { code: 4403, reason: 'forbidden-update' };
      }
    },
    async onRequest({ request, response }) {
      if (request.url !== '/penholder/documents') return;
      await serveDocumentList(request, response, async (body, address) => void (await authorize(body, address, '')), () => options.docIds.map((id) => ({ id, ...titleOf(id) })));
      throw null;
    },
  }, { maxPayload: frameBytes });

  useTls(server, options.tls);
  const guard = guardSockets(server.webSocketServer, limits, frameBytes);
  const bind = options.bind ?? '0.0.0.0';
  try {
    await listen(server.httpServer, bind, options.port ?? 0);
  } catch (err) {
    guard.stop();
    records.close();
    docs.releaseAll(holder);
    throw new ConsultationError(listenError(err, bind, options.port ?? 0), err);
  }
  const hpDocs = new Map<string, Document>();
  const direct = await Promise.all(options.docIds.map((id) => server.hocuspocus.openDirectConnection(id, {})));
  direct.forEach((dc, i) => hpDocs.set(options.docIds[i]!, dc.document!));
  const port = server.address.port;
  let stopped: Promise<void> | null = null;

  const url = `wss://${publicAddress(bind)}:${port}`;
  return {
    url,
    fingerprint,
    link: formatJoinLink({ url, code: joinCode, fingerprint }),
    port,
    joinCode,
    facilitatorCode,
    documents: [...options.docIds],
    participants: () => [...connected.values()],
    awareness: (docId) => hpDocs.get(docId)?.awareness,
    lobby: () => admission.lobby(),
    admit: (key) => admission.admit(key),
    refuse: (key) => admission.refuse(key),
    removeKey: (key) => admission.removeKey(key),
    delegationCode: (delegation) => admission.delegationCode(delegation),
    applyLocal(docId, update) {
      const doc = hpDocs.get(docId);
      if (doc) Y.applyUpdate(doc, update, 'penholder-local');
    },
    stop() {
      stopped ??= (async () => {
        await Promise.all(direct.map((dc) => dc.disconnect()));
        await server.destroy();
        guard.stop();
        // Hocuspocus closes each document's connection but leaves the sockets open (ws's
        // close() keeps existing clients): a participant's provider re-attached on the same
        // socket and a stopped host kept admitting it and storing its changes. Cutting the
        // sockets makes every participant see the host gone (reconnecting) at once.
        for (const socket of server.webSocketServer.clients) socket.terminate();
        records.close();
        docs.releaseAll(holder);
      })();
      return stopped;
    },
  };
}
