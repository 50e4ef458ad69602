import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { ApiClient, ConsultationStatus, Profile } from '../../shared/api/contract.js';
import { configureSuggestion, suggestionKey, toggleSuggestion, type SuggestionState } from '../editor/negotiation/suggestion-plugin.js';
import { subscribeView } from '../editor/view-listeners.js';
import type { BarMenuItem } from './bar-menu.js';
import { inConsultation } from './consultation-tools.js';
import { profileChangedEvent } from './profile-dialog.js';
import { t } from '../i18n/index.js';

/**
 * What the document view places for suggestion mode: the toggle in the bar (shown while
 * suggesting, locked or read-only, so the mode is always in sight), its entry in a bar menu
 * (null while locked or until ready), the notice line under the bar, and whether this window
 * may act as a facilitator (false for a delegation or an observer in a consultation: the host
 * would refuse facilitator changes, so the document view leaves them out).
 */
export type SuggestionTools = { button: ReactNode; menuItem: BarMenuItem | null; notice: ReactNode; facilitator: boolean };

// A notice stays this long unless dismissed.
const noticeMs = 8000;

/**
 * Suggestion mode for one open document. Offline, "Suggest as CODE" (or Mod-Alt-s) turns
 * it on for the delegation of the user's profile. In a consultation the role decides and
 * the toggle is locked: a delegation always suggests (as the delegation it joined as), an
 * observer cannot edit, a facilitator edits normally and may still toggle.
 */
export function useSuggestionMode(api: ApiClient, docId: string, view: EditorView | null): SuggestionTools {
  const [status, setStatus] = useState<ConsultationStatus | null>(null);
  const [profileCode, setProfileCode] = useState('');
  const [state, setState] = useState<SuggestionState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const lastSerial = useRef(0);

  useEffect(() => {
    let live = true;
    api.invoke('consultation.status', {}).then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    api.invoke('profile.get', {}).then(
      (p) => live && setProfileCode(p.delegation),
      () => undefined,
    );
    const stop = api.on('consultation.status', (s) => setStatus(s));
    // A delegation changed in the profile dialog: the toggle and Mod-Alt-s suggest as the new one.
    const onProfile = (event: Event) => setProfileCode((event as CustomEvent<Profile>).detail.delegation);
    window.addEventListener(profileChangedEvent, onProfile);
    return () => {
      live = false;
      stop();
      window.removeEventListener(profileChangedEvent, onProfile);
    };
  }, [api]);

  const joined = inConsultation(status, docId) ? status : null;
  const role = joined?.role ?? null;
  // The service lists this participant first.
  const joinedCode = role === 'delegation' ? (joined?.participants[0]?.delegation ?? '') : '';

  // The consultation role imposes a mode; leaving it (or being the facilitator) frees the toggle.
  useEffect(() => {
    if (!view) return;
    const current = suggestionKey.getState(view.state);
    if (role === 'delegation') configureSuggestion(view, { mode: 'suggest', delegation: joinedCode || profileCode, locked: true });
    else if (role === 'observer') configureSuggestion(view, { mode: 'read-only', locked: true });
    else configureSuggestion(view, { delegation: profileCode, locked: false, ...(current?.locked ? { mode: 'edit' as const } : {}) });
  }, [view, role, joinedCode, profileCode]);

  useEffect(() => {
    if (!view) return;
    return subscribeView(view, (s) => {
      const next = suggestionKey.getState(s) ?? null;
      setState((prev) => (prev && next && prev.mode === next.mode && prev.delegation === next.delegation && prev.locked === next.locked && prev.notice === next.notice ? prev : next));
      if (next?.notice && next.notice.serial !== lastSerial.current) {
        lastSerial.current = next.notice.serial;
        setNotice(next.notice.text);
      }
    });
  }, [view]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), noticeMs);
    return () => clearTimeout(timer);
  }, [notice]);

  // The profile may have changed since the document was opened: read it again before turning on.
  const toggle = useCallback(() => {
    if (!view) return;
    const flip = () => {
      toggleSuggestion(view);
      view.focus();
    };
    api.invoke('profile.get', {}).then(
      (p) => {
        setProfileCode(p.delegation);
        if (!suggestionKey.getState(view.state)?.locked) configureSuggestion(view, { delegation: p.delegation });
        flip();
      },
      flip,
    );
  }, [api, view]);

  if (!view || !state) return { button: null, menuItem: null, notice: null, facilitator: true };
  const code = state.delegation;
  const on = state.mode === 'suggest';
  const label = on ? t('negotiation:suggestionToggle.suggestingAs', { code }) : code ? t('negotiation:suggestionToggle.suggestAs', { code }) : t('negotiation:suggestionToggle.suggestAsDelegation');
  const button =
    !on && !state.locked && state.mode !== 'read-only' ? null : state.mode === 'read-only' ? (
      <span className="sync-status" role="status">
        {t('negotiation:suggestionToggle.readOnlyObserver')}
      </span>
    ) : (
      <button
        type="button"
        className="button subtle suggestion-toggle"
        aria-pressed={on}
        aria-keyshortcuts={t('negotiation:suggestionToggle.controlAltS')}
        disabled={state.locked}
        title={state.locked ? t('negotiation:suggestionToggle.inThisConsultationYour') : t('negotiation:suggestionToggle.suggestionModeYourEdits')}
        onClick={toggle}
      >
        {label}
      </button>
    );
  const line = notice ? (
    <div className="banner banner-info suggestion-notice" role="status" aria-live="polite">
      <span className="banner-text">{notice}</span>
      <button type="button" className="button subtle" onClick={() => setNotice(null)}>
        {t('negotiation:suggestionToggle.dismiss')}
      </button>
    </div>
  ) : null;
  const menuItem: BarMenuItem | null = state.locked
    ? null
    : { key: 'suggest', label: code ? t('negotiation:suggestionToggle.suggestAs', { code }) : t('negotiation:suggestionToggle.suggestAsDelegation'), checked: on, title: t('negotiation:suggestionToggle.suggestionModeYourEdits'), onSelect: toggle };
  return { button, menuItem, notice: line, facilitator: !state.locked && state.mode !== 'read-only' };
}
