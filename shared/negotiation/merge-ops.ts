/**
 * Merging one proposal into another anywhere in one paragraph (issue 5.3: the facilitator
 * "agrees to, drops, or merges with another proposal"). B is merged into A, the proposal
 * the facilitator keeps (the one at the cursor); the result is one bracket whose proposers
 * and supporters are both brackets' (nothing of B disappears unseen: its authors appear on
 * A), made as one transaction (one undo step). What "merge" means, case by case:
 *
 * - Two wordings (insertions, alternatives, a replacement's proposed text), side by side,
 *   at different places or in one group: A's text stays, B's text goes (as Drop would
 *   remove it: a group left with one member becomes that bracket), B's authors join A.
 * - One wording inside the other (`[[all (X)] Member States (Y)]`), either way round: the
 *   inner one becomes part of the outer one, `[all Member States (Y, X)]`.
 * - Two deletion proposals: A stays a deletion proposal over its own text; B is withdrawn
 *   (its text stays, still proposed for deletion where A holds it); B's authors join A.
 * - A deletion and a replacement of the same text (one holds the other): both want the
 *   current text gone. Into the replacement: the deletion is withdrawn and its authors join
 *   the proposed wording, `[to report][to inform (AUS, RUS)]`. Into the deletion: the
 *   proposed wording goes, its authors join the deletion, and the bracket of the current
 *   text it leaves behind (attributed to nobody) goes too, `[to report (RUS, AUS: delete)]`.
 *
 * Refused, with a sentence saying why: a deletion with a wording that does not replace its
 * text (they say different things), proposals in different paragraphs, a paragraph
 * bracketed whole, a bracket merged with itself.
 */
import type { Node, ResolvedPos } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { bracketAt, dropBracket } from './bracket-ops.js';
import { readAttribution, readableText, topParagraphs, type Attribution } from './model.js';

const { nodes } = resolutionSchema;

/** A merge to dispatch, or a notice (a sentence for people) saying why it makes no sense. */
export type MergeResult = Transaction | { notice: string; words?: MergeWords };

/**
 * A merge sentence for an interface catalogue: its key under `editor:merge.`, its values (the
 * proposals' text as written, cut to 40 characters) and, for an effect, the delegations that
 * join the kept proposal. The English `notice`/`effect`/`refusal` say the same thing.
 */
export type MergeWords = { key: 'inGroup' | 'deletionAndWording' | 'joinOuter' | 'withdrawDeletion' | 'intoDeletion' | 'keep'; values: Record<string, string>; joiners?: string[] };

/** What merging B into A will do, for a picker: `effect` says it in words, `refusal` why it cannot be done. */
export type MergeCandidate = {
  id: string;
  pos: number;
  text: string;
  proposedBy: string[];
  deletion: boolean;
  effect: string;
  refusal: string;
  /** `effect` or `refusal` as catalogue words (null for a refusal that is a fixed sentence). */
  words: MergeWords | null;
};

type Side = { pos: number; node: Node; $pos: ResolvedPos; deletion: boolean; group: { pos: number; node: Node } | null; from: number; to: number };

const unique = (list: readonly string[]): string[] => [...new Set(list.filter((d) => d !== ''))];
const excerpt = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
const quote = (text: string): string => `“${excerpt(text)}”`;
const ownText = (node: Node): string => readableText(node);
const holds = (outer: Side, inner: Side): boolean => outer.pos < inner.pos && inner.pos + inner.node.nodeSize <= outer.pos + outer.node.nodeSize;
const spanHolds = (outer: { from: number; to: number }, inner: { from: number; to: number }): boolean => outer.from <= inner.from && inner.to <= outer.to;

function side(doc: Node, pos: number): Side | null {
  const node = bracketAt(doc, pos);
  if (!node) return null;
  const $pos = doc.resolve(pos);
  const inGroup = $pos.parent.type === nodes.bracket_alternatives;
  const group = inGroup ? { pos: $pos.before(), node: $pos.parent } : null;
  // A group member's span is its whole group: a replacement covers the text it replaces.
  const from = group ? group.pos : pos;
  const to = group ? group.pos + group.node.nodeSize : pos + node.nodeSize;
  return { pos, node, $pos, deletion: node.attrs.deletion === true, group, from, to };
}

function topParagraphOf($pos: ResolvedPos): number {
  for (let depth = $pos.depth; depth > 0; depth--) if (topParagraphs.has($pos.node(depth).type.name)) return $pos.before(depth);
  return -1;
}

