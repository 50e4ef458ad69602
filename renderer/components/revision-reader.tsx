import { useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import type { ApiClient, RevisionSummary } from '../../shared/api/contract.js';
import { createYDoc } from '../../shared/ydoc.js';
import { createEditor } from '../editor/create-editor.js';
import { authorName, dateTime, revisionKindNames, revisionName } from '../document/revision-format.js';
import { messageOf } from '../format.js';
import { t } from '../i18n/index.js';

/** Props of the revision reader. */
export type RevisionReaderProps = {
  api: ApiClient;
  docId: string;
  revision: RevisionSummary;
  onCompareWithNow: () => void;
  onRestore: () => void;
  onClose: () => void;
};

/**
 * A revision as it was, read-only: the same page rendering as the editor (numbers,
 * openers, footnotes) on a private replica that is never sent anywhere, under a bar that
 * says clearly which revision this is and offers the way back, compare and restore.
 */
export function RevisionReader({ api, docId, revision, onCompareWithNow, onRestore, onClose }: RevisionReaderProps) {
  const mount = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let release = () => {};
    setReady(false);
    api.invoke('revisions.open', { docId, revisionId: revision.id }).then(
      (opened) => {
        if (cancelled || !mount.current) return;
        const ydoc = createYDoc();
        Y.applyUpdate(ydoc, opened.state);
        const view = createEditor(mount.current, { ydoc, label: t('revisions:revisionReader.text', { name: revisionName(revision) }), onFirstRender: () => setReady(true) });
        view.setProps({ editable: () => false });
        release = () => {
          view.destroy();
          ydoc.destroy();
        };
      },
      (cause: unknown) => {
        if (!cancelled) setError(t('revisions:revisionReader.thisRevisionCouldNot', { reason: messageOf(cause) }));
      },
    );
    return () => {
      cancelled = true;
      release();
    };
  }, [api, docId, revision]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <section className="revision-reader overlay-view" aria-label={t('revisions:revisionReader.region', { name: revisionName(revision) })}>
      <header className="overlay-bar reader-bar">
        <span className="read-only-badge">{t('revisions:revisionReader.readOnly')}</span>
        <h2 className="overlay-title">
          {revisionName(revision)}
          <span className="reader-meta">
            {' '}
            · {revisionKindNames[revision.kind]} · {authorName(revision.author, revision.delegation)} · <time dateTime={revision.createdAt} title={revision.createdAt}>{dateTime(revision.createdAt)}</time>
          </span>
        </h2>
        <button type="button" className="button" onClick={onCompareWithNow}>
          {t('revisions:revisionReader.compareWithNow')}
        </button>
        <button type="button" className="button" onClick={onRestore}>
          {t('revisions:revisionReader.restore')}
        </button>
        <button type="button" className="button primary" onClick={onClose}>
          {t('revisions:revisionReader.backToTheCurrent')}
        </button>
      </header>
      {error ? (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="page-scroll reader-scroll">
        <article className="page reader-page" aria-busy={!ready}>
          <div ref={mount} className="page-editor" data-ready={ready} />
        </article>
      </div>
    </section>
  );
}
