import { z } from 'zod';
import { bytesArg as bytes, idArg as id } from './arg-schemas.js';
import { consultationChannelArgs, type ConsultationChannelResults, type ConsultationStatus, type RemotePresence } from './consultation-contract.js';
import { filesChannelArgs, type FilesChannelResults, type FilesEventPayloads } from './files-contract.js';
import { libraryChannelArgs, type LibraryChannelResults } from './library-contract.js';
import { recordChannelArgs, type RecordChannelResults } from './record-contract.js';
import { channelNames, eventNameList } from './names.js';
import { ApiError } from './api-error.js';
import { msg, type Message } from '../i18n/message.js';
import type { BracketLife, NegotiationOverview, NegotiationPoint } from '../negotiation/tracking.js';
import type { NumberChange } from '../negotiation/stable-numbering.js';

/**
 * The one API contract between the renderer and the backend. Both transports (Electron IPC
 * and the localhost WebSocket) carry exactly these channels and events; the backend validates
 * every argument with the `args` schema before a handler runs. Binary data (Yjs updates, files)
 * travels as Uint8Array; the WebSocket transport encodes it (see codec.ts).
 */

// The consultation and file parts live in their own modules; everything stays importable from here.
export { ApiError, apiErrorCodes, apiErrorFromShape, apiErrorOf, type ApiErrorShape } from './api-error.js';
export { consultationRoles, type ConsultationRole, type ConsultationState, type ConsultationStatus, type HostDocument } from './consultation-contract.js';
export type { HostDocuments, Participant, PresenceCursor, RememberedJoin, RemotePresence } from './consultation-contract.js';
export { fileExportFormats, fileImportFormats, trackedChangeModes, type FileProgress, type FileTrackedChanges, type InputFile } from './files-contract.js';
export type { IssuedRecord, ObjectionSummary, OwnObjection, RecordCheck, RecordComparison, SilenceSummary } from './record-contract.js';
export { librarySearchModes, type LibraryHit, type LibrarySearchMode, type ProvenanceParagraph, type ProvenanceStatus } from './library-contract.js';

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
  /** What sets it apart from the other templates (body line, symbol pattern, where such a text goes). */
  description: string;
};

/** Who the user of this installation is: recorded as the author of every local change. */
export type Profile = {
  /** The person's name as others see it, e.g. "Ana Pereira". */
  name: string;
  /** The delegation's code from the delegation list (e.g. "CAN", "EU"), or '' when not set. */
  delegation: string;
};

/**
 * This installation's interface preferences. `interfaceLanguage` is the app's own language
 * (a code of shared/i18n/languages.ts, e.g. 'fr'), null to follow the system's; it never
 * changes a document's language.
 */
export type Preferences = { interfaceLanguage: string | null };

/**
 * The kinds of revision. 'autosave' points are unnamed and made by the app (the time
 * slider); the others are named by a person: zero draft, facilitator's revision (Rev.N),
 * L-document symbol, oral revision, final text.
 */
export const revisionKinds = ['autosave', 'zero-draft', 'revision', 'l-document', 'oral-revision', 'final'] as const;

/** One of `revisionKinds`. */
export type RevisionKind = (typeof revisionKinds)[number];

/** A stored revision of a document: a point in its update log, with who named it and when. */
export type RevisionSummary = {
  id: string;
  docId: string;
  kind: RevisionKind;
  /** The label shown to people ("Rev.1", "A/C.3/80/L.12", "Oral revision 14 Nov"); '' for most autosave points. */
  label: string;
  /** The author's name and delegation at the time. */
  author: string;
  delegation: string;
  createdAt: string;
  /** The log position the revision was taken at; later revisions have larger positions. */
  seq: number;
};

/** One entry of a document's history: a run of changes by one author, from one origin. */
export type HistoryEntry = {
  author: string;
  delegation: string;
  origin: 'local' | 'remote' | 'import' | 'template' | 'restore';
  /** First and last change of the run (ISO times). */
  from: string;
  to: string;
  /** How many updates the run holds. */
  count: number;
  /** Log positions of the run's first and last update. */
  seqFrom: number;
  seqTo: number;
};

/** Who a Yjs client id (one editing session) belongs to, for the authorship view. */
export type ClientAuthor = { clientId: number; author: string; delegation: string };

