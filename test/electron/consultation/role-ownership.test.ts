import fs from 'node:fs';
import { Node } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { checkDelegationChange } from '../../../electron/consultation/role-check.js';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { messageText } from '../../../shared/i18n/message.js';
import { attributeBracket, proposeInsertion } from '../../../shared/negotiation/index.js';
import { posAfter } from './peers.js';

// The ownership rules of the role check (role-check.ts): what they must still allow, and the
// cases the host-level tests (role-holes.test.ts) do not reach.

const base = Node.fromJSON(resolutionSchema, JSON.parse(fs.readFileSync(new URL('../../fixtures/backend-resolution.json', import.meta.url), 'utf8')));
const apply = (doc: Node, edit: (s: EditorState) => Transaction | null): Node => {
  const tr = edit(EditorState.create({ doc }));
  if (!tr) throw new Error('edit does not apply');
  return tr.doc;
};
const bracketPos = (doc: Node, text: string): number => {
  let found = -1;
  doc.descendants((n, p) => (found < 0 && n.type.name === 'bracket' && n.textContent.includes(text) ? ((found = p), false) : true));
  return found;
};
const verdict = (before: Node, after: Node) => checkDelegationChange(before, after, 'CAN');

describe('ownership rules of the role check', () => {
  const own = apply(base, (s) => proposeInsertion(s, { delegation: 'CAN', text: ' all', pos: posAfter(s.doc, 'Encourages') }));
  // The facilitator's doing: USA supports CAN's bracket, and a USA bracket sits inside it.
  const supported = apply(own, (s) => attributeBracket(s, { pos: bracketPos(s.doc, 'all'), role: 'supportedBy', delegations: ['USA'] }));
  const nested = apply(supported, (s) =>
    s.tr.insert(bracketPos(s.doc, 'all') + 2, s.schema.nodes.bracket!.create({ id: 'usa-in', proposedBy: ['USA'] }, s.schema.text('USA '))),
  );

  it('allows typing in its own bracket that holds another delegation’s bracket, and withdrawing it', () => {
    expect(verdict(nested, apply(nested, (s) => s.tr.insertText('X', posAfter(s.doc, 'all'))))).toEqual({ ok: true });
    const pos = bracketPos(nested, 'all');
    expect(verdict(nested, apply(nested, (s) => s.tr.delete(pos, pos + s.doc.nodeAt(pos)!.nodeSize)))).toEqual({ ok: true });
  });

  it('allows naming itself supporter of its own bracket, refuses removing another’s support of it', () => {
    const pos = bracketPos(supported, 'all');
    expect(verdict(supported, apply(supported, (s) => attributeBracket(s, { pos, role: 'supportedBy', delegations: ['CAN'] })))).toEqual({ ok: true });
    const removed = verdict(supported, apply(supported, (s) => attributeBracket(s, { pos, role: 'supportedBy', delegations: ['USA'], mode: 'remove' })));
    expect(removed.ok).toBe(false);
    expect(!removed.ok && removed.reason).toMatch(/USA/);
    // The participant shows the refusal in its interface language; the wire keeps the English.
    expect(!removed.ok && messageText(removed.text)).toBe(!removed.ok && removed.reason);
    expect(!removed.ok && messageText(removed.text, 'fr')).toBe(
      'En tant que CAN, vous ne pouvez faire de propositions qu’en votre nom\u00a0: l’hôte a refusé votre modification\u00a0: elle changerait la place de USA dans un crochet (appuyé par)\u00a0; seule la délégation CAN peut être ajoutée ou retirée au nom de CAN.',
    );
  });

  it('refuses a copy of an existing bracket (same id, same attribution) inside its own bracket', () => {
    const copy = apply(nested, (s) => s.tr.insert(posAfter(s.doc, 'all'), s.schema.nodes.bracket!.create({ id: 'usa-in', proposedBy: ['USA'] }, s.schema.text('again'))));
    const result = verdict(nested, copy);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/"usa-in".*unique/);
  });

  it('names the cap when its own proposal is over maxProposalChars', () => {
    const big = apply(base, (s) => proposeInsertion(s, { delegation: 'CAN', text: 'z'.repeat(600), pos: posAfter(s.doc, 'Encourages') }));
    expect(checkDelegationChange(base, big, 'CAN', { maxProposalChars: 10_000 }).ok).toBe(true);
    const small = checkDelegationChange(base, big, 'CAN', { maxProposalChars: 500 });
    expect(!small.ok && small.reason).toMatch(/at most 500 per proposal \(maxProposalChars\)/);
    expect(!small.ok && messageText(small.text, 'fr')).toMatch(/au plus 500 par proposition \(maxProposalChars\)/);
  });
});
