import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import {
  addAlternativeText,
  addParagraphAlternativeText,
  alternativesAt,
  applyAttribution,
  bracketTargetAt,
  chooseAlternativeAt,
  mergeAlternativesAtCursor,
  mergeProposalById,
  mergeTargetAt,
  requestAlternative,
  requestAttribution,
  requestMerge,
  requestParagraphAlternative,
} from '../../../../renderer/editor/negotiation/negotiation-actions.js';
import { suggestionKey, suggestionPlugin } from '../../../../renderer/editor/negotiation/suggestion-plugin.js';
import { bracketSelection, toggleParagraphBracket } from '../../../../renderer/editor/negotiation/negotiation-commands.js';
import { chooseKeys, negotiationActions, negotiationShortcuts } from '../../../../renderer/editor/negotiation/negotiation-menu.js';
import { structureBindings } from '../../../../renderer/editor/commands/keymap.js';
import { otherEditorShortcuts } from '../../../../renderer/editor/commands/shortcuts.js';
import { collectBrackets, compilationText, countBrackets, proposeInsertion } from '../../../../shared/negotiation/index.js';
import { validateDocument } from '../../../../shared/document/validate.js';
import { sampleResolution } from '../../../shared/document/sample-documents.js';
import { rangeOf } from '../../../shared/negotiation/helpers.js';

const op3 = (text: string): string => text.split('\n').find((l) => l.startsWith('3.')) ?? '';
const start = (): EditorState => EditorState.create({ doc: sampleResolution() });

function select(state: EditorState, from: number, to = from): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

// Runs `command` dry first (no dispatch: the toolbar's "does it apply?"), then for real; both must agree.
function exec(state: EditorState, command: Command): EditorState {
  expect(command(state)).toBe(true);
  let tr: Transaction | null = null;
  expect(command(state, (t) => (tr = t))).toBe(true);
  const next = state.apply(tr as unknown as Transaction);
  validateDocument(next.doc.toJSON());
  return next;
}

function bracketed(): EditorState {
  const { from, to } = rangeOf(start().doc, 'to report');
  return exec(select(start(), from, to), bracketSelection);
}

