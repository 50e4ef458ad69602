import { memo, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Parties } from '../../shared/negotiation/facilitator-ops.js';
import { paragraphBracket } from '../../shared/negotiation/model.js';
import {
  addAlternativeText,
  addParagraphAlternativeText,
  alternativesAt,
  applyAttribution,
  bracketTargetAt,
  chooseAlternativeAt,
  mergeProposalById,
  mergeTargetAt,
  negotiationRequestEvent,
  type AlternativeGroupAt,
  type BracketTarget,
  type MergeTarget,
  type NegotiationRequest,
} from '../editor/negotiation/negotiation-actions.js';
import { enclosingParagraphPos } from '../editor/negotiation/negotiation-commands.js';
import { suggestionKey } from '../editor/negotiation/suggestion-plugin.js';
import { chooseKeys, negotiationActions } from '../editor/negotiation/negotiation-menu.js';
import { AttributionPicker } from './attribution-picker.js';
import { MergePicker } from './merge-picker.js';
import { TextPromptDialog, type TextPrompt } from './text-prompt-dialog.js';
import { ToolbarButton, useIdleRefresh, useRovingFocus, type ToolbarButtonProps } from './toolbar-button.js';
import { t, useT } from '../i18n/index.js';

/**
 * Props of the negotiation toolbar: the live editor view (null until ready) and a slot for
 * other negotiation tools (a "Suggest" toggle, a "Status…" button) shown at its end.
 */
export type NegotiationToolbarProps = { view: EditorView | null; moreTools?: ReactNode };

type Snapshot = { mask: string; group: AlternativeGroupAt | null; paragraphBracketed: boolean };

/**
 * Which facilitator actions apply in `state` (0/1 per action, dry runs without dispatch),
 * the alternative group at the cursor, and whether the cursor's paragraph is bracketed whole.
 */
export function negotiationSnapshot(state: EditorState, view?: EditorView): Snapshot {
  // Acting as a delegation (suggestion mode) or reading only, no facilitator action applies:
  // greyed rather than refused with a notice after the click.
  const facilitating = (suggestionKey.getState(state)?.mode ?? 'edit') === 'edit';
  const mask = negotiationActions.map((action) => (facilitating && action.run(state, undefined, view) ? '1' : '0')).join('');
  const pos = enclosingParagraphPos(state);
  const paragraph = pos === null ? null : state.doc.nodeAt(pos);
  return { mask, group: facilitating ? alternativesAt(state) : null, paragraphBracketed: !!paragraph && paragraphBracket(paragraph) !== null };
}

const sameSnapshot = (a: Snapshot, b: Snapshot): boolean =>
  a.mask === b.mask &&
  a.paragraphBracketed === b.paragraphBracketed && a.group?.pos === b.group?.pos && a.group?.current === b.group?.current && a.group?.options.join('\u0000') === b.group?.options.join('\u0000');

// The two text prompts, in the interface language at the moment they open.
const promptOf = (kind: 'alternative' | 'paragraph-alternative'): TextPrompt =>
  kind === 'alternative'
    ? { title: t('editor:toolbar.alternative.title'), lead: t('editor:toolbar.alternative.lead'), label: t('editor:toolbar.alternative.label'), submit: t('editor:toolbar.alternative.submit') }
    : {
        title: t('editor:toolbar.paragraphAlternative.title'),
        lead: t('editor:toolbar.paragraphAlternative.lead'),
        label: t('editor:toolbar.paragraphAlternative.label'),
        multiline: true,
        submit: t('editor:toolbar.paragraphAlternative.submit'),
      };

// Actions that open a dialog: the dialog takes the focus, and gives it back to the text.
const asks: ReadonlySet<string> = new Set(['alternative', 'attribute', 'merge-with', 'paragraph-alternative']);

const start = (text: string, max = 24): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text || t('editor:toolbar.empty'));

// Recomputed off the keystroke's path, like the editing toolbar: when idle, at most this late.
const refreshDelayMs = 150;

/**
 * The negotiation toolbar (role=toolbar, "Negotiation"): the facilitator actions as buttons
 * with their shortcuts in title and aria-keyshortcuts, greyed (aria-disabled) where they do
 * not apply, and, when the cursor is in a group of alternatives, one "choose" button per
 * alternative. Buttons keep the editor's focus and selection (mousedown does not take
 * focus); actions that need input open a dialog, then focus returns to the text. One Tab
 * stop: Left/Right, Home/End move between buttons.
 */
