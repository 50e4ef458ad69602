/**
 * Which documents a participant can join at a host: the host's authenticated list
 * (`POST /penholder/documents`, host.ts), or, when the host does not answer, the copies this
 * installation kept from earlier joins at that address, to open and work on offline while
 * the provider keeps trying to reach the host.
 */
import { ApiError, type ChannelArgs, type HostDocuments } from '../../shared/api/contract.js';
import type { Store } from '../store/store.js';

/** The token a participant sends, as JSON: the provider's and the listing's. */
export function participantToken(args: ChannelArgs<'consultation.documents'>): string {
  return JSON.stringify({ code: args.code, delegation: args.delegation, name: args.name, role: args.role });
}

/** The sentence after `kind: ` in a host's refusal reason, with the join's wording around it. */
export function refusedMessage(reason: string): string {
  // The host's reason is `kind: sentence`; people read the sentence.
  return `The host refused to let you in: ${reason.replace(/^[a-z-]+: /, '')}`;
}

// A host on the LAN that does not answer at all (switched off, another network) must not
// keep the join dialog waiting as long as the operating system would.
const listTimeoutMs = 5000;

/**
 * The documents the host at `url` serves, or 'unreachable' when no Penholder host answers
 * there. Throws ApiError 'unauthorized' (message for people) when the host refuses the token.
 */
export async function fetchHostDocuments(url: string, token: string): Promise<{ id: string; title: string; symbol: string }[] | 'unreachable'> {
  const http = `${url.replace(/^ws/, 'http').replace(/\/+$/, '')}/penholder/documents`;
  let res: Response;
  try {
    res = await fetch(http, { method: 'POST', body: token, headers: { 'Content-Type': 'application/json' }, signal: AbortSignal.timeout(listTimeoutMs) });
  } catch {
    return 'unreachable';
  }
  const body = (await res.json().catch(() => null)) as { documents?: unknown; reason?: unknown } | null;
  if (res.status === 401) throw new ApiError('unauthorized', refusedMessage(String(body?.reason ?? 'wrong-code: this code does not open this consultation.')));
  if (!res.ok || !Array.isArray(body?.documents)) throw new ApiError('invalid-argument', `${url} answers, but it is not a Penholder host (HTTP ${res.status}).`);
  return (body.documents as { id?: unknown; title?: unknown; symbol?: unknown }[])
    .filter((d) => typeof d.id === 'string')
    .map((d) => ({ id: String(d.id), title: String(d.title ?? ''), symbol: String(d.symbol ?? '') }));
}

/**
 * What `consultation.documents` answers (see the contract): the host's list with the copies
 * this store holds marked, or the copies joined at `url` before when the host is unreachable.
 */
export async function listHostDocuments(store: Store, args: ChannelArgs<'consultation.documents'>): Promise<HostDocuments> {
  const listed = await fetchHostDocuments(args.url, participantToken(args));
  if (listed !== 'unreachable') return { reachable: true, documents: listed.map((d) => ({ ...d, held: store.getDocument(d.id) !== undefined })) };
  const documents = heldFrom(store, args.url).map((id) => {
    const summary = store.getDocument(id)!;
    return { id, title: summary.title, symbol: summary.symbol, held: true };
  });
  if (documents.length === 0) throw new ApiError('internal', `No answer from ${args.url}; check the address and the network.`);
  return { reachable: false, documents };
}

/** The documents joined at `url` before that this store still holds, most recently joined first. */
export function heldFrom(store: Store, url: string): string[] {
  const earlier = store.joinedConsultations().find((j) => j.url === url);
  return (earlier?.docIds ?? []).filter((id) => store.getDocument(id) !== undefined);
}
