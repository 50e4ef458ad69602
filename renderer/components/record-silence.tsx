import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, ChannelResult, IssuedRecord, OwnObjection, SilenceSummary } from '../../shared/api/contract.js';
import type { ObjectionSummary } from '../../shared/api/record-contract.js';
import { groupedFingerprint } from '../../shared/record/fingerprint.js';
import { useT } from '../i18n/index.js';
import { messageOf, formatDateTime } from '../format.js';
import { deadlineText, deadlineTitle, objectionTimes, objectionTitle } from '../document/record-format.js';

type SilenceInfo = ChannelResult<'record.silence'>;

/** The silence procedure's state in one sentence of the interface language (pending with its deadline, agreed, or broken by whom). */
export function useSilenceSentence(): (silence: SilenceSummary) => string {
  const { t } = useT();
  return (silence) => {
    const deadline = deadlineText(silence.deadline);
    if (silence.outcome === 'pending') return t('record:silence.pending', { label: silence.label, deadline });
    if (silence.outcome === 'agreed') return t('record:silence.agreed', { label: silence.label, deadline });
    return t('record:silence.broken', { label: silence.label, deadline, by: silence.brokenBy.join(', ') });
  };
}

/** The document's issued revisions and silence procedure, refreshed when revisions or the consultation change. */
export function useSilence(api: ApiClient, docId: string): { info: SilenceInfo | null; issued: IssuedRecord[]; reload: () => void } {
  const [info, setInfo] = useState<SilenceInfo | null>(null);
  const [issued, setIssued] = useState<IssuedRecord[]>([]);
  const reload = useCallback(() => {
    api.invoke('record.silence', { id: docId }).then(setInfo, () => setInfo(null));
    api.invoke('record.list', { id: docId }).then(setIssued, () => setIssued([]));
  }, [api, docId]);
  useEffect(() => {
    reload();
    const offs = [api.on('revisions.changed', (p) => p.docId === docId && reload()), api.on('consultation.status', () => reload())];
    return () => offs.forEach((off) => off());
  }, [api, docId, reload]);
  return { info, issued, reload };
}

/**
 * The silence procedure at the foot of the Revisions panel (issue 14 point 5): the last
 * revision received from the facilitator; the procedure's state (under silence until a
 * deadline, agreed, or broken by whom, with each objection); for the issuer, "Place Rev.N
 * under silence…" (date, time, time zone); for a delegation during the silence, "Break
 * silence…" (paragraphs and reason, signed by this installation's key), and where its own
 * objections stand (kept until delivered, delivered, refused).
 */
