import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { consultationRoles } from '../../shared/api/contract.js';
import type { ApiClient, ConsultationRole, HostDocuments, Profile } from '../../shared/api/contract.js';
import { groupedFingerprint } from '../../shared/record/fingerprint.js';
import { HostDocumentPicker } from './consultation-document-picker.js';
import { DelegationField } from './delegation-search.js';
import { JoinWaiting, useConsultationStatus, useIncomingJoinLink, useJoinLinkFields } from './consultation-join-link.js';
import { joinErrorMessage, normalizeFingerprint, normalizeHostUrl, roleHints, roleNames } from './consultation-text.js';
import { DialogError, DialogFooter } from './dialog-footer.js';
import { profileChangedEvent } from './profile-dialog.js';
import { t } from '../i18n/index.js';
import { messageOf } from '../format.js';

/** Props of the join button. */
export type JoinConsultationProps = {
  api: ApiClient;
  /** Called with the local id of the joined document once the first sync finished. */
  onJoined: (docId: string) => void;
};

/**
 * "Join consultation…" in the top bar: opens the join dialog, also when a join link arrives
 * from the shell (the dialog opens filled in from it; joining still needs the person's Join).
 */
export function JoinConsultationButton({ api, onJoined }: JoinConsultationProps) {
  const [open, setOpen] = useState(false);
  const incoming = useIncomingJoinLink();
  const shown = open || incoming.link !== null;
  const close = () => {
    setOpen(false);
    incoming.clear();
  };
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('consultation:consultationJoinDialog.joinConsultation')}
      </button>
      {/* In the body, so the top bar's styles do not restyle the dialog's buttons. */}
      {shown
        ? createPortal(
            <JoinDialog
              key={incoming.link ?? ''}
              api={api}
              link={incoming.link}
              onJoined={(docId) => {
                close();
                onJoined(docId);
              }}
              onCancel={close}
            />,
            document.body,
          )
        : null}
    </>
  );
}

/** Props of the join dialog; `link`: a join link handed over by the shell, to fill the form from. */
export type JoinDialogProps = JoinConsultationProps & { onCancel: () => void; link?: string | null };

/**
 * Joining a consultation: the join link pasted (or handed over by the shell) fills the
 * address, the code and the host certificate's fingerprint, which can also be typed by hand;
 * a link that is not one is refused saying what is wrong. Then the delegation picked from
 * the delegation list, the person's name, and the role.
 * Name and delegation start from the profile (and become it when none was set); after a
 * join, everything starts from the last consultation joined (a laptop that restarted). A
 * refused code and an unreachable host are told apart, in words that say what to check.
 * Once the host accepted the code, a host serving several documents shows them by title to
 * choose from (one is joined at once); a host that does not answer shows the copies this
 * laptop kept from it, to open offline. While the host keeps this laptop in its lobby the
 * dialog says "Waiting for the facilitator to admit you"; a host whose certificate is not the
 * one in the link is refused in the backend's words.
 */
