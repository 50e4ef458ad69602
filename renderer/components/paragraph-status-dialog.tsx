import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import type { ApiClient } from '../../shared/api/contract.js';
import { computeNumbering, type Numbering } from '../../shared/document/numbering.js';
import { paragraphStatus, statusStates, topParagraphs, type StatusState } from '../../shared/negotiation/model.js';
import { isReopening, NegotiationError, setParagraphStatus } from '../../shared/negotiation/paragraph-ops.js';
import { statusAuthor, statusText } from '../../shared/negotiation/status-labels.js';
import { statusAuthorShown, statusHintsShown as statusHints, statusNamesShown as statusNames, statusWordsShown } from '../i18n/status-names.js';
import { paragraphStatusRequestEvent, paragraphStatusShortcut, requestParagraphStatus } from '../editor/negotiation/status-margin.js';
import { suggestionKey } from '../editor/negotiation/suggestion-plugin.js';
import { numberingKey } from '../editor/numbering-plugin.js';
import { subscribeView } from '../editor/view-listeners.js';
import { firstWords } from '../editor/outline.js';
import { messageOf } from '../format.js';
import { ariaKeys } from './editor-toolbar.js';
import { displayKeys } from './help-sheet.js';
import { DelegationChooser, LinkChooser, StatusHistory, type LinkTarget } from './status-dialog-parts.js';
import { DialogFooter } from './dialog-footer.js';
import { t } from '../i18n/index.js';
import { dispatchOwnStep } from '../editor/commands/undo-step.js';

/** Props of the status dialog: the backend (for the profile) and the live editor view (null until ready). */
export type ParagraphStatusDialogProps = { api: ApiClient; view: EditorView | null };

// The top-level paragraph with `id` in `doc`, and where it is.
function findParagraph(doc: Node, id: string): { node: Node; pos: number } | null {
  let found: { node: Node; pos: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (topParagraphs.has(node.type.name)) {
      if (node.attrs.id === id) found = { node, pos };
      return false;
    }
    return !node.isTextblock;
  });
  return found;
}

const numberingOf = (view: EditorView): Numbering => numberingKey.getState(view.state)?.numbering ?? computeNumbering(view.state.doc);

const linkTargets = (view: EditorView, numbering: Numbering, except: string): LinkTarget[] =>
  numbering.entries
    .filter((e) => (e.kind === 'pp' || e.kind === 'op' || e.kind === 'decision') && e.id !== '' && e.id !== except)
    .map((e) => ({ id: e.id, path: e.path, words: firstWords(view.state.doc.nodeAt(e.pos)?.firstChild?.textContent ?? '', 8) }));

/**
 * The status of one top-level paragraph, opened by its margin label or Mod-Alt-Shift-s
 * (`paragraphStatusRequestEvent`): the facilitator picks the new state, the delegations of
 * a reservation, the paragraphs an "agreed pending" paragraph waits for; reopening an
 * agreed paragraph asks for a reason and refuses without one. The change is recorded with
 * the profile's name (the role is implied and shown in the interface language: "Facilitator (Jane Doe)", never the delegation) and the time, as one transaction (one undo step), and
 * the paragraph's status history is listed below the form.
 */
