import { useCallback, useEffect, useRef } from 'react';
import type { DocumentSummary } from '../../shared/api/contract.js';
import { displayTitle, formatTimestamp, kindName } from '../format.js';
import { t } from '../i18n/index.js';

/** Props of the document list. */
export type DocumentListProps = {
  documents: DocumentSummary[];
  loading: boolean;
  openId: string | null;
  onOpen: (id: string) => void;
};

/**
 * The sidebar list of documents: title, kind, symbol and last change; the open one is
 * marked `aria-current`. Clicking (or Enter on) an entry opens it.
 */
export function DocumentList({ documents, loading, openId, onOpen }: DocumentListProps) {
  if (loading) return <p className="list-empty" role="status">{t('app:documentList.loadingDocuments')}</p>;
  if (documents.length === 0) {
    return (
      <p className="list-empty" role="status">
        {t('app:documentList.noDocumentsYetStart')}
      </p>
    );
  }
  return (
    <ul className="doc-list" aria-label={t('app:documentList.documents')}>
      {documents.map((doc) => (
        <li key={doc.id}>
          <button
            type="button"
            className="doc-item"
            aria-current={doc.id === openId ? 'true' : undefined}
            aria-label={t('documents:documentList.open', { kind: kindName(doc.kind).toLowerCase(), title: displayTitle(doc.title) })}
            onClick={() => onOpen(doc.id)}
          >
            <span className="doc-item-title" title={displayTitle(doc.title)}>{displayTitle(doc.title)}</span>
            <span className="doc-item-meta">
              <span className={`kind-badge kind-${doc.kind}`}>{kindName(doc.kind)}</span>
              {doc.symbol ? <span className="doc-item-symbol">{doc.symbol}</span> : null}
            </span>
            <span className="doc-item-time">
              {t('app:documentList.changed')}{' '}<time dateTime={doc.updatedAt}>{formatTimestamp(doc.updatedAt)}</time>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * How long after an edit of the open document the list is fetched again: its "Changed" time
 * (kept by the backend on every update, this window's or a peer's) follows the text without a
 * fetch per keystroke; a burst of typing costs one fetch per period.
 */
export const listRefreshDelayMs = 2000;

/**
 * A function to call after every change of the open document's text; it fetches the list
 * again (`refresh`) at most once per {@link listRefreshDelayMs}, the last change included.
 */
export function useListFollowsEdits(refresh: () => Promise<void>): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    timer.current ??= setTimeout(() => {
      timer.current = undefined;
      void latest.current();
    }, listRefreshDelayMs);
  }, []);
}
