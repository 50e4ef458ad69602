import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { ApiClient, CleanTextIssued, RevisionSummary } from '../../shared/api/contract.js';
import { readNegotiationBase } from '../../shared/negotiation/negotiation-base.js';
import { messageOf } from '../format.js';
import type { BarMenuItem } from './bar-menu.js';
import { IssueCleanDialog, NumberTableDialog, StartNegotiationDialog } from './negotiation-base-dialogs.js';
import '../styles/stable-numbering.css';
import { t } from '../i18n/index.js';

/** What the document view places for stable numbering: the document bar's indicator, the entries of its Negotiation menu, and a dialog. */
export type NegotiationBaseTools = { indicator: ReactNode; menuItems: BarMenuItem[]; dialog: ReactNode };

type Dialog = { kind: 'start' } | { kind: 'issue' } | { kind: 'table'; issued: CleanTextIssued } | null;

/**
 * Stable numbering for one open document: whether it is in negotiation and on which revision
 * ("In negotiation on Rev.1" in the document bar), starting and stopping negotiation, and
 * "Issue renumbered revision" with its old -> new number table. The base is read from the document
 * (`state`, the editor's latest state whose header changed; null until ready): the backend
 * writes it into the header, so the editor's numbers, this indicator and every other replica
 * of a consultation follow it with the text. Asking the backend once when the document opens
 * moves a base an older version kept aside into the document.
 */
export function useNegotiationBase(api: ApiClient, docId: string, state: EditorState | null): NegotiationBaseTools {
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const base = state ? readNegotiationBase(state.doc) : undefined;

  useEffect(() => {
    api.invoke('negotiation.base', { docId }).then(
      () => undefined,
      (cause: unknown) => setError(t('negotiation:negotiationBaseTools.whetherThisDocumentIs', { reason: messageOf(cause) })),
    );
  }, [api, docId]);

  const openDialog = (kind: 'start' | 'issue') => {
    setError(null);
    api.invoke('revisions.list', { docId }).then(
      (list) => {
        setRevisions(list);
        setDialog({ kind });
      },
      (cause: unknown) => setError(t('negotiation:negotiationBaseTools.revisionsCouldNotBe', { reason: messageOf(cause) })),
    );
  };
  const stop = () => {
    api.invoke('negotiation.setBase', { docId }).then(
      () => setError(null),
      (cause: unknown) => setError(t('negotiation:negotiationBaseTools.negotiationCouldNotBe', { reason: messageOf(cause) })),
    );
  };

  const indicator = (
    <>
      {base ? (
        <span className="negotiation-indicator" role="status" aria-live="polite">
          {t('negotiation:negotiationBaseTools.inNegotiationOn')}{' '}{base.label}
        </span>
      ) : null}
      {error ? (
        <span className="negotiation-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );

  const close = () => setDialog(null);
  const shown =
    dialog?.kind === 'start' ? (
      <StartNegotiationDialog
        revisions={revisions}
        onClose={close}
        onStart={async (choice) => {
          await api.invoke('negotiation.setBase', { docId, ...choice });
        }}
      />
    ) : dialog?.kind === 'issue' && base ? (
      <IssueCleanDialog
        baseName={base.label}
        revisions={revisions}
        onClose={close}
        onIssue={async (kind, label) => {
          const issued = await api.invoke('negotiation.issueClean', { docId, kind, label });
          setDialog({ kind: 'table', issued });
        }}
      />
    ) : dialog?.kind === 'table' ? (
      <NumberTableDialog revision={dialog.issued.revision} table={dialog.issued.table} onClose={close} />
    ) : null;
  const menuItems: BarMenuItem[] = base
    ? [
        { key: 'issue', label: t('negotiation:negotiationBaseTools.issueRenumberedRevision'), onSelect: () => openDialog('issue') },
        { key: 'stop', label: t('negotiation:negotiationBaseTools.stopNegotiation'), title: t('negotiation:negotiationBaseTools.backToOrdinaryNumbering'), onSelect: stop },
      ]
    : state
      ? [{ key: 'start', label: t('negotiation:negotiationBaseTools.startNegotiation'), title: t('negotiation:negotiationBaseTools.keepTheNumbersOf'), onSelect: () => openDialog('start') }]
      : [];
  return { indicator, menuItems, dialog: shown };
}
