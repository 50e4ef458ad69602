import type { StatusState } from '../../shared/negotiation/model.js';
import { translatedRecord } from './index.js';

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
