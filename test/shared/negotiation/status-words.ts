import { messageText, msg } from '../../../shared/i18n/message.js';
import type { StatusState } from '../../../shared/negotiation/model.js';
import type { StatusWords } from '../../../shared/negotiation/status-labels.js';

const states: readonly StatusState[] = ['pending', 'under_discussion', 'agreed_ad_ref', 'agreed', 'deleted', 'reservation', 'agreed_pending', 'parked'];

/**
 * The status words of the interface catalogues in `language`, built as the renderer's
 * statusWordsShown builds them (editor:status.names.*, editor:status.reservation), for tests
 * of the shared code that tells a status in another language.
 */
export function catalogueWords(language: string): StatusWords {
  const names = Object.fromEntries(states.map((s) => [s, messageText(msg(`editor:status.names.${s}`), language)])) as Record<StatusState, string>;
  return {
    names,
    reservation: (name, delegations) => messageText(msg('editor:status.reservation', { name, delegations: delegations.join(', ') }), language),
  };
}
