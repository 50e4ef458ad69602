import type { Node } from 'prosemirror-model';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { addAlternative, canBracket, chooseAlternative } from '../../../shared/negotiation/bracket-ops.js';
import {
  bracketWithAlternative,
  findBracket,
  mergeAlternativesInto,
  setAttribution,
  type BracketRef,
  type Parties,
} from '../../../shared/negotiation/facilitator-ops.js';
import { bracketableParagraphs, paragraphBracket, readAttribution, topParagraphs, type Attribution } from '../../../shared/negotiation/model.js';
import { mergeCandidates, mergeInto, type MergeCandidate } from '../../../shared/negotiation/merge-ops.js';
import { addParagraphAlternative } from '../../../shared/negotiation/paragraph-ops.js';
import { enclosingBracketPos } from './negotiation-commands.js';
import { facilitatorRefusal, showSuggestionNotice } from './suggestion-plugin.js';
import { t, translatedRecord } from '../../i18n/index.js';
import { shownNotice } from '../../i18n/notices.js';
import { dispatchOwnStep } from '../commands/undo-step.js';

/**
 * The facilitator actions behind the negotiation toolbar that go beyond bracket / agree /
 * drop: add an alternative, attribute, choose or merge alternatives, add a paragraph
 * alternative. Each applies as one transaction (one undo step). Actions that need input
 * (the alternative's text, the delegations) fire `negotiationRequestEvent` on the editor's
 * root; the toolbar listens, asks, then runs the matching command with the answer.
 */

/** The DOM event the editor's root fires when an action needs input; `detail` is a `NegotiationRequest`. */
export const negotiationRequestEvent = 'penholder:negotiation-request';

/** What a request asks for: the text of an alternative, of a paragraph alternative, an attribution, or the proposal to merge. */
export type NegotiationRequest = 'alternative' | 'paragraph-alternative' | 'attribution' | 'merge';

/** The bracket an attribution applies to: where it is, its id, its text and current attribution. */
export type BracketTarget = BracketRef & { id: string; text: string; attribution: Attribution };

// A bracket's or paragraph's own words, without the text of its footnotes.
function ownText(node: Node): string {
  let text = '';
  node.descendants((child) => {
    if (child.type === resolutionSchema.nodes.footnote) return false;
    if (child.isText) text += child.text ?? '';
    return true;
  });
  return text;
}

/**
 * The bracket the cursor is in: the innermost inline bracket, else the nearest enclosing
 * paragraph that is bracketed whole. Null when the cursor is in no bracket.
 */
export function bracketTargetAt(state: EditorState): BracketTarget | null {
  const inline = enclosingBracketPos(state);
  const node = inline === null ? null : state.doc.nodeAt(inline);
  if (inline !== null && node) {
    const attribution = readAttribution(node.attrs as Record<string, unknown>);
    return { kind: 'inline', pos: inline, id: String(node.attrs.id), text: ownText(node), attribution };
  }
  const $from = state.selection.$from;
  for (let depth = $from.depth; depth > 0; depth--) {
    const paragraph = $from.node(depth);
    const bracket = bracketableParagraphs.has(paragraph.type.name) ? paragraphBracket(paragraph) : null;
    if (bracket) return { kind: 'paragraph', pos: $from.before(depth), id: bracket.id, text: ownText(paragraph), attribution: bracket };
  }
  return null;
}

/** The alternative group the cursor is in: its position, the member the cursor is in, and each member's text. */
export type AlternativeGroupAt = { pos: number; current: number; options: string[] };

/** The alternative group (of two or more) the cursor is in, or null. */
export function alternativesAt(state: EditorState): AlternativeGroupAt | null {
  const $from = state.selection.$from;
  for (let depth = $from.depth; depth > 0; depth--) {
    const group = $from.node(depth);
    if (group.type !== resolutionSchema.nodes.bracket_alternatives || group.childCount < 2) continue;
    const options: string[] = [];
    group.forEach((child) => options.push(ownText(child)));
    return { pos: $from.before(depth), current: $from.index(depth), options };
  }
  return null;
}

// Puts the cursor at the end of the text the transaction's last step inserted: the new
// alternative (a bracket, or the last bracket of a new group) or the new paragraph.
function endInLastInserted(tr: Transaction): Transaction {
  let end = -1;
  tr.steps[tr.steps.length - 1]?.getMap().forEach((_from, _to, start, stop) => {
    const node = tr.doc.nodeAt(start);
    end = node?.type === resolutionSchema.nodes.bracket_alternatives ? stop - 2 : stop - 1;
  });
  if (end < 0 || end > tr.doc.content.size) return tr;
  return tr.setSelection(TextSelection.near(tr.doc.resolve(end), -1));
}

// What only the facilitator does, as the refusal names it (editor:refusal.<kind>), in the interface language.
const requestWhat: Readonly<Record<NegotiationRequest, string>> = translatedRecord(['alternative', 'paragraph-alternative', 'attribution', 'merge'], 'editor:refusal.');

// Asks for the input of `kind`; as a delegation or an observer, says instead that only the facilitator does this.
function request(kind: NegotiationRequest): Command {
  return (state, dispatch, view) => {
    if (!dispatch || !view) return true;
    const refusal = facilitatorRefusal(state, requestWhat[kind]);
    if (refusal !== '') showSuggestionNotice(view, refusal);
    else view.dom.dispatchEvent(new CustomEvent(negotiationRequestEvent, { bubbles: true, detail: kind }));
    return true;
  };
}

// The selection covers exactly the content of the bracket it is in (as right after "bracket").
function selectsWholeBracket(state: EditorState, pos: number): boolean {
  const node = state.doc.nodeAt(pos);
  const { from, to } = state.selection;
  return !!node && from === pos + 1 && to === pos + node.nodeSize - 1;
}

