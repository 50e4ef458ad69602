/**
 * A host's refusal in the participant's interface language. On the wire a host refuses with
 * English `kind: sentence` (README's refusal texts, which stock providers read too); that text
 * stays as it is. Our hosts make each sentence from the English catalogue
 * (refusal-reasons.ts `refusalReason`), and the participant reads it back with patterns made
 * from the same templates: each `{{name}}` becomes a capture group (a number's digits, a role's
 * wire name, or any text), the rest is matched literally, the whole sentence anchored. The
 * result is the catalogue message (`checks:consultation.reason.*`) with the values found; a
 * sentence it does not know (another version's, another host's) is kept as written. So
 * `messageText(reasonText(r))` is the sentence after `kind: `.
 */
import { messageText, msg, type Message, type MessageValue } from '../../shared/i18n/message.js';
import { reasonShapes, reasonTemplate, wireRoles, type ReasonKey } from './refusal-reasons.js';

type Reading = { kind: string; key: ReasonKey; pattern: RegExp; names: string[]; shape: (typeof reasonShapes)[ReasonKey] };

// Past this many characters a sentence is kept as written: a pattern with three text groups
// backtracks in cubic time on a crafted sentence (4,900 characters took 120 ms, 1,000 under
// 10), and our hosts' sentences stay far below it (names are at most 200 characters, keys 9,
// delegations codes) unless a host serves dozens of documents (noSuchDocument lists them).
const maxSentence = 1000;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// The pattern of one template: literal text escaped, each {{name}} a group by the shape's data.
function reading(key: ReasonKey): Reading {
  const shape = reasonShapes[key];
  const parts = reasonTemplate(key).split(/\{\{\s*(\w+)\s*\}\}/);
  const names: string[] = [];
  let source = '';
  parts.forEach((part, i) => {
    if (i % 2 === 0) return void (source += escape(part));
    names.push(part);
    if (shape.numbers?.includes(part)) source += '(\\d+)';
    else if (shape.roles?.includes(part)) source += `(${wireRoles.map(escape).join('|')})`;
    else source += '([\\s\\S]*)';
  });
  return { kind: shape.kind, key, pattern: new RegExp(`^${source}$`), names, shape };
}

const readings: Reading[] = (Object.keys(reasonShapes) as ReasonKey[]).map(reading);

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
  if (sentence.length > maxSentence) return sentence;
  for (const r of readings) {
    if (r.kind !== kind) continue;
    const found = r.pattern.exec(sentence);
    if (!found) continue;
    const values: Record<string, MessageValue> = {};
    r.names.forEach((name, i) => {
      const value = found[i + 1] ?? '';
      values[name] = r.shape.roles?.includes(name) ? msg(`checks:consultation.role.${value}`) : r.shape.numbers?.includes(name) ? Number(value) : value;
    });
    return msg(`checks:consultation.reason.${r.key}`, values);
  }
  return sentence;
}

/** "The host refused to let you in: <reason>" as a message (refusedMessage's English). */
export function refusedText(reason: string): Message {
  return msg('checks:consultation.refusedEntry', { reason: reasonText(reason) });
}
