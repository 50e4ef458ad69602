/**
 * What a joined participant's backend does when the host refuses one of its changes: tell
 * the user which change and why, take the change back in its own replica and store
 * (take-back.ts explains how, and why a refused change left in place would block every later
 * one), and resync the document on a fresh connection.
 */
import type { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { broadcast, type BackendContext } from '../backend/context.js';
import type { ConsultationRole, Participant } from '../../shared/api/contract.js';
import type { RefusedMessage } from './host.js';
import { reasonText } from './refusal-text.js';
import { takeBackRefused } from './take-back.js';
import { causeValue, isMessage, type Message, type MessageValue, msg } from '../../shared/i18n/message.js';
import { peerMessage } from '../../shared/i18n/peer-message.js';

/** A joined document as the refusal handling needs it. */
export type RefusedIn = { docId: string; role: ConsultationRole; me: Participant; replica: Y.Doc };

/**
 * Handles a `penholder.refused` message for `joined` and returns the message for the user
 * (the host's reason, and whether the change was taken back). For a delegation's refused
 * update (the message carries the host's snapshot) the taking back is logged in the store as
 * a local change of `me`, sent to the renderers and written into the replica; the caller then
 * resyncs (see `detachQuietly`). Never throws: a taking back that fails is said in the sentence.
 */
export function handleRefusal(ctx: BackendContext, joined: RefusedIn, message: Partial<RefusedMessage>): Message {
  // Our hosts add the reason as a message; only one of ours is taken (never another namespace's key).
  // Without one (a presence refusal) the reason is read by the catalogue's patterns (refusal-text.ts).
  const reason: MessageValue = peerMessage((message as { text?: unknown }).text, ['checks:']) ?? reasonText(String(message.reason ?? ''));
  // A refused presence is not a refused change: its sentence ("The host refused your presence: …") says it all.
  if (isMessage(reason) && reason.key.startsWith('checks:consultation.reason.presence')) return reason;
  const told = (key: string, values: Record<string, MessageValue> = {}) => msg(`checks:consultation.refusedChange.${key}`, { reason, ...values });
  if (!message.snapshot || joined.role !== 'delegation') return told('told');
  const { docId, replica, me } = joined;
  try {
    // The participant's own changes, oldest first: the host has every 'remote' row already.
    const own = ctx.store
      .readUpdates(docId)
      .filter((row) => row.origin !== 'remote')
      .map((row) => row.data);
    const { update, reasons } = takeBackRefused(replica, new Uint8Array(Buffer.from(message.snapshot, 'base64')), own, me.delegation);
    // Nothing of this installation's breaks the rule on the host's text (it was refused for
    // what the host lacked, e.g. a change it depends on): the resync sends it again.
    if (!update) return told('resent');
    ctx.docs.apply(docId, update, 'local', { author: me.name, delegation: me.delegation });
    broadcast(ctx, 'document.update', { id: docId, update }, (c) => c.subscriptions.has(docId));
    return reasons.length > 2 ? told('takenBackMany', { others: reasons.length - 1 }) : reasons.length === 2 ? told('takenBackOne') : told('takenBack');
  } catch (err) {
    return told('notTakenBack', { error: causeValue(err) });
  }
}

/**
 * Detaches `provider` from its socket without telling the host. Used once the host closed the
 * document's connection (after a refusal): a close message sent then reaches a host that has
 * no connection for the document, and Hocuspocus queues it with the messages that precede a
 * new connection's authentication and replays it on that connection, closing the resync the
 * moment it opens (so the provider rejoined, was closed, and rejoined again, forever).
 * Detached, the provider sends nothing (no update the host would judge before the resync that
 * carries what it depends on) until `provider.attach()` authenticates and syncs afresh.
 */
export function detachQuietly(provider: HocuspocusProvider, socket: HocuspocusProviderWebsocket): void {
  socket.configuration.providerMap.delete(provider.configuration.name);
  provider.detach();
  provider.synced = false;
}