// Bracket and alternative: a selection of other text is bracketed with its alternative; an
// empty selection, or one that is the whole bracket, gets an alternative to its bracket.
function alternativeTarget(state: EditorState): { bracket: number } | { from: number; to: number } | null {
  const { empty, from, to } = state.selection;
  const pos = enclosingBracketPos(state);
  if (pos !== null && (empty || selectsWholeBracket(state, pos))) return { bracket: pos };
  return !empty && canBracket(state.doc, from, to) ? { from, to } : null;
}

/**
 * Adds `text` as an alternative of the bracket at the cursor (`[shall]` -> `[shall][should]`),
 * or brackets the selected text together with it; the cursor goes to the end of the new
 * alternative.
 */
export function addAlternativeText(text: string): Command {
  return (state, dispatch) => {
    const target = alternativeTarget(state);
    if (!target) return false;
    const tr = 'bracket' in target ? addAlternative(state, { pos: target.bracket, text }) : bracketWithAlternative(state, target.from, target.to, text);
    if (!tr) return false;
    if (dispatch) dispatchOwnStep(state, dispatch, endInLastInserted(tr).scrollIntoView());
    return true;
  };
}

/** Mod-Alt-n: asks for the text of an alternative (see `addAlternativeText`); false where none can be added. */
export const requestAlternative: Command = (state, dispatch, view) => alternativeTarget(state) !== null && request('alternative')(state, dispatch, view);

/** Mod-Alt-g: asks which delegations proposed, support or oppose the bracket at the cursor. */
export const requestAttribution: Command = (state, dispatch, view) => bracketTargetAt(state) !== null && request('attribution')(state, dispatch, view);

/** Sets the attribution of the bracket with id `id` (inline or whole-paragraph), as one step. */
export function applyAttribution(id: string, parties: Parties): Command {
  return (state, dispatch) => {
    const ref = findBracket(state.doc, id);
    const tr = ref ? setAttribution(state, ref, parties) : null;
    if (!tr) return false;
    if (dispatch) dispatchOwnStep(state, dispatch, tr);
    return true;
  };
}

/** Chooses alternative `index` (0-based) of the group the cursor is in: the group becomes that text, agreed. */
export function chooseAlternativeAt(index: number): Command {
  return (state, dispatch) => {
    const group = alternativesAt(state);
    const tr = group ? chooseAlternative(state, group.pos, index) : null;
    if (!tr) return false;
    if (dispatch) dispatchOwnStep(state, dispatch, tr.scrollIntoView());
    return true;
  };
}

/** Mod-Alt-m: merges the other alternatives of the group into the one at the cursor (their proposers join it). */
export const mergeAlternativesAtCursor: Command = (state, dispatch) => {
  const pos = alternativesAt(state) ? enclosingBracketPos(state) : null;
  const tr = pos === null ? null : mergeAlternativesInto(state, pos);
  if (!tr) return false;
  if (dispatch) dispatchOwnStep(state, dispatch, tr.scrollIntoView());
  return true;
};

/** The bracket the cursor is in (id, text) and the other proposals of its paragraph that could be merged into it. */
export type MergeTarget = { id: string; text: string; candidates: MergeCandidate[] };

/** The merge target at the cursor (its innermost inline bracket), or null outside one. */
export function mergeTargetAt(state: EditorState): MergeTarget | null {
  const pos = enclosingBracketPos(state);
  const node = pos === null ? null : state.doc.nodeAt(pos);
  if (pos === null || !node) return null;
  return { id: String(node.attrs.id), text: ownText(node), candidates: mergeCandidates(state, pos) };
}

/** Mod-Alt-Shift-m: asks which proposal of the paragraph to merge into the bracket at the cursor; false outside a bracket. */
export const requestMerge: Command = (state, dispatch, view) => enclosingBracketPos(state) !== null && request('merge')(state, dispatch, view);

/**
 * Merges the bracket with id `fromId` into the one with id `intoId` (shared/negotiation/merge-ops.ts
 * says what that means in each case) as one step; the notice when it makes no sense or
 * either bracket is gone, else ''.
 */
export function mergeProposalById(view: { state: EditorState; dispatch: (tr: Transaction) => void }, intoId: string, fromId: string): string {
  const into = findBracket(view.state.doc, intoId);
  const from = findBracket(view.state.doc, fromId);
  if (into?.kind !== 'inline' || from?.kind !== 'inline') return t('editor:actions.proposalGone');
  const result = mergeInto(view.state, into.pos, from.pos);
  if ('notice' in result) return shownNotice(result.notice, result.words);
  dispatchOwnStep(view.state, (tr) => view.dispatch(tr), result.scrollIntoView());
  return '';
}

function topParagraphPos(state: EditorState): number | null {
  const $from = state.selection.$from;
  for (let depth = $from.depth; depth > 0; depth--) {
    if (topParagraphs.has($from.node(depth).type.name)) return $from.before(depth);
  }
  return null;
}

/** Mod-Alt-Shift-n: asks for the text of an alternative version of the paragraph at the cursor (`OP 7 alt`). */
export const requestParagraphAlternative: Command = (state, dispatch, view) =>
  topParagraphPos(state) !== null && request('paragraph-alternative')(state, dispatch, view);

/** Adds `text` as an alternative version of the paragraph at the cursor, bracketed whole; the cursor goes into it. */
export function addParagraphAlternativeText(text: string): Command {
  return (state, dispatch) => {
    const pos = topParagraphPos(state);
    const tr = pos === null ? null : addParagraphAlternative(state, pos, text);
    if (!tr) return false;
    if (dispatch) dispatchOwnStep(state, dispatch, endInLastInserted(tr).scrollIntoView());
    return true;
  };
}
