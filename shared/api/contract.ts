import { z } from 'zod';
import { channelNames, eventNameList } from './names.js';

/**
 * The one API contract between the renderer and the backend. Both transports (Electron IPC
 * and the localhost WebSocket) carry exactly these channels and events; the backend
 * validates every argument with the `args` schema before a handler runs.
 * Binary Yjs data travels as Uint8Array; the WebSocket transport encodes it (see codec.ts).
 */

const id = z.string().min(1).max(200);
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'expected binary data (Uint8Array)' });

/** A document as listed: enough for the document list, never the text. */
export type DocumentSummary = {
  id: string;
  kind: 'resolution' | 'decision';
  title: string;
  symbol: string;
  body: string;
  createdAt: string;
  updatedAt: string;
};

/** A seed template a new document can be created from. */
export type TemplateSummary = {
  id: string;
  name: string;
  kind: 'resolution' | 'decision';
  body: string;
};

/** Argument schemas, one per channel; the backend parses with these before dispatch. */
export const channelArgs = {
  'templates.list': z.object({}).strict(),
  'documents.list': z.object({}).strict(),
  'documents.createFromTemplate': z
    .object({ templateId: id, title: z.string().max(2000).optional() })
    .strict(),
  'documents.importText': z
    .object({ text: z.string().max(20_000_000), fileName: z.string().max(1000).optional() })
    .strict(),
  'documents.open': z.object({ id }).strict(),
  'documents.applyUpdate': z.object({ id, update: bytes }).strict(),
  'documents.subscribe': z.object({ id }).strict(),
  'documents.unsubscribe': z.object({ id }).strict(),
} as const;

/** Result types, one per channel. */
export type ChannelResults = {
  'templates.list': TemplateSummary[];
  'documents.list': DocumentSummary[];
  'documents.createFromTemplate': DocumentSummary;
  'documents.importText': { documents: DocumentSummary[]; warnings: string[] };
  /** `state` is the full Yjs state as one update (Y.encodeStateAsUpdate). */
  'documents.open': { summary: DocumentSummary; state: Uint8Array };
  'documents.applyUpdate': { ok: true };
  'documents.subscribe': { ok: true };
  'documents.unsubscribe': { ok: true };
};

/** Every channel name of the contract. */
export type Channel = keyof typeof channelArgs;

/** The argument type of a channel. */
export type ChannelArgs<C extends Channel> = z.infer<(typeof channelArgs)[C]>;

/** The result type of a channel. */
export type ChannelResult<C extends Channel> = ChannelResults[C];

/** The allow-list of channels, for preload and the WebSocket server. */
export const channels: readonly Channel[] = channelNames;

// Compile-time proof that names.ts lists exactly the channels that have argument schemas.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelListsMatch: Same<Channel, (typeof channelNames)[number]> = true;
const eventListsMatch: Same<EventName, (typeof eventNameList)[number]> = true;
void channelListsMatch;
void eventListsMatch;

/** Events the backend pushes to a subscribed renderer. */
export type EventPayloads = {
  /** A Yjs update to a document the renderer subscribed to, from any other origin. */
  'document.update': { id: string; update: Uint8Array };
  /** The document list changed (created, imported, renamed). */
  'documents.changed': { ids: string[] };
};

/** Every pushed event name. */
export type EventName = keyof EventPayloads;

/** The allow-list of event names. */
export const eventNames: readonly EventName[] = eventNameList;

/** A handler map implementing the contract (the backend service is one). */
export type Handlers = {
  [C in Channel]: (args: ChannelArgs<C>) => Promise<ChannelResult<C>>;
};

/**
 * What the renderer holds: a transport-agnostic client. Both transports implement it;
 * the renderer cannot tell them apart.
 */
export type ApiClient = {
  invoke<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/** The error a transport returns when a call fails; `code` is stable, `message` is for people. */
export type ApiErrorShape = { code: 'invalid-argument' | 'not-found' | 'unknown-channel' | 'unauthorized' | 'internal'; message: string };

/** An error raised by a handler or the boundary, carried across both transports as ApiErrorShape. */
export class ApiError extends Error {
  /** Creates an error with a stable code and a message for people. */
  constructor(
    readonly code: ApiErrorShape['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Validates an incoming call at the backend boundary: unknown channel or bad argument throws ApiError. */
export function parseCall(channel: unknown, args: unknown): { channel: Channel; args: unknown } {
  if (typeof channel !== 'string' || !Object.hasOwn(channelArgs, channel)) {
    throw new ApiError('unknown-channel', `Unknown channel: ${String(channel).slice(0, 100)}`);
  }
  const c = channel as Channel;
  const parsed = channelArgs[c].safeParse(args ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('; ');
    throw new ApiError('invalid-argument', `Invalid argument for ${c}: ${detail}`);
  }
  return { channel: c, args: parsed.data };
}
