import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, DocumentSummary } from '../../shared/api/contract.js';
import { t } from '../i18n/index.js';
import { messageOf } from '../format.js';

/** The document list as the app shows it: newest change first, with load state and error. */
export type DocumentsState = {
  documents: DocumentSummary[];
  loading: boolean;
  error: string | null;
  /** Fetches the list again; resolves when the state is updated (errors land in `error`). */
  refresh: () => Promise<void>;
};

/** Sorts summaries by last change, newest first (ISO timestamps compare as strings). */
export function byLastChange(documents: readonly DocumentSummary[]): DocumentSummary[] {
  return [...documents].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.title.localeCompare(b.title)));
}

/**
 * Keeps the document list of `api` current: loads it on mount and again whenever the
 * backend pushes `documents.changed`.
 */
export function useDocuments(api: ApiClient): DocumentsState {
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const list = await api.invoke('documents.list', {});
      setDocuments(byLastChange(list));
      setError(null);
    } catch (cause) {
      setError(t('common:useDocuments.theDocumentListCould', { value: messageOf(cause) }));
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    return api.on('documents.changed', () => void refresh());
  }, [api, refresh]);

  return { documents, loading, error, refresh };
}