/** A document's negotiation base: the revision whose paragraph numbers stay fixed (OP 5 bis ...), null when not in negotiation. */
export type NegotiationBase = { revision: RevisionSummary | null };

/** What "Issue clean text" made: the clean text's named revision (now the base) and the old -> new number table. */
export type CleanTextIssued = { revision: RevisionSummary; table: NumberChange[] };

/** A private note on one paragraph: stored only in this installation, never sent, never exported unless asked. */
export type PrivateNote = { docId: string; paragraphId: string; text: string; updatedAt: string };

const profileArgs = z
  .object({ name: z.string().trim().max(200), delegation: z.string().trim().max(40) })
  .strict();

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
  'profile.get': z.object({}).strict(),
  'profile.set': profileArgs,
  'preferences.get': z.object({}).strict(),
  'preferences.set': z.object({ interfaceLanguage: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).max(35).nullable() }).strict(),
  'settings.get': z.object({ key: z.string().regex(/^[\w.-]{1,100}$/) }).strict(),
  'settings.set': z.object({ key: z.string().regex(/^[\w.-]{1,100}$/), value: z.string().max(4096).nullable() }).strict(),
  'revisions.list': z.object({ docId: id }).strict(),
  'revisions.create': z
    .object({ docId: id, kind: z.enum(revisionKinds), label: z.string().trim().max(200) })
    .strict(),
  'revisions.open': z.object({ docId: id, revisionId: id }).strict(),
  'revisions.restore': z.object({ docId: id, revisionId: id }).strict(),
  'revisions.newDocument': z.object({ docId: id, revisionId: id, title: z.string().max(2000).optional() }).strict(),
  'revisions.lastViewed': z.object({ docId: id }).strict(),
  'revisions.markViewed': z.object({ docId: id }).strict(),
  'history.list': z.object({ docId: id }).strict(),
  'history.authors': z.object({ docId: id }).strict(),
  ...consultationChannelArgs,
  'notes.list': z.object({ docId: id }).strict(),
  'notes.set': z.object({ docId: id, paragraphId: id, text: z.string().max(100_000) }).strict(),
  'negotiation.overview': z.object({ docId: id, revisionId: id.optional() }).strict(),
  'negotiation.bracketLife': z.object({ docId: id, bracketId: z.string().min(1).max(200) }).strict(),
  'negotiation.series': z.object({ docId: id }).strict(),
  'negotiation.base': z.object({ docId: id }).strict(),
  'negotiation.setBase': z
    .object({ docId: id, revisionId: id.optional(), label: z.string().trim().min(1).max(200).optional() })
    .strict()
    .refine((a) => a.revisionId === undefined || a.label === undefined, { message: 'give a revision id or a label for a new revision, not both' }),
  'negotiation.issueClean': z
    .object({ docId: id, label: z.string().trim().min(1).max(200), kind: z.enum(revisionKinds).exclude(['autosave']).optional() })
    .strict(),
  ...filesChannelArgs,
  ...libraryChannelArgs,
  ...recordChannelArgs,
} as const;

