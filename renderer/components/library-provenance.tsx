import { useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { ApiClient } from '../../shared/api/contract.js';
import { childText, readHeader } from '../../shared/document/header.js';
import { messageOf } from '../format.js';
import { provenanceCounts, provenanceCsv, provenanceFileName, provenanceSource, provenanceSummary, provenanceText, sharePercent } from '../library/provenance-export.js';
import type { ProvenanceReport } from '../library/provenance-export.js';
import { saveFile } from './export-dialog-parts.js';
import { t } from '../i18n/index.js';

/** Props of the Provenance tab: the API, the open document's id and its editor (for its title and symbol). */
export type LibraryProvenanceProps = { api: ApiClient; docId: string; view: EditorView | null };

const statusNames = { verbatim: 'Verbatim', near: 'Near', new: 'New' } as const;

/**
 * The Provenance tab of the Library panel: for the whole document (as saved), which
 * paragraphs are verbatim, near or new against the library, the share of agreed language
 * as a figure and a bar, and the report saved as .txt or .csv the way "Export text…" saves.
 */
export function LibraryProvenance({ api, docId, view }: LibraryProvenanceProps) {
  const [report, setReport] = useState<ProvenanceReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const check = () => {
    setBusy(true);
    setError(null);
    api
      .invoke('library.provenance', { id: docId })
      .then(setReport, (cause: unknown) => setError(t('library:libraryProvenance.theProvenanceCouldNot', { reason: messageOf(cause) })))
      .finally(() => setBusy(false));
  };
  const name = () => {
    const doc = view?.state.doc;
    return doc ? readHeader(doc).symbol || childText(doc, 'title') : '';
  };
  const counts = report ? provenanceCounts(report) : null;
  const total = report?.paragraphs.length || 1;

  return (
    <div className="library-provenance">
      <p className="library-help">{t('library:libraryProvenance.whichParagraphsOfThis')}</p>
      <div className="library-add-buttons">
        <button type="button" className="button" disabled={busy} onClick={check}>
          {busy ? t('library:libraryProvenance.checking') : report ? t('library:libraryProvenance.checkAgain') : t('library:libraryProvenance.checkProvenance')}
        </button>
        <button type="button" className="button subtle" disabled={!report} onClick={() => report && saveFile(provenanceText(report, name()), provenanceFileName(name(), 'txt'), 'text/plain;charset=utf-8')}>
          {t('library:libraryProvenance.saveTxt')}
        </button>
        <button type="button" className="button subtle" disabled={!report} onClick={() => report && saveFile(provenanceCsv(report), provenanceFileName(name(), 'csv'), 'text/csv;charset=utf-8')}>
          {t('library:libraryProvenance.saveCsv')}
        </button>
      </div>
      {error ? (
        <p className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
      {report && counts ? (
        <>
          <p className="library-share" role="status">
            <strong>{sharePercent(report.share)}</strong> {provenanceSummary(report).replace(/^[^ ]+ /, '')}
          </p>
          <div className="library-share-bar" aria-hidden="true">
            <span className="share-verbatim" style={{ width: `${(counts.verbatim / total) * 100}%` }} />
            <span className="share-near" style={{ width: `${(counts.near / total) * 100}%` }} />
          </div>
          <ol className="library-provenance-list" aria-label={t('library:libraryProvenance.provenanceOfTheParagraphs')}>
            {report.paragraphs.map((p, i) => (
              <li key={`${p.label}-${i}`} className={`provenance-row provenance-${p.status}`} title={p.text}>
                <span className="provenance-label">{p.label}</span>
                <span className={`library-badge provenance-status-${p.status}`}>{statusNames[p.status]}</span>
                <span className="provenance-source">{provenanceSource(p) ?? p.text}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