export const NegotiationToolbar = memo(function NegotiationToolbar({ view, moreTools }: NegotiationToolbarProps) {
  // Memoised: subscribe to the interface language so a switch re-renders the buttons' names.
  const { t } = useT();
  const [snapshot, setSnapshot] = useState<Snapshot>({ mask: '0'.repeat(negotiationActions.length), group: null, paragraphBracketed: false });
  const [prompt, setPrompt] = useState<'alternative' | 'paragraph-alternative' | null>(null);
  const [attribution, setAttribution] = useState<BracketTarget | null>(null);
  const [merge, setMerge] = useState<MergeTarget | null>(null);
  const [error, setError] = useState<string | null>(null);

  useIdleRefresh(
    view,
    (v) => {
      const next = negotiationSnapshot(v.state, v);
      setSnapshot((prev) => (sameSnapshot(prev, next) ? prev : next));
    },
    refreshDelayMs,
  );
  useEffect(() => {
    if (!view) return undefined;
    const onRequest = (event: Event) => {
      const kind = (event as CustomEvent<NegotiationRequest>).detail;
      setError(null);
      if (kind === 'attribution') setAttribution(bracketTargetAt(view.state));
      else if (kind === 'merge') setMerge(mergeTargetAt(view.state));
      else setPrompt(kind);
    };
    view.dom.addEventListener(negotiationRequestEvent, onRequest);
    return () => view.dom.removeEventListener(negotiationRequestEvent, onRequest);
  }, [view]);

  const done = (ok: boolean, failure: string, focus = true) => {
    setError(ok ? null : failure);
    if (view && !view.isDestroyed) {
      if (focus) view.focus();
      setSnapshot(negotiationSnapshot(view.state, view));
    }
  };
  const runAt = (run: (v: EditorView) => boolean, failure: string, focus = true) => {
    if (view) done(run(view), failure, focus);
  };
  const closeDialogs = () => {
    setPrompt(null);
    setAttribution(null);
    setMerge(null);
    done(true, '');
  };
  const onMerge = (fromId: string) => {
    if (!view || !merge) return;
    const notice = mergeProposalById(view, merge.id, fromId);
    setMerge(null);
    done(notice === '', notice);
  };
  const onPromptSubmit = (text: string) => {
    if (!view) return;
    const command = prompt === 'paragraph-alternative' ? addParagraphAlternativeText(text) : addAlternativeText(text);
    setPrompt(null);
    done(command(view.state, view.dispatch, view), t('editor:toolbar.notAdded'));
  };
  const onApplyAttribution = (parties: Parties) => {
    if (!view || !attribution) return;
    const ok = applyAttribution(attribution.id, parties)(view.state, view.dispatch, view);
    setAttribution(null);
    done(ok, t('editor:toolbar.attributionGone'));
  };

  const group = snapshot.group;
  const count = negotiationActions.length + (group?.options.length ?? 0);
  const roving = useRovingFocus(count);
  const button = (index: number, props: Omit<ToolbarButtonProps, 'index' | 'roving'>) => <ToolbarButton key={props.id} index={index} roving={roving} {...props} />;

  return (
    <>
      <div className="editor-toolbar negotiation-toolbar" role="toolbar" aria-label={t('editor:toolbar.name')} onKeyDown={roving.onKeyDown}>
        <div className="toolbar-group" role="group" aria-label={t('editor:toolbar.facilitatorActions')}>
          {negotiationActions.map((action, i) =>
            button(i, {
              ...action,
              enabled: snapshot.mask[i] === '1',
              // The paragraph toggle shows whether the paragraph is bracketed now.
              pressed: action.id === 'paragraph' ? snapshot.paragraphBracketed : undefined,
              onRun: () => runAt((v) => action.run(v.state, v.dispatch, v), t('editor:toolbar.doesNotApply', { action: action.label }), !asks.has(action.id)),
            }),
          )}
        </div>
        {group ? (
          <div className="toolbar-group choose-group" role="group" aria-label={t('editor:toolbar.chooseGroup')}>
            <span className="toolbar-caption">{t('editor:toolbar.choose')}</span>
            {group.options.map((text, k) => {
              const index = negotiationActions.length + k;
              return button(index, {
                id: `choose-${k + 1}`,
                label: t('editor:toolbar.chooseOne', { n: k + 1, text: text || t('editor:toolbar.empty') }),
                keys: chooseKeys(k),
                face: `${k + 1} ${start(text)}`,
                enabled: k < 9,
                onRun: () => runAt((v) => chooseAlternativeAt(k)(v.state, v.dispatch, v), t('editor:toolbar.alternativeGone')),
              });
            })}
          </div>
        ) : null}
        {moreTools ? (
          <div className="toolbar-group" role="group" aria-label={t('editor:toolbar.more')}>
            {moreTools}
          </div>
        ) : null}
      </div>
      {error ? (
        <p className="toolbar-error" role="alert">
          {error}
        </p>
      ) : null}
      <TextPromptDialog prompt={prompt ? promptOf(prompt) : null} onSubmit={onPromptSubmit} onClose={closeDialogs} />
      <AttributionPicker target={attribution} onApply={onApplyAttribution} onClose={closeDialogs} />
      <MergePicker target={merge} onChoose={onMerge} onClose={closeDialogs} />
    </>
  );
});
