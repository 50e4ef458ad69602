import type { DocumentSummary } from '../../shared/api/contract.js';
import { messageText, type Message } from '../../shared/i18n/message.js';
import { displayTitle, kindName } from '../format.js';
import { t, useT } from '../i18n/index.js';

/** Props of the error banner. */
export type ErrorBannerProps = { message: string; onDismiss: () => void };

/** A failed call, said plainly; announced at once (`role="alert"`) and dismissible. */
export function ErrorBanner({ message, onDismiss }: ErrorBannerProps) {
  return (
    <div className="banner banner-error" role="alert">
      <span className="banner-text">{message}</span>
      <button type="button" className="button subtle" onClick={onDismiss} aria-label={t('app:notices.dismissError')}>
        {t('app:notices.dismiss')}
      </button>
    </div>
  );
}

/**
 * What one import produced, as shown after it: `fileName` names the file, folder or files
 * imported; each warning a sentence the renderer wrote in the interface language, or a
 * reader's message, said in the interface language when shown (so a language change redraws it).
 */
export type ImportReportData = { fileName: string; documents: DocumentSummary[]; warnings: (string | Message)[] };

/** Props of the import report. */
export type ImportReportProps = { report: ImportReportData; onOpen: (id: string) => void; onDismiss: () => void };

// A zip of a whole session holds hundreds: the banner lists this many, the rest folded.
const shownDocuments = 3;

// The documents of an import in file order, each a button opening it.
function DocumentLinks({ documents, onOpen }: { documents: readonly DocumentSummary[]; onOpen: (id: string) => void }) {
  return (
    <ul className="import-documents">
      {documents.map((doc) => (
        <li key={doc.id}>
          <button type="button" className="link-button" title={displayTitle(doc.title)} onClick={() => onOpen(doc.id)}>
            {t('formats:report.documentLink', { kind: kindName(doc.kind), title: displayTitle(doc.title) })}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The outcome of an import: the documents found in file order (each can be opened; past three folded) and the importer's warnings. */
export function ImportReport({ report, onOpen, onDismiss }: ImportReportProps) {
  const { language } = useT();
  return (
    <section className="banner banner-info import-report" role="status" aria-label={t('app:notices.importResult')}>
      <div className="banner-text">
        <p className="import-heading">
          {t('app:notices.imported')}{' '}{t('formats:report.documents', { count: report.documents.length })}{' '}{t('app:notices.from')}{' '}<strong>{report.fileName}</strong>
        </p>
        <DocumentLinks documents={report.documents.slice(0, shownDocuments)} onOpen={onOpen} />
        {report.documents.length > shownDocuments ? (
          <details className="import-more">
            <summary>{t('formats:report.moreDocuments', { count: report.documents.length - shownDocuments })}</summary>
            <DocumentLinks documents={report.documents.slice(shownDocuments)} onOpen={onOpen} />
          </details>
        ) : null}
        {report.warnings.length > 0 ? (
          <details className="import-warnings" open={report.warnings.length <= 5}>
            <summary>{t('formats:report.warnings', { count: report.warnings.length })}</summary>
            <ul aria-label={t('app:notices.importWarnings')}>
              {report.warnings.map((warning, index) => (
                <li key={index}>{typeof warning === 'string' ? warning : messageText(warning, language)}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
      <button type="button" className="button subtle" onClick={onDismiss} aria-label={t('app:notices.dismissImportResult')}>
        {t('app:notices.dismiss')}
      </button>
    </section>
  );
}
