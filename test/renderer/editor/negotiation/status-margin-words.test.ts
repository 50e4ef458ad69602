import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { resolutionSchema } from '../../../../schemas/resolution-schema.js';
import { setParagraphStatus, type StatusChange } from '../../../../shared/negotiation/paragraph-ops.js';
import { i18n } from '../../../../renderer/i18n/index.js';
import { interfaceLanguageKey } from '../../../../renderer/i18n/editor-language.js';
import { numberingPlugin } from '../../../../renderer/editor/numbering-plugin.js';
import { findNodeById } from '../../../../renderer/editor/outline.js';
import { statusMarginKey, statusMarginPlugin, type StatusWidgetSpec } from '../../../../renderer/editor/negotiation/status-margin.js';
import { sampleResolution } from '../../../shared/document/sample-documents.js';

// The status margin's words: who set a status and when, in the interface language, and looked
// up once per language rather than at every keystroke.

const start = (): EditorState => EditorState.create({ schema: resolutionSchema, doc: sampleResolution(), plugins: [numberingPlugin(), statusMarginPlugin()] });
const specOf = (state: EditorState, id: string) => statusMarginKey.getState(state)?.decorations.find().map((d) => d.spec as StatusWidgetSpec).find((s) => s.id === id);
const announce = (state: EditorState) => state.apply(state.tr.setMeta(interfaceLanguageKey, i18n.language).setMeta('addToHistory', false));

function setStatus(state: EditorState, id: string, change: StatusChange): EditorState {
  const tr = setParagraphStatus(state, findNodeById(state.doc, id), change);
  if (!tr) throw new Error(`no top-level paragraph ${id}`);
  return state.apply(tr);
}

const zone = process.env.TZ;

describe('status margin words', () => {
  beforeAll(async () => {
    // Local time is Paris here, so the instant below is 11:00 on the screen.
    process.env.TZ = 'Europe/Paris';
    await i18n.changeLanguage('en');
  });
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });
  afterAll(async () => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
    await i18n.changeLanguage('en');
  });

  it('shows a status author stored by an earlier version ("Facilitator (Jane Doe)") and the time in the interface language, the instant kept as local date and time', async () => {
    let state = setStatus(start(), 'op1', { state: 'agreed', by: 'Facilitator (Jane Doe)', at: '2026-12-07T10:00:09.433Z' });
    state = setStatus(state, 'op2', { state: 'parked', by: 'Facilitator', at: '2026-12-07T10:00:00.000Z' });
    state = setStatus(state, 'op3', { state: 'agreed', by: 'Ana Pereira', at: '2026-12-07T10:00:00.000Z' });
    expect(specOf(state, 'op1')?.title).toBe('OP 1: Agreed, set by Facilitator (Jane Doe) at 7 December 2026, 11:00');
    expect(specOf(state, 'op2')?.title).toBe('OP 2: Parked, set by Facilitator at 7 December 2026, 11:00');
    expect(specOf(state, 'op3')?.title).toBe('OP 3: Agreed, set by Facilitator (Ana Pereira) at 7 December 2026, 11:00');
    await i18n.changeLanguage('fr');
    state = announce(state);
    expect(specOf(state, 'op1')?.title).toBe('OP 1\u00a0: Approuvé, fixé par Facilitation (Jane Doe) le 7 décembre 2026, 11:00');
    expect(specOf(state, 'op2')?.title).toBe('OP 2\u00a0: En suspens, fixé par Facilitation le 7 décembre 2026, 11:00');
    await i18n.changeLanguage('en');
  });

  it('names a linked paragraph that was removed in the interface language', async () => {
    const state = setStatus(start(), 'pp2', { state: 'agreed_pending', by: 'Jane Doe', at: '2026-12-07T10:00:00.000Z', linked: ['gone'] });
    expect(specOf(state, 'pp2')?.text).toBe('Agreed pending a\u00a0removed\u00a0paragraph');
    await i18n.changeLanguage('fr');
    expect(specOf(announce(state), 'pp2')?.text).toBe('Approuvé en attente un\u00a0paragraphe\u00a0supprimé');
    await i18n.changeLanguage('en');
  });

  it('types twenty characters into a paragraph with a status without looking up a single interface string, and still redraws on a language change', async () => {
    let state = setStatus(start(), 'op2', { state: 'reservation', by: 'Jane Doe', at: '2026-12-07T10:00:00.000Z', delegations: ['USA'] });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, findNodeById(state.doc, 'op2') + 3)));
    // i18next's t() hands every lookup to its translator (not in its typings).
    const lookups = vi.spyOn((i18n as unknown as { translator: { translate: () => string } }).translator, 'translate');
    try {
      for (let i = 0; i < 20; i++) state = state.apply(state.tr.insertText('x'));
      expect(statusMarginKey.getState(state)?.recomputed).toBe(1);
      expect(lookups).not.toHaveBeenCalled();
    } finally {
      lookups.mockRestore();
    }
    expect(specOf(state, 'op2')?.text).toBe('Reservation: USA');
    await i18n.changeLanguage('fr');
    state = announce(state);
    expect(specOf(state, 'op2')?.label).toBe('État de OP 2\u00a0: Réserve\u00a0: USA');
    state = state.apply(state.tr.insertText('y'));
    expect(specOf(state, 'op2')?.label).toBe('État de OP 2\u00a0: Réserve\u00a0: USA');
    await i18n.changeLanguage('en');
    expect(specOf(announce(state), 'op2')?.label).toBe('Status of OP 2: Reservation: USA');
  });
});
