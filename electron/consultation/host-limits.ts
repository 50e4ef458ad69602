/**
 * The host's limits on what a peer may send and keep (host.ts), with their defaults, and the
 * look at a delegation's raw Yjs update that a comparison of documents cannot make: where it
 * writes and how large its attribute values are.
 */
import * as Y from 'yjs';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { msg, type Message } from '../../shared/i18n/message.js';
import { PROSEMIRROR_FRAGMENT } from '../../shared/ydoc.js';

/**
 * Every limit of a host, each optional in `HostOptions.limits`. Sizes in bytes unless named
 * otherwise; defaults in `defaultHostLimits`.
 */
export type HostLimits = {
  /** Largest frame a socket may send before it has authenticated (64 KiB); a larger one closes the socket. */
  preAuthFrameBytes: number;
  /** Total of frames a socket may have waiting for a document it is not admitted to (256 KiB); past it the socket is closed. */
  queuedBytes: number;
  /** Time a socket has to authenticate once connected (10 s); then it is closed. */
  authDeadlineMs: number;
  /** A socket that sent no message and answered no ping for this long is closed (60 s); pings go out at a third of it. */
  idleMs: number;
  /** Unsent data the host may hold for one slow socket (16 MiB); past it the socket is closed. */
  sendBufferBytes: number;
  /** Sockets not yet authenticated at once (500); past it the oldest is closed. */
  pendingSockets: number;
  /** Largest update a participant may send (512 KiB); frames up to this plus 64 KiB get a refusal naming it, larger ones close the socket. */
  maxUpdateBytes: number;
  /** Largest value of one attribute (of an element or a text format) in a delegation's update (16 KiB). */
  maxAttributeBytes: number;
  /** Largest proposal of a delegation, in characters of its JSON (64,000; role-check.ts). */
  maxProposalChars: number;
  /** All accepted updates of one delegation to one document since the host started (32 MiB): history is kept forever. */
  maxDelegationBytes: number;
  /** Largest presence (awareness) state of one client, as JSON (8 KiB). */
  maxPresenceBytes: number;
};

/** The defaults of `HostLimits` (see each field). */
export const defaultHostLimits: Readonly<HostLimits> = Object.freeze({
  preAuthFrameBytes: 64 * 1024,
  queuedBytes: 256 * 1024,
  authDeadlineMs: 10_000,
  idleMs: 60_000,
  sendBufferBytes: 16 * 1024 * 1024,
  pendingSockets: 500,
  maxUpdateBytes: 512 * 1024,
  maxAttributeBytes: 16 * 1024,
  maxProposalChars: 64_000,
  maxDelegationBytes: 32 * 1024 * 1024,
  maxPresenceBytes: 8 * 1024,
});

/** `limits` completed with the defaults. */
export function hostLimits(limits: Partial<HostLimits> = {}): HostLimits {
  return { ...defaultHostLimits, ...limits };
}

/**
 * Why a delegation's update may not be applied as it is written, or null: it writes outside
 * the document's XmlFragment (another root type, or a map entry on the fragment itself,
 * which the document never shows but every peer would store), or it carries an attribute
 * value larger than `maxAttributeBytes`. Items whose parent the update leaves implicit hang
 * off an item already placed (their neighbour), so they are inside the fragment when their
 * neighbour is, and no delegation ever placed one outside it.
 * Every element attribute it sets must be one the schema gives that element's node type, and
 * every text format a mark of the schema: the role check compares ProseMirror documents,
 * which drop what the schema does not know, so an unknown key ('stats' on someone's
 * paragraph) would pass it unseen and yet be kept and relayed to every peer. The element is
 * found in the update itself (made in the same change) or in `doc`, the host's replica; an
 * attribute of an element found in neither is refused (its node type cannot be told).
 * The refusal is a catalogue message (`checks:shape.*`; messageText gives its English).
 * Throws nothing; an update that does not decode is left to the store's own check.
 */
export function updateShapeRefusal(update: Uint8Array, limits: Pick<HostLimits, 'maxAttributeBytes'>, doc?: Y.Doc): Message | null {
  let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return null;
  }
  const made = new Map<string, Y.Item>();
  for (const s of structs) if (s instanceof Y.Item && s.content instanceof Y.ContentType) made.set(`${s.id.client}:${s.id.clock}`, s);
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    if (typeof s.parent === 'string' && (s.parent !== PROSEMIRROR_FRAGMENT || s.parentSub !== null)) {
      const where = s.parent !== PROSEMIRROR_FRAGMENT ? msg('checks:shape.rootType', { name: s.parent }) : msg('checks:shape.fragmentEntry', { name: String(s.parentSub) });
      return msg('checks:shape.outside', { where });
    }
    const unknown = unknownKey(s, made, doc);
    if (unknown) return msg('checks:shape.unknownKey', { what: unknown });
    const size = attributeSize(s);
    if (size > limits.maxAttributeBytes) {
      return msg('checks:shape.attributeTooBig', { size, max: limits.maxAttributeBytes });
    }
  }
  return null;
}

// The size of a value an item carries other than text: an element's attribute, a text
// format, an embed. An encoded update names an attribute's key only when the item has no
// left neighbour (a later value of the same key only points at the earlier one), so every
// such value is measured; text (ContentString) is capped by the proposal and update sizes.
function attributeSize(item: Y.Item): number {
  const c = item.content as unknown;
  if (c instanceof Y.ContentFormat) return c.key.length + (JSON.stringify(c.value) ?? '').length;
  if (c instanceof Y.ContentAny || c instanceof Y.ContentJSON) return (JSON.stringify(c.arr) ?? '').length;
  if (c instanceof Y.ContentString) return item.parentSub === null ? 0 : c.str.length;
  if (c instanceof Y.ContentBinary) return c.content.length;
  if (c instanceof Y.ContentEmbed) return (JSON.stringify(c.embed) ?? '').length;
  return 0;
}

// The attribute or format `item` sets that the schema does not know, described, or null.
function unknownKey(item: Y.Item, made: Map<string, Y.Item>, doc: Y.Doc | undefined): Message | null {
  if (item.content instanceof Y.ContentFormat) {
    const key = item.content.key;
    // y-prosemirror names a mark that may overlap itself `<mark>--<8-character hash>`.
    const mark = /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(key)?.[1] ?? key;
    return mark in resolutionSchema.marks ? null : msg('checks:shape.textFormat', { name: key.slice(0, 40) });
  }
  const key = item.parentSub;
  if (key === null || typeof item.parent === 'string' || item.parent === null) return null;
  const parentId = item.parent as Y.ID;
  let parent = made.get(`${parentId.client}:${parentId.clock}`);
  if (!parent && doc) {
    try {
      parent = Y.getItem(doc.store, parentId) as Y.Item;
    } catch {
      parent = undefined;
    }
  }
  const type = parent?.content instanceof Y.ContentType ? parent.content.type : null;
  const nodeName = type instanceof Y.XmlElement ? type.nodeName : null;
  const node = nodeName ? resolutionSchema.nodes[nodeName] : undefined;
  if (!node) return msg('checks:shape.attributeNotElement', { name: key.slice(0, 40) });
  return key in (node.spec.attrs ?? {}) ? null : msg('checks:shape.attributeNotOfNode', { name: key.slice(0, 40), node: nodeName ?? '' });
}
