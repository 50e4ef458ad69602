import type { Node } from 'prosemirror-model';
import { delegationProposals } from '../../shared/negotiation/views.js';

/** Props of the proposals view: the live document, the delegation shown, and jumping to a proposal. */
export type NegotiationProposalsProps = {
  doc: Node;
  delegation: string;
  /** Shows the bracket `id` in the editor. */
  onJump: (id: string) => void;
};

/**
 * "Proposals of <delegation>": every bracket the delegation proposed, alone or with others,
 * in document order, each with its paragraph ("OP 2"), its text, whether it proposes a
 * deletion or a whole paragraph, and who proposed it too. Each row is a button that shows
 * the proposal in the editor.
 */
export function NegotiationProposals({ doc, delegation, onJump }: NegotiationProposalsProps) {
  const code = delegation.trim().toUpperCase();
  if (code === '') {
    return (
      <p className="proposals-empty">
        Choose a delegation above to list its proposals. Set your own delegation in your profile (top bar) to see yours first.
      </p>
    );
  }
  const proposals = delegationProposals(doc, code);
  return (
    <section className="proposals" aria-label={`Proposals of ${code}`}>
      <h2 className="proposals-title">
        Proposals of {code} <span className="proposals-count">({proposals.length})</span>
      </h2>
      {proposals.length === 0 ? (
        <p className="proposals-empty">{code} has no proposal in this text.</p>
      ) : (
        <ol className="proposals-list">
          {proposals.map((p) => (
            <li key={p.id}>
              <button type="button" className="proposal" onClick={() => onJump(p.id)} aria-label={`${p.path || 'Text'}: ${p.deletion ? 'delete ' : ''}${p.text}. Show in the editor`}>
                <span className="proposal-path">{p.path || 'Text'}</span>
                <span className="proposal-body">
                  {p.kind === 'paragraph' ? <span className="proposal-kind">Whole paragraph</span> : null}
                  {p.deletion ? <span className="proposal-kind proposal-deletion">Delete</span> : null}
                  <span className={p.deletion ? 'proposal-text proposal-text-deleted' : 'proposal-text'}>[{p.text}]</span>
                  {p.with.length > 0 ? <span className="proposal-with">with {p.with.join(', ')}</span> : <span className="proposal-with">no co-proposer</span>}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