export function ParagraphStatusDialog({ api, view }: ParagraphStatusDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [author, setAuthor] = useState<string | null>(null);

  useEffect(() => {
    if (!view) return;
    const onRequest = (event: Event) => {
      const id = (event as CustomEvent<{ id?: unknown }>).detail?.id;
      if (typeof id !== 'string' || id === '') return;
      setTarget(id);
      api.invoke('profile.get', {}).then(
        (p) => setAuthor(statusAuthor(p.name)),
        () => setAuthor(statusAuthor('')),
      );
    };
    view.dom.addEventListener(paragraphStatusRequestEvent, onRequest);
    return () => view.dom.removeEventListener(paragraphStatusRequestEvent, onRequest);
  }, [api, view]);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (target && !el.open) el.showModal();
    if (!target && el.open) el.close();
  }, [target]);

  const close = () => {
    setTarget(null);
    view?.focus();
  };
  const found = view && target ? findParagraph(view.state.doc, target) : null;
  return (
    <dialog ref={dialog} className="dialog status-dialog" aria-labelledby="status-dialog-title" onClose={close}>
      {view && target && found ? (
        <StatusForm key={target} view={view} id={target} node={found.node} author={author} onDone={close} />
      ) : target ? (
        <>
          <h2 id="status-dialog-title">{t('negotiation:paragraphStatusDialog.paragraphStatus')}</h2>
          <p className="dialog-error" role="alert">
            {t('negotiation:paragraphStatusDialog.thisParagraphIsNo')}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              {t('common:close')}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

type StatusFormProps = { view: EditorView; id: string; node: Node; author: string | null; onDone: () => void };

function StatusForm({ view, id, node, author, onDone }: StatusFormProps) {
  const numbering = numberingOf(view);
  const pathOf = (pid: string) => numbering.byId.get(pid)?.path ?? t('editor:status.removed');
  const path = numbering.byId.get(id)?.path ?? t('negotiation:paragraphStatusDialog.thisParagraph');
  const current = paragraphStatus(node);
  const [state, setState] = useState<StatusState>(current.state);
  const [delegations, setDelegations] = useState<string[]>(current.delegations);
  const [linked, setLinked] = useState<string[]>(current.linked);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const reopening = isReopening(current.state, state);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
    if (state === current.state && same(delegations, current.delegations) && same(linked, current.linked)) return onDone();
    if (state === 'reservation' && delegations.length === 0) return setError(t('negotiation:paragraphStatusDialog.chooseTheDelegationsThat'));
    if (state === 'agreed_pending' && linked.length === 0) return setError(t('negotiation:paragraphStatusDialog.tickTheParagraphsThis'));
    if (reopening && reason.trim() === '') {
      setError(t('negotiation:paragraphStatusDialog.isReopeningItNeeds', { path, toLowerCase: statusNames[current.state].toLowerCase() }));
      reasonField.current?.focus();
      return;
    }
    const at = findParagraph(view.state.doc, id);
    if (!at) return setError(t('negotiation:paragraphStatusDialog.thisParagraphIsNo'));
    try {
      const tr = setParagraphStatus(view.state, at.pos, {
        state,
        by: author ?? '',
        at: new Date().toISOString(),
        delegations: state === 'reservation' ? delegations : [],
        linked: state === 'agreed_pending' ? linked : [],
        reason: reopening ? reason : '',
      });
      if (!tr) return setError(t('negotiation:paragraphStatusDialog.theStatusOfThis'));
      dispatchOwnStep(view.state, (next) => view.dispatch(next), tr);
      onDone();
    } catch (cause) {
      setError(cause instanceof NegotiationError ? t('negotiation:paragraphStatusDialog.notChanged', { message: messageOf(cause) }) : t('negotiation:paragraphStatusDialog.notChanged2', { reason: messageOf(cause) }));
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2 id="status-dialog-title">{t('negotiation:paragraphStatusDialog.statusOf')}{' '}{path}</h2>
      <p className="status-current">
        {t('negotiation:paragraphStatusDialog.now')}{' '}<strong>{statusText(current, pathOf, statusWordsShown)}</strong>
        {current.at !== '' || current.by !== '' ? t('negotiation:paragraphStatusDialog.setBy', { by: statusAuthorShown(current.by) }) : ''}{t('negotiation:paragraphStatusDialog.changesAreRecordedAs')}{' '}<strong>{author === null ? '…' : statusAuthorShown(author)}</strong>{' '}{t('negotiation:paragraphStatusDialog.withTheTime')}
      </p>
      <fieldset className="status-states">
        <legend>{t('negotiation:paragraphStatusDialog.newStatus')}</legend>
        {statusStates.map((s) => (
          <div key={s} className={`status-choice ph-status-${s}`}>
            <input type="radio" id={`status-${s}`} name="paragraph-status" value={s} checked={state === s} onChange={() => setState(s)} aria-describedby={`status-hint-${s}`} />
            <span>
              <label htmlFor={`status-${s}`} className="status-choice-name">
                {statusNames[s]}
              </label>
              <span className="status-choice-hint" id={`status-hint-${s}`}>
                {statusHints[s]}
              </span>
            </span>
          </div>
        ))}
      </fieldset>
      {state === 'reservation' ? <DelegationChooser chosen={delegations} onChange={setDelegations} /> : null}
      {state === 'agreed_pending' ? <LinkChooser targets={linkTargets(view, numbering, id)} chosen={linked} onChange={setLinked} /> : null}
      {reopening ? (
        <div className="status-reopen">
          <p>
            <strong>
              {path}{' '}{t('negotiation:paragraphStatusDialog.is')}{' '}{statusNames[current.state].toLowerCase()}.
            </strong>{' '}
            {t('negotiation:paragraphStatusDialog.reopeningAnAgreedParagraph')}
          </p>
          <label className="field">
            <span>{t('negotiation:paragraphStatusDialog.reasonForReopeningRequired')}</span>
            <textarea ref={reasonField} value={reason} rows={3} required onChange={(e) => setReason(e.target.value)} />
          </label>
        </div>
      ) : null}
      <DialogFooter error={error} onCancel={onDone} submit={reopening ? t('negotiation:paragraphStatusDialog.reopenAs', { toLowerCase: statusNames[state].toLowerCase() }) : t('negotiation:paragraphStatusDialog.setStatus')} />
      <StatusHistory status={current} pathOf={pathOf} />
    </form>
  );
}

/** Props of the toolbar's status button: the live editor view (null until ready). */
export type ParagraphStatusButtonProps = { view: EditorView | null };

/**
 * "Status…" for the negotiation toolbar's slot: opens the status dialog of the paragraph at
 * the cursor, as Mod-Alt-Shift-s does. Pressing it keeps the editor's selection (mousedown
 * does not take the focus); outside a paragraph it returns the focus to the text. Acting as
 * a delegation or observing it is greyed like the facilitator actions, and a press says why.
 */
export function ParagraphStatusButton({ view }: ParagraphStatusButtonProps) {
  const [facilitating, setFacilitating] = useState(true);
  useEffect(() => (view ? subscribeView(view, (state) => setFacilitating((suggestionKey.getState(state)?.mode ?? 'edit') === 'edit')) : undefined), [view]);
  return (
    <button
      type="button"
      className="toolbar-button"
      aria-disabled={!facilitating}
      aria-keyshortcuts={ariaKeys(paragraphStatusShortcut)}
      title={t('negotiation:paragraphStatusDialog.statusOfTheParagraph', { displayKeys: displayKeys(paragraphStatusShortcut) })}
      disabled={!view}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        if (view && !requestParagraphStatus(view.state, view.dispatch, view)) view.focus();
      }}
    >
      {t('negotiation:paragraphStatusDialog.status')}
    </button>
  );
}
