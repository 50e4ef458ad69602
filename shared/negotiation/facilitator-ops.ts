/**
 * Facilitator actions that combine the basic bracket operations into one transaction (one
 * undo step): set a bracket's whole attribution at once, bracket text together with its
 * first alternative, merge the alternatives of a group into one proposal. Pure functions
 * from an EditorState to a Transaction, or null when the action does not apply.
 */
import type { Node } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { addAlternative, bracketAt, bracketRange, type NewBracket } from './bracket-ops.js';
import { bracketableParagraphs, paragraphBracket, readAttribution, type Attribution } from './model.js';

/** Where a bracket is: an inline `bracket` node, or a paragraph bracketed whole, at `pos`. */
export type BracketRef = { kind: 'inline' | 'paragraph'; pos: number };

/** The three delegation lists of an attribution, without the revision. */
export type Parties = Pick<Attribution, 'proposedBy' | 'supportedBy' | 'opposedBy'>;

/**
 * The bracket with id `id` in `doc`: an inline bracket, or a paragraph whose whole-paragraph
 * bracket has that id. Null when there is none (e.g. a co-author agreed it meanwhile).
 */
export function findBracket(doc: Node, id: string): BracketRef | null {
  if (id === '') return null;
  let found: BracketRef | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type === resolutionSchema.nodes.bracket && node.attrs.id === id) found = { kind: 'inline', pos };
    else if (bracketableParagraphs.has(node.type.name) && paragraphBracket(node)?.id === id) found = { kind: 'paragraph', pos };
    return !node.isText;
  });
  return found;
}

/** The attribution of the bracket `ref` points at, or null when nothing bracketed is there. */
export function attributionAt(doc: Node, ref: BracketRef): Attribution | null {
  if (ref.kind === 'inline') {
    const bracket = bracketAt(doc, ref.pos);
    return bracket ? readAttribution(bracket.attrs as Record<string, unknown>) : null;
  }
  const node = doc.nodeAt(ref.pos);
  return node && bracketableParagraphs.has(node.type.name) ? paragraphBracket(node) : null;
}

const unique = (list: readonly string[]): string[] => [...new Set(list.filter((d) => d !== ''))];

/**
 * Sets the three delegation lists of the bracket at `ref` at once (one step however many
 * delegations changed). Null when there is no bracket there, or when a delegation would
 * both support and oppose it.
 */
export function setAttribution(state: EditorState, ref: BracketRef, parties: Parties): Transaction | null {
  const next: Parties = { proposedBy: unique(parties.proposedBy), supportedBy: unique(parties.supportedBy), opposedBy: unique(parties.opposedBy) };
  if (next.supportedBy.some((d) => next.opposedBy.includes(d))) return null;
  if (ref.kind === 'inline') {
    const bracket = bracketAt(state.doc, ref.pos);
    return bracket ? state.tr.setNodeMarkup(ref.pos, null, { ...bracket.attrs, ...next }) : null;
  }
  const node = state.doc.nodeAt(ref.pos);
  const current = node && bracketableParagraphs.has(node.type.name) ? paragraphBracket(node) : null;
  return current ? state.tr.setNodeAttribute(ref.pos, 'bracket', { ...current, ...next }) : null;
}

// A plugin-free state over an intermediate document: applying a transaction to the editor's
// own state would run its plugins (y-prosemirror's among them) outside a dispatch.
const scratch = (doc: Node): EditorState => EditorState.create({ doc });

/**
 * Brackets from..to and adds `text` as its alternative (`[current][alternative]`) in one
 * transaction; `args` attribute the alternative. Null when the range cannot be bracketed.
 */
export function bracketWithAlternative(state: EditorState, from: number, to: number, text: string, args: NewBracket = {}): Transaction | null {
  const tr = bracketRange(state, { from, to });
  if (!tr) return null;
  const second = addAlternative(scratch(tr.doc), { ...args, pos: from, text });
  if (!second) return null;
  for (const step of second.steps) tr.step(step);
  return tr;
}

/**
 * Merges every other alternative of the group holding the bracket at `pos` into it: that
 * bracket's text stays, it gains their proposers and supporters (no delegation's proposal
 * disappears unseen: its authors move to the kept text), and the group becomes this single
 * bracket. Null when the bracket is not in a group of two or more.
 */
export function mergeAlternativesInto(state: EditorState, pos: number): Transaction | null {
  const kept = bracketAt(state.doc, pos);
  if (!kept) return null;
  const $pos = state.doc.resolve(pos);
  const group = $pos.parent;
  if (group.type !== resolutionSchema.nodes.bracket_alternatives || group.childCount < 2) return null;
  const members: Attribution[] = [];
  group.forEach((child) => members.push(readAttribution(child.attrs as Record<string, unknown>)));
  const own = readAttribution(kept.attrs as Record<string, unknown>);
  const supportedBy = unique(members.flatMap((m) => m.supportedBy)).filter((d) => !own.opposedBy.includes(d));
  const merged = { proposedBy: unique(members.flatMap((m) => m.proposedBy)), supportedBy };
  const groupPos = $pos.before();
  const bracket = kept.type.create({ ...kept.attrs, ...merged }, kept.content);
  return state.tr.replaceWith(groupPos, groupPos + group.nodeSize, bracket);
}
