import type { ReactNode } from 'react';
import { t } from '../i18n/index.js';

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
        <span className="brand-name">{t('app:topBar.penholder')}</span>
        <span className="brand-tagline">{t('app:topBar.resolutionsDraftedAndNegotiated')}</span>
      </div>
      <div className="top-actions">
        <div className="top-actions-group" role="toolbar" aria-label={t('app:topBar.startADocument')}>
          <button type="button" className="button primary" onClick={onNewFromTemplate}>
            {t('app:topBar.newFromTemplate')}
          </button>
          <button type="button" className="button" disabled={importing} onClick={onImport} title={t('app:topBar.wordAkomaNtosoZip')}>
            {importing ? t('app:topBar.importing') : t('app:topBar.import')}
          </button>
        </div>
        <button type="button" className="button" disabled={!onExport} onClick={onExport} title={onExport ? t('app:topBar.theOpenDocumentAs') : t('app:topBar.openADocumentTo')}>
          {t('app:topBar.export')}
        </button>
      </div>
      {children}
    </header>
  );
}
