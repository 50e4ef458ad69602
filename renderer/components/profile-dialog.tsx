import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ApiClient, Profile } from '../../shared/api/contract.js';
import { messageOf } from '../format.js';
import { useT } from '../i18n/index.js';
import { InterfaceLanguageField } from '../i18n/interface-language-field.js';
import { DelegationField } from './delegation-search.js';
import { DialogFooter } from './dialog-footer.js';

/** The user's profile as the app holds it: null until loaded (or when the backend cannot say). */
export type ProfileState = {
  profile: Profile | null;
  /** Saves the profile; rejects with the backend's error. */
  save: (profile: Profile) => Promise<void>;
  /** Whether the profile dialog is open, and opening or closing it. */
  editing: boolean;
  setEditing: (editing: boolean) => void;
  /** The backend, for the interface-language preference the dialog also sets. */
  api: ApiClient;
};

/** The window event sent after the profile was saved (detail: the saved Profile), for parts that keep a copy of it. */
export const profileChangedEvent = 'penholder:profile-changed';

/** Loads the profile (`profile.get`, then every profile-changed event) and saves it (`profile.set`). A backend without profiles leaves it null. */
export function useProfile(api: ApiClient): ProfileState {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    let live = true;
    api.invoke('profile.get', {}).then(
      (p) => live && setProfile(p),
      () => undefined,
    );
    // Saved elsewhere too: joining a consultation fills a profile nobody set yet.
    const onChanged = (event: Event) => setProfile((event as CustomEvent<Profile>).detail);
    window.addEventListener(profileChangedEvent, onChanged);
    return () => {
      live = false;
      window.removeEventListener(profileChangedEvent, onChanged);
    };
  }, [api]);
  const save = useCallback(
    async (next: Profile) => {
      const saved = await api.invoke('profile.set', next);
      setProfile(saved);
      window.dispatchEvent(new CustomEvent<Profile>(profileChangedEvent, { detail: saved }));
    },
    [api],
  );
  return { profile, save, editing, setEditing, api };
}

/** Props of the profile button and the first-run card. */
export type ProfileProps = { state: ProfileState };

/** The top bar's "who am I" button: the name and delegation, or "Set your name"; opens the profile dialog (rendered here). */
export function ProfileButton({ state }: ProfileProps) {
  const { t } = useT();
  const { editing: open, setEditing: setOpen } = state;
  if (!state.profile) return null;
  const { name, delegation } = state.profile;
  // The dialog goes to the body: inside the dark top bar it would inherit the bar's button styles.
  return (
    <>
      <button type="button" className="button profile-button" onClick={() => setOpen(true)} aria-label={name ? (delegation ? t('profile:buttonLabelWithDelegation', { name, delegation }) : t('profile:buttonLabel', { name })) : t('profile:setNameAndDelegation')}>
        {name ? (
          <>
            {name}
            {delegation ? <span className="profile-code">{delegation}</span> : null}
          </>
        ) : (
          t('profile:setName')
        )}
      </button>
      {open
        ? createPortal(
            <dialog
              ref={(d) => {
                if (d && !d.open) d.showModal();
              }}
              className="dialog"
              aria-labelledby="profile-dialog-title"
              onCancel={() => setOpen(false)}
            >
              <h2 id="profile-dialog-title">{t('profile:title')}</h2>
              <ProfileForm state={state} onDone={() => setOpen(false)} />
              <InterfaceLanguageField api={state.api} />
            </dialog>,
            document.body,
          )
        : null}
    </>
  );
}

/**
 * The first-run note: one line in the page flow (never over other controls) while no name
 * is set, asking once for the name and delegation; "Later" hides it for this session.
 */
export function ProfileWelcome({ state }: ProfileProps) {
  const { t } = useT();
  const [later, setLater] = useState(false);
  if (!state.profile || state.profile.name !== '' || later) return null;
  return (
    <section className="banner banner-info profile-welcome" aria-label={t('profile:welcomeLabel')}>
      <span className="banner-text">
        <strong>{t('profile:welcomeQuestion')}</strong> {t('profile:welcomeText')}
      </span>
      <span className="banner-actions">
        <button type="button" className="button primary" onClick={() => state.setEditing(true)}>
          {t('profile:setNameAndDelegation')}
        </button>
        <button type="button" className="button subtle" onClick={() => setLater(true)}>
          {t('common:later')}
        </button>
      </span>
    </section>
  );
}

type ProfileFormProps = { state: ProfileState; onDone: () => void };

// Name and delegation (picked from the delegation list); saved with profile.set.
function ProfileForm({ state, onDone }: ProfileFormProps) {
  const { t } = useT();
  const [name, setName] = useState(state.profile?.name ?? '');
  const [delegation, setDelegation] = useState(state.profile?.delegation ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  return (
    <form
      className="profile-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() === '') {
          setError(t('profile:nameRequired'));
          nameInput.current?.focus();
          return;
        }
        setBusy(true);
        state.save({ name: name.trim(), delegation }).then(
          () => {
            setBusy(false);
            onDone();
          },
          (cause: unknown) => {
            setBusy(false);
            setError(t('profile:notSaved', { reason: messageOf(cause) }));
          },
        );
      }}
    >
      <p className="dialog-lead">{t('profile:lead')}</p>
      <label className="field">
        <span>{t('profile:name')}</span>
        <input ref={nameInput} type="text" autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder={t('profile:namePlaceholder')} maxLength={200} />
      </label>
      <DelegationField delegation={delegation} onChange={setDelegation} clearLabel={t('common:clear')} searchWhenChosen />
      <DialogFooter error={error} onCancel={onDone} submit={t('profile:save')} busy={busy} busyLabel={t('common:saving')} />
    </form>
  );
}