export function SilenceSection({ api, docId }: { api: ApiClient; docId: string }) {
  const { t } = useT();
  const sentence = useSilenceSentence();
  const { info, issued, reload } = useSilence(api, docId);
  const [form, setForm] = useState<'place' | 'break' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [deadline, setDeadline] = useState({ date: '', time: '12:00', zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' });
  const [objection, setObjection] = useState({ paragraphs: '', reason: '' });
  const last = issued.at(-1);
  if (!info || !last) return null;
  const silence = info.silence;

  const run = (call: Promise<unknown>, failure: 'record:silence.notPlaced' | 'record:silence.notBroken') => {
    setBusy(true);
    setError(null);
    call.then(
      () => {
        setBusy(false);
        setForm(null);
        reload();
      },
      (cause: unknown) => {
        setBusy(false);
        setError(t(failure, { reason: messageOf(cause) }));
      },
    );
  };
  const place = () => run(api.invoke('record.placeSilence', { id: docId, ...deadline }), 'record:silence.notPlaced');
  const breakSilence = () => {
    const paragraphs = objection.paragraphs.split(',').map((p) => p.trim()).filter((p) => p !== '');
    run(api.invoke('record.breakSilence', { id: docId, paragraphs, reason: objection.reason }), 'record:silence.notBroken');
  };
  // A delegation breaks silence on the revision it received; the issuer places it.
  const canBreak = silence?.outcome === 'pending' && !info.canPlace && last.received === true;

  return (
    <section className="record-silence" aria-label={t('record:section')}>
      {last.received ? <p className="record-note">{t('record:received', { label: last.label, key: groupedFingerprint(last.fingerprint).slice(0, 9) })}</p> : null}
      {silence ? (
        <>
          <p className={`record-silence-state record-silence-${silence.outcome}`} role="status" title={deadlineTitle(silence.deadline)}>
            {sentence(silence)}
          </p>
          <ObjectionList objections={silence.objections} which="objection" />
          <ObjectionList objections={silence.late} which="late" />
        </>
      ) : null}
      {info.mine.map((o) => (
        <p key={`${o.fingerprint}-${o.time}`} className={o.state === 'refused' ? 'panel-error' : 'record-note'} role="status" title={objectionTitle(o)}>
          {t(`record:silence.mine.${ownState(o, silence)}`, { arrived: o.arrived ? formatDateTime(o.arrived) : '', message: o.text ? messageOf(o) : o.message })}
        </p>
      ))}
      {info.canPlace && form !== 'place' ? (
        <button type="button" className="link-button" onClick={() => setForm('place')}>
          {t('record:silence.place', { label: last.label })}
        </button>
      ) : null}
      {canBreak && form !== 'break' ? (
        <button type="button" className="link-button" onClick={() => setForm('break')}>
          {t('record:silence.break')}
        </button>
      ) : null}
      {form === 'place' ? (
        <div className="record-form" role="group" aria-label={t('record:silence.place', { label: last.label })}>
          <label>
            {t('record:silence.date')} <input type="date" value={deadline.date} onChange={(e) => setDeadline({ ...deadline, date: e.target.value })} />
          </label>{' '}
          <label>
            {t('record:silence.time')} <input type="time" value={deadline.time} onChange={(e) => setDeadline({ ...deadline, time: e.target.value })} />
          </label>{' '}
          <label>
            {t('record:silence.zone')} <input type="text" value={deadline.zone} onChange={(e) => setDeadline({ ...deadline, zone: e.target.value })} />
          </label>
          <div>
            <button type="button" className="button subtle" onClick={() => setForm(null)}>
              {t('record:silence.cancel')}
            </button>{' '}
            <button type="button" className="button primary" disabled={busy || deadline.date === ''} onClick={place}>
              {t('record:silence.placeButton')}
            </button>
          </div>
        </div>
      ) : null}
      {form === 'break' ? (
        <div className="record-form" role="group" aria-label={t('record:silence.break')}>
          <label>
            {t('record:silence.paragraphs')} <input type="text" value={objection.paragraphs} onChange={(e) => setObjection({ ...objection, paragraphs: e.target.value })} />
          </label>
          <label>
            {t('record:silence.reason')} <textarea value={objection.reason} onChange={(e) => setObjection({ ...objection, reason: e.target.value })} />
          </label>
          <div>
            <button type="button" className="button subtle" onClick={() => setForm(null)}>
              {t('record:silence.cancel')}
            </button>{' '}
            <button type="button" className="button primary" disabled={busy || objection.reason.trim() === ''} onClick={breakSilence}>
              {t('record:silence.breakButton')}
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

// A delivered objection that reached the host after the deadline is kept as late: it did not break silence.
/**
 * The objections of a silence, one line each: those that broke it (`which` 'objection') or
 * those that arrived after the deadline and did not ('late', styled apart); nothing when empty.
 */
export function ObjectionList({ objections, which }: { objections: readonly ObjectionSummary[]; which: 'objection' | 'late' }) {
  const { t } = useT();
  if (objections.length === 0) return null;
  return (
    <ul className={which === 'late' ? 'record-objections record-late' : 'record-objections'}>
      {objections.map((o) => (
        <li key={`${o.fingerprint}-${o.time}`} title={objectionTitle(o)}>
          {t(`record:silence.${which}`, {
            delegation: o.delegation,
            paragraphs: o.paragraphs.length > 0 ? o.paragraphs.join(', ') : t('record:silence.noParagraphs'),
            reason: o.reason,
            ...objectionTimes(o),
          })}
        </li>
      ))}
    </ul>
  );
}

function ownState(o: OwnObjection, silence: SilenceSummary | null): OwnObjection['state'] | 'late' {
  if (o.state !== 'delivered' || !silence || !o.arrived) return o.state;
  return Date.parse(o.arrived) > Date.parse(silence.deadline.instant) ? 'late' : 'delivered';
}

/** The late objections in one line of the interface language ("Arrived after the deadline, not breaking silence: FRA (signed …, arrived …)."), or null when none. */
export function useLateLine(): (silence: SilenceSummary) => string | null {
  const { t } = useT();
  return (silence) =>
    silence.late.length === 0 ? null : t('record:silence.lateLine', { who: silence.late.map((o) => {
          const { time, arrived } = objectionTimes(o);
          return `${o.delegation} (${time} → ${arrived})`;
        }).join('; ') });
}

/** The silence procedure in one line for the negotiation dashboard, and a second naming objections that arrived after the deadline (nothing when the last issued revision was never placed under silence). */
export function SilenceLine({ api, docId }: { api: ApiClient; docId: string }) {
  const sentence = useSilenceSentence();
  const lateLine = useLateLine();
  const { info } = useSilence(api, docId);
  if (!info?.silence) return null;
  const late = lateLine(info.silence);
  return (
    <>
      <p className={`dashboard-silence record-silence-state record-silence-${info.silence.outcome}`} role="status" title={deadlineTitle(info.silence.deadline)}>
        {sentence(info.silence)}
      </p>
      {late ? <p className="dashboard-silence record-silence-late">{late}</p> : null}
    </>
  );
}
