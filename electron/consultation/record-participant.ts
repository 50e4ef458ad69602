/**
 * The record on a participant's side (issue 14 points 2 and 5; the host's side and the
 * messages are in record-host.ts). Every revision file the host sends is verified here before
 * it is kept as issued: its signatures, its chain back to the first issued revision, its
 * content hash, that it is signed by the consultation's issuer (the key the host names, which
 * a document keeps from its first received file: a later file of another issuer is refused),
 * and that its chain continues the one received before (no record dropped or replaced). A file
 * that fails is refused and reported (the consultation's last error), never kept; so is a
 * chain whose records name another document than the one it arrives for.
 * Objections this installation signs are kept in its store and sent on every (re)sync until
 * the host answers, so one made offline is delivered on reconnecting.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { RecordError, jcs, verifyRevisionFile, type RevisionFile, type VerifiedRevision } from '../../shared/record/index.js';
import type { Store } from '../store/store.js';
import { recordMessages } from './record-host.js';
import { ConsultationError } from '../../shared/consultation/errors.js';
import { causeValue, type Message, type MessageValue, msg } from '../../shared/i18n/message.js';
import { peerMessage } from '../../shared/i18n/peer-message.js';

/** What the participant side reports to the consultation service. */
export type RecordParticipantHooks = { setError(message: string | Message): void; statusChanged(): void };

const attached = new Map<Store, { docId: string; provider: HocuspocusProvider }>();

// The host's refusal of an objection is taken as a catalogue message only if it is one of
// ours: the silence procedure's refusals or an objection that does not verify.
const refusalPrefixes = ['backend:silence.', 'checks:record.'];

/**
 * Verifies revision file `text` received for `docId` from a host naming `issuerFingerprint`
 * as its issuer, and keeps it as received when it verifies, every record names `docId`
 * ('chain-broken' otherwise), and it continues what the store holds. Resolves to what it
 * says; throws a RecordError naming what failed.
 */
export async function acceptRevisionFile(store: Store, docId: string, text: string, issuerFingerprint: string, now: Date = new Date()): Promise<VerifiedRevision> {
  const held = store.records.received(docId);
  const first = held[0] ? (JSON.parse(held[0].file) as RevisionFile) : null;
  if (first && first.issuer.fingerprint !== issuerFingerprint) {
    throw new RecordError('unknown-key', msg('checks:consultation.otherIssuer', { named: issuerFingerprint, issuer: first.issuer.fingerprint }));
  }
  // Every record signs its document's id: a host cannot pass one document's chain off as another's.
  const verified = await verifyRevisionFile(text, { key: issuerFingerprint, docId });
  const last = held.at(-1);
  if (last) {
    const before = (JSON.parse(last.file) as RevisionFile).chain.map((r) => jcs(r));
    const after = (JSON.parse(text) as RevisionFile).chain.map((r) => jcs(r));
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) {
      if (before[i] !== after[i]) throw new RecordError('chain-broken', msg('checks:consultation.chainRewritten', { n: i + 1, label: verified.label }));
    }
  }
  store.records.addReceived({ docId, n: verified.chain, label: verified.label, file: text, received: now.toISOString() });
  return verified;
}

/**
 * Sends every objection of `docId` this installation signed and the host has not answered,
 * when a consultation on that document is attached and synced. Returns how many went out.
 */
export function deliverObjections(store: Store, docId: string): number {
  const a = attached.get(store);
  if (!a || a.docId !== docId || !a.provider.isSynced) return 0;
  const pending = store.records.outgoing(docId).filter((o) => o.state === 'pending');
  for (const o of pending) a.provider.sendStateless(JSON.stringify({ type: recordMessages.objection, objection: JSON.parse(o.text) as unknown }));
  return pending.length;
}

/**
 * Attaches the record protocol to a joined document's provider: verifies and keeps the
 * host's revision files, records the host's answers to objections, and sends pending
 * objections on every sync. Detached when the provider is destroyed.
 */
export function attachRecordParticipant(store: Store, docId: string, provider: HocuspocusProvider, hooks: RecordParticipantHooks): void {
  attached.set(store, { docId, provider });
  provider.on('stateless', ({ payload }: { payload: string }) => {
    void handle(payload).catch((err: unknown) => {
      hooks.setError(msg('checks:consultation.revisionRefused', { reason: causeValue(err) }));
      hooks.statusChanged();
    });
  });
  provider.on('synced', () => deliverObjections(store, docId));
  provider.on('destroy', () => {
    if (attached.get(store)?.provider === provider) attached.delete(store);
  });

  async function handle(payload: string): Promise<void> {
    let message: { type?: unknown; docId?: unknown; issuer?: { fingerprint?: unknown }; files?: unknown; signature?: unknown; arrived?: unknown; refused?: unknown; refusedText?: unknown };
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      return;
    }
    if (message.type === recordMessages.answer && typeof message.signature === 'string') {
      const refused = typeof message.refused === 'string';
      const text = refused ? peerMessage(message.refusedText, refusalPrefixes) : undefined;
      store.records.settleOutgoing(message.signature, refused ? 'refused' : 'delivered', refused ? null : String(message.arrived ?? ''), refused ? String(message.refused) : '', text);
      if (refused) hooks.setError(msg('checks:consultation.objectionRefused', { reason: text ?? String(message.refused) }));
      hooks.statusChanged();
      return;
    }
    if (message.type !== recordMessages.records) return;
    if (message.docId !== docId || typeof message.issuer?.fingerprint !== 'string' || !Array.isArray(message.files)) {
      throw new RecordError('malformed', msg('checks:consultation.recordsMessage'));
    }
    const issuer = message.issuer.fingerprint;
    const failures: MessageValue[] = [];
    for (const file of message.files) {
      if (typeof file !== 'string') continue;
      if (store.records.received(docId).some((r) => r.file === file)) continue;
      try {
        await acceptRevisionFile(store, docId, file, issuer);
      } catch (err) {
        if (!(err instanceof RecordError)) throw err;
        failures.push(err.text);
      }
    }
    if (failures.length > 0) throw new ConsultationError(failures.reduce((a, b) => msg('checks:consultation.both', { a, b })) as Message);
    hooks.statusChanged();
  }
}
