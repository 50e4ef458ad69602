import type { StatusState } from '../../shared/negotiation/model.js';
import { statusAuthorName, type StatusWords } from '../../shared/negotiation/status-labels.js';
import { i18n, translatedRecord } from './index.js';

/**
 * The paragraph status names as the interface shows them (editor:status.names.<state>), read in
 * the interface language when read: the margin labels, their tooltips and the status dialog.
 * shared/negotiation/status-labels.ts keeps the English names for exports and the CLI.
 */
export const statusNamesShown: Readonly<Record<StatusState, string>> = translatedRecord(
  ['pending', 'under_discussion', 'agreed_ad_ref', 'agreed', 'deleted', 'reservation', 'agreed_pending', 'parked'],
  'editor:status.names.',
);

/** One sentence per status saying what it means in the room (editor:status.hints.<state>), in the interface language when read. */
export const statusHintsShown: Readonly<Record<StatusState, string>> = translatedRecord(
  ['pending', 'under_discussion', 'agreed_ad_ref', 'agreed', 'deleted', 'reservation', 'agreed_pending', 'parked'],
  'editor:status.hints.',
);

/**
 * The words statusText, statusChanges and statusHistory tell a status in, in the interface
 * language when read: the names above and the reservation's sentence (editor:status.reservation,
 * "Reservation: USA, RUS", "Réserve\u00a0: USA, RUS").
 */
export const statusWordsShown: StatusWords = {
  names: statusNamesShown,
  reservation: (name, delegations) => i18n.t('editor:status.reservation', { name, delegations: delegations.join(', ') }),
};

/**
 * Who set a status, as the interface names them: the facilitator role in the interface
 * language with the person's name ("Facilitator (Jane Doe)", "Facilitation (Jane Doe)"), the
 * role alone when no name was stored. Reads what is stored now (the name) and what earlier
 * versions stored ("Facilitator (Jane Doe)", "Facilitator").
 */
export function statusAuthorShown(by: string): string {
  const name = statusAuthorName(by);
  return name === '' ? i18n.t('negotiation:statusAuthor.role') : i18n.t('negotiation:statusAuthor.named', { name });
}
