import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { canSplit } from 'prosemirror-transform';
import type { Decoration } from 'prosemirror-view';
import { resolutionSchema } from '../../../../schemas/resolution-schema.js';
import { computeNumbering } from '../../../../shared/document/numbering.js';
import { setParagraphStatus, type StatusChange } from '../../../../shared/negotiation/paragraph-ops.js';
import { numberingPlugin } from '../../../../renderer/editor/numbering-plugin.js';
import { suggestionKey, suggestionPlugin } from '../../../../renderer/editor/negotiation/suggestion-plugin.js';
import { otherEditorShortcuts } from '../../../../renderer/editor/commands/shortcuts.js';
import {
  paragraphStatusRequestEvent,
  paragraphStatusShortcut,
  requestParagraphStatus,
  statusDecorations,
  statusMarginKey,
  statusMarginPlugin,
  type StatusWidgetSpec,
} from '../../../../renderer/editor/negotiation/status-margin.js';
import { sampleResolution } from '../../../shared/document/sample-documents.js';

const start = (): EditorState =>
  EditorState.create({ schema: resolutionSchema, doc: sampleResolution(), plugins: [numberingPlugin(), statusMarginPlugin()] });
const widgets = (state: EditorState): Decoration[] => statusMarginKey.getState(state)?.decorations.find() ?? [];
const specs = (state: EditorState): StatusWidgetSpec[] => widgets(state).map((d) => d.spec as StatusWidgetSpec);
const specOf = (state: EditorState, id: string): StatusWidgetSpec | undefined => specs(state).find((s) => s.id === id);
const typeOf = (d: Decoration): unknown => (d as unknown as { type: unknown }).type;
const drawn = (list: readonly Decoration[]): string[] => list.map((d) => `${d.from}:${(d.spec as StatusWidgetSpec).key}`).sort();

function posOf(doc: Node, id: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (node.attrs.id === id) found = pos;
    return found < 0;
  });
  return found;
}

const at = '2026-12-02T10:00:00.000Z';
function setStatus(state: EditorState, id: string, change: Omit<StatusChange, 'by' | 'at'>): EditorState {
  const tr = setParagraphStatus(state, posOf(state.doc, id), { by: 'CAN (Jane Doe)', at, ...change });
  if (!tr) throw new Error(`no top-level paragraph ${id}`);
  return state.apply(tr);
}

