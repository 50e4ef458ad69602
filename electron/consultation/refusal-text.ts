/**
 * A host's refusal in the participant's interface language. On the wire a host refuses with
 * English `kind: sentence` (README's refusal texts, which stock providers read too); that text
 * stays as it is. The participant, which knows our hosts' sentences, reads the stable kind and
 * the figures of each sentence back into a catalogue message (`checks:consultation.reason.*`);
 * a sentence it does not know (another version's, another host's) is kept as written. The
 * English of every message is the host's sentence itself, so `messageText(reasonText(r))`
 * is the sentence after `kind: `.
 */
import { messageText, msg, type Message, type MessageValue } from '../../shared/i18n/message.js';

type Reading = { kind: string; pattern: RegExp; key: string; names?: string[] };

// Each of our hosts' sentences (admission.ts, host-auth.ts, host-http.ts, host.ts): the kind,
// the sentence with its figures captured, and the catalogue key whose English is that sentence.
const readings: Reading[] = [
  { kind: 'wrong-code', pattern: /^this code does not open this consultation\.$/, key: 'wrongCode' },
  { kind: 'wrong-code', pattern: /^the join code admits delegations and observers; joining as facilitator needs the facilitator code\.$/, key: 'facilitatorNeedsCode' },
  { kind: 'bad-time', pattern: /^the token was made (\d+) minutes ahead of the host's clock \(at most 5 allowed\); check this computer's clock\.$/, key: 'clockAhead', names: ['minutes'] },
  { kind: 'bad-time', pattern: /^the token was made (\d+) minutes behind the host's clock \(at most 5 allowed\); check this computer's clock\.$/, key: 'clockBehind', names: ['minutes'] },
  { kind: 'bad-signature', pattern: /^the token's signature does not match its key, this host and this document\.$/, key: 'badSignature' },
  { kind: 'replayed', pattern: /^this token was already used; each connection signs a fresh one\.$/, key: 'replayed' },
  { kind: 'lobby-full', pattern: /^(\d+) keys already wait for the facilitator; try again later\.$/, key: 'lobbyFull', names: ['n'] },
  { kind: 'refused', pattern: /^the facilitator did not admit you to this consultation\.$/, key: 'refusedByFacilitator' },
  { kind: 'refused', pattern: /^(.+) of (.+) \(key (\S+)\) did not admit you to this consultation\.$/, key: 'refusedByMember', names: ['name', 'delegation', 'key'] },
  {
    kind: 'waiting',
    pattern: /^the facilitator has not admitted you as (.+) \((delegation|observer|facilitator)\) yet\. Your key is (\S+); this window keeps trying\.$/,
    key: 'waitingFacilitator',
    names: ['delegation', 'role', 'key'],
  },
  {
    kind: 'waiting',
    pattern: /^the facilitator \(or (.+)'s admitted delegate\) has not admitted you as (.+) \((delegation|observer|facilitator)\) yet\. Your key is (\S+); this window keeps trying\.$/,
    key: 'waitingDelegate',
    names: ['member', 'delegation', 'role', 'key'],
  },
  {
    kind: 'waiting',
    pattern: /^another key is already admitted for (.+); the facilitator, or that key's holder, decides whether this one speaks for it too\. Your key is (\S+); this window keeps trying\.$/,
    key: 'waitingTaken',
    names: ['delegation', 'key'],
  },
  { kind: 'not-a-member', pattern: /^only a key admitted as a delegation, connected as that delegation, may admit a colleague\.$/, key: 'notMember' },
  { kind: 'not-waiting', pattern: /^no key (\S+) waits to be admitted\.$/, key: 'notWaiting', names: ['key'] },
  { kind: 'other-delegation', pattern: /^key (\S+) does not ask to speak for (.+); only the facilitator answers for it\.$/, key: 'otherDelegation', names: ['key', 'delegation'] },
  { kind: 'no-such-document', pattern: /^this host serves (.*), not "(.*)"\.$/s, key: 'noSuchDocument', names: ['served', 'asked'] },
];

const roles = new Set(['delegation', 'observer', 'facilitator']);

// A token the host could not read: join-token.ts's sentences without figures, by their English.
const tokenSentences = new Map(['notJson', 'notVersion2', 'noCode', 'name', 'key', 'time', 'signature'].map((k) => [messageText(msg(`checks:token.${k}`)), msg(`checks:token.${k}`)]));

/**
 * The sentence of a host's refusal reason `kind: sentence` as a message value: a catalogue
 * message when the sentence is one of our hosts', else the sentence as written (without the
 * kind). A role named in it is translated; names, keys and figures are kept as written.
 */
export function reasonText(reason: string): MessageValue {
  const match = /^([a-z-]+): (.*)$/s.exec(reason);
  if (!match) return reason;
  const [, kind, sentence] = match as unknown as [string, string, string];
  if (kind === 'bad-token') return tokenSentences.get(sentence) ?? sentence;
  for (const reading of readings) {
    if (reading.kind !== kind) continue;
    const found = reading.pattern.exec(sentence);
    if (!found) continue;
    const values: Record<string, MessageValue> = {};
    (reading.names ?? []).forEach((name, i) => {
      const value = found[i + 1] ?? '';
      values[name] = name === 'role' && roles.has(value) ? msg(`checks:consultation.role.${value}`) : name === 'minutes' || name === 'n' ? Number(value) : value;
    });
    return msg(`checks:consultation.reason.${reading.key}`, values);
  }
  return sentence;
}

/** "The host refused to let you in: <reason>" as a message (refusedMessage's English). */
export function refusedText(reason: string): Message {
  return msg('checks:consultation.refusedEntry', { reason: reasonText(reason) });
}
