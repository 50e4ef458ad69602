import { useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { Node } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { ApiClient, Profile } from '../../shared/api/contract.js';
import { collectBrackets } from '../../shared/negotiation/model.js';
import { proposingDelegations, viewExportText, viewFileName } from '../document/negotiation-export.js';
import type { NegotiationViewMode } from '../document/negotiation-export.js';
import { subscribeView } from '../editor/view-listeners.js';
import { messageOf } from '../format.js';
import { NegotiationPage } from './negotiation-page.js';
import { NegotiationProposals } from './negotiation-proposals.js';
import type { ExportPreset } from './export-dialog.js';
import { profileChangedEvent } from './profile-dialog.js';
import { t } from '../i18n/index.js';

/** What the document view places: the view switcher in its bar, and the view shown instead of the editor (null while editing). */
export type NegotiationViews = { switcher: ReactNode; content: ReactNode };

const modes: readonly NegotiationViewMode[] = ['editing', 'compilation', 'clean', 'proposals'];
// A view's heading: negotiation:viewTitle.<mode>.
const titles = (mode: Exclude<NegotiationViewMode, 'editing'>): string => t(`negotiation:viewTitle.${mode}`);

// A redraw at most this often while the document changes under a shown view (peers typing):
// the views cost nothing while the editor is shown, and little while they are.
const redrawMs = 300;

/**
 * The negotiation views of one open document: a switcher between the editor and the
 * read-only compilation text (with a Tags toggle), the text without brackets and one delegation's
 * proposals (the profile's delegation first, any proposing delegation by a picker), each
 * following the live document while shown, and "Export text…" of the view shown. `zoom`
 * (percent) is the page zoom of the document view, which the views follow; `onExport`
 * opens the Export dialog ("Export…") on the view shown.
 */
export function useNegotiationViews(api: ApiClient, view: EditorView | null, zoom = 100, onExport?: (preset: ExportPreset) => void): NegotiationViews {
  const [mode, setMode] = useState<NegotiationViewMode>('editing');
  const [tags, setTags] = useState(true);
  const [own, setOwn] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [shown, setShown] = useState<{ doc: Node } | null>(null);
  const doc = shown?.doc ?? null;
  const [jump, setJump] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const delegation = chosen ?? own;

  useEffect(() => {
    let live = true;
    api.invoke('profile.get', {}).then(
      (profile) => live && setOwn(profile.delegation),
      () => undefined,
    );
    // The delegation changed in the profile dialog while the document is open.
    const onProfile = (event: Event) => setOwn((event as CustomEvent<Profile>).detail.delegation);
    window.addEventListener(profileChangedEvent, onProfile);
    return () => {
      live = false;
      window.removeEventListener(profileChangedEvent, onProfile);
    };
  }, [api]);

  useEffect(() => {
    if (mode === 'editing' || !view) {
      setShown(null);
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seen: { doc: Node } | null = null;
    // The negotiation base is in the document's header: a new base is a new document.
    const current = (state: EditorState) => ({ doc: state.doc });
    const unsubscribe = subscribeView(view, (state) => {
      const now = current(state);
      if (seen && now.doc === seen.doc) return;
      if (seen === null) setShown(now);
      else
        timer ??= setTimeout(() => {
          timer = undefined;
          setShown(current(view.state));
        }, redrawMs);
      seen = now;
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [mode, view]);

  // Back in the editor, the chosen proposal is selected and scrolled into the middle.
  useEffect(() => {
    if (mode !== 'editing' || jump === null || !view) return;
    setJump(null);
    const bracket = collectBrackets(view.state.doc).find((b) => b.id === jump);
    if (!bracket) return;
    const node = view.state.doc.nodeAt(bracket.pos);
    const from = bracket.kind === 'inline' ? bracket.pos + 1 : bracket.pos + 2;
    const to = bracket.kind === 'inline' && node ? bracket.pos + node.nodeSize - 1 : from;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)).scrollIntoView());
    view.focus();
    const dom = view.nodeDOM(bracket.pos);
    if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' });
  }, [mode, jump, view]);

  const delegations = useMemo(() => (doc && mode === 'proposals' ? proposingDelegations(doc, own) : []), [doc, mode, own]);

  const choose = (next: NegotiationViewMode) => {
    setError(null);
    setMode(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    const index = event.key === 'Home' ? 0 : event.key === 'End' ? modes.length - 1 : step === undefined ? -1 : (modes.indexOf(mode) + step + modes.length) % modes.length;
    if (index < 0) return;
    event.preventDefault();
    choose(modes[index] ?? 'editing');
    event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="radio"]')[index]?.focus();
  };
  const label = (m: NegotiationViewMode): string =>
    m === 'editing' ? t('negotiation:negotiationViews.editing') : m === 'compilation' ? t('negotiation:negotiationViews.compilation') : m === 'clean' ? t('negotiation:negotiationViews.withoutBrackets') : delegation ? t('negotiation:negotiationViews.proposalsOf', { delegation }) : t('negotiation:negotiationViews.proposals');

  const switcher = (
    <div className="view-switcher" role="radiogroup" aria-label={t('negotiation:negotiationViews.view')} onKeyDown={onKeyDown}>
      {modes.map((m) => (
        <button key={m} type="button" role="radio" className="view-option" aria-checked={mode === m} tabIndex={mode === m ? 0 : -1} disabled={!view} onClick={() => choose(m)}>
          {label(m)}
        </button>
      ))}
    </div>
  );

  const exportView = () => {
    if (!view) return;
    try {
      const current = view.state.doc;
      const options = { tags, delegation };
      download(viewExportText(current, mode, options), viewFileName(current, mode, options));
      setError(null);
    } catch (cause) {
      setError(t('negotiation:negotiationViews.theTextCouldNot', { reason: messageOf(cause) }));
    }
  };

  if (mode === 'editing') return { switcher, content: null };
  const title = mode === 'proposals' ? label(mode) : titles(mode);
  const content = (
    <section className="negotiation-view" aria-label={`${title} (read-only)`}>
      <div className="view-bar" role="toolbar" aria-label={t('negotiation:negotiationViews.viewOptions')}>
        <span className="read-only-badge">{t('negotiation:negotiationViews.readOnly')}</span>
        <h2 className="view-title">{title}</h2>
        <span className="view-live">{t('negotiation:negotiationViews.followsTheDocumentAs')}</span>
        {mode === 'compilation' ? (
          <button type="button" className="button subtle" aria-pressed={tags} onClick={() => setTags((t) => !t)} title={t('negotiation:negotiationViews.showWhoProposedEach')}>
            {t('negotiation:negotiationViews.tags')}
          </button>
        ) : null}
        {mode === 'proposals' ? (
          <label className="view-delegation">
            <span>{t('negotiation:negotiationViews.delegation')}</span>
            <select value={delegation} onChange={(e) => setChosen(e.target.value)}>
              {delegation === '' ? <option value="">{t('negotiation:negotiationViews.choose')}</option> : null}
              {(delegations.includes(delegation) || delegation === '' ? delegations : [delegation, ...delegations]).map((code) => (
                <option key={code} value={code}>
                  {code}
                  {code === own ? t('negotiation:negotiationViews.yours') : ''}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" className="button" onClick={exportView}>
          {t('negotiation:negotiationViews.exportText')}
        </button>
        {onExport && mode !== 'proposals' ? (
          <button type="button" className="button" onClick={() => onExport({ view: mode })} title={t('negotiation:negotiationViews.wordPdfAkomaNtoso')}>
            {t('negotiation:negotiationViews.export')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="page-scroll view-scroll">
        {doc === null ? null : mode === 'proposals' ? (
          <div className="page proposals-page" style={{ zoom: zoom / 100 }}>
            <NegotiationProposals
              doc={doc}
              delegation={delegation}
              onJump={(id) => {
                setJump(id);
                choose('editing');
              }}
            />
          </div>
        ) : (
          <NegotiationPage doc={doc} mode={mode} tags={tags} zoom={zoom} label={`${title}, read-only`} />
        )}
      </div>
    </section>
  );
  return { switcher, content };
}

// Saves `text` as a file: the browser's download, which the desktop app turns into a save dialog.
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
