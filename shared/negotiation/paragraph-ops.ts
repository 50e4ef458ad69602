/**
 * Facilitator actions on whole paragraphs: bracket and unbracket, set the status (who and
 * when; reopening an agreed paragraph needs a reason), add a paragraph alternative
 * (`OP 7 alt`). Pure functions from an EditorState to one Transaction, or null when the
 * action does not apply at `pos`.
 */
import { messageText, msg, type Message } from '../i18n/message.js';
import type { Node } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { newId } from '../ids.js';
import { changeAttribution, type AttributionChange } from './bracket-ops.js';
import {
  bracketableParagraphs,
  paragraphBracket,
  paragraphStatus,
  topParagraphs,
  type Attribution,
  type ParagraphBracket,
  type ParagraphStatus,
  type StatusEntry,
  type StatusState,
} from './model.js';

/**
 * A negotiation action that cannot be done as asked (e.g. reopening without a reason):
 * `text` says why in any interface language, `message` in English.
 */
export class NegotiationError extends Error {
  override name = 'NegotiationError';
  /** Why, as a catalogue message (`checks:negotiation.*`). */
  readonly text: Message;
  /** Creates the error from its message. */
  constructor(text: Message) {
    super(messageText(text));
    this.text = text;
  }
}

function paragraphAt(doc: Node, pos: number, types: ReadonlySet<string>): Node | null {
  const node = pos >= 0 && pos < doc.content.size ? doc.nodeAt(pos) : null;
  return node && types.has(node.type.name) ? node : null;
}

/**
 * Brackets the whole paragraph at `pos` (with its subparagraphs), attributed as `args`
 * says. Null when `pos` is not a bracketable paragraph or it is bracketed already.
 */
export function bracketParagraph(state: EditorState, pos: number, args: Partial<Attribution> = {}): Transaction | null {
  const node = paragraphAt(state.doc, pos, bracketableParagraphs);
  if (!node || paragraphBracket(node)) return null;
  const bracket: ParagraphBracket = {
    id: newId(),
    proposedBy: [...(args.proposedBy ?? [])],
    supportedBy: [...(args.supportedBy ?? [])],
    opposedBy: [...(args.opposedBy ?? [])],
    revision: args.revision ?? '',
  };
  return state.tr.setNodeAttribute(pos, 'bracket', bracket);
}

/** Removes the whole-paragraph bracket at `pos` (the paragraph is agreed as it stands). */
export function unbracketParagraph(state: EditorState, pos: number): Transaction | null {
  const node = paragraphAt(state.doc, pos, bracketableParagraphs);
  if (!node || !paragraphBracket(node)) return null;
  return state.tr.setNodeAttribute(pos, 'bracket', null);
}

/** Changes the attribution of the whole-paragraph bracket at `pos` (see `attributeBracket`). */
export function attributeParagraph(state: EditorState, change: AttributionChange): Transaction | null {
  const node = paragraphAt(state.doc, change.pos, bracketableParagraphs);
  const bracket = node ? paragraphBracket(node) : null;
  if (!bracket) return null;
  return state.tr.setNodeAttribute(change.pos, 'bracket', { ...bracket, ...changeAttribution(bracket, change) });
}

/**
 * A status change: the new `state`, `by` whom and `at` what ISO time; `delegations` for a
 * reservation (required), `linked` paragraph ids for "agreed pending" (required), `reason`
 * for reopening an agreed paragraph (required then).
 */
export type StatusChange = {
  state: StatusState;
  by: string;
  at: string;
  delegations?: readonly string[];
  linked?: readonly string[];
  reason?: string;
};

const agreedStates: ReadonlySet<StatusState> = new Set(['agreed', 'agreed_ad_ref']);

/** True when moving from `from` to `to` reopens an agreed paragraph. */
export function isReopening(from: StatusState, to: StatusState): boolean {
  return agreedStates.has(from) && !agreedStates.has(to);
}

/**
 * Sets the status of the top-level paragraph at `pos`, keeping the previous entry in its
 * history. Throws a NegotiationError when a reservation names no delegation, "agreed
 * pending" links no paragraph, or an agreed paragraph is reopened without a reason.
 * Null when `pos` is not a top-level paragraph.
 */
export function setParagraphStatus(state: EditorState, pos: number, change: StatusChange): Transaction | null {
  const node = paragraphAt(state.doc, pos, topParagraphs);
  if (!node) return null;
  const current = paragraphStatus(node);
  const reason = (change.reason ?? '').trim();
  if (change.state === 'reservation' && (change.delegations ?? []).length === 0) {
    throw new NegotiationError(msg('checks:negotiation.reservationNamesNobody'));
  }
  if (change.state === 'agreed_pending' && (change.linked ?? []).length === 0) {
    throw new NegotiationError(msg('checks:negotiation.pendingNamesNothing'));
  }
  if (isReopening(current.state, change.state) && reason === '') {
    throw new NegotiationError(msg('checks:negotiation.reopenNeedsReason', { state: msg(`checks:negotiation.state.${current.state}`) }));
  }
  const entry: StatusEntry = {
    state: change.state,
    by: change.by,
    at: change.at,
    delegations: [...(change.delegations ?? [])],
    linked: [...(change.linked ?? [])],
    reason,
  };
  const previous: StatusEntry[] = node.attrs.status === null ? [] : [...current.history, withoutHistory(current)];
  const status: ParagraphStatus = { ...entry, history: previous };
  return state.tr.setNodeAttribute(pos, 'status', status);
}

function withoutHistory(status: ParagraphStatus): StatusEntry {
  const { history: _history, ...entry } = status;
  return entry;
}

/**
 * Adds an alternative version of the top-level paragraph at `pos` (`OP 7 alt`, then
 * `alt 2` ...): a new paragraph of the same type holding `text`, placed after the base
 * and its existing alternatives, bracketed whole and attributed as `args` says. An
 * alternative of an alternative is an alternative of the same base. Null when `pos` is
 * not a top-level paragraph.
 */
export function addParagraphAlternative(
  state: EditorState,
  pos: number,
  text: string,
  args: Partial<Attribution> = {},
): Transaction | null {
  const node = paragraphAt(state.doc, pos, topParagraphs);
  if (!node) return null;
  const $pos = state.doc.resolve(pos);
  const parent = $pos.parent;
  const baseId = String(node.attrs.alternativeOf || node.attrs.id);
  let insertAt = pos + node.nodeSize;
  for (let i = $pos.index() + 1; i < parent.childCount; i++) {
    const next = parent.child(i);
    if (next.attrs.alternativeOf !== baseId) break;
    insertAt += next.nodeSize;
  }
  const { nodes } = resolutionSchema;
  const bracket: ParagraphBracket = {
    id: newId(),
    proposedBy: [...(args.proposedBy ?? [])],
    supportedBy: [...(args.supportedBy ?? [])],
    opposedBy: [...(args.opposedBy ?? [])],
    revision: args.revision ?? '',
  };
  const paragraph = node.type.createChecked(
    { id: newId(), alternativeOf: baseId, bracket, status: null },
    nodes.paragraph_text.create(null, text === '' ? null : resolutionSchema.text(text)),
  );
  return state.tr.insert(insertAt, paragraph);
}
