/**
 * The record on a consultation's host (issue 14 points 2 and 5): a Hocuspocus extension that
 * hands every participant the issued revisions of the served documents and takes in their
 * objections to a silence.
 *
 * Why stateless messages and not a Y.Map in the document: a stateless message from the host
 * reaches one connection only from the host process (the host closes any connection that
 * sends one itself, host.ts, except the one objection message below, which it never relays),
 * so a record can never be slipped in by a peer, and the records stay out of the document's
 * update log, which every replica keeps forever. Each participant still verifies every file
 * (record-participant.ts): the host's word is not trusted for signatures or the chain.
 *
 * Messages (JSON in Hocuspocus stateless messages):
 * - host -> participant, on connecting and whenever the chain grows:
 *   `{"type":"penholder.records","docId","issuer":{"publicKey","fingerprint"},"files":[...]}`,
 *   one revision file (its exact text) per issued revision, oldest first, each with the chain
 *   up to it and the silence records on it;
 * - participant -> host: `{"type":"penholder.objection","objection":{...}}` (silence.ts);
 * - host -> that participant: `{"type":"penholder.objection-answer","signature","arrived"}`
 *   (with `"late":true` when it arrived after the deadline: kept, not breaking silence) or
 *   `{..,"refused":"<why>"}`, in English, with `"refusedText"` beside it, the same as a
 *   catalogue message (shared/i18n/message.ts) that our participant says in its language.
 * At each open silence's deadline (a timer; `tick` for tests with an injected clock; at once
 * on starting when a deadline passed while nobody hosted) the host signs the outcome with its
 * installation key when that key issued the chain (a headless `penholder host` on the
 * issuer's data folder does), records late objections the same way as they come, and sends
 * the grown chain to everyone; a participant who was offline gets it on connecting.
 */
import path from 'node:path';
import type { Connection, Extension, Hocuspocus } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { messageOf } from '../../shared/i18n/message.js';
import { serializeRevisionFile, type RecordSigner } from '../../shared/record/index.js';
import { openInstallationKey } from '../identity/installation-key.js';
import { revisionFileOf } from '../store/issue-revision.js';
import { openSilences, receiveObjection, settleSilence } from '../store/silence-procedure.js';
import type { Store } from '../store/store.js';

/** The message types of the record protocol (see the module comment). */
export const recordMessages = { records: 'penholder.records', objection: 'penholder.objection', answer: 'penholder.objection-answer' } as const;

/** What the record extension needs: the host's store, the served documents, and optionally the issuer's key and a clock (tests). */
export type RecordHostOptions = {
  store: Store;
  docIds: readonly string[];
  /** The issuer's key for outcomes (default: the installation key of the store's data folder). */
  key?: () => RecordSigner;
  /** The clock deadlines are judged by and arrivals stamped with (default: the system's). */
  now?: () => Date;
  /** Longest wait between two looks at the deadlines, in ms (default 30 s): a clock moved meanwhile is seen then. */
  recheckMs?: number;
  /** Something went wrong that no participant caused (a store or signing failure). */
  onError?(err: Error): void;
};

/** The extension plus what its owner calls: `changed` after issuing or placing under silence, `tick` to settle due silences now. */
export type RecordHost = Extension & { changed(docId: string): Promise<void>; tick(): Promise<void>; readonly store: Store };

const running = new Set<RecordHost>();

/** Tells every running record host over `store` that the chain of `docId` grew (record handlers call it after issuing or placing under silence). */
export async function recordsChanged(store: Store, docId: string): Promise<void> {
  await Promise.all([...running].filter((h) => h.store === store).map((h) => h.changed(docId)));
}

/**
 * Whether a Hocuspocus message is a stateless (type 5) record objection: the one message of
 * that kind a participant may send the host (host.ts lets it through to this extension's
 * `onStateless`, which never relays it; any other stateless message still closes the connection).
 */
export function isObjectionMessage(data: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== 5) return false;
    return (JSON.parse(decoding.readVarString(decoder)) as { type?: unknown }).type === recordMessages.objection;
  } catch {
    return false;
  }
}

