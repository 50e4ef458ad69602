import { z } from 'zod';
import { bytesArg as bytes, idArg as id } from './arg-schemas.js';
import type { Message } from '../i18n/message.js';

/**
 * The record part of the API contract (issue 14: signed, hash-chained revisions; shared/record
 * holds the format): its types, argument schemas and result types. contract.ts composes them
 * into the one contract; import from there.
 */

/** An objection to a silence as shown: who, which paragraphs, why, when signed, when it reached the host (null: not yet). */
export type ObjectionSummary = { delegation: string; name: string; paragraphs: string[]; reason: string; time: string; arrived: string | null; fingerprint: string };

/**
 * The silence procedure on an issued revision: its deadline (date, time, IANA zone and the
 * instant), 'pending' until the outcome is recorded, the delegations that broke it, the
 * objections, the late ones (signed by the deadline, arrived after it: recorded, not
 * breaking silence), and the outcome in words ("agreed under silence procedure", "silence
 * broken by FRA, USA", or "under silence until 8 December 2026, 12:00 (Europe/Zurich)", then
 * any late objection: "; objection by FRA signed ... arrived after the deadline (...), not
 * breaking silence").
 */
export type SilenceSummary = {
  label: string;
  deadline: { date: string; time: string; zone: string; instant: string };
  outcome: 'pending' | 'agreed' | 'broken';
  brokenBy: string[];
  objections: ObjectionSummary[];
  late: ObjectionSummary[];
  words: string;
};

/**
 * One issued revision: its label, content hash (hex SHA-256), issuer fingerprint (hex), place
 * in the chain (1 = first) and signing time; `revisionId` '' for one received from the host
 * (`received`), which has no revision in this store; `silence` when it was placed under silence.
 */
export type IssuedRecord = { revisionId: string; label: string; hash: string; fingerprint: string; chain: number; time: string; received?: boolean; silence?: SilenceSummary };

/**
 * One objection this installation signed and where it stands: kept until the host answers
 * ('pending'), 'delivered' (arrival) or 'refused' (the host's words, and `text`, the same as a
 * catalogue message to say in the interface's language, when the host gave one).
 */
export type OwnObjection = ObjectionSummary & { state: 'pending' | 'delivered' | 'refused'; message: string; text?: Message };

/** What `record.compareFile` answers: the file's check and, when valid, the chain between it and the current issued revision in words, with both documents to compare. */
export type RecordComparison = {
  check: RecordCheck;
  chain?: { unbroken: boolean; same: boolean; words: string; between: string[] };
  older?: { label: string; document: unknown };
  newer?: { label: string; document: unknown };
};

/**
 * What checking a revision file found: valid with its label, issuer key, fingerprint, chain
 * length, the document id its records sign and the silence procedure on it when there is one
 * (as `penholder verify` prints them), or the failure kind and its message in words.
 */
export type RecordCheck =
  | { valid: true; label: string; issuer: string; fingerprint: string; chain: number; hash: string; docId: string; silence?: SilenceSummary }
  | { valid: false; kind: 'content-changed' | 'chain-broken' | 'signature-invalid' | 'unknown-key' | 'malformed'; message: string; text?: Message };

// A revision file holds one document and its records: 50 MB is far beyond any resolution.
const fileBytes = bytes.refine((b) => b.byteLength <= 50_000_000, { message: 'file larger than 50 MB' });

/** Argument schemas of the record channels. */
export const recordChannelArgs = {
  'record.issue': z.object({ id, revisionId: id }).strict(),
  'record.list': z.object({ id }).strict(),
  'record.exportFile': z.object({ id, revisionId: id }).strict(),
  'record.verifyFile': z.object({ bytes: fileBytes }).strict(),
  'record.silence': z.object({ id }).strict(),
  'record.placeSilence': z.object({ id, date: z.string().max(20), time: z.string().max(10), zone: z.string().max(64) }).strict(),
  'record.breakSilence': z.object({ id, paragraphs: z.array(z.string().min(1).max(100)).max(200), reason: z.string().min(1).max(4000) }).strict(),
  'record.compareFile': z.object({ id, bytes: fileBytes }).strict(),
} as const;

/** Result types of the record channels. */
export type RecordChannelResults = {
  /**
   * Signs named revision `revisionId` of document `id` with this installation's key, chained
   * after the document's last issued revision. 'invalid-argument' when it is an autosave
   * point, already issued, older than the last issued revision, or the chain was issued by
   * another key; 'not-found' for an unknown document or revision.
   */
  'record.issue': IssuedRecord;
  /** The document's issued revisions, first to last. */
  'record.list': IssuedRecord[];
  /** The revision file of issued revision `revisionId` (named `<symbol>_<label>.penholder-revision.json`, '/' and spaces as '_'). */
  'record.exportFile': { fileName: string; bytes: Uint8Array };
  /** Checks a revision file offline exactly as `penholder verify` does; a file that does not verify is an answer, not an error. */
  'record.verifyFile': RecordCheck;
  /**
   * The silence procedure on document `id`'s last issued (or, for a participant, received)
   * revision, or null; `mine`, the objections this installation signed for it; `canPlace`,
   * whether this installation issued the chain and may place its last revision under silence now.
   */
  'record.silence': { silence: SilenceSummary | null; mine: OwnObjection[]; canPlace: boolean };
  /**
   * Places the last issued revision under silence until `date` `time` in IANA zone `zone`,
   * signed by this installation's key, and sends it to the consultation's participants.
   * 'invalid-argument' (in words) for a wrong date, time or zone, a deadline passed, nothing
   * issued, a chain of another key, or a revision already under silence or settled.
   */
  'record.placeSilence': SilenceSummary;
  /**
   * Breaks the silence on document `id`'s received revision: an objection (paragraphs, reason)
   * signed now by this installation's key for the delegation it joined as, kept in the store
   * and sent to the host at once when connected, else on reconnecting. 'invalid-argument' when
   * no silence is open or its deadline passed.
   */
  'record.breakSilence': OwnObjection;
  /**
   * Checks a revision file (as `record.verifyFile`) and, when valid, compares it with the
   * current issued (or received) revision of document `id`: whether the current chain
   * continues the file's (unbroken) and the revisions between, with both documents.
   */
  'record.compareFile': RecordComparison;
};
