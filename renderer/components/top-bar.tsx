import { ImportTextButton } from './import-text-button.js';

/** Props of the top bar. */
export type TopBarProps = {
  onNewFromTemplate: () => void;
  onImportFile: (file: File) => void;
  importing: boolean;
};

/** The application bar: the app's name and the two ways to start a document. */
export function TopBar({ onNewFromTemplate, onImportFile, importing }: TopBarProps) {
  return (
    <header className="top-bar" role="banner">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ¶
        </span>
        <span className="brand-name">Penholder</span>
        <span className="brand-tagline">Resolutions, drafted and negotiated</span>
      </div>
      <div className="top-actions" role="toolbar" aria-label="Start a document">
        <button type="button" className="button primary" onClick={onNewFromTemplate}>
          New from template
        </button>
        <ImportTextButton onFile={onImportFile} busy={importing} />
      </div>
    </header>
  );
}
