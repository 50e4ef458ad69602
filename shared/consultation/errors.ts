import { messageText, type Message } from '../i18n/message.js';

/**
 * A consultation refusal or failure made away from the screen (a join link that is not one,
 * a token the host cannot read, a certificate or key file that is not one): `text` says it in
 * any interface language, `message` is its English sentence (the CLI, logs, and the reason a
 * host writes on the wire, which stays English for every client).
 */
export class ConsultationError extends Error {
  override name = 'ConsultationError';
  /** The sentence as a catalogue message (`checks:consultation.*`, `checks:joinLink.*`). */
  readonly text: Message;
  /** Creates the error from its message; `cause` is the error that led to it, if any. */
  constructor(text: Message, cause?: unknown) {
    super(messageText(text), cause === undefined ? undefined : { cause });
    this.text = text;
  }
}
