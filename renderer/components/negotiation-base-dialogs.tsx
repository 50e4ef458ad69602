import { useState } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { RevisionKind, RevisionSummary } from '../../shared/api/contract.js';
import type { NumberChange } from '../../shared/negotiation/stable-numbering.js';
import { numberTableText } from '../../shared/negotiation/stable-numbering.js';
import { numberTableCsv } from '../../shared/negotiation/stable-view.js';
import { namedKinds, revisionKindNames, revisionName, suggestLabel } from '../document/revision-format.js';
import { messageOf } from '../format.js';
import { CopyButton } from './consultation-qr.js';
import { DialogFooter } from './dialog-footer.js';
import { t } from '../i18n/index.js';

type NamedKind = Exclude<RevisionKind, 'autosave'>;

// A modal dialog in the body (inside the document bar it would inherit the bar's button styles).
function Modal({ labelledBy, onClose, className, children }: { labelledBy: string; onClose: () => void; className?: string; children: ReactNode }) {
  return createPortal(
    <dialog
      ref={(d) => {
        if (d && !d.open) d.showModal();
      }}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>,
    document.body,
  );
}

/** Props of the "Start negotiation" dialog: the document's revisions (newest first) and what starting does. */
export type StartNegotiationProps = {
  revisions: readonly RevisionSummary[];
  /** Starts on a revision (`revisionId`) or on a new named revision (`label`); rejects with the backend's error. */
  onStart: (choice: { revisionId: string } | { label: string }) => Promise<void>;
  onClose: () => void;
};

/**
 * Puts the document in negotiation: the base is a named revision (the latest by default) or
 * "now", which saves a new revision first (the next Rev.N suggested). From then on paragraph
 * numbers stay those of the base and new paragraphs are "bis", "ter" ...
 */
export function StartNegotiationDialog({ revisions, onStart, onClose }: StartNegotiationProps) {
  const named = revisions.filter((r) => r.kind !== 'autosave');
  const [choice, setChoice] = useState<string>(named[0]?.id ?? 'now');
  const [label, setLabel] = useState(suggestLabel('revision', revisions));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    setBusy(true);
    setError(null);
    onStart(choice === 'now' ? { label: label.trim() } : { revisionId: choice }).then(onClose, (cause: unknown) => {
      setBusy(false);
      setError(t('negotiation:negotiationBaseDialogs.negotiationCouldNotBe', { reason: messageOf(cause) }));
    });
  };
  return (
    <Modal labelledBy="start-negotiation-title" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="start-negotiation-title">{t('negotiation:negotiationBaseDialogs.startNegotiation')}</h2>
        <p className="dialog-lead">{t('negotiation:negotiationBaseDialogs.paragraphsKeepTheNumbers')}</p>
        <label className="meta-field">
          <span>{t('negotiation:negotiationBaseDialogs.baseRevision')}</span>
          <select value={choice} onChange={(e) => setChoice(e.target.value)}>
            {named.map((r) => (
              <option key={r.id} value={r.id}>
                {revisionName(r)} ({revisionKindNames[r.kind]})
              </option>
            ))}
            <option value="now">{t('negotiation:negotiationBaseDialogs.nowSaveANew')}</option>
          </select>
        </label>
        {choice === 'now' ? (
          <label className="meta-field">
            <span>{t('negotiation:negotiationBaseDialogs.labelOfTheNew')}</span>
            <input type="text" value={label} onChange={(e) => setLabel(e.target.value)} />
          </label>
        ) : null}
        <DialogFooter error={error} onCancel={onClose} submit={t('negotiation:negotiationBaseDialogs.startNegotiation')} busy={busy} busyLabel={t('negotiation:negotiationBaseDialogs.starting')} disabled={choice === 'now' && label.trim() === ''} />
      </form>
    </Modal>
  );
}

/** Props of the "Issue renumbered revision" dialog. */
export type IssueCleanProps = {
  /** The base's name as the document carries it ("Rev.1"). */
  baseName: string;
  revisions: readonly RevisionSummary[];
  /** Issues the renumbered text as a revision of `kind` labelled `label`; rejects with the backend's error. */
  onIssue: (kind: NamedKind, label: string) => Promise<void>;
  onClose: () => void;
};