/** The records message of `docId`: one revision file per issued revision, or null when nothing was issued. */
export async function recordsMessage(store: Store, docId: string): Promise<string | null> {
  const rows = store.records.chain(docId);
  const revisions = [...new Set(rows.map((r) => r.revisionId))];
  if (revisions.length === 0) return null;
  const files = [];
  for (const revisionId of revisions) files.push(serializeRevisionFile(await revisionFileOf(store, revisionId)));
  const first = JSON.parse(rows[0]!.text) as { publicKey: string; fingerprint: string };
  return JSON.stringify({ type: recordMessages.records, docId, issuer: { publicKey: first.publicKey, fingerprint: first.fingerprint }, files });
}

/** Creates the record extension for a host (see the module comment); pass it in `HostOptions.extensions`. */
export function createRecordHost(options: RecordHostOptions): RecordHost {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  let key: RecordSigner | undefined;
  const signer = () => (key ??= options.key?.() ?? openInstallationKey(path.dirname(store.file)));
  let instance: Hocuspocus | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  // internal: only a thrown non-Error (a bug) is wrapped here, for the log
  const report = (err: unknown) => options.onError?.(err instanceof Error ? err : new Error(String(err)));

  const send = async (docId: string, to?: Connection) => {
    const message = await recordsMessage(store, docId);
    if (!message) return;
    if (to) to.sendStateless(message);
    else instance?.documents.get(docId)?.broadcastStateless(message);
  };
  const tick = async () => {
    for (const { docId } of await openSilences(store, options.docIds)) {
      if (await settleSilence(store, { docId, key: signer(), now: now() })) await send(docId);
    }
  };
  const schedule = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const due = await openSilences(store, options.docIds);
    const next = Math.min(...due.map((d) => d.deadline));
    const wait = due.length === 0 ? (options.recheckMs ?? 30_000) : Math.max(0, Math.min(next - now().getTime(), options.recheckMs ?? 30_000));
    timer = setTimeout(() => {
      tick().catch(report).finally(() => void schedule().catch(report));
    }, wait);
    timer.unref?.();
  };

  const host: RecordHost = {
    extensionName: 'penholder-record',
    store,
    async connected({ connection, documentName, instance: hp }) {
      instance = hp;
      await send(documentName, connection).catch(report);
    },
    async onStateless({ connection, documentName, payload }) {
      let message: { type?: unknown; objection?: unknown };
      try {
        message = JSON.parse(payload) as typeof message;
      } catch {
        return;
      }
      if (message.type !== recordMessages.objection) return;
      const context = (connection.context ?? {}) as { participant?: { delegation?: string; role?: string; key?: string }; key?: string };
      // An observer follows read-only and speaks for no delegation in the procedure.
      const delegation = context.participant?.role === 'observer' ? '' : (context.participant?.delegation ?? '');
      const fromKey = context.key ?? context.participant?.key;
      const signature = (message.objection as { signature?: unknown } | null)?.signature;
      const answer = { type: recordMessages.answer, signature: typeof signature === 'string' ? signature : '' };
      try {
        const { arrived, late } = await receiveObjection(store, { docId: documentName, objection: message.objection, from: { delegation, ...(typeof fromKey === 'string' ? { key: fromKey } : {}) }, now: now() });
        connection.sendStateless(JSON.stringify({ ...answer, arrived, ...(late ? { late: true } : {}) }));
        // A late objection is recorded in the chain at once when the outcome is already signed.
        if (late && (await settleSilence(store, { docId: documentName, key: signer(), now: now() }))) await send(documentName);
      } catch (err) {
        // The English words for any peer (README), and our participant's the same as a catalogue message.
        const text = messageOf(err);
        connection.sendStateless(JSON.stringify({ ...answer, refused: (err as Error).message, ...(text ? { refusedText: text } : {}) }));
      }
    },
    async onDestroy() {
      stopped = true;
      running.delete(host);
      if (timer) clearTimeout(timer);
    },
    async changed(docId) {
      if (!options.docIds.includes(docId)) return;
      await send(docId);
      await schedule();
    },
    tick,
  };
  running.add(host);
  void schedule().catch(report);
  return host;
}
