import { ApiError, type Handlers } from '../../shared/api/contract.js';
import type { BackendContext, Connection } from '../backend/context.js';
import type { LiveDocuments } from '../backend/live-documents.js';
import type { UpdateOrigin } from '../store/store.js';
import { msg } from '../../shared/i18n/message.js';

/** The channels of consultations (hosting, joining, presence) and private notes. */
export type ConsultationChannels =
  | 'consultation.host'
  | 'consultation.stopHosting'
  | 'consultation.join'
  | 'consultation.documents'
  | 'consultation.recent'
  | 'consultation.leave'
  | 'consultation.status'
  | 'consultation.lobby'
  | 'consultation.admit'
  | 'consultation.refuse'
  | 'consultation.removeKey'
  | 'consultation.delegationCode'
  | 'presence.set'
  | 'notes.list'
  | 'notes.set';

/**
 * Handlers for consultations and private notes, for one renderer connection. They call the
 * backend's one consultation service (service.ts); notes go straight to the local store.
 */
export function createConsultationHandlers(ctx: BackendContext, conn: Connection): Pick<Handlers, ConsultationChannels> {
  void conn;
  const guard = <A, R>(fn: (args: A) => R | Promise<R>) => async (args: A): Promise<R> => {
    ctx.assertOpen();
    return fn(args);
  };
  const service = () => {
    if (!ctx.consultation) throw new ApiError('internal', msg('checks:consultation.unavailable'));
    return ctx.consultation;
  };
  const mustExist = (docId: string) => {
    if (!ctx.store.getDocument(docId)) throw new ApiError('not-found', msg('checks:consultation.noDocument', { id: docId }));
  };
  return {
    'consultation.host': guard((args) => service().host(args)),
    'consultation.stopHosting': guard(async () => (await service().stopHosting(), { ok: true as const })),
    'consultation.join': guard((args) => service().join(args)),
    'consultation.documents': guard((args) => service().documents(args)),
    'consultation.recent': guard(() => ctx.store.joinedConsultations()),
    'consultation.leave': guard(async () => (await service().leave(), { ok: true as const })),
    'consultation.status': guard(() => service().status()),
    'consultation.lobby': guard(() => service().lobby()),
    'consultation.admit': guard((args) => service().admit(args)),
    'consultation.refuse': guard((args) => service().refuse(args)),
    'consultation.removeKey': guard((args) => service().removeKey(args)),
    'consultation.delegationCode': guard((args) => service().delegationCode(args)),
    'presence.set': guard(({ docId, ...cursor }) => (service().setPresence(docId, cursor), { ok: true as const })),
    'notes.list': guard(({ docId }) => (mustExist(docId), ctx.store.listNotes(docId))),
    'notes.set': guard(({ docId, paragraphId, text }) => (mustExist(docId), ctx.store.setNote(docId, paragraphId, text))),
  };
}

/** `docs`, telling `listener` about every update it accepted (after it is in the store). */
export function observeApplies(docs: LiveDocuments, listener: (id: string, update: Uint8Array, origin: UpdateOrigin) => void): LiveDocuments {
  return {
    ...docs,
    apply(id, update, origin, author, check) {
      const result = docs.apply(id, update, origin, author, check);
      listener(id, update, origin);
      return result;
    },
  };
}