/** Result types, one per channel. */
export type ChannelResults = ConsultationChannelResults & FilesChannelResults & LibraryChannelResults & RecordChannelResults & {
  'templates.list': TemplateSummary[];
  'documents.list': DocumentSummary[];
  'documents.createFromTemplate': DocumentSummary;
  /** `warnings` in English, `messages` the same as catalogue messages (index-aligned). */
  'documents.importText': { documents: DocumentSummary[]; warnings: string[]; messages?: Message[] };
  /** `state` is the full Yjs state as one update (Y.encodeStateAsUpdate). */
  'documents.open': { summary: DocumentSummary; state: Uint8Array };
  'documents.applyUpdate': { ok: true };
  'documents.subscribe': { ok: true };
  'documents.unsubscribe': { ok: true };
  'profile.get': Profile;
  'profile.set': Profile;
  'preferences.get': Preferences;
  'preferences.set': Preferences;
  /** A user-interface setting of this installation (e.g. a window's panel layout), null when never set. */
  'settings.get': { key: string; value: string | null };
  /** Stores (value null: forgets) a user-interface setting, at most 4 KB, kept apart from the profile and documents. */
  'settings.set': { key: string; value: string | null };
  /** Newest first, autosave points included. */
  'revisions.list': RevisionSummary[];
  'revisions.create': RevisionSummary;
  /**
   * `state` is a Yjs state (one update) of the document's content as it was at the revision,
   * for read-only use: a fresh Y.Doc with that content, so its client ids are not the live
   * document's (authorship is read from the live document with `history.authors`).
   */
  'revisions.open': { revision: RevisionSummary; state: Uint8Array };
  /**
   * Makes the revision's content the current state by appending one change (origin
   * 'restore'); nothing is removed from the log. Subscribers receive it as `document.update`.
   */
  'revisions.restore': { summary: DocumentSummary };
  /** A new document whose content is the revision's, with fresh ids and its own log. */
  'revisions.newDocument': DocumentSummary;
  /**
   * The revision this user last viewed (null if never) and whether the document changed
   * since, so the app can offer "compare with what I last saw".
   */
  'revisions.lastViewed': { revision: RevisionSummary | null; changedSince: boolean };
  /** Records that this user has seen the current state (an autosave point is made if needed). */
  'revisions.markViewed': RevisionSummary;
  /** Oldest first. */
  'history.list': HistoryEntry[];
  'history.authors': ClientAuthor[];
  /** This installation's private notes on the document, one per paragraph. */
  'notes.list': PrivateNote[];
  /** Saves (or, with empty text, deletes) the private note on a paragraph. */
  'notes.set': PrivateNote;
  /**
   * The negotiation state at a revision (default: now, through an autosave point): its open
   * brackets, those per paragraph and per delegation, and every paragraph's status.
   */
  'negotiation.overview': NegotiationOverview;
  /** The life of one bracket across the document's revisions (proposed, changed, resolved how). */
  'negotiation.bracketLife': BracketLife;
  /** Per revision, oldest first: open brackets and agreed paragraphs (the dashboard's chart). */
  'negotiation.series': NegotiationPoint[];
  /**
   * The revision the document is in negotiation on, as this installation's store holds it; null
   * when it is not in negotiation or the base came from another installation (a consultation's
   * host): the base itself is in the document's header (shared/negotiation/negotiation-base.ts).
   */
  'negotiation.base': NegotiationBase;
  /**
   * Puts the document in negotiation on `revisionId` (one of its revisions), or on a new named
   * revision ('revision' kind) labelled `label` made now; with neither, takes it out of negotiation.
   */
  'negotiation.setBase': NegotiationBase;
  /**
   * "Issue clean text": removes paragraphs with status deleted and the brackets of agreed ones,
   * renumbers, applies that as one change (history kept), saves it as a named revision
   * (`kind`, default 'revision') and makes that the new base. 'invalid-argument' when the
   * clean text would be impossible (e.g. every operative paragraph deleted).
   */
  'negotiation.issueClean': CleanTextIssued;
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
export type EventPayloads = FilesEventPayloads & {
  /** A Yjs update to a document the renderer subscribed to, from any other origin. */
  'document.update': { id: string; update: Uint8Array };
  /** The document list changed (created, imported, renamed). */
  'documents.changed': { ids: string[] };
  /** A revision was created (named or autosave) for a document the renderer subscribed to. */
  'revisions.changed': { docId: string };
  /** The consultation status changed (state, unsynced count, participants). */
  'consultation.status': ConsultationStatus;
  /** The remote presences in a document changed (every remote presence, not a delta). */
  'presence.changed': { docId: string; presences: RemotePresence[] };
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

/** Validates an incoming call at the backend boundary: unknown channel or bad argument throws ApiError. */
export function parseCall(channel: unknown, args: unknown): { channel: Channel; args: unknown } {
  if (typeof channel !== 'string' || !Object.hasOwn(channelArgs, channel)) {
    throw new ApiError('unknown-channel', msg('backend:api.unknownChannel', { channel: String(channel).slice(0, 100) }));
  }
  const c = channel as Channel;
  const parsed = channelArgs[c].safeParse(args ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('; ');
    throw new ApiError('invalid-argument', msg('backend:api.invalidArgument', { channel: c, detail }));
  }
  return { channel: c, args: parsed.data };
}
