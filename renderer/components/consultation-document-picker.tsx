import type { HostDocuments } from '../../shared/api/contract.js';
import { t } from '../i18n/index.js';

/** Props of the document picker of the join dialog. */
export type HostDocumentPickerProps = {
  /** The address the participant typed (for the sentences). */
  url: string;
  listed: HostDocuments;
  /** The document this installation is joined to now (its button opens it), or null. */
  current: string | null;
  /** The document being joined (its card says so; every card is disabled meanwhile), or null. */
  joining: string | null;
  onPick: (docId: string) => void;
};

/**
 * The second step of joining: the documents the host serves, by title and symbol, each a
 * button that joins it. When the host does not answer, the copies this laptop kept from it,
 * each opening offline (Penholder reconnects and merges when the host is back). A document
 * already on this laptop says so; joining another while in a consultation leaves that one.
 */
export function HostDocumentPicker({ url, listed, current, joining, onPick }: HostDocumentPickerProps) {
  const action = (id: string) => (id === current ? t('consultation:consultationDocumentPicker.open') : listed.reachable ? t('consultation:consultationDocumentPicker.join') : t('consultation:consultationDocumentPicker.openOffline'));
  return (
    <>
      {listed.reachable ? (
        <p className="dialog-lead">{t('consultation:consultationDocumentPicker.theHostAt')}{' '}{url}{' '}{t('consultation:consultationDocumentPicker.acceptedYourCodeChoose')}</p>
      ) : (
        <p className="dialog-lead offline-lead" role="status">
          <strong>{t('consultation:consultationDocumentPicker.theHostAt')}{' '}{url}{' '}{t('consultation:consultationDocumentPicker.doesNotAnswer')}</strong>{' '}{t('consultation:consultationDocumentPicker.thisLaptopHasCopies')}
        </p>
      )}
      <ul className="template-list host-documents" aria-label={listed.reachable ? t('consultation:consultationDocumentPicker.documentsOfThisConsultation') : t('consultation:consultationDocumentPicker.copiesOnThisLaptop')}>
        {listed.documents.map((doc) => (
          <li key={doc.id}>
            <button type="button" className="template-card" disabled={joining !== null} onClick={() => onPick(doc.id)} aria-label={t('consultation:consultationDocumentPicker.pick', { action: action(doc.id), title: doc.title || t('consultation:consultationDocumentPicker.untitled') })}>
              <span className="template-name">{doc.title || t('consultation:consultationDocumentPicker.untitled')}</span>
              <span className="template-meta">
                {[doc.symbol, doc.id === current ? t('consultation:consultationDocumentPicker.joinedNow') : doc.held ? 'A copy is on this laptop' : t('consultation:consultationDocumentPicker.newToThisLaptop')].filter(Boolean).join(' · ')}
              </span>
              <span className="template-busy">{joining === doc.id ? (listed.reachable ? t('consultation:consultationDocumentPicker.joining') : t('consultation:consultationDocumentPicker.opening')) : action(doc.id)}</span>
            </button>
          </li>
        ))}
      </ul>
      {current && listed.documents.some((d) => d.id !== current) ? (
        <p className="choice-hint">{t('consultation:consultationDocumentPicker.joiningAnotherDocumentLeaves')}</p>
      ) : null}
    </>
  );
}
