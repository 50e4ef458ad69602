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
 * Only then does Hocuspocus apply it to its document and broadcast it. A refused update is
 * neither applied, broadcast nor stored: the hook tells the sender why in a stateless
 * message `{"type":"penholder.refused","reason":..,"snapshot":..}` and throws, which makes
 * Hocuspocus close that document connection (code 4403); the provider reconnects and resyncs
 * from the host's state. The snapshot (what the host holds) lets the sender take the refused
 * change back in its own replica, without which it could send nothing more (take-back.ts).
 * Observers get read-only connections (Hocuspocus ignores their updates; the hook tells the
 * observer so in the same kind of message, without closing).
 * A wrong code is refused in `onAuthenticate`, before any document byte is sent, with a
 * reason `kind: sentence` (bad-token, wrong-code, too-many-attempts, no-such-document).
 * The list of served documents (ids, titles, symbols: `POST /penholder/documents` with the
 * provider token as body, what a join dialog shows to pick from) passes the same check and
 * throttle first; a refused token gets 401 with the reason and nothing about any document.
 */
import { networkInterfaces } from 'node:os';
import { Server, type Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Participant } from '../../shared/api/contract.js';
import type { Node } from 'prosemirror-model';
import { documentMeta, type LiveDocuments } from '../backend/live-documents.js';
import { yDocToDoc } from '../../shared/ydoc.js';
import { admits, codeMatches, createThrottle, newAccessCode, parseToken, type ParticipantToken, type ThrottleOptions } from './access.js';
import { listen, listenError, readBody } from './host-http.js';
import { containsUpdate, readAwarenessClaims, readSyncUpdate } from './host-messages.js';
import { checkDelegationChange } from './role-check.js';

/** What a host needs: the live documents over its store, what to serve, where, and whom to tell. */
export type HostOptions = {
  docs: LiveDocuments;
  /** The documents served; each must exist in the store. */
  docIds: string[];
  /** Address to listen on (default 0.0.0.0: every interface, for a LAN). */
  bind?: string;
  /** Port (default 0: any free port). */
  port?: number;
  throttle?: ThrottleOptions;
  /** The codes to accept (default: fresh ones); a host restarted on the same store can keep its participants' codes. */
  codes?: { joinCode: string; facilitatorCode: string };
  /** An accepted remote change, already in the store (for the host's own renderers). */
  onRemoteUpdate?(docId: string, update: Uint8Array, by: Participant): void;
  /** Someone connected or left. */
  onParticipantsChanged?(): void;
};

/** A running host. */
export type ConsultationHost = {
  /** ws://address:port, with a LAN address when bound to every interface. */
  readonly url: string;
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
  /** Closes every connection and the server; everything accepted is already in the store. Idempotent. */
  stop(): Promise<void>;
};

/**
 * The reason a peer's update was refused, as sent to it in a stateless message; for a
 * refused update also `snapshot`, base64 of Y.encodeSnapshot of the host's document then
 * (state vector and delete set), so the sender can take the change back (take-back.ts).
 */
export type RefusedMessage = { type: 'penholder.refused'; reason: string; snapshot?: string };

type Context = { participant?: Participant };

