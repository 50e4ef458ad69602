import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../shared/i18n/catalogues.js';
import { messageText, msg, type MessageValue } from '../../../shared/i18n/message.js';
import { reasonShapes, refusalReason, refusalTemplates, type ReasonKey, type RefusalTemplate } from '../../../electron/consultation/refusal-reasons.js';
import { reasonText } from '../../../electron/consultation/refusal-text.js';

// One source for the host's refusal sentences: the host says them from the English catalogue
// and the participant reads them back with patterns made from the same templates. Each key is
// said with awkward values and must come back as the same key and values, in English the
// host's sentence and in French the French catalogue's (substituted here by hand, not by the
// code under test).

const en = catalogues.en.checks.consultation.reason;
const fr = catalogues.fr.checks.consultation.reason;
const keys = Object.keys(en) as ReasonKey[];
// The French template of a full catalogue key (`checks:consultation.reason.x`, `checks:token.y`).
const french = (key: string) => key.slice('checks:'.length).split('.').reduce<unknown>((at, part) => (at as Record<string, unknown>)[part], catalogues.fr.checks) as string;
const placeholders = (template: string) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

// Texts a name, a delegation, a key or a document id may hold: spaces, parentheses, quotes
// (straight and typographic), a colon, regular expression characters, braces, a newline.
const texts = [
  'Côte d’Ivoire (CIV)',
  'Ana "Bea" O\'Neil: lead',
  'C9F3-9CBD',
  'a.b*c+? [d] $1 ^x | y \\ z {{n}} (Q)',
  'two\nlines',
];
const roles = ['delegation', 'observer', 'facilitator'] as const;

/** Sample values for `key`: text `t` in every text placeholder (tagged so each is distinct), `n` in numbers, `role`. */
function sample({ template, shape }: RefusalTemplate, t: string, n: number, role: string): { wire: Record<string, string | number>; message: Record<string, MessageValue>; fr: Record<string, string> } {
  const wire: Record<string, string | number> = {};
  const message: Record<string, MessageValue> = {};
  const inFrench: Record<string, string> = {};
  for (const name of placeholders(template)) {
    if (shape.numbers?.includes(name)) {
      wire[name] = message[name] = n;
      inFrench[name] = String(n);
    } else if (shape.roles?.includes(name)) {
      wire[name] = role;
      message[name] = msg(`checks:consultation.role.${role}`);
      inFrench[name] = catalogues.fr.checks.consultation.role[role as keyof typeof catalogues.fr.checks.consultation.role];
    } else {
      wire[name] = message[name] = inFrench[name] = `${t} ${name}`;
    }
  }
  return { wire, message, fr: inFrench };
}

describe('the host’s refusal sentences and the participant’s reading of them', () => {
  it('have one shape per catalogue key, naming only placeholders the template has', () => {
    expect(Object.keys(reasonShapes).sort()).toEqual([...keys].sort());
    expect(Object.keys(fr).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const named = [...(reasonShapes[key].numbers ?? []), ...(reasonShapes[key].roles ?? [])];
      for (const name of named) expect(placeholders(en[key]), `${key}: ${name}`).toContain(name);
      // A reason said alone must not read as one under a kind.
      if (reasonShapes[key].kind === null) expect(en[key], key).not.toMatch(/^[a-z-]+: /);
      else expect(reasonShapes[key].kind, key).toMatch(/^[a-z-]+$/);
    }
  });

  it('read back every key said by the host as the same key and values, in English the wire sentence, in French the catalogue’s', () => {
    expect(refusalTemplates.map((t) => t.key)).toEqual([
      ...keys.map((k) => `checks:consultation.reason.${k}`),
      ...Object.keys(catalogues.en.checks.token).map((k) => `checks:token.${k}`),
    ]);
    for (const t of refusalTemplates) {
      const kind = t.shape.kind;
      texts.forEach((text, i) => {
        const values = sample(t, text, [0, 7, 12000][i % 3]!, roles[i % roles.length]!);
        // What the host says: the English template with the values, after its kind if it has one.
        const sentence = fill(t.template, values.wire);
        const reason = kind === null ? sentence : `${kind}: ${sentence}`;
        if (t.key.startsWith('checks:consultation.reason.')) expect(refusalReason(t.key.split('.').at(-1) as ReasonKey, values.wire)).toBe(reason);
        else expect(messageText(msg(t.key, values.wire))).toBe(sentence);
        const read = reasonText(reason);
        expect(read, `${t.key} with ${JSON.stringify(text)}`).toEqual(msg(t.key, values.message));
        expect(typeof read === 'object' && messageText(read)).toBe(sentence);
        expect(typeof read === 'object' && messageText(read, 'fr')).toBe(fill(french(t.key), values.fr));
      });
    }
  });

  it('keeps a sentence it does not know as written, and one under another kind', () => {
    expect(reasonText('wrong-code: this code does not open this consultation today.')).toBe('this code does not open this consultation today.');
    expect(reasonText(`refused: ${en.wrongCode}`)).toBe(en.wrongCode);
    expect(reasonText('lobby-full: many keys already wait for the facilitator; try again later.')).toBe('many keys already wait for the facilitator; try again later.');
    expect(reasonText('waiting: the facilitator has not admitted you as EU (chair) yet. Your key is K; this window keeps trying.')).toBe(
      'the facilitator has not admitted you as EU (chair) yet. Your key is K; this window keeps trying.',
    );
    expect(reasonText('no kind at all')).toBe('no kind at all');
    expect(reasonText('Presence may only be set for your own client: client 12 is not yours.')).toBe('Presence may only be set for your own client: client 12 is not yours.');
    expect(reasonText(`malformed: ${en.presenceNotObject}`)).toBe(en.presenceNotObject);
  });

  it('keeps a sentence past 1,000 characters as written, so a crafted one costs no cubic backtracking', () => {
    const crafted = ' of (key ) did not admit you to this consultation'.repeat(400);
    const started = performance.now();
    expect(reasonText(`refused: ${crafted}`)).toBe(crafted);
    expect(performance.now() - started).toBeLessThan(1000);
    const name = 'N'.repeat(990);
    expect(reasonText(refusalReason('refusedByMember', { name, delegation: 'EU', key: 'C9F3-9CBD' }))).toBe(`${name} of EU (key C9F3-9CBD) did not admit you to this consultation.`);
    expect(reasonText(refusalReason('refusedByMember', { name: 'N'.repeat(200), delegation: 'EU', key: 'C9F3-9CBD' }))).toMatchObject({ key: 'checks:consultation.reason.refusedByMember' });
  });
});
