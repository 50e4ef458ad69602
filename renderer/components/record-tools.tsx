import { useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiClient, IssuedRecord, RecordCheck, RevisionSummary } from '../../shared/api/contract.js';
import { groupedFingerprint } from '../../shared/record/fingerprint.js';
import { revisionName } from '../document/revision-format.js';
import { formatDateTime, messageOf } from '../format.js';
import { deadlineTitle } from '../document/record-format.js';
import { saveFile } from './export-dialog-parts.js';
import { CompareRevisionFile } from './record-compare.js';
import { RevisionFilePicker } from './record-file-picker.js';
import { SilenceSection, useLateLine, useSilenceSentence } from './record-silence.js';
import { t, useT } from '../i18n/index.js';

/** What the Revisions panel shows for issued records: a part under each named revision, and the "Verify a revision file…" tool. */
export type RecordTools = { item: (revision: RevisionSummary) => ReactNode; verify: ReactNode };

// The first two groups identify a key at a glance; the full fingerprint is in the title and after issuing.
const shortFingerprint = (fingerprint: string) => `${groupedFingerprint(fingerprint).slice(0, 9)}…`;

/**
 * Issued records of document `docId` in the Revisions panel: on a named revision "Issue
 * revision…" (signs it with this installation's key after a confirmation, then shows its
 * fingerprint and content hash), the mark "Issued · 3F2A-9C1B…" and "Export revision
 * file…" on issued ones; and "Verify a revision file…", which checks a picked file as
 * `penholder verify` does and says Valid (label, issuer fingerprint, chain) or what failed;
 * at the foot also the silence procedure (record-silence.tsx) and the comparison with a
 * revision file held earlier (record-compare.tsx).
 */
export function useRecordTools(api: ApiClient, docId: string): RecordTools {
  const [issued, setIssued] = useState<ReadonlyMap<string, IssuedRecord>>(new Map());
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ revisionId: string; text: string; error?: boolean } | null>(null);
  const silenceSentence = useSilenceSentence();
  const lateLine = useLateLine();
  // The panel's words follow the interface language.
  useT();

  const load = useCallback(() => {
    api.invoke('record.list', { id: docId }).then(
      (list) => setIssued(new Map(list.map((r) => [r.revisionId, r]))),
      () => setIssued(new Map()),
    );
  }, [api, docId]);
  useEffect(load, [load]);
  useEffect(() => api.on('revisions.changed', (p) => p.docId === docId && load()), [api, docId, load]);

  const issue = (revision: RevisionSummary) => {
    setBusy(true);
    api.invoke('record.issue', { id: docId, revisionId: revision.id }).then(
      (record) => {
        setBusy(false);
        setAsking(null);
        setNotice({ revisionId: revision.id, text: t('record:tools.issuedNotice', { label: record.label, chain: record.chain, fingerprint: groupedFingerprint(record.fingerprint), hash: record.hash }) });
        load();
      },
      (cause: unknown) => {
        setBusy(false);
        setNotice({ revisionId: revision.id, text: t('record:tools.notIssued', { name: revisionName(revision), reason: messageOf(cause) }), error: true });
      },
    );
  };
  const exportFile = (revision: RevisionSummary) => {
    api.invoke('record.exportFile', { id: docId, revisionId: revision.id }).then(
      ({ fileName, bytes }) => saveFile(bytes, fileName, 'application/json'),
      (cause: unknown) => setNotice({ revisionId: revision.id, text: t('record:tools.fileNotMade', { reason: messageOf(cause) }), error: true }),
    );
  };

  const item = (revision: RevisionSummary): ReactNode => {
    if (revision.kind === 'autosave') return null;
    const record = issued.get(revision.id);
    const name = revisionName(revision);
    const note = notice?.revisionId === revision.id ? (
      <p className={notice.error ? 'panel-error' : 'record-note'} role={notice.error ? 'alert' : 'status'}>
        {notice.text}
      </p>
    ) : null;
    if (record)
      return (
        <div className="record-part">
          <span className="record-mark" title={t('record:tools.issuedTitle', { time: formatDateTime(record.time), instant: record.time, fingerprint: groupedFingerprint(record.fingerprint), hash: record.hash })}>
            {t('record:tools.issuedMark', { fingerprint: shortFingerprint(record.fingerprint) })}
          </span>{' '}
          <button type="button" className="link-button" onClick={() => exportFile(revision)}>
            {t('record:tools.exportFile')}
          </button>
          {record.silence ? <p className={`record-silence-state record-silence-${record.silence.outcome}`} title={deadlineTitle(record.silence.deadline)}>{silenceSentence(record.silence)}</p> : null}
          {record.silence && lateLine(record.silence) ? <p className="record-silence-late">{lateLine(record.silence)}</p> : null}
          {note}
        </div>
      );
    if (asking === revision.id)
      return (
        <div className="record-part" role="group" aria-label={t('record:tools.issueName', { name })}>
          <p className="record-note">{t('record:tools.confirm', { name })}</p>
          <button type="button" className="button subtle" onClick={() => setAsking(null)}>
            {t('common:cancel')}
          </button>{' '}
          <button type="button" className="button primary" disabled={busy} onClick={() => issue(revision)}>
            {busy ? t('record:tools.issuing') : t('record:tools.issueName', { name })}
          </button>
          {note}
        </div>
      );
    return (
      <div className="record-part">
        <button type="button" className="link-button" onClick={() => setAsking(revision.id)}>
          {t('record:tools.issueRevision')}
        </button>
        {note}
      </div>
    );
  };

  return {
    item,
    verify: (
      <>
        <SilenceSection api={api} docId={docId} />
        <VerifyRevisionFile api={api} />
        <CompareRevisionFile api={api} docId={docId} />
      </>
    ),
  };
}

