import type { DocumentSummary } from '../../shared/api/contract.js';
import { countOf, displayTitle, kindName } from '../format.js';

/** Props of the error banner. */
export type ErrorBannerProps = { message: string; onDismiss: () => void };

/** A failed call, said plainly; announced at once (`role="alert"`) and dismissible. */
export function ErrorBanner({ message, onDismiss }: ErrorBannerProps) {
  return (
    <div className="banner banner-error" role="alert">
      <span className="banner-text">{message}</span>
      <button type="button" className="button subtle" onClick={onDismiss} aria-label="Dismiss error">
        Dismiss
      </button>
    </div>
  );
}

/** What one import produced, as shown after it. */
export type ImportReportData = { fileName: string; documents: DocumentSummary[]; warnings: string[] };

/** Props of the import report. */
export type ImportReportProps = { report: ImportReportData; onOpen: (id: string) => void; onDismiss: () => void };

/** The outcome of an import: the documents found (each can be opened) and the importer's warnings. */
export function ImportReport({ report, onOpen, onDismiss }: ImportReportProps) {
  return (
    <section className="banner banner-info import-report" role="status" aria-label="Import result">
      <div className="banner-text">
        <p className="import-heading">
          Imported {countOf(report.documents.length, 'document')} from <strong>{report.fileName}</strong>
        </p>
        <ul className="import-documents">
          {report.documents.map((doc) => (
            <li key={doc.id}>
              <button type="button" className="link-button" onClick={() => onOpen(doc.id)}>
                {kindName(doc.kind)}: {displayTitle(doc.title)}
              </button>
            </li>
          ))}
        </ul>
        {report.warnings.length > 0 ? (
          <details className="import-warnings" open={report.warnings.length <= 5}>
            <summary>{countOf(report.warnings.length, 'warning')}</summary>
            <ul aria-label="Import warnings">
              {report.warnings.map((warning, index) => (
                <li key={index}>{warning}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
      <button type="button" className="button subtle" onClick={onDismiss} aria-label="Dismiss import result">
        Dismiss
      </button>
    </section>
  );
}
