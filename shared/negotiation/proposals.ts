/**
 * Suggestion mode: a delegation's edits become bracketed proposals tagged with that
 * delegation instead of changing agreed text. An insertion is a new bracket, a deletion
 * keeps the text inside a bracket marked `deletion`, a replacement is a group of two
 * alternatives, the current text and the proposed one. The facilitator then agrees,
 * drops or merges them (bracket-ops.ts, merge-ops.ts). Each function returns one Transaction or null.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { newId } from '../ids.js';
import { bracketAttrs, canBracket } from './bracket-ops.js';

const { nodes } = resolutionSchema;

/** Where and as whom: `delegation` is the proposing delegation's code; `revision` optional. */
export type ProposalArgs = { delegation: string; revision?: string };

/**
 * Proposes inserting `text` at `pos` (default: the selection head): a new bracket holding
 * it, proposed by `delegation`. Null when `text` is empty or no bracket may stand there.
 */
export function proposeInsertion(state: EditorState, args: ProposalArgs & { text: string; pos?: number }): Transaction | null {
  const pos = args.pos ?? state.selection.head;
  if (args.text === '') return null;
  const $pos = state.doc.resolve(pos);
  if (!$pos.parent.inlineContent || !$pos.parent.canReplaceWith($pos.index(), $pos.index(), nodes.bracket)) return null;
  const bracket = nodes.bracket.create(bracketAttrs({ proposedBy: [args.delegation], revision: args.revision ?? '' }), resolutionSchema.text(args.text));
  return state.tr.insert(pos, bracket);
}

/**
 * Proposes deleting from..to (default: the selection): the text stays, inside a bracket
 * marked as a deletion proposed by `delegation`. Null when the range cannot be bracketed.
 */
export function proposeDeletion(state: EditorState, args: ProposalArgs & { from?: number; to?: number }): Transaction | null {
  const from = args.from ?? state.selection.from;
  const to = args.to ?? state.selection.to;
  if (!canBracket(state.doc, from, to)) return null;
  const attrs = bracketAttrs({ proposedBy: [args.delegation], revision: args.revision ?? '', deletion: true });
  return state.tr.replaceWith(from, to, nodes.bracket.create(attrs, state.doc.slice(from, to).content));
}

/**
 * Proposes replacing from..to (default: the selection) by `text`: an alternative group of
 * the current text (attributed to nobody: it is the text on the table) and `text`
 * proposed by `delegation`, `[current][proposed (CODE)]`. Null when the range cannot be
 * bracketed or `text` is empty.
 */
export function proposeReplacement(state: EditorState, args: ProposalArgs & { text: string; from?: number; to?: number }): Transaction | null {
  const from = args.from ?? state.selection.from;
  const to = args.to ?? state.selection.to;
  if (args.text === '' || !canBracket(state.doc, from, to)) return null;
  const $from = state.doc.resolve(from);
  if (!$from.parent.canReplaceWith($from.index(), state.doc.resolve(to).index(), nodes.bracket_alternatives)) return null;
  const current = nodes.bracket.create(bracketAttrs({ revision: args.revision ?? '' }), state.doc.slice(from, to).content);
  const proposed = nodes.bracket.create(bracketAttrs({ proposedBy: [args.delegation], revision: args.revision ?? '' }), resolutionSchema.text(args.text));
  return state.tr.replaceWith(from, to, nodes.bracket_alternatives.create({ id: newId() }, [current, proposed]));
}
