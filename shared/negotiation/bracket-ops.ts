/**
 * Facilitator actions on inline brackets, as pure ProseMirror functions: each takes an
 * EditorState and its arguments and returns one Transaction (one undo step), or null when
 * the action does not apply there. The editor binds them to keys and menus.
 */
import { Fragment, type Node, type ResolvedPos } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { newId } from '../ids.js';
import { readAttribution, type Attribution } from './model.js';
import { seamCut } from './seams.js';

const { nodes } = resolutionSchema;

/** Who a new bracket is attributed to; every field is optional (empty lists, no revision). */
export type NewBracket = Partial<Attribution> & { deletion?: boolean };

/** The attributes of a fresh `bracket` node. */
export function bracketAttrs(args: NewBracket = {}): Record<string, unknown> {
  return {
    id: newId(),
    proposedBy: [...(args.proposedBy ?? [])],
    supportedBy: [...(args.supportedBy ?? [])],
    opposedBy: [...(args.opposedBy ?? [])],
    revision: args.revision ?? '',
    deletion: args.deletion ?? false,
  };
}

/** The node at `pos` when it is a `bracket`, else null. */
export function bracketAt(doc: Node, pos: number): Node | null {
  const node = pos >= 0 && pos < doc.content.size ? doc.nodeAt(pos) : null;
  return node && node.type === nodes.bracket ? node : null;
}

/**
 * True when the inline range from..to lies in one parent that may hold a bracket there
 * (paragraph text, another bracket, an annex paragraph; not a title or a footnote) and
 * is not empty.
 */
export function canBracket(doc: Node, from: number, to: number): boolean {
  if (from >= to) return false;
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  if (!$from.sameParent($to) || !$from.parent.inlineContent) return false;
  return $from.parent.canReplaceWith($from.index(), $to.index(), nodes.bracket);
}

/**
 * Brackets from..to (default: the selection): the text becomes the content of a new
 * bracket attributed as `args` says. Null when `canBracket` is false.
 */
export function bracketRange(state: EditorState, args: NewBracket & { from?: number; to?: number } = {}): Transaction | null {
  const from = args.from ?? state.selection.from;
  const to = args.to ?? state.selection.to;
  if (!canBracket(state.doc, from, to)) return null;
  const content = state.doc.slice(from, to).content;
  return state.tr.replaceWith(from, to, nodes.bracket.create(bracketAttrs(args), content));
}

/**
 * Adds an alternative after the bracket at `pos`: a new bracket holding `text`,
 * attributed as `args` says. A bracket not yet in a group becomes a group of two
 * (`[shall][should]`); in a group the new one goes right after it.
 */
export function addAlternative(state: EditorState, args: NewBracket & { pos: number; text: string }): Transaction | null {
  const bracket = bracketAt(state.doc, args.pos);
  if (!bracket) return null;
  const fresh = nodes.bracket.create(bracketAttrs(args), args.text === '' ? null : resolutionSchema.text(args.text));
  const $pos = state.doc.resolve(args.pos);
  if ($pos.parent.type === nodes.bracket_alternatives) return state.tr.insert(args.pos + bracket.nodeSize, fresh);
  const group = nodes.bracket_alternatives.create({ id: newId() }, [bracket, fresh]);
  if (!$pos.parent.canReplaceWith($pos.index(), $pos.index() + 1, nodes.bracket_alternatives)) return null;
  return state.tr.replaceWith(args.pos, args.pos + bracket.nodeSize, group);
}

/** Which list of a bracket's attribution to change, and how. */
export type AttributionChange = {
  pos: number;
  role: 'proposedBy' | 'supportedBy' | 'opposedBy';
  delegations: readonly string[];
  mode?: 'add' | 'remove' | 'set';
};

/**
 * Attributes the bracket at `pos` to delegations: adds them to (default), removes them
 * from, or sets the `role` list. A delegation added as supporter stops being an opponent
 * and the reverse. Null when there is no bracket at `pos`.
 */
export function attributeBracket(state: EditorState, change: AttributionChange): Transaction | null {
  const bracket = bracketAt(state.doc, change.pos);
  if (!bracket) return null;
  const next = changeAttribution(readAttribution(bracket.attrs as Record<string, unknown>), change);
  return state.tr.setNodeMarkup(change.pos, null, { ...bracket.attrs, ...next });
}