/** The attribution of A once B is merged into it: B's proposers and supporters join (those opposing A stay opponents unless they proposed B). */
export function mergedAttribution(a: Attribution, b: Attribution): Pick<Attribution, 'proposedBy' | 'supportedBy' | 'opposedBy'> {
  const proposedBy = unique([...a.proposedBy, ...b.proposedBy]);
  const opposedBy = a.opposedBy.filter((d) => !b.proposedBy.includes(d));
  const supportedBy = unique([...a.supportedBy, ...b.supportedBy]).filter((d) => !opposedBy.includes(d));
  return { proposedBy, supportedBy, opposedBy };
}

type Plan = { kind: 'keep-a' | 'join-outer' | 'withdraw-deletion' | 'into-deletion'; notice?: undefined } | { notice: string; words?: MergeWords };

// How B merges into A, or why it cannot (see the module comment).
function plan(a: Side, b: Side): Plan {
  if (a.pos === b.pos) return { notice: 'A proposal cannot be merged with itself: choose another one.' };
  if (topParagraphOf(a.$pos) !== topParagraphOf(b.$pos) || topParagraphOf(a.$pos) < 0) {
    return { notice: 'Only proposals in one paragraph can be merged.' };
  }
  // An alternative's text cannot stand outside its group: it is chosen or dropped, not unwrapped.
  const alternative = (x: Side) => ({
    notice: `${quote(ownText(x.node))} is one of a group of alternatives: choose one of them (or merge the group's alternatives) first.`,
    words: { key: 'inGroup', values: { text: excerpt(ownText(x.node)) } } satisfies MergeWords,
  });
  if (a.deletion && b.deletion) return b.group ? alternative(b) : { kind: 'withdraw-deletion' };
  if (!a.deletion && !b.deletion) {
    if (!holds(a, b) && !holds(b, a)) return { kind: 'keep-a' };
    const inner = holds(a, b) ? b : a;
    return inner.group ? alternative(inner) : { kind: 'join-outer' };
  }
  const deletion = a.deletion ? a : b;
  const wording = a.deletion ? b : a;
  // A deletion merges only with a replacement of the text it deletes (a group member whose group holds it, or inside it).
  if (deletion.group) return alternative(deletion);
  if (wording.group === null || !(spanHolds(wording, deletion) || spanHolds(deletion, wording))) {
    return {
      notice: `${quote(ownText(deletion.node))} is proposed for deletion and ${quote(ownText(wording.node))} is new wording elsewhere: they say different things, so they cannot be merged. Drop one, or add its delegations with Attribute…`,
      words: { key: 'deletionAndWording', values: { deleted: excerpt(ownText(deletion.node)), wording: excerpt(ownText(wording.node)) } },
    };
  }
  return a.deletion ? { kind: 'into-deletion' } : { kind: 'withdraw-deletion' };
}

// A state without plugins over an intermediate document, so an op's steps can be appended.
const scratch = (doc: Node): EditorState => EditorState.create({ doc });

function unwrapAt(tr: Transaction, pos: number): boolean {
  const node = bracketAt(tr.doc, pos);
  if (!node || tr.doc.resolve(pos).parent.type === nodes.bracket_alternatives) return false;
  if (node.content.size === 0) tr.delete(pos, pos + node.nodeSize);
  else tr.replaceWith(pos, pos + node.nodeSize, node.content);
  return true;
}

const unattributed = (node: Node | null): boolean => {
  if (!node || node.type !== nodes.bracket || node.attrs.deletion === true) return false;
  const who = readAttribution(node.attrs as Record<string, unknown>);
  return who.proposedBy.length === 0 && who.supportedBy.length === 0 && who.opposedBy.length === 0;
};

/**
 * Merges the proposal at `fromPos` (B) into the one at `intoPos` (A), as the module comment
 * says for each case: one transaction, or a notice when the merge makes no sense.
 */