/** Asks for the renumbered revision (kind, label with the next Rev.N suggested) and says what issuing does. */
export function IssueCleanDialog({ baseName, revisions, onIssue, onClose }: IssueCleanProps) {
  const [kind, setKind] = useState<NamedKind>('revision');
  const [label, setLabel] = useState(suggestLabel('revision', revisions));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal labelledBy="issue-clean-title" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          onIssue(kind, label.trim()).catch((cause: unknown) => {
            setBusy(false);
            setError(t('negotiation:negotiationBaseDialogs.theRenumberedRevisionCould', { reason: messageOf(cause) }));
          });
        }}
      >
        <h2 id="issue-clean-title">{t('negotiation:negotiationBaseDialogs.issueRenumberedRevision')}</h2>
        <p className="dialog-lead">
          {t('negotiation:negotiationBaseDialogs.agreedParagraphsLoseTheir')}{' '}{baseName}{' '}{t('negotiation:negotiationBaseDialogs.untilNowTheResult')}
        </p>
        <label className="meta-field">
          <span>{t('negotiation:negotiationBaseDialogs.kind')}</span>
          <select
            value={kind}
            onChange={(e) => {
              const next = e.target.value as NamedKind;
              setKind(next);
              setLabel(suggestLabel(next, revisions));
            }}
          >
            {namedKinds.map((k) => (
              <option key={k} value={k}>
                {revisionKindNames[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="meta-field">
          <span>{t('negotiation:negotiationBaseDialogs.label')}</span>
          <input type="text" value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <DialogFooter error={error} onCancel={onClose} submit={t('negotiation:negotiationBaseDialogs.issueRevision')} busy={busy} busyLabel={t('negotiation:negotiationBaseDialogs.issuing')} disabled={label.trim() === ''} />
      </form>
    </Modal>
  );
}

// Offers `text` as a file download named `name`.
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Props of the number table dialog: the issued revision and its old -> new table. */
export type NumberTableProps = { revision: RevisionSummary; table: readonly NumberChange[]; onClose: () => void };

/**
 * The old -> new number table of an issued clean text ("OP 5 bis -> OP 6"), renumbered rows
 * marked in words, with Copy (tab-separated text) and Export as .txt or .csv.
 */
export function NumberTableDialog({ revision, table, onClose }: NumberTableProps) {
  const changed = table.filter((row) => row.old !== row.new).length;
  const file = `numbers-${revisionName(revision).replace(/[^\w.-]+/g, '_')}`;
  return (
    <Modal labelledBy="number-table-title" onClose={onClose} className="number-table-dialog">
      <h2 id="number-table-title">{t('negotiation:negotiationBaseDialogs.renumberedRevisionIssued')}{' '}{revisionName(revision)}</h2>
      <p className="dialog-lead">
        {changed === 0 ? t('negotiation:negotiationBaseDialogs.noParagraphChangedIts') : t('negotiation:negotiationBaseDialogs.ofParagraphsHaveA', { changed, length: table.length })}{' '}{t('negotiation:negotiationBaseDialogs.theDocumentIsNow')}{' '}{revisionName(revision)}.
      </p>
      <div className="number-table-scroll">
        <table className="number-table" aria-label={t('negotiation:negotiationBaseDialogs.oldAndNewParagraph')}>
          <thead>
            <tr>
              <th scope="col">{t('negotiation:negotiationBaseDialogs.oldNumber')}</th>
              <th scope="col">{t('negotiation:negotiationBaseDialogs.newNumber')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('negotiation:negotiationBaseDialogs.change')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {table.map((row) => (
              <tr key={row.id} className={row.old === row.new ? undefined : 'number-changed'}>
                <td>{row.old}</td>
                <td>{row.new}</td>
                <td className="number-note">{row.old === row.new ? '' : t('negotiation:negotiationBaseDialogs.renumbered')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dialog-actions form-actions">
        <CopyButton text={numberTableText(table)} what={t('negotiation:negotiationBaseDialogs.numberTable')} />
        <button type="button" className="button subtle" onClick={() => download(`${file}.txt`, numberTableText(table), 'text/plain;charset=utf-8')}>
          {t('negotiation:negotiationBaseDialogs.exportTxt')}
        </button>
        <button type="button" className="button subtle" onClick={() => download(`${file}.csv`, numberTableCsv(table), 'text/csv;charset=utf-8')}>
          {t('negotiation:negotiationBaseDialogs.exportCsv')}
        </button>
        <button type="button" className="button primary" autoFocus onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
    </Modal>
  );
}
