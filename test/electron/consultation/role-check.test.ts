import fs from 'node:fs';
import { Node } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { checkDelegationChange } from '../../../electron/consultation/role-check.js';
import { messageText } from '../../../shared/i18n/message.js';
import {
  agreeBracket,
  attributeBracket,
  bracketRange,
  proposeDeletion,
  proposeInsertion,
  proposeReplacement,
  setParagraphStatus,
} from '../../../shared/negotiation/index.js';
import { posAfter } from './peers.js';

const fixture = JSON.parse(fs.readFileSync(new URL('../../fixtures/backend-resolution.json', import.meta.url), 'utf8'));
const base = Node.fromJSON(resolutionSchema, fixture);

const apply = (doc: Node, edit: (s: EditorState) => Transaction | null): Node => {
  const tr = edit(EditorState.create({ doc }));
  if (!tr) throw new Error('edit does not apply');
  return tr.doc;
};
const bracketPos = (doc: Node, text: string): number => {
  let found = -1;
  doc.descendants((n, p) => (n.type.name === 'bracket' && n.textContent.includes(text) && found < 0 ? ((found = p), false) : true));
  return found;
};
const verdict = (before: Node, after: Node, d = 'CAN') => checkDelegationChange(before, after, d).ok;

describe('what a delegation may change', () => {
  const withOwn = apply(base, (s) => proposeInsertion(s, { delegation: 'CAN', text: ' all', pos: posAfter(s.doc, 'Encourages') }));
  const withOthers = apply(base, (s) => proposeInsertion(s, { delegation: 'EU', text: ' many', pos: posAfter(s.doc, 'Encourages') }));

  it('allows its own proposals: insertion, typing inside it, deletion, replacement, withdrawal', () => {
    expect(verdict(base, withOwn)).toBe(true);
    const typed = apply(withOwn, (s) => s.tr.insertText(' more', posAfter(s.doc, ' all')));
    expect(verdict(withOwn, typed)).toBe(true);
    expect(verdict(base, apply(base, (s) => proposeDeletion(s, { delegation: 'CAN', from: posAfter(s.doc, 'Member') - 6, to: posAfter(s.doc, 'Member') })))).toBe(true);
    expect(verdict(base, apply(base, (s) => proposeReplacement(s, { delegation: 'CAN', text: 'Urges', from: posAfter(s.doc, 'remain') - 6, to: posAfter(s.doc, 'remain') })))).toBe(true);
    const pos = bracketPos(withOwn, 'all');
    expect(verdict(withOwn, apply(withOwn, (s) => s.tr.delete(pos, pos + s.doc.nodeAt(pos)!.nodeSize)))).toBe(true);
  });

  it('allows supporting or opposing another bracket in its own name only', () => {
    const pos = bracketPos(withOthers, 'many');
    expect(verdict(withOthers, apply(withOthers, (s) => attributeBracket(s, { pos, role: 'supportedBy', delegations: ['CAN'] })))).toBe(true);
    expect(verdict(withOthers, apply(withOthers, (s) => attributeBracket(s, { pos, role: 'supportedBy', delegations: ['BRA'] })))).toBe(false);
  });

  it('refuses edits to agreed text, to text proposed for deletion, and inside another delegation’s bracket', () => {
    expect(verdict(base, apply(base, (s) => s.tr.insertText('!', posAfter(s.doc, 'Decides'))))).toBe(false);
    const deletion = apply(base, (s) => proposeDeletion(s, { delegation: 'CAN', from: posAfter(s.doc, 'Member') - 6, to: posAfter(s.doc, 'Member') }));
    expect(verdict(deletion, apply(deletion, (s) => s.tr.insertText('X', posAfter(s.doc, 'Mem'))))).toBe(false);
    expect(verdict(withOthers, apply(withOthers, (s) => s.tr.insertText('X', posAfter(s.doc, ' ma'))))).toBe(false);
  });

  it('refuses agreeing, re-attributing and bracketing in others’ names, and any status change', () => {
    const pos = bracketPos(withOthers, 'many');
    expect(verdict(withOthers, apply(withOthers, (s) => agreeBracket(s, pos)))).toBe(false);
    expect(verdict(withOthers, apply(withOthers, (s) => attributeBracket(s, { pos, role: 'proposedBy', delegations: ['CAN'] })))).toBe(false);
    expect(verdict(base, apply(base, (s) => bracketRange(s, { from: posAfter(s.doc, 'Member') - 6, to: posAfter(s.doc, 'Member') })))).toBe(false);
    let op = -1;
    base.descendants((n, p) => (n.type.name === 'operative_paragraph' && op < 0 ? ((op = p), false) : true));
    expect(verdict(base, apply(base, (s) => setParagraphStatus(s, op, { state: 'under_discussion', by: 'CAN', at: '2026-01-01T00:00:00Z' })))).toBe(false);
  });

  it('refuses any change inside a paragraph agreed or agreed ad ref, its own proposals included, naming the paragraph', () => {
    let op = -1;
    base.descendants((n, p) => (n.type.name === 'operative_paragraph' && op < 0 ? ((op = p), false) : true));
    const opening = base.nodeAt(op)!.textContent.split(' ').slice(0, 3).join(' ');
    for (const state of ['agreed', 'agreed_ad_ref'] as const) {
      const agreed = apply(base, (s) => setParagraphStatus(s, op, { state, by: 'MEX', at: '2026-01-01T00:00:00Z' }));
      const inside = apply(agreed, (s) => proposeInsertion(s, { delegation: 'CAN', text: ' all', pos: op + 2 }));
      const result = checkDelegationChange(agreed, inside, 'CAN');
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toContain(`"${opening}`);
      expect(!result.ok && result.reason).toMatch(/is agreed/);
      expect(!result.ok && messageText(result.text, 'fr')).toContain(`le paragraphe commençant par «\u00a0${opening}`);
      expect(!result.ok && messageText(result.text, 'fr')).toMatch(/il est approuvé/);
    }
    const discussed = apply(base, (s) => setParagraphStatus(s, op, { state: 'under_discussion', by: 'MEX', at: '2026-01-01T00:00:00Z' }));
    expect(verdict(discussed, apply(discussed, (s) => proposeInsertion(s, { delegation: 'CAN', text: ' all', pos: op + 2 })))).toBe(true);
  });

  // The fast path (typing in one's own proposal) must not let through what the projection refuses.
  it('judges typing in its own proposal by where the proposal stands and what else the update changed', () => {
    const typed = (doc: Node, after: string, text = ' more') => apply(doc, (s) => s.tr.insertText(text, posAfter(s.doc, after)));
    let op = -1;
    withOwn.descendants((n, p) => (n.type.name === 'operative_paragraph' && n.textContent.includes(' all') && op < 0 ? ((op = p), false) : true));
    for (const state of ['agreed', 'agreed_ad_ref'] as const) {
      const agreed = apply(withOwn, (s) => setParagraphStatus(s, op, { state, by: 'MEX', at: '2026-01-01T00:00:00Z' }));
      expect(verdict(agreed, typed(agreed, ' all'))).toBe(false);
    }
    expect(verdict(withOwn, typed(typed(withOwn, ' all'), 'Encourages', '!'))).toBe(false);
    const pos = bracketPos(withOwn, 'all');
    const reattributed = apply(typed(withOwn, ' all'), (s) => attributeBracket(s, { pos, role: 'proposedBy', delegations: ['CAN', 'USA'] }));
    expect(verdict(withOwn, reattributed)).toBe(false);
    const asDeletion = apply(typed(withOwn, ' all'), (s) => s.tr.setNodeMarkup(pos, undefined, { ...s.doc.nodeAt(pos)!.attrs, deletion: true }));
    expect(verdict(withOwn, asDeletion)).toBe(false);
    expect(verdict(withOwn, typed(withOwn, ' all'), 'EU')).toBe(false);
    const nested = apply(withOthers, (s) => proposeInsertion(s, { delegation: 'CAN', text: ' very', pos: posAfter(s.doc, ' ma') }));
    expect(nested.textContent).toContain(' ma very');
    expect(verdict(nested, typed(nested, ' very'))).toBe(true);
    expect(verdict(nested, typed(nested, ' very'), 'USA')).toBe(false);
  });
});

