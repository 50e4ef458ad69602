/**
 * The host's refusal reasons, `kind: sentence`, made from one source: the English catalogue
 * (`checks:consultation.reason.*`, shared/i18n/locales/en/checks.json). The host says
 * `refusalReason(key, values)`; the participant (refusal-text.ts) reads the same templates
 * back. Rewording a sentence is an edit of the catalogue (README and stock providers read the
 * English on the wire, so it is a change of the wire text too); nothing else holds a copy.
 * Per key this module keeps only data: the wire kind, and which values are numbers or roles.
 */
import { catalogues } from '../../shared/i18n/catalogues.js';
import { messageText, msg } from '../../shared/i18n/message.js';

/** A key under `checks:consultation.reason` (the catalogue's own keys, checked by the compiler). */
export type ReasonKey = keyof (typeof catalogues)['en']['checks']['consultation']['reason'];

/**
 * A reason's data: its kind on the wire (null: the sentence is said alone, as a presence
 * refusal in `penholder.refused` is), and the names of its values that are numbers or roles
 * (the others are text).
 */
export type ReasonShape = { kind: string | null; numbers?: readonly string[]; roles?: readonly string[] };

/** Every reason's shape; the type makes a catalogue key without one a compile error. */
export const reasonShapes: Readonly<Record<ReasonKey, ReasonShape>> = {
  wrongCode: { kind: 'wrong-code' },
  facilitatorNeedsCode: { kind: 'wrong-code' },
  clockAhead: { kind: 'bad-time', numbers: ['minutes'] },
  clockBehind: { kind: 'bad-time', numbers: ['minutes'] },
  badSignature: { kind: 'bad-signature' },
  replayed: { kind: 'replayed' },
  lobbyFull: { kind: 'lobby-full', numbers: ['n'] },
  refusedByFacilitator: { kind: 'refused' },
  refusedByMember: { kind: 'refused' },
  waitingFacilitator: { kind: 'waiting', roles: ['role'] },
  waitingDelegate: { kind: 'waiting', roles: ['role'] },
  waitingTaken: { kind: 'waiting' },
  noSuchDocument: { kind: 'no-such-document' },
  notMember: { kind: 'not-a-member' },
  notWaiting: { kind: 'not-waiting' },
  otherDelegation: { kind: 'other-delegation' },
  postTheToken: { kind: 'bad-token' },
  unreadableRequest: { kind: 'bad-token' },
  requestTooLong: { kind: 'bad-token' },
  requestCutOff: { kind: 'bad-token' },
  malformedNotJson: { kind: 'malformed' },
  malformedNotObject: { kind: 'malformed' },
  malformedFields: { kind: 'malformed' },
  malformedNoFields: { kind: 'malformed' },
  malformedType: { kind: 'malformed' },
  malformedKey: { kind: 'malformed' },
  malformedDecision: { kind: 'malformed' },
  presenceOthersClient: { kind: null, numbers: ['client'] },
  presenceNotYou: { kind: null, roles: ['role'] },
  presenceTooBig: { kind: null, numbers: ['bytes', 'max'] },
  presenceNotObject: { kind: null },
  presenceTrailing: { kind: null },
  presenceUnreadable: { kind: null },
};

/** The English template of reason `key`, `{{name}}` where a value goes. */
export function reasonTemplate(key: ReasonKey): string {
  return catalogues.en.checks.consultation.reason[key];
}

/** A sentence a host may refuse with: its full catalogue key, its English template and its shape. */
export type RefusalTemplate = { key: string; template: string; shape: ReasonShape };

/**
 * Every sentence our hosts refuse with: the reasons above, then a token the host could not
 * read (`bad-token: ` + join-token.ts's `checks:token.*` sentence, its values text).
 */
export const refusalTemplates: readonly RefusalTemplate[] = [
  ...(Object.keys(reasonShapes) as ReasonKey[]).map((k) => ({ key: `checks:consultation.reason.${k}`, template: reasonTemplate(k), shape: reasonShapes[k] })),
  ...Object.entries(catalogues.en.checks.token).map(([k, template]) => ({ key: `checks:token.${k}`, template, shape: { kind: 'bad-token' } })),
];

/** The roles' names on the wire: the values a role placeholder takes (`checks:consultation.role.*` keys). */
export const wireRoles: readonly string[] = Object.keys(catalogues.en.checks.consultation.role);

/**
 * The host's refusal reason `kind: sentence` for reason `key` with `values` (a role given as
 * its wire name, 'delegation'): the English catalogue sentence after its kind (alone for a
 * reason without a kind), word for word what README documents.
 */
export function refusalReason(key: ReasonKey, values: Record<string, string | number> = {}): string {
  const sentence = messageText(msg(`checks:consultation.reason.${key}`, values));
  const { kind } = reasonShapes[key];
  return kind === null ? sentence : `${kind}: ${sentence}`;
}