export function mergeInto(state: EditorState, intoPos: number, fromPos: number): MergeResult {
  const a = side(state.doc, intoPos);
  const b = side(state.doc, fromPos);
  if (!a || !b) return { notice: 'Put the cursor in a bracket, then choose the proposal to merge into it.' };
  const how = plan(a, b);
  if (how.notice !== undefined) return how.words ? { notice: how.notice, words: how.words } : { notice: how.notice };
  const who = (n: Node) => readAttribution(n.attrs as Record<string, unknown>);
  if (how.kind === 'join-outer') {
    const [outer, inner] = holds(a, b) ? [a, b] : [b, a];
    const tr = state.tr.setNodeMarkup(outer.pos, null, { ...outer.node.attrs, ...mergedAttribution(who(outer.node), who(inner.node)) });
    return unwrapAt(tr, inner.pos) ? tr : { notice: 'These proposals could not be merged here.' };
  }
  // A's attribution first: positions do not move, and a group collapsing onto A keeps it.
  const tr = state.tr.setNodeMarkup(a.pos, null, { ...a.node.attrs, ...mergedAttribution(who(a.node), who(b.node)) });
  if (how.kind === 'withdraw-deletion') return unwrapAt(tr, b.pos) ? tr : { notice: 'These proposals could not be merged here.' };
  const dropped = dropBracket(scratch(tr.doc), b.pos);
  if (!dropped) return { notice: 'These proposals could not be merged here.' };
  for (const step of dropped.steps) tr.step(step);
  if (how.kind === 'into-deletion' && b.group && b.group.node.childCount === 2) {
    // The replacement's group collapsed to the bracket of the current text, which the deletion now questions.
    const left = tr.mapping.mapResult(b.group.pos, -1).pos;
    if (unattributed(bracketAt(tr.doc, left))) unwrapAt(tr, left);
  }
  return tr;
}

/**
 * Merges the proposal at `fromPos` into the one at `intoPos` (see `mergeInto`); null where
 * the merge makes no sense.
 */
export function mergeProposals(state: EditorState, intoPos: number, fromPos: number): Transaction | null {
  const result = mergeInto(state, intoPos, fromPos);
  return 'notice' in result ? null : result;
}

/**
 * The other inline brackets of the paragraph holding the bracket at `pos`, in document
 * order, each with what merging it into that bracket would do, or why it cannot.
 */
export function mergeCandidates(state: EditorState, pos: number): MergeCandidate[] {
  const a = side(state.doc, pos);
  const top = a ? topParagraphOf(a.$pos) : -1;
  const paragraph = top >= 0 ? state.doc.nodeAt(top) : null;
  if (!a || !paragraph) return [];
  const out: MergeCandidate[] = [];
  paragraph.descendants((node, offset) => {
    const at = top + 1 + offset;
    if (node.type !== nodes.bracket || at === pos) return node.type !== nodes.footnote;
    const b = side(state.doc, at);
    if (!b) return true;
    const how = plan(a, b);
    const attribution = readAttribution(node.attrs as Record<string, unknown>);
    out.push({
      id: String(node.attrs.id ?? ''),
      pos: at,
      text: ownText(node),
      proposedBy: attribution.proposedBy,
      deletion: b.deletion,
      effect: how.notice === undefined ? effectText(how.kind, a, b, attribution) : '',
      refusal: how.notice ?? '',
      words: how.notice === undefined ? effectWords(how.kind, a, b, attribution) : (how.words ?? null),
    });
    return true;
  });
  return out;
}

function effectWords(kind: Exclude<Plan, { notice: string }>['kind'], a: Side, b: Side, people: Attribution): MergeWords {
  const kept = excerpt(ownText(a.node));
  const other = excerpt(ownText(b.node));
  const joiners = [...people.proposedBy];
  switch (kind) {
    case 'join-outer':
      return { key: 'joinOuter', values: { inner: holds(a, b) ? other : kept, outer: holds(a, b) ? kept : other }, joiners };
    case 'withdraw-deletion':
      return { key: 'withdrawDeletion', values: { kept, other }, joiners };
    case 'into-deletion':
      return { key: 'intoDeletion', values: { kept, other }, joiners };
    default:
      return { key: 'keep', values: { kept, other }, joiners };
  }
}

function effectText(kind: Exclude<Plan, { notice: string }>['kind'], a: Side, b: Side, people: Attribution): string {
  const joining = people.proposedBy.length > 0 ? `${people.proposedBy.join(', ')} join${people.proposedBy.length === 1 ? 's' : ''} it` : 'nobody to add';
  const kept = quote(ownText(a.node));
  const other = quote(ownText(b.node));
  switch (kind) {
    case 'join-outer':
      return `${holds(a, b) ? other : kept} becomes part of ${holds(a, b) ? kept : other}; ${joining}`;
    case 'withdraw-deletion':
      return `keeps ${kept}; the deletion of ${other} is withdrawn (its text stays); ${joining}`;
    case 'into-deletion':
      return `keeps the deletion of ${kept}; ${other} goes; ${joining}`;
    default:
      return `keeps ${kept}; ${other} goes; ${joining}`;
  }
}
