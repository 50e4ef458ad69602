import { ApiError, type Handlers } from '../../shared/api/contract.js';
import type { BackendContext, Connection } from '../backend/handlers.js';

/** The channels of consultations (hosting, joining, presence) and private notes. */
export type ConsultationChannels =
  | 'consultation.host'
  | 'consultation.stopHosting'
  | 'consultation.join'
  | 'consultation.leave'
  | 'consultation.status'
  | 'presence.set'
  | 'notes.list'
  | 'notes.set';

/**
 * Handlers for consultations and private notes, for one renderer connection.
 * Not implemented yet: every channel answers with an 'internal' ApiError that says so.
 */
export function createConsultationHandlers(ctx: BackendContext, conn: Connection): Pick<Handlers, ConsultationChannels> {
  void ctx;
  void conn;
  const notYet = (channel: ConsultationChannels) => async (): Promise<never> => {
    throw new ApiError('internal', `${channel} is not available yet in this build.`);
  };
  return {
    'consultation.host': notYet('consultation.host'),
    'consultation.stopHosting': notYet('consultation.stopHosting'),
    'consultation.join': notYet('consultation.join'),
    'consultation.leave': notYet('consultation.leave'),
    'consultation.status': notYet('consultation.status'),
    'presence.set': notYet('presence.set'),
    'notes.list': notYet('notes.list'),
    'notes.set': notYet('notes.set'),
  };
}
