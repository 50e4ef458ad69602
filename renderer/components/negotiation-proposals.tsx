import type { Node } from 'prosemirror-model';
import { delegationProposals } from '../../shared/negotiation/views.js';
import { t } from '../i18n/index.js';

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
        {t('negotiation:negotiationProposals.chooseADelegationAbove')}
      </p>
    );
  }
  const proposals = delegationProposals(doc, code);
  return (
    <section className="proposals" aria-label={t('negotiation:negotiationProposals.proposalsOf', { code })}>
      <h2 className="proposals-title">
        {t('negotiation:negotiationProposals.proposalsOf2')}{' '}{code} <span className="proposals-count">({proposals.length})</span>
      </h2>
      {proposals.length === 0 ? (
        <p className="proposals-empty">{code}{' '}{t('negotiation:negotiationProposals.hasNoProposalIn')}</p>
      ) : (
        <ol className="proposals-list">
          {proposals.map((p) => (
            <li key={p.id}>
              <button type="button" className="proposal" onClick={() => onJump(p.id)} aria-label={t('negotiation:negotiationProposals.showInTheEditor', { value: p.path || 'Text', value2: p.deletion ? 'delete ' : '', text: p.text })}>
                <span className="proposal-path">{p.path || t('negotiation:negotiationProposals.text')}</span>
                <span className="proposal-body">
                  {p.kind === 'paragraph' ? <span className="proposal-kind">{t('negotiation:negotiationProposals.wholeParagraph')}</span> : null}
                  {p.deletion ? <span className="proposal-kind proposal-deletion">{t('negotiation:negotiationProposals.delete')}</span> : null}
                  <span className={p.deletion ? 'proposal-text proposal-text-deleted' : 'proposal-text'}>[{p.text}]</span>
                  {p.with.length > 0 ? <span className="proposal-with">{t('negotiation:negotiationProposals.with')}{' '}{p.with.join(', ')}</span> : <span className="proposal-with">{t('negotiation:negotiationProposals.noCoProposer')}</span>}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