describe('facilitator toolbar actions', () => {
  it('adds an alternative to the bracket just made (its text still selected): one group, cursor in the new alternative', () => {
    let state = exec(bracketed(), addAlternativeText('to inform'));
    expect(op3(compilationText(state.doc))).toContain('[to report][to inform] on progress');
    expect(alternativesAt(state)).toMatchObject({ current: 1, options: ['to report', 'to inform'] });
    // A third one from the cursor in the second.
    state = exec(state, addAlternativeText('to brief'));
    expect(alternativesAt(state)).toMatchObject({ current: 2, options: ['to report', 'to inform', 'to brief'] });
    expect(countBrackets(state.doc)).toEqual({ brackets: 3, alternativeGroups: 1, maxBracketDepth: 1 });
  });

  it('brackets selected plain text with its alternative in one transaction', () => {
    const { from, to } = rangeOf(start().doc, 'Secretary-General');
    const state = select(start(), from, to);
    let tr: Transaction | null = null;
    addAlternativeText('Executive Director')(state, (t) => (tr = t));
    const next = state.apply(tr as unknown as Transaction);
    expect(op3(compilationText(next.doc))).toContain('[Secretary-General][Executive Director] to report');
    expect(alternativesAt(next)?.current).toBe(1);
  });

  it('declines where there is nothing to act on, without dispatching', () => {
    const plain = select(start(), rangeOf(start().doc, 'to report').from);
    let dispatched = false;
    const spy = () => (dispatched = true);
    for (const command of [addAlternativeText('x'), requestAlternative, requestAttribution, chooseAlternativeAt(0), mergeAlternativesAtCursor]) {
      expect(command(plain, spy)).toBe(false);
    }
    expect(dispatched).toBe(false);
    expect(bracketTargetAt(plain)).toBeNull();
    expect(requestParagraphAlternative(plain)).toBe(true);
  });

  it('attributes the bracket at the cursor by id, as one step, and reads it back', () => {
    let state = bracketed();
    const target = bracketTargetAt(state);
    expect(target).toMatchObject({ kind: 'inline', text: 'to report', attribution: { proposedBy: [] } });
    let steps = 0;
    applyAttribution(target?.id ?? '', { proposedBy: ['EU', 'CAN'], supportedBy: ['NOR'], opposedBy: [] })(state, (tr) => {
      steps = tr.steps.length;
      state = state.apply(tr);
    });
    expect(steps).toBe(1);
    expect(op3(compilationText(state.doc))).toContain('[to report (EU, CAN)]');
    expect(bracketTargetAt(state)?.attribution).toMatchObject({ proposedBy: ['EU', 'CAN'], supportedBy: ['NOR'] });
    expect(applyAttribution('gone', { proposedBy: ['EU'], supportedBy: [], opposedBy: [] })(state)).toBe(false);
  });

  it('targets the paragraph bracket when the cursor is in a paragraph bracketed whole', () => {
    const at = rangeOf(start().doc, 'to report').from;
    const state = exec(select(start(), at), toggleParagraphBracket);
    expect(bracketTargetAt(state)).toMatchObject({ kind: 'paragraph', text: 'Requests the Secretary-General to report on progress.' });
    expect(requestAttribution(state)).toBe(true);
  });

  it('chooses an alternative, or merges the others into the one at the cursor', () => {
    const grouped = exec(exec(bracketed(), addAlternativeText('to inform')), (s, d) => {
      d?.(s.tr.setSelection(TextSelection.create(s.doc, rangeOf(s.doc, 'to report').from + 1)));
      return true;
    });
    const chosen = exec(grouped, chooseAlternativeAt(1));
    expect(op3(compilationText(chosen.doc))).toContain('Secretary-General to inform on progress');
    expect(chooseAlternativeAt(2)(grouped)).toBe(false);
    const merged = exec(grouped, mergeAlternativesAtCursor);
    expect(collectBrackets(merged.doc).map((b) => b.text)).toEqual(['to report']);
  });

  it('adds a paragraph alternative after the paragraph, bracketed whole, with the cursor in it', () => {
    const at = rangeOf(start().doc, 'to report').from;
    const state = exec(select(start(), at), addParagraphAlternativeText('Requests a report.'));
    const para = state.selection.$from.node(state.selection.$from.depth - 1);
    expect(para.type.name).toBe('operative_paragraph');
    expect(para.textContent).toBe('Requests a report.');
    expect(para.attrs.alternativeOf).toBe('op3');
    const text = compilationText(state.doc);
    expect(op3(text)).toContain('the Secretary-General to report on progress');
    expect(text).toMatch(/\n3 alt\.? \[.*Requests a report\.\]/);
  });

  it('merges a proposal elsewhere in the paragraph into the bracket at the cursor, by ids, as one step', () => {
    let state = start();
    const insert = (text: string, after: string, delegation: string) => {
      const tr = proposeInsertion(state, { pos: rangeOf(state.doc, after).to, text, delegation });
      state = state.apply(tr as Transaction);
    };
    insert(' annually', 'on progress', 'CAN');
    insert(' each year', 'to report', 'AUS');
    const annually = collectBrackets(state.doc).find((b) => b.text === ' annually');
    expect(requestMerge(select(start(), 5))).toBe(false);
    const inside = select(state, (annually?.pos ?? 0) + 2);
    expect(requestMerge(inside)).toBe(true);
    const target = mergeTargetAt(inside);
    expect(target).toMatchObject({ id: annually?.id, text: ' annually' });
    expect(target?.candidates.map((c) => [c.text, c.refusal])).toEqual([[' each year', '']]);
    const view = { state: inside, dispatch: (tr: Transaction) => (view.state = view.state.apply(tr)) };
    expect(mergeProposalById(view, target?.id ?? '', target?.candidates[0]?.id ?? '')).toBe('');
    expect(op3(compilationText(view.state.doc))).toContain('on progress[ annually (CAN, AUS)]');
    expect(mergeProposalById(view, target?.id ?? '', 'gone')).toMatch(/no longer in the text/);
  });

  it('refuses the dialogs of facilitator actions with a notice while acting as a delegation', () => {
    let state = EditorState.create({ doc: bracketed().doc, plugins: [suggestionPlugin()] });
    state = state.apply(state.tr.setMeta(suggestionKey, { config: { mode: 'suggest', delegation: 'CAN' } }));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, collectBrackets(state.doc)[0]!.pos + 2)));
    for (const command of [requestAttribution, requestAlternative, requestMerge]) {
      const fired: unknown[] = [];
      const view = {
        get state() {
          return state;
        },
        dispatch: (tr: Transaction) => (state = state.apply(tr)),
        dom: { dispatchEvent: (e: Event) => fired.push(e) && true },
      };
      expect(command(state, view.dispatch, view as never)).toBe(true);
      expect(fired).toEqual([]);
      expect(suggestionKey.getState(state)?.notice?.text).toMatch(/^Only the facilitator can (attribute|add|merge)/);
    }
  });

  it('binds keys that clash with no other editor key, and lists every one for the help sheet', () => {
    const keys = negotiationActions.map((a) => a.keys);
    const choose = Array.from({ length: 9 }, (_, i) => chooseKeys(i));
    const all = [...keys, ...choose];
    expect(new Set(all).size).toBe(all.length);
    const others = [...Object.keys(structureBindings), ...otherEditorShortcuts.map((s) => s.keys)];
    expect(all.filter((k) => others.includes(k))).toEqual([]);
    expect(negotiationShortcuts.map((s) => s.keys)).toEqual([...keys, 'Mod-Alt-1']);
  });
});
