import type { HostDocuments } from '../../shared/api/contract.js';

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
  const action = (id: string) => (id === current ? 'Open' : listed.reachable ? 'Join' : 'Open offline');
  return (
    <>
      {listed.reachable ? (
        <p className="dialog-lead">The host at {url} accepted your code. Choose the document to work on; you can join another one later from this dialog.</p>
      ) : (
        <p className="dialog-lead offline-lead" role="status">
          <strong>The host at {url} does not answer.</strong> This laptop has copies of the documents below from it. Open one to keep working offline: your
          proposals and private notes are kept, and Penholder reconnects and merges them when the host is back.
        </p>
      )}
      <ul className="template-list host-documents" aria-label={listed.reachable ? 'Documents of this consultation' : 'Copies on this laptop'}>
        {listed.documents.map((doc) => (
          <li key={doc.id}>
            <button type="button" className="template-card" disabled={joining !== null} onClick={() => onPick(doc.id)} aria-label={`${action(doc.id)}: ${doc.title || 'Untitled'}`}>
              <span className="template-name">{doc.title || 'Untitled'}</span>
              <span className="template-meta">
                {[doc.symbol, doc.id === current ? 'Joined now' : doc.held ? 'A copy is on this laptop' : 'New to this laptop'].filter(Boolean).join(' · ')}
              </span>
              <span className="template-busy">{joining === doc.id ? (listed.reachable ? 'Joining…' : 'Opening…') : action(doc.id)}</span>
            </button>
          </li>
        ))}
      </ul>
      {current && listed.documents.some((d) => d.id !== current) ? (
        <p className="choice-hint">Joining another document leaves the one you are in now; its copy stays on this laptop.</p>
      ) : null}
    </>
  );
}
