/**
 * What failed when a record, a chain or a revision file does not verify:
 * `content-changed` (the document does not hash to what the record signed),
 * `chain-broken` (a record does not point at the one before it, or the chain does not start
 * at the first issued revision), `signature-invalid` (a record's signature does not verify
 * under its key), `unknown-key` (a key is not the issuer's, a fingerprint does not match its
 * key, or the issuer is not the one asked for), `malformed` (not a revision file or record,
 * or not byte for byte in the form it was issued in).
 */
export type RecordFailure = 'content-changed' | 'chain-broken' | 'signature-invalid' | 'unknown-key' | 'malformed';

/** The words each failure kind is reported with, as the CLI prints them. */
export const failureWords: Readonly<Record<RecordFailure, string>> = {
  'content-changed': 'content changed',
  'chain-broken': 'chain broken',
  'signature-invalid': 'signature invalid',
  'unknown-key': 'unknown key',
  malformed: 'not a valid revision file',
};

/** A verification failure: `kind` says what failed, the message says where ("record 2 of 3: ..."), prefixed by the kind's words. */
export class RecordError extends Error {
  /** What failed (see {@link RecordFailure}). */
  readonly kind: RecordFailure;
  /** Creates the error; the message becomes `"<kind words>: <detail>"`. */
  constructor(kind: RecordFailure, detail: string) {
    super(`${failureWords[kind]}: ${detail}`);
    this.name = 'RecordError';
    this.kind = kind;
  }
}
