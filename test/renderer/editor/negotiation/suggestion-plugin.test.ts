import { describe, expect, it } from 'vitest';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { configureSuggestion, suggestionKey, toggleSuggestion } from '../../../../renderer/editor/negotiation/suggestion-plugin.js';
import { validateDocument } from '../../../../shared/document/validate.js';
import { collectBrackets, compilationText, proposeInsertion } from '../../../../shared/negotiation/index.js';
import { negotiationProblems } from '../../../../shared/negotiation/validate.js';
import { compositionPlaceholder, prepareComposition, stripPlaceholders } from '../../../../shared/negotiation/suggestion-ops.js';
import { sampleResolution } from '../../../shared/document/sample-documents.js';
import { rangeOf } from '../../../shared/negotiation/helpers.js';
import { suggestionEditor } from './suggestion-harness.js';

const editor = (doc: Node = sampleResolution()) => suggestionEditor(doc);

const opLine = (doc: Node, n: string) => compilationText(doc).split('\n').find((l) => l.startsWith(`${n}.`)) ?? '';
const valid = (doc: Node) => {
  expect(() => validateDocument(doc.toJSON())).not.toThrow();
  expect(negotiationProblems(doc)).toEqual([]);
};

describe('suggestion mode in the editor', () => {
  it('typing a word outside any proposal makes one bracket proposed by the delegation, extended by each keystroke', () => {
    const e = editor();
    e.select(rangeOf(e.state.doc, 'Encourages').to);
    e.type(' all');
    expect(opLine(e.state.doc, '1')).toContain('*Encourages*[ all (CAN)] Member States');
    const mine = collectBrackets(e.state.doc).filter((b) => b.proposedBy.join() === 'CAN');
    expect(mine).toHaveLength(1);
    expect(e.docChanges()).toBe(4);
    valid(e.state.doc);
    // Back after the bracket (outside it), typing still extends it.
    e.select(rangeOf(e.state.doc, ' all').to + 1);
    e.type('!');
    expect(opLine(e.state.doc, '1')).toContain('[ all! (CAN)]');
  });

  it('Backspace outside own text proposes deleting it (text kept); repeated Backspace grows one deletion bracket', () => {
    const e = editor();
    e.select(rangeOf(e.state.doc, 'Member').to);
    for (let i = 0; i < 6; i++) expect(e.key('Backspace')).toBe(true);
    const brackets = collectBrackets(e.state.doc);
    expect(brackets).toHaveLength(1);
    expect(brackets[0]).toMatchObject({ deletion: true, proposedBy: ['CAN'], text: 'Member' });
    expect(e.state.doc.textContent).toContain('Encourages Member States');
    expect(e.docChanges()).toBe(6);
    // Delete from the other side joins the same bracket.
    e.select(rangeOf(e.state.doc, 'Member').to + 1);
    e.key('Delete');
    expect(collectBrackets(e.state.doc).map((b) => b.text)).toEqual(['Member ']);
    valid(e.state.doc);
  });

  it('Ctrl+Backspace proposes deleting the word before the cursor, Ctrl+Delete the word after; in its own bracket it deletes a word', () => {
    const e = editor();
    e.select(rangeOf(e.state.doc, 'Member States').to);
    e.key('Backspace', { ctrlKey: true });
    e.key('Backspace', { ctrlKey: true });
    expect(collectBrackets(e.state.doc).map((b) => [b.deletion, b.text])).toEqual([[true, 'Member States']]);
    // Right after that deletion bracket, Ctrl+Delete grows it by the next word.
    e.select(rangeOf(e.state.doc, 'to consider').from - 1);
    e.key('Delete', { ctrlKey: true });
    expect(collectBrackets(e.state.doc).map((b) => b.text)).toEqual(['Member States to']);
    e.select(rangeOf(e.state.doc, 'progress').to);
    e.type(' so far');
    e.key('Backspace', { ctrlKey: true });
    expect(collectBrackets(e.state.doc).find((b) => !b.deletion)?.text).toBe(' so ');
    valid(e.state.doc);
  });

  it('deletions that come as input events without a key (context menu, virtual keyboards) are proposals too', () => {
    const e = editor();
    const { from, to } = rangeOf(e.state.doc, 'progress');
    e.select(from, to);
    let prevented = false;
    const event = (inputType: string) => ({ inputType, isComposing: false, preventDefault: () => void (prevented = true) }) as unknown as InputEvent;
    const plugin = e.state.plugins[0]!;
    expect(plugin.props.handleDOMEvents!.beforeinput!.call(plugin, e.view, event('deleteContent'))).toBe(true);
    expect(prevented).toBe(true);
    expect(collectBrackets(e.state.doc)[0]).toMatchObject({ deletion: true, text: 'progress' });
    e.select(rangeOf(e.state.doc, 'Encourages').to);
    expect(plugin.props.handleDOMEvents!.beforeinput!.call(plugin, e.view, event('deleteWordBackward'))).toBe(true);
    expect(collectBrackets(e.state.doc).map((b) => b.text)).toContain('Encourages');
    expect(plugin.props.handleDOMEvents!.beforeinput!.call(plugin, e.view, event('insertText'))).toBe(false);
  });

  it('Delete on a selection proposes deleting it; typing over a selection proposes a replacement [current][proposed]', () => {
    const e = editor();
    const { from, to } = rangeOf(e.state.doc, 'progress');
    e.select(from, to);
    e.key('Delete');
    expect(collectBrackets(e.state.doc)[0]).toMatchObject({ deletion: true, text: 'progress' });
    const r = rangeOf(e.state.doc, 'Requests');
    e.select(r.from, r.to);
    e.type('Invites');
    const line = opLine(e.state.doc, '3');
    expect(line).toMatch(/^3\. \[\*Requests\*\]\[Invites \(CAN\)\] the Secretary-General/);
    valid(e.state.doc);
  });

  it('inside its own proposal the delegation edits normally; an emptied own bracket disappears', () => {
    const e = editor();
    e.select(rangeOf(e.state.doc, 'Encourages').to);
    e.type(' al');
    e.type('l');
    e.key('Backspace');
    e.key('Backspace');
    expect(opLine(e.state.doc, '1')).toContain('*Encourages*[ a (CAN)] Member');
    e.key('Backspace');
    e.key('Backspace');
    expect(collectBrackets(e.state.doc)).toHaveLength(0);
    expect(opLine(e.state.doc, '1')).toContain('*Encourages* Member States');
    valid(e.state.doc);
  });

  it('Enter proposes a new paragraph after this one; Backspace in it while empty withdraws it', () => {
    const e = editor();
    e.select(rangeOf(e.state.doc, 'progress').to);
    e.key('Enter');
    const paragraph = collectBrackets(e.state.doc).find((b) => b.kind === 'paragraph');
    expect(paragraph).toMatchObject({ proposedBy: ['CAN'] });
    e.type('Decides to remain seized of the matter.');
    expect(compilationText(e.state.doc)).toContain('[Decides to remain seized of the matter. (CAN)]');
    valid(e.state.doc);
    const e2 = editor();
    e2.select(rangeOf(e2.state.doc, 'progress').to);
    e2.key('Enter');
    e2.key('Backspace');
    expect(collectBrackets(e2.state.doc)).toHaveLength(0);
  });

  it('a paste is an insertion proposal of its plain text, or a replacement over a selection', () => {
    const e = editor();
    e.select(rangeOf(e.state.doc, 'Encourages').to);
    expect(e.paste(' all')).toBe(true);
    expect(opLine(e.state.doc, '1')).toContain('[ all (CAN)] Member');
    const r = rangeOf(e.state.doc, 'progress');
    e.select(r.from, r.to);
    e.paste('the outcome');
    expect(opLine(e.state.doc, '3')).toContain('[progress][the outcome (CAN)]');
    expect(e.docChanges()).toBe(2);
    valid(e.state.doc);
  });

  it('refuses what is not a proposal with a notice: joining paragraphs, another delegation’s change, agreed text edited directly', () => {
    const e = editor();
    e.select(rangeOf(e.state.doc, 'Requests').from);
    e.key('Backspace');
    expect(e.notice()).toMatch(/cannot join/);
    const before = e.state;
    const { from } = rangeOf(e.state.doc, 'Requests');
    expect(before.apply(before.tr.insertText('X', from))).toBe(before);
    expect(before.apply(proposeInsertion(before, { delegation: 'EU', text: 'x', pos: from })!)).toBe(before);
    // Selections are not changes: they pass.
    expect(before.apply(before.tr.setSelection(TextSelection.create(before.doc, from + 2)))).not.toBe(before);
  });

  it('ordinary editing when off; the toggle needs a delegation and a locked mode cannot be toggled', () => {
    const e = editor();
    configureSuggestion(e.view, { mode: 'edit', delegation: '' });
    toggleSuggestion(e.view);
    expect(suggestionKey.getState(e.state)?.mode).toBe('edit');
    expect(e.notice()).toMatch(/Set your delegation/);
    e.select(rangeOf(e.state.doc, 'Encourages').to);
    e.type(' all');
    expect(collectBrackets(e.state.doc)).toHaveLength(0);
    configureSuggestion(e.view, { delegation: 'CAN' });
    expect(e.key('s', { ctrlKey: true, altKey: true })).toBe(true);
    expect(suggestionKey.getState(e.state)?.mode).toBe('suggest');
    expect(e.key('s', { ctrlKey: true, altKey: true })).toBe(true);
    expect(suggestionKey.getState(e.state)?.mode).toBe('edit');
    configureSuggestion(e.view, { mode: 'suggest', delegation: 'CAN', locked: true });
    toggleSuggestion(e.view);
    expect(suggestionKey.getState(e.state)?.mode).toBe('suggest');
    configureSuggestion(e.view, { mode: 'read-only', locked: true });
    const s = e.state;
    expect(s.apply(s.tr.insertText('X', 10))).toBe(s);
  });

  it('an input method composes inside an own bracket: started on a placeholder that goes afterwards, or in the bracket next to the cursor', () => {
    const e = editor();
    e.select(rangeOf(e.state.doc, 'Encourages').to);
    e.view.dispatch(prepareComposition(e.state, 'CAN')!.setMeta(suggestionKey, { proposal: true }));
    expect(collectBrackets(e.state.doc)[0]).toMatchObject({ proposedBy: ['CAN'], text: compositionPlaceholder });
    // The browser composes at the cursor, now inside the bracket: ordinary typing there.
    e.type(' all');
    e.view.dispatch(stripPlaceholders(e.state, 'CAN')!.setMeta(suggestionKey, { proposal: true }));
    expect(opLine(e.state.doc, '1')).toContain('*Encourages*[ all (CAN)] Member');
    expect(stripPlaceholders(e.state, 'CAN')).toBeNull();
    // Right after its own bracket, a new composition just moves into it.
    e.select(rangeOf(e.state.doc, ' all').to + 1);
    const tr = prepareComposition(e.state, 'CAN')!;
    expect(tr.docChanged).toBe(false);
    e.view.dispatch(tr);
    e.type(' kinds of');
    expect(opLine(e.state.doc, '1')).toContain('[ all kinds of (CAN)] Member');
    expect(prepareComposition(e.state, 'CAN')).toBeNull();
    valid(e.state.doc);
  });

  it('proposes nothing inside a paragraph agreed or agreed ad ref: typing, deleting, pasting and Enter in a subparagraph leave it as it is, with a notice', () => {
    for (const state of ['agreed', 'agreed_ad_ref'] as const) {
      const doc = sampleResolution();
      let op = -1;
      doc.descendants((n, p) => (n.type.name === 'operative_paragraph' && op < 0 ? ((op = p), false) : true));
      const status = { state, by: 'MEX', at: '2026-01-01T00:00:00Z', delegations: [], linked: [], reason: '', history: [] };
      const e = editor(EditorState.create({ doc }).tr.setNodeAttribute(op, 'status', status).doc);
      const start = e.state.doc;
      e.select(rangeOf(e.state.doc, 'Encourages').to);
      e.type(' all');
      expect(e.notice()).toMatch(/is agreed/);
      e.key('Backspace');
      e.paste('pasted');
      const word = rangeOf(e.state.doc, 'Member');
      e.select(word.from, word.to);
      e.key('Delete');
      e.type('Some');
      e.select(rangeOf(e.state.doc, 'safe routes').to);
      e.key('Enter');
      expect(e.state.doc.eq(start)).toBe(true);
      expect(e.notice()).toMatch(/Ask the facilitator to reopen it/);
    }
  });
});
