/**
 * Which documents a participant can join at a host: the host's authenticated list
 * (`POST /penholder/documents`, host.ts), or, when the host does not answer, the copies this
 * installation kept from earlier joins at that address, to open and work on offline while
 * the provider keeps trying to reach the host.
 */
import path from 'node:path';
import { ApiError, type ChannelArgs, type HostDocuments } from '../../shared/api/contract.js';
import type { BackendContext } from '../backend/context.js';
import { openInstallationKey } from '../identity/installation-key.js';
import type { Store } from '../store/store.js';
import { signJoinToken } from './join-token.js';
import { PinnedCertificateError, pinnedPost } from './participant-tls.js';
import { messageText, msg } from '../../shared/i18n/message.js';
import { refusalReason } from './refusal-reasons.js';
import { refusedText } from './refusal-text.js';

/**
 * The provider token of this installation for `document` ('' for the document list) at the
 * host pinned by `args.fingerprint`, signed now with the installation key of the store's
 * data folder (join-token.ts; the private key stays there).
 */
export function signedToken(ctx: Pick<BackendContext, 'store'>, args: ChannelArgs<'consultation.documents'>, document: string): string {
  const key = openInstallationKey(path.dirname(ctx.store.file));
  return signJoinToken({ code: args.code, fingerprint: args.fingerprint, document, delegation: args.delegation, name: args.name, role: args.role, key: key.publicKey, sign: key.sign });
}

/** The sentence after `kind: ` in a host's refusal reason, with the join's wording around it (English; refusal-text.ts `refusedText` is its message). */
export function refusedMessage(reason: string): string {
  // The host's reason is `kind: sentence`; people read the sentence.
  return messageText(refusedText(reason));
}

// A host on the LAN that does not answer at all (switched off, another network) must not
// keep the join dialog waiting as long as the operating system would.
const listTimeoutMs = 5000;

/**
 * The documents the host at `url` (wss://) serves, or 'unreachable' when no Penholder host
 * answers there. The request trusts only the certificate `fingerprint` (participant-tls.ts).
 * Throws ApiError 'unauthorized' (message for people) when the host refuses the token or
 * its certificate is not the pinned one.
 */
export async function fetchHostDocuments(url: string, token: string, fingerprint: string): Promise<{ id: string; title: string; symbol: string }[] | 'unreachable'> {
  if (!/^wss:\/\//i.test(url)) throw new ApiError('invalid-argument', msg('checks:consultation.notWss', { url }));
  const https = `${url.replace(/^wss/i, 'https').replace(/\/+$/, '')}/penholder/documents`;
  let res: { status: number; text: string };
  try {
    res = await pinnedPost(https, token, fingerprint, listTimeoutMs);
  } catch (err) {
    if (err instanceof PinnedCertificateError) throw new ApiError('unauthorized', err.text);
    return 'unreachable';
  }
  type Body = { documents?: unknown; reason?: unknown } | null;
  const body = ((): Body => {
    try {
      return JSON.parse(res.text) as Body;
    } catch {
      return null;
    }
  })();
  if (res.status === 401) throw new ApiError('unauthorized', refusedText(String(body?.reason ?? refusalReason('wrongCode'))));
  if (res.status !== 200 || !Array.isArray(body?.documents)) throw new ApiError('invalid-argument', msg('checks:consultation.notAHost', { url, status: res.status }));
  return (body.documents as { id?: unknown; title?: unknown; symbol?: unknown }[])
    .filter((d) => typeof d.id === 'string')
    .map((d) => ({ id: String(d.id), title: String(d.title ?? ''), symbol: String(d.symbol ?? '') }));
}

/**
 * What `consultation.documents` answers (see the contract): the host's list with the copies
 * this store holds marked, or the copies joined at `url` before when the host is unreachable.
 */
export async function listHostDocuments(ctx: Pick<BackendContext, 'store'>, args: ChannelArgs<'consultation.documents'>): Promise<HostDocuments> {
  const { store } = ctx;
  const listed = await fetchHostDocuments(args.url, signedToken(ctx, args, ''), args.fingerprint);
  if (listed !== 'unreachable') return { reachable: true, documents: listed.map((d) => ({ ...d, held: store.getDocument(d.id) !== undefined })) };
  const documents = heldFrom(store, args.url).map((id) => {
    const summary = store.getDocument(id)!;
    return { id, title: summary.title, symbol: summary.symbol, held: true };
  });
  if (documents.length === 0) throw new ApiError('internal', msg('checks:consultation.noAnswer', { url: args.url }));
  return { reachable: false, documents };
}

/** The documents joined at `url` before that this store still holds, most recently joined first. */
export function heldFrom(store: Store, url: string): string[] {
  const earlier = store.joinedConsultations().find((j) => j.url === url);
  return (earlier?.docIds ?? []).filter((id) => store.getDocument(id) !== undefined);
}
