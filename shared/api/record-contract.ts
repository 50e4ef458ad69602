import { z } from 'zod';
import { bytesArg as bytes, idArg as id } from './arg-schemas.js';

/**
 * The record part of the API contract (issue 14: signed, hash-chained revisions; shared/record
 * holds the format): its types, argument schemas and result types. contract.ts composes them
 * into the one contract; import from there.
 */

/** One issued revision: its label, content hash (hex SHA-256), issuer fingerprint (hex), place in the chain (1 = first) and signing time. */
export type IssuedRecord = { revisionId: string; label: string; hash: string; fingerprint: string; chain: number; time: string };

/** What checking a revision file found: valid with its label, issuer key, fingerprint and chain length, or the failure kind and its message in words. */
export type RecordCheck =
  | { valid: true; label: string; issuer: string; fingerprint: string; chain: number; hash: string }
  | { valid: false; kind: 'content-changed' | 'chain-broken' | 'signature-invalid' | 'unknown-key' | 'malformed'; message: string };

// A revision file holds one document and its records: 50 MB is far beyond any resolution.
const fileBytes = bytes.refine((b) => b.byteLength <= 50_000_000, { message: 'file larger than 50 MB' });

/** Argument schemas of the record channels. */
export const recordChannelArgs = {
  'record.issue': z.object({ id, revisionId: id }).strict(),
  'record.list': z.object({ id }).strict(),
  'record.exportFile': z.object({ id, revisionId: id }).strict(),
  'record.verifyFile': z.object({ bytes: fileBytes }).strict(),
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
};
