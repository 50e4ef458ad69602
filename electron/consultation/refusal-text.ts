/**
 * A host's refusal in the participant's interface language. On the wire a host refuses with
 * English `kind: sentence` (README's refusal texts, which stock providers read too); that text
 * stays as it is. Our hosts make each sentence from the English catalogue
 * (refusal-reasons.ts `refusalReason`), and the participant reads it back with patterns made
 * from the same templates: each `{{name}}` becomes a capture group (a number's digits, a role's
 * wire name, or any text), the rest is matched literally, the whole sentence anchored. The
 * result is the catalogue message (`checks:consultation.reason.*`, or `checks:token.*` for a
 * token the host could not read) with the values found; a sentence it does not know (another
 * version's, another host's) is kept as written. So `messageText(reasonText(r))` is the
 * sentence after `kind: ` (the whole reason for one said without a kind).
 */
import { msg, type Message, type MessageValue } from '../../shared/i18n/message.js';
import { refusalTemplates, wireRoles, type RefusalTemplate } from './refusal-reasons.js';

type Reading = RefusalTemplate & { pattern: RegExp; names: string[] };

// Past this many characters a sentence is kept as written: a pattern with three text groups
// backtracks in cubic time on a crafted sentence (4,900 characters took 120 ms, 1,000 under
// 10), and our hosts' sentences stay far below it (names are at most 200 characters, keys 9,
// delegations codes) unless a host serves dozens of documents (noSuchDocument lists them).
const maxSentence = 1000;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// The pattern of one template: literal text escaped, each {{name}} a group by the shape's data.
function reading(t: RefusalTemplate): Reading {
  const parts = t.template.split(/\{\{\s*(\w+)\s*\}\}/);
  const names: string[] = [];
  let source = '';
  parts.forEach((part, i) => {
    if (i % 2 === 0) return void (source += escape(part));
    names.push(part);
    if (t.shape.numbers?.includes(part)) source += '(\\d+)';
    else if (t.shape.roles?.includes(part)) source += `(${wireRoles.map(escape).join('|')})`;
    else source += '([\\s\\S]*)';
  });
  return { ...t, pattern: new RegExp(`^${source}$`), names };
}

// Fewer values first: a sentence that is a template word for word (malformedNoFields, 'it has
// none') is that template, not another's with the word as its value (malformedFields).
const readings: Reading[] = refusalTemplates.map(reading).sort((a, b) => a.names.length - b.names.length);

/**
 * The sentence of a host's refusal reason `kind: sentence` as a message value: a catalogue
 * message when the sentence is one of our hosts', else the sentence as written (without the
 * kind). A reason said without a kind (a presence refusal) is read as a whole the same way.
 * A role named in it is translated; names, keys and figures are kept as written.
 */
export function reasonText(reason: string): MessageValue {
  const match = /^([a-z-]+): (.*)$/s.exec(reason);
  const [kind, sentence] = match ? [match[1]!, match[2]!] : [null, reason];
  if (sentence.length > maxSentence) return sentence;
  return read(kind, sentence) ?? sentence;
}

// The catalogue message of `sentence` said under `kind` (null: without one), or null.
function read(kind: string | null, sentence: string): Message | null {
  for (const r of readings) {
    if (r.shape.kind !== kind) continue;
    const found = r.pattern.exec(sentence);
    if (!found) continue;
    const values: Record<string, MessageValue> = {};
    r.names.forEach((name, i) => {
      const value = found[i + 1] ?? '';
      values[name] = r.shape.roles?.includes(name) ? msg(`checks:consultation.role.${value}`) : r.shape.numbers?.includes(name) ? Number(value) : value;
    });
    return msg(r.key, values);
  }
  return null;
}

/** "The host refused to let you in: <reason>" as a message (refusedMessage's English). */
export function refusedText(reason: string): Message {
  return msg('checks:consultation.refusedEntry', { reason: reasonText(reason) });
}