/** "Verify a revision file…": picks a file and shows the check's result in words. */
export function VerifyRevisionFile({ api }: { api: ApiClient }) {
  const [result, setResult] = useState<{ name: string; check: RecordCheck } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pick = async (file: File) => {
    setError(null);
    try {
      const check = await api.invoke('record.verifyFile', { bytes: new Uint8Array(await file.arrayBuffer()) });
      setResult({ name: file.name, check });
    } catch (cause) {
      setResult(null);
      setError(t('record:tools.notChecked', { name: file.name, reason: messageOf(cause) }));
    }
  };
  return (
    <div className="record-verify" role="group" aria-label={t('record:tools.verify')}>
      <RevisionFilePicker button={t('record:tools.verifyButton')} fileLabel={t('record:tools.verifyFile')} onFile={(file) => void pick(file)} error={error} />
      {result ? <CheckResult name={result.name} check={result.check} /> : null}
    </div>
  );
}

function CheckResult({ name, check }: { name: string; check: RecordCheck }) {
  const silenceSentence = useSilenceSentence();
  const lateLine = useLateLine();
  if (!check.valid)
    return (
      <p className="panel-error record-result" role="alert">
        {t('record:tools.notValid', { name, reason: capitalized(check.text ? messageOf(check) : check.message) })}
      </p>
    );
  const late = check.silence ? lateLine(check.silence) : null;
  return (
    <>
      <p className="record-result record-valid" role="status">
        {t('record:tools.valid', { label: check.label, fingerprint: groupedFingerprint(check.fingerprint), count: check.chain })}
      </p>
      {check.silence ? (
        <p className={`record-result record-silence-state record-silence-${check.silence.outcome}`} title={deadlineTitle(check.silence.deadline)}>{t('record:tools.silence', { sentence: silenceSentence(check.silence) })}</p>
      ) : null}
      {late ? <p className="record-result record-silence-late">{late}</p> : null}
    </>
  );
}

function capitalized(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