/** `attribution` with `change` applied (see `attributeBracket`). */
export function changeAttribution(attribution: Attribution, change: Omit<AttributionChange, 'pos'>): Attribution {
  const mode = change.mode ?? 'add';
  const current = attribution[change.role];
  const list =
    mode === 'set'
      ? unique(change.delegations)
      : mode === 'remove'
        ? current.filter((d) => !change.delegations.includes(d))
        : unique([...current, ...change.delegations]);
  const next = { ...attribution, [change.role]: list };
  if (mode !== 'remove' && change.role !== 'proposedBy') {
    const other = change.role === 'supportedBy' ? 'opposedBy' : 'supportedBy';
    next[other] = next[other].filter((d) => !change.delegations.includes(d));
  }
  return next;
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list.filter((d) => d !== ''))];
}

/**
 * Agrees the bracket at `pos`: its brackets go, its text stays. Agreeing a deletion
 * proposal deletes its text; agreeing one alternative of a group chooses it.
 */
export function agreeBracket(state: EditorState, pos: number): Transaction | null {
  const bracket = bracketAt(state.doc, pos);
  if (!bracket) return null;
  const $pos = state.doc.resolve(pos);
  if ($pos.parent.type === nodes.bracket_alternatives) return chooseAlternative(state, $pos.before(), $pos.index());
  if (bracket.attrs.deletion === true) return state.tr.delete(...spacedRange(state.doc, pos, pos + bracket.nodeSize));
  return unwrap(state.tr, pos, bracket);
}

/**
 * Drops the bracket at `pos`: it goes with its text. Dropping a deletion proposal keeps
 * the text (the deletion is rejected). Dropping one alternative of a group leaves the
 * others; a group left with one member becomes that single bracket.
 */
export function dropBracket(state: EditorState, pos: number): Transaction | null {
  const bracket = bracketAt(state.doc, pos);
  if (!bracket) return null;
  if (bracket.attrs.deletion === true) return unwrap(state.tr, pos, bracket);
  const $pos = state.doc.resolve(pos);
  if ($pos.parent.type !== nodes.bracket_alternatives) return state.tr.delete(...spacedRange(state.doc, pos, pos + bracket.nodeSize));
  const group = $pos.parent;
  const rest: Node[] = [];
  group.forEach((child, _offset, index) => {
    if (index !== $pos.index()) rest.push(child);
  });
  const groupPos = $pos.before();
  if (rest.length === 1 && rest[0]) return state.tr.replaceWith(groupPos, groupPos + group.nodeSize, rest[0]);
  return state.tr.delete(pos, pos + bracket.nodeSize);
}

/**
 * Chooses alternative `index` of the group at `groupPos`: the group is replaced by that
 * alternative's text, now agreed. Null when there is no group there or no such member.
 */
export function chooseAlternative(state: EditorState, groupPos: number, index: number): Transaction | null {
  const group = state.doc.nodeAt(groupPos);
  if (!group || group.type !== nodes.bracket_alternatives || index < 0 || index >= group.childCount) return null;
  const chosen = group.child(index);
  if (chosen.content.size === 0) return state.tr.delete(groupPos, groupPos + group.nodeSize);
  return state.tr.replaceWith(groupPos, groupPos + group.nodeSize, chosen.content);
}

// The range to delete so that removing [from, to) out of running text leaves one space
// between words, none before punctuation, a footnote marker or the end of the paragraph,
// and no doubled separator, as the clean text export writes it (seams.ts):
// "remain [particularly] vulnerable", "violence, [abuse], exploitation".
function spacedRange(doc: Node, from: number, to: number): [number, number] {
  const neighbour = (node: Node | null | undefined): string => (!node ? '' : node.isText ? (node.text ?? '') : node.type === nodes.footnote ? '¹' : 'x');
  const cut = seamCut(neighbour(doc.resolve(from).nodeBefore), neighbour(doc.resolve(to).nodeAfter));
  return [from - cut.left, to + cut.right];
}

function unwrap(tr: Transaction, pos: number, bracket: Node): Transaction | null {
  const $pos = tr.doc.resolve(pos);
  if (bracket.content.size === 0) return tr.delete(pos, pos + bracket.nodeSize);
  if (!canHold($pos, bracket.content)) return null;
  return tr.replaceWith(pos, pos + bracket.nodeSize, bracket.content);
}

function canHold($pos: ResolvedPos, content: Fragment): boolean {
  return $pos.parent.canReplace($pos.index(), $pos.index() + 1, content);
}