export function JoinDialog({ api, onJoined, onCancel, link = null }: JoinDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const fields = useJoinLinkFields(link, setError);
  const { url, setUrl, code, setCode, fingerprint, setFingerprint } = fields;
  const [delegation, setDelegation] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<ConsultationRole>('delegation');
  const [busy, setBusy] = useState(false);
  const [choice, setChoice] = useState<{ url: string; fingerprint: string; listed: HostDocuments; current: JoinedNow | null } | null>(null);
  const [joining, setJoining] = useState<string | null>(null);
  const [remembered, setRemembered] = useState(false);
  const urlInput = useRef<HTMLInputElement>(null);
  // Whether this installation has no name yet: the one given here then becomes its profile.
  const unnamed = useRef(false);
  // Whether the person typed or picked anything yet: what arrives later never overwrites it.
  const touched = useRef(link !== null);
  const status = useConsultationStatus(api, joining !== null);
  const waiting = joining !== null && status?.state === 'waiting';

  useEffect(() => {
    let live = true;
    api.invoke('profile.get', {}).then(
      (profile) => {
        if (!live) return;
        unnamed.current = profile.name === '';
        setName((n) => n || profile.name);
        setDelegation((d) => d || profile.delegation);
      },
      () => undefined,
    );
    // The last consultation joined from here: after a restart, the same address, code and person.
    api.invoke('consultation.recent', {}).then(
      ([last]) => {
        if (!live || !last || touched.current) return;
        setUrl((u) => u || last.url);
        setCode((c) => c || last.code);
        setFingerprint((f) => f || (last.fingerprint ? groupedFingerprint(last.fingerprint) : ''));
        setRole(last.role);
        setName(last.name);
        setDelegation(last.delegation);
        setRemembered(true);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const stopped = () => {
    setJoining(null);
    setBusy(false);
  };

  const who = (address: string, pinned: string) => ({ url: address, code: code.trim(), delegation, name: name.trim(), role, fingerprint: pinned });

  const join = async (address: string, pinned: string, docId: string, current: JoinedNow | null) => {
    setJoining(docId);
    setError(null);
    try {
      if (!current?.live || docId !== current.docId) {
        // One consultation document at a time: the one joined now is left (its copy stays).
        if (current) await api.invoke('consultation.leave', {});
        await api.invoke('consultation.join', { ...who(address, pinned), docId });
        // A new user just said who they are: asking again ("Who is writing?") would be odd.
        if (unnamed.current) await saveProfile(api, { name: name.trim(), delegation });
      }
      onJoined(docId);
    } catch (cause) {
      setError(joinErrorMessage(cause, address, role));
    } finally {
      setJoining(null);
      setBusy(false);
    }
  };

  const submit = () => {
    let address: string;
    let pinned: string;
    try {
      address = normalizeHostUrl(url);
    } catch (cause) {
      setError(messageOf(cause));
      urlInput.current?.focus();
      return;
    }
    try {
      pinned = normalizeFingerprint(fingerprint);
    } catch (cause) {
      return setError(messageOf(cause));
    }
    if (code.trim() === '') return setError(t('consultation:consultationJoinDialog.typeTheCodeThe', { value: role === 'facilitator' ? 'facilitator' : 'join' }));
    if (delegation === '') return setError(t('consultation:consultationJoinDialog.chooseYourDelegationFrom'));
    if (name.trim() === '') return setError(t('consultation:consultationJoinDialog.typeYourNameIt'));
    setBusy(true);
    setError(null);
    Promise.all([api.invoke('consultation.documents', who(address, pinned)), api.invoke('consultation.status', {})]).then(
      ([listed, status]) => {
        // A consultation the host refused since (state offline) is joined again, with the code typed now.
        const current = status.state !== 'hosting' && status.role !== null && status.docId ? { docId: status.docId, live: status.state !== 'offline' } : null;
        const only = listed.documents.length === 1 ? listed.documents[0]! : null;
        if (listed.reachable && only) return void join(address, pinned, only.id, current);
        setBusy(false);
        setChoice({ url: address, fingerprint: pinned, listed, current });
      },
      (cause: unknown) => {
        setBusy(false);
        setError(joinErrorMessage(cause, address, role));
      },
    );
  };

  return (
    <dialog
      ref={(d) => {
        if (d && !d.open) d.showModal();
      }}
      className="dialog consultation-dialog"
      aria-labelledby="join-dialog-title"
      onCancel={onCancel}
    >
      <h2 id="join-dialog-title">{t('consultation:consultationJoinDialog.joinConsultation2')}</h2>
      {choice ? (
        <div className="join-form">
          <HostDocumentPicker url={choice.url} listed={choice.listed} current={choice.current?.live ? choice.current.docId : null} joining={joining} onPick={(id) => void join(choice.url, choice.fingerprint, id, choice.current)} />
          {waiting ? <JoinWaiting api={api} status={status} onStopped={stopped} /> : null}
          <DialogError error={error} />
          <div className="dialog-actions form-actions">
            <button type="button" className="button subtle" onClick={() => (setChoice(null), setError(null))}>
              {t('consultation:consultationJoinDialog.back')}
            </button>
            <button type="button" className="button" onClick={onCancel}>
              {t('common:cancel')}
            </button>
          </div>
        </div>
      ) : (
        <form
          className="join-form"
          onChangeCapture={() => (touched.current = true)}
          onClickCapture={() => (touched.current = true)}
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <p className="dialog-lead">
            {t('consultation:consultationJoinDialog.pasteTheJoinLink')}
            {remembered ? t('consultation:consultationJoinDialog.remembered') : ''}
          </p>
          <label className="field">
            <span>{t('consultation:consultationJoinDialog.joinLink')}</span>
            <input
              type="text"
              autoFocus
              value={fields.pastedText}
              autoComplete="off"
              spellCheck={false}
              placeholder={t('consultation:consultationJoinDialog.penholderJoinFromThe')}
              onChange={(e) => fields.takeLink(e.target.value, true)}
            />
          </label>
          {fields.fromLink ? <p className="join-from-link">{t('consultation:consultationJoinDialog.filledInFromThe')}</p> : null}
          <div className="join-parts">
            <label className="field">
              <span>{t('consultation:consultationJoinDialog.address')}</span>
              <input ref={urlInput} type="text" value={url} placeholder={t('consultation:consultationJoinDialog.eGWss192')} onChange={(e) => fields.takeLink(e.target.value, false)} />
            </label>
            <label className="field">
              <span>{t('consultation:consultationJoinDialog.code')}</span>
              <input type="text" value={code} autoComplete="off" spellCheck={false} onChange={(e) => (setCode(e.target.value), fields.setFromLink(false))} placeholder={t('consultation:consultationJoinDialog.joinCodeFacilitatorsThe')} />
            </label>
            <label className="field">
              <span>{t('consultation:consultationJoinDialog.certificateFingerprint')}</span>
              <input
                type="text"
                value={fingerprint}
                autoComplete="off"
                spellCheck={false}
                className="fingerprint-input"
                onChange={(e) => (setFingerprint(e.target.value), fields.setFromLink(false))}
                placeholder={t('consultation:consultationJoinDialog.n3f2a9c1b64Hexadecimal')}
              />
            </label>
          </div>
          <DelegationField delegation={delegation} onChange={setDelegation} clearLabel={t('consultation:consultationJoinDialog.change')} searchWhenChosen={false} />
          <label className="field">
            <span>{t('consultation:consultationJoinDialog.yourName')}</span>
            <input type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('consultation:consultationJoinDialog.eGAnaPereira')} maxLength={200} />
          </label>
          <fieldset className="field choice-group">
            <legend>{t('consultation:consultationJoinDialog.role')}</legend>
            {consultationRoles.map((r) => (
              <label key={r} title={roleHints[r]}>
                <input type="radio" name="role" checked={role === r} onChange={() => setRole(r)} /> {roleNames[r]} <span className="choice-hint">{roleHints[r]}</span>
              </label>
            ))}
          </fieldset>
          {waiting ? <JoinWaiting api={api} status={status} onStopped={stopped} /> : null}
          <DialogFooter error={error} onCancel={onCancel} submit={t('consultation:consultationJoinDialog.join')} busy={busy} busyLabel={waiting ? t('consultation:consultationJoinDialog.waiting') : t('consultation:consultationJoinDialog.joining')} />
        </form>
      )}
    </dialog>
  );
}

// The document this installation is joined to when the dialog asks the host; `live`: not refused since.
type JoinedNow = { docId: string; live: boolean };

// Saves the profile and tells the parts that keep a copy; a failure only leaves it unset.
async function saveProfile(api: ApiClient, profile: Profile): Promise<void> {
  try {
    const saved = await api.invoke('profile.set', profile);
    window.dispatchEvent(new CustomEvent<Profile>(profileChangedEvent, { detail: saved }));
  } catch {
    // The profile dialog stays available from the top bar.
  }
}
