import type { ReactNode } from 'react';

/** Props of the top bar. */
export type TopBarProps = {
  onNewFromTemplate: () => void;
  /** Opens the Import dialog. */
  onImport: () => void;
  importing: boolean;
  /** Opens the Export dialog on the open document; none: no document is open. */
  onExport?: () => void;
  /** Shown at the bar's end (the profile button). */
  children?: ReactNode;
};

/** The application bar: the app's name, the two ways to start a document (new, import), export of the open document, and `children` at its end. */
export function TopBar({ onNewFromTemplate, onImport, importing, onExport, children }: TopBarProps) {
  return (
    <header className="top-bar" role="banner">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ¶
        </span>
        <span className="brand-name">Penholder</span>
        <span className="brand-tagline">Resolutions, drafted and negotiated</span>
      </div>
      <div className="top-actions">
        <div className="top-actions-group" role="toolbar" aria-label="Start a document">
          <button type="button" className="button primary" onClick={onNewFromTemplate}>
            New from template
          </button>
          <button type="button" className="button" disabled={importing} onClick={onImport} title="Word, Akoma Ntoso, zip, plain text or a folder">
            {importing ? 'Importing…' : 'Import…'}
          </button>
        </div>
        <button type="button" className="button" disabled={!onExport} onClick={onExport} title={onExport ? 'The open document as Word, PDF, Akoma Ntoso or plain text' : 'Open a document to export it'}>
          Export…
        </button>
      </div>
      {children}
    </header>
  );
}