/** Starts a host (see the module comment). Rejects if a document does not exist or the port is taken. */
export async function startHost(options: HostOptions): Promise<ConsultationHost> {
  const { docs } = options;
  const holder = {};
  for (const id of options.docIds) docs.hold(id, holder);
  const served = new Set(options.docIds);
  const joinCode = options.codes?.joinCode ?? newAccessCode();
  const facilitatorCode = options.codes?.facilitatorCode ?? newAccessCode();
  const throttle = createThrottle(options.throttle);
  const connected = new Map<string, Participant>();
  const awarenessOwners = new Map<number, Participant>();

  // Who may connect or list the documents: a well-formed token with a code that admits its
  // role, from an address not locked out. Throws `{ reason: 'kind: sentence' }` otherwise.
  const authorize = (token: string | undefined, address: string): ParticipantToken => {
    const wait = throttle.waitMs(address);
    if (wait > 0) throw { reason: `too-many-attempts: try again in ${Math.ceil(wait / 1000)} s` };
    let claim: ParticipantToken;
    // A malformed token is refused without comparing any code, so it tells nothing about
    // the codes and costs no attempt: a client fixing its token is not locked out for it.
    try {
      claim = parseToken(token ?? '');
    } catch (err) {
      throw { reason: `bad-token: ${(err as Error).message}` };
    }
    if (!admits({ joinCode, facilitatorCode }, claim)) {
      throttle.fail(address);
      throw { reason: `wrong-code: ${wrongCode(claim, joinCode)}` };
    }
    return claim;
  };
  const titleOf = (id: string) => {
    const { title, symbol } = docs.use(id, (live) => documentMeta(yDocToDoc(live.ydoc)));
    return { title, symbol };
  };

  const accept = (docId: string, update: Uint8Array, by: Participant) => {
    const fresh = docs.use(docId, (live) => !containsUpdate(live.ydoc, update));
    if (!fresh) return;
    // A delegation's update is checked on the validated documents before and after it, in the
    // same step that stores it: a refusal leaves no trace (the replica is rebuilt from the log).
    const check =
      by.role === 'delegation'
        ? (before: Node, after: Node) => {
            const verdict = checkDelegationChange(before, after, by.delegation);
            if (!verdict.ok) throw new Error(verdict.reason);
          }
        : undefined;
    docs.apply(docId, update, 'remote', { author: by.name, delegation: by.delegation }, check);
    options.onRemoteUpdate?.(docId, update, by);
  };

  const server = new Server({
    name: 'penholder',
    address: options.bind ?? '0.0.0.0',
    port: options.port ?? 0,
    quiet: true,
    stopOnSignals: false,
    yDocOptions: { gc: false, gcFilter: () => false },
    async onAuthenticate({ token, documentName, request, connectionConfig }) {
      const address = request.socket.remoteAddress ?? '?';
      const claim = authorize(token, address);
      if (!served.has(documentName)) throw { reason: `no-such-document: this host serves ${options.docIds.join(', ')}, not "${documentName}".` };
      throttle.succeed(address);
      connectionConfig.readOnly = claim.role === 'observer';
      const participant: Participant = { delegation: claim.delegation, name: claim.name, role: claim.role };
      return { participant } satisfies Context;
    },
    async onLoadDocument({ document, documentName }) {
      docs.use(documentName, (live) => Y.applyUpdate(document, Y.encodeStateAsUpdate(live.ydoc), 'penholder-load'));
    },
    async connected({ socketId, documentName, context }) {
      const participant = (context as Context).participant;
      if (participant) connected.set(`${socketId}/${documentName}`, participant);
      options.onParticipantsChanged?.();
    },
    async onDisconnect({ socketId, documentName }) {
      if (connected.delete(`${socketId}/${documentName}`)) options.onParticipantsChanged?.();
    },
    async beforeHandleMessage({ connection, documentName, update: data, context }) {
      const participant = (context as Context).participant;
      const claimed = participant ? readAwarenessClaims(data) : [];
      // A stock provider answers an awareness query with every state it knows, other
      // participants' included: a client id already owned by someone is a relay and must
      // carry its owner's identity; a new client id becomes the sender's and must carry the
      // sender's. So nobody can speak for someone else, and relays pass.
      const spoofed = claimed.find((c) => {
        const owner = awarenessOwners.get(c.clientId) ?? participant!;
        return !sameParticipant(c, owner);
      });
      if (!spoofed) for (const c of claimed) if (!awarenessOwners.has(c.clientId)) awarenessOwners.set(c.clientId, participant!);
      if (spoofed) {
        const refused: RefusedMessage = { type: 'penholder.refused', reason: `Presence must name who you are (${participant!.delegation}, ${participant!.role}).` };
        connection.sendStateless(JSON.stringify(refused));
        throw { code: 4403, reason: 'forbidden-presence' };
      }
      const update = readSyncUpdate(data);
      if (!update || !participant) return;
      if (connection.readOnly) {
        // Hocuspocus drops an observer's change; the observer is told why (each time it sends one the host lacks).
        if (!docs.use(documentName, (live) => containsUpdate(live.ydoc, update))) {
          const refused: RefusedMessage = { type: 'penholder.refused', reason: 'Observers follow the consultation read-only: your change was not accepted.' };
          connection.sendStateless(JSON.stringify(refused));
        }
        return;
      }
      try {
        accept(documentName, update, participant);
      } catch (err) {
        const snapshot = docs.use(documentName, (live) => Buffer.from(Y.encodeSnapshot(Y.snapshot(live.ydoc))).toString('base64'));
        const refused: RefusedMessage = { type: 'penholder.refused', reason: (err as Error).message, snapshot };
        connection.sendStateless(JSON.stringify(refused));
        throw { code: 4403, reason: 'forbidden-update' };
      }
    },
    async onRequest({ request, response }) {
      if (request.url !== '/penholder/documents') return;
      // The list (ids and titles) is document information: only for a token the host admits,
      // checked and throttled exactly like a connection's (see listDocuments).
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      try {
        if (request.method !== 'POST') throw { reason: 'bad-token: POST the token (the provider token JSON) to list the documents.' };
        authorize(await readBody(request, 10_000), request.socket.remoteAddress ?? '?');
        throttle.succeed(request.socket.remoteAddress ?? '?');
        reply(200, { documents: options.docIds.map((id) => ({ id, ...titleOf(id) })) });
      } catch (err) {
        reply(401, { reason: (err as { reason?: string }).reason ?? 'bad-token: unreadable request.' });
      }
      throw null;
    },
  });

  const bind = options.bind ?? '0.0.0.0';
  try {
    await listen(server.httpServer, bind, options.port ?? 0);
  } catch (err) {
    docs.releaseAll(holder);
    throw new Error(listenError(err, bind, options.port ?? 0), { cause: err });
  }
  const hpDocs = new Map<string, Document>();
  const direct = await Promise.all(options.docIds.map((id) => server.hocuspocus.openDirectConnection(id, {})));
  direct.forEach((dc, i) => hpDocs.set(options.docIds[i]!, dc.document!));
  const port = server.address.port;
  let stopped: Promise<void> | null = null;

  return {
    url: `ws://${publicAddress(bind)}:${port}`,
    port,
    joinCode,
    facilitatorCode,
    documents: [...options.docIds],
    participants: () => [...connected.values()],
    awareness: (docId) => hpDocs.get(docId)?.awareness,
    applyLocal(docId, update) {
      const doc = hpDocs.get(docId);
      if (doc) Y.applyUpdate(doc, update, 'penholder-local');
    },
    stop() {
      stopped ??= (async () => {
        await Promise.all(direct.map((dc) => dc.disconnect()));
        await server.destroy();
        // Hocuspocus closes each document's connection but leaves the sockets open (ws's
        // close() keeps existing clients): a participant's provider re-attached on the same
        // socket and a stopped host kept admitting it and storing its changes. Cutting the
        // sockets makes every participant see the host gone (reconnecting) at once.
        for (const socket of server.webSocketServer.clients) socket.terminate();
        docs.releaseAll(holder);
      })();
      return stopped;
    },
  };
}

// The reason for people after 'wrong-code:'. Saying that the join code is not a facilitator's
// tells nothing to someone who does not already hold the join code.
function wrongCode(claim: ParticipantToken, joinCode: string): string {
  if (claim.role === 'facilitator' && codeMatches(claim.code, joinCode)) return 'the join code admits delegations and observers; joining as facilitator needs the facilitator code.';
  return 'this code does not open this consultation.';
}

function sameParticipant(a: Participant, b: Participant): boolean {
  return a.delegation === b.delegation && a.name === b.name && a.role === b.role;
}

function publicAddress(bind: string): string {
  if (bind !== '0.0.0.0' && bind !== '::') return bind.includes(':') ? `[${bind}]` : bind;
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) if (info.family === 'IPv4' && !info.internal) return info.address;
  }
  return '127.0.0.1';
}
