import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { ApiClient, CleanTextIssued, RevisionSummary } from '../../shared/api/contract.js';
import { revisionDocs } from '../document/revision-docs.js';
import { revisionName } from '../document/revision-format.js';
import { numberingKey, setNumberingBase } from '../editor/numbering-plugin.js';
import { messageOf } from '../format.js';
import { IssueCleanDialog, NumberTableDialog, StartNegotiationDialog } from './negotiation-base-dialogs.js';
import '../styles/stable-numbering.css';

/** What the document view places for stable numbering: the document bar's indicator and buttons, and a dialog. */
export type NegotiationBaseTools = { indicator: ReactNode; dialog: ReactNode };

type Dialog = { kind: 'start' } | { kind: 'issue' } | { kind: 'table'; issued: CleanTextIssued } | null;

/**
 * Stable numbering for one open document: whether it is in negotiation and on which revision
 * ("In negotiation on Rev.1" in the document bar), starting and stopping negotiation, and
 * "Issue clean text" with its old -> new number table. While in negotiation the editor
 * (`view`, null until ready) numbers against the base revision's document.
 */
export function useNegotiationBase(api: ApiClient, docId: string, view: EditorView | null): NegotiationBaseTools {
  const [base, setBase] = useState<RevisionSummary | null | undefined>(undefined);
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const docs = useMemo(() => revisionDocs(api, docId), [api, docId]);

  const load = useCallback(() => {
    api.invoke('negotiation.base', { docId }).then(
      (answer) => setBase(answer.revision),
      (cause: unknown) => setError(`Whether this document is in negotiation could not be read: ${messageOf(cause)}`),
    );
  }, [api, docId]);
  useEffect(() => {
    load();
    return api.on('revisions.changed', (payload) => {
      if (payload.docId === docId) load();
    });
  }, [api, docId, load]);

  // The editor numbers against the base's document; the latest request wins.
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (!view || base === undefined) return;
    const wanted = base?.id ?? null;
    if (wanted === null) {
      applied.current = null;
      if (numberingKey.getState(view.state)?.base) view.dispatch(setNumberingBase(view.state.tr, null));
      return;
    }
    if (applied.current === wanted && numberingKey.getState(view.state)?.base) return;
    applied.current = wanted;
    docs.load(wanted).then(
      (doc) => {
        if (applied.current === wanted && !view.isDestroyed) view.dispatch(setNumberingBase(view.state.tr, doc));
      },
      (cause: unknown) => setError(`The base revision could not be read, so fresh numbers are shown: ${messageOf(cause)}`),
    );
  }, [view, base, docs]);

  const openDialog = (kind: 'start' | 'issue') => {
    setError(null);
    api.invoke('revisions.list', { docId }).then(
      (list) => {
        setRevisions(list);
        setDialog({ kind });
      },
      (cause: unknown) => setError(`Revisions could not be loaded: ${messageOf(cause)}`),
    );
  };
  const stop = () => {
    api.invoke('negotiation.setBase', { docId }).then(
      (answer) => setBase(answer.revision),
      (cause: unknown) => setError(`Negotiation could not be stopped: ${messageOf(cause)}`),
    );
  };

  const indicator = (
    <>
      {base ? (
        <span className="negotiation-indicator" role="status" aria-live="polite">
          In negotiation on {revisionName(base)}
        </span>
      ) : null}
      {base ? (
        <>
          <button type="button" className="button subtle" onClick={() => openDialog('issue')}>
            Issue clean text…
          </button>
          <button type="button" className="button subtle" onClick={stop} title="Back to ordinary numbering">
            Stop negotiation
          </button>
        </>
      ) : base === null ? (
        <button type="button" className="button subtle" onClick={() => openDialog('start')} title="Keep the numbers of a base revision (OP 5 bis …)">
          Start negotiation…
        </button>
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
          const answer = await api.invoke('negotiation.setBase', { docId, ...choice });
          setBase(answer.revision);
        }}
      />
    ) : dialog?.kind === 'issue' && base ? (
      <IssueCleanDialog
        base={base}
        revisions={revisions}
        onClose={close}
        onIssue={async (kind, label) => {
          const issued = await api.invoke('negotiation.issueClean', { docId, kind, label });
          setBase(issued.revision);
          setDialog({ kind: 'table', issued });
        }}
      />
    ) : dialog?.kind === 'table' ? (
      <NumberTableDialog revision={dialog.issued.revision} table={dialog.issued.table} onClose={close} />
    ) : null;
  return { indicator, dialog: shown };
}