describe('status margin', () => {
  it('puts one widget at the start of every top-level paragraph, named by its number', () => {
    const state = start();
    expect(specs(state).map((s) => `${s.path}=${s.text}`)).toEqual(['PP 1=Pending', 'PP 2=Pending', 'OP 1=Pending', 'OP 2=Pending', 'OP 3=Pending']);
    for (const d of widgets(state)) expect(state.doc.nodeAt(d.from - 1)?.attrs.id).toBe((d.spec as StatusWidgetSpec).id);
  });

  it('shows the new status after setParagraphStatus, re-reading only that paragraph', () => {
    const before = start();
    const state = setStatus(before, 'op1', { state: 'agreed' });
    expect(specOf(state, 'op1')).toMatchObject({ state: 'agreed', text: 'Agreed', path: 'OP 1', reopened: false });
    expect(specOf(state, 'op1')?.title).toContain('CAN (Jane Doe)');
    expect(statusMarginKey.getState(state)?.recomputed).toBe(1);
    const kept = new Set(widgets(before).map(typeOf));
    const unchanged = widgets(state).filter((d) => (d.spec as StatusWidgetSpec).id !== 'op1');
    for (const d of unchanged) expect(kept.has(typeOf(d))).toBe(true);
  });

  it('a keystroke re-reads one paragraph and keeps every widget as it was', () => {
    const state = setStatus(start(), 'op2', { state: 'reservation', delegations: ['USA', 'RUS'] });
    const before = new Set(widgets(state).map(typeOf));
    const inOp2 = posOf(state.doc, 'op2') + 3;
    const next = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inOp2)).insertText('x'));
    expect(statusMarginKey.getState(next)?.recomputed).toBe(1);
    expect(widgets(next)).toHaveLength(before.size);
    for (const d of widgets(next)) expect(before.has(typeOf(d))).toBe(true);
    expect(specOf(next, 'op2')?.text).toBe('Reservation: USA, RUS');
  });

  it('marks a reopened paragraph and names linked paragraphs by their current numbers', () => {
    let state = setStatus(start(), 'op1', { state: 'agreed_ad_ref' });
    state = setStatus(state, 'op1', { state: 'under_discussion', reason: 'Capital asked for changes' });
    expect(specOf(state, 'op1')).toMatchObject({ text: 'Under discussion', reopened: true });
    state = setStatus(state, 'pp2', { state: 'agreed_pending', linked: ['op3'] });
    expect(specOf(state, 'pp2')?.text).toBe('Agreed pending OP\u00a03');
    // A new operative paragraph before OP 3 renumbers it: the linked label and OP 3's own name follow.
    const op3 = posOf(state.doc, 'op3');
    const { nodes } = resolutionSchema;
    const fresh = nodes.operative_paragraph.create({ id: 'opnew' }, nodes.paragraph_text.create(null, resolutionSchema.text('Invites.')));
    state = state.apply(state.tr.insert(op3, fresh));
    expect(specOf(state, 'pp2')?.text).toBe('Agreed pending OP\u00a04');
    expect(specOf(state, 'op3')?.path).toBe('OP 4');
    expect(specOf(state, 'opnew')?.path).toBe('OP 3');
  });

  it('draws what a full rebuild draws after random edits and status changes (property)', () => {
    const size = start().doc.content.size;
    const states = ['agreed', 'parked', 'deleted', 'under_discussion'] as const;
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), a: fc.integer({ min: 0, max: size }), b: fc.integer({ min: 0, max: size }) }),
      fc.record({ kind: fc.constant('type' as const), a: fc.integer({ min: 0, max: size }), b: fc.constant(0) }),
      fc.record({ kind: fc.constant('split' as const), a: fc.integer({ min: 0, max: size }), b: fc.integer({ min: 1, max: 2 }) }),
      fc.record({ kind: fc.constant('status' as const), a: fc.integer({ min: 0, max: 4 }), b: fc.integer({ min: 0, max: states.length - 1 }) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 8 }), (edits) => {
        let state = start();
        for (const { kind, a, b } of edits) {
          const max = state.doc.content.size;
          let tr: Transaction | null = state.tr;
          if (kind === 'status') {
            const ids = ['pp1', 'pp2', 'op1', 'op2', 'op3'];
            const pos = posOf(state.doc, ids[a] ?? '');
            tr = pos < 0 ? null : setParagraphStatus(state, pos, { state: states[b] ?? 'agreed', by: 'x', at, reason: 'r' });
          } else if (kind === 'split') {
            if (canSplit(state.doc, Math.min(a, max), b)) tr.split(Math.min(a, max), b);
          } else if (kind === 'delete') tr.delete(Math.min(a, b, max), Math.min(Math.max(a, b), max));
          else if (state.doc.resolve(Math.min(a, max)).parent.inlineContent) tr.insertText('z', Math.min(a, max));
          if (tr) state = state.apply(tr);
        }
        const numbering = computeNumbering(state.doc);
        expect(drawn(widgets(state))).toEqual(drawn(statusDecorations(state.doc, (id) => numbering.byId.get(id)?.path).find()));
      }),
      // The example deletes from OP 1's start into OP 2, joining them: OP 3 becomes OP 2.
      { numRuns: 200, examples: [[[{ kind: 'delete', a: 0, b: 14 }, { kind: 'delete', a: 306, b: 188 }]]] },
    );
  });

  it('asks for the status dialog of the paragraph at the cursor, and the help sheet lists its key', () => {
    const state = start();
    const inSub = posOf(state.doc, 'op1a') + 3;
    const there = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inSub)));
    const fired: unknown[] = [];
    const dom = { dispatchEvent: (e: Event) => fired.push((e as CustomEvent).detail) && true };
    expect(requestParagraphStatus(there, () => {}, { dom } as never)).toBe(true);
    expect(fired).toEqual([{ id: 'op1' }]);
    const inTitle = state.apply(state.tr.setSelection(TextSelection.create(state.doc, posOf(state.doc, 'pp1') - 4)));
    expect(requestParagraphStatus(inTitle)).toBe(false);
    expect(otherEditorShortcuts.map((s) => s.keys)).toContain(paragraphStatusShortcut);
    expect(paragraphStatusRequestEvent).toBe('penholder:paragraph-status');
  });

  it('refuses the status dialog with a notice to a delegation or an observer, as the toolbar greys their actions', () => {
    for (const mode of ['suggest', 'read-only'] as const) {
      let state = EditorState.create({ doc: sampleResolution(), plugins: [suggestionPlugin(), numberingPlugin(), statusMarginPlugin()] });
      state = state.apply(state.tr.setMeta(suggestionKey, { config: { mode, delegation: 'CAN', locked: true } }));
      state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, posOf(state.doc, 'op1') + 3)));
      const fired: unknown[] = [];
      const view = {
        get state() {
          return state;
        },
        dispatch: (tr: Transaction) => (state = state.apply(tr)),
        dom: { dispatchEvent: (e: Event) => fired.push((e as CustomEvent).detail) && true },
      };
      expect(requestParagraphStatus(state, view.dispatch, view as never)).toBe(true);
      expect(fired).toEqual([]);
      expect(suggestionKey.getState(state)?.notice?.text).toMatch(mode === 'suggest' ? /^Only the facilitator can set a paragraph’s status\. As a delegation/ : /^Observers follow the text; only the facilitator/);
    }
  });
});
