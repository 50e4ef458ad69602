import { messageText, msg, type Message, type MessageValue } from '../i18n/message.js';

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

const kindKeys: Readonly<Record<RecordFailure, string>> = {
  'content-changed': 'checks:record.kind.contentChanged',
  'chain-broken': 'checks:record.kind.chainBroken',
  'signature-invalid': 'checks:record.kind.signatureInvalid',
  'unknown-key': 'checks:record.kind.unknownKey',
  malformed: 'checks:record.kind.malformed',
};

/** The words each failure kind is reported with, as the CLI prints them (the English catalogue's). */
export const failureWords: Readonly<Record<RecordFailure, string>> = Object.fromEntries(
  Object.entries(kindKeys).map(([kind, key]) => [kind, messageText(msg(key))]),
) as Record<RecordFailure, string>;

/** A message whose text is `where: what` (a place in a chain or file, then what is wrong there). */
export function at(where: MessageValue, what: MessageValue): Message {
  return msg('checks:record.at', { where, what });
}

/**
 * A verification failure: `kind` says what failed, `text` says where ("record 2 of 3: ..."),
 * prefixed by the kind's words; `message` is its English sentence.
 */
export class RecordError extends Error {
  /** What failed (see {@link RecordFailure}). */
  readonly kind: RecordFailure;
  /** The whole sentence as a catalogue message ("<kind words>: <detail>"). */
  readonly text: Message;
  /**
   * Creates the error from a detail message; a string detail (from code not yet giving
   * messages) is shown as written, in every language.
   */
  constructor(kind: RecordFailure, detail: Message | string) {
    const text = msg('checks:record.failure', { kind: msg(kindKeys[kind]), detail });
    super(messageText(text));
    this.name = 'RecordError';
    this.kind = kind;
    this.text = text;
  }
}
