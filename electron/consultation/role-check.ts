/**
 * What a delegation may change in a document, decided by comparing the document before and
 * after an incoming update (both as ProseMirror documents of the negotiation model).
 *
 * How the check works: both documents are reduced to their *projection for delegation D*,
 * the part of the document D has no say over, and the update is allowed only when the two
 * projections are identical. The projection
 * - drops every inline bracket proposed by D alone (`proposedBy` = [D]) that is an
 *   insertion, with everything inside it: D may create, type in, and withdraw its own
 *   proposals;
 * - unwraps every deletion proposal of D alone (keeps its text, drops the bracket): D may
 *   propose deleting text, but the text itself must stay as it was;
 * - removes D from every bracket's `supportedBy` and `opposedBy`: D may support or oppose
 *   any bracket in its own name, never in another's;
 * - unwraps a replacement of D: an alternative group holding one bracket attributed to
 *   nobody (no proposer, supporter or opponent) and otherwise only D's own brackets
 *   (`[current][proposed (D)]`, shared/negotiation/proposals.ts) projects to the current
 *   text, whether the group is new or older: D may propose it, type in its alternative, and
 *   withdraw it again (its undo puts the text back unbracketed), but not touch the current
 *   text. A group of a facilitator of that shape (nobody else's alternative in it) is D's
 *   replacement in all but name, so withdrawing it is D's to do as well;
 * - drops whole paragraphs bracketed as proposed by D alone that carry no status (a new
 *   paragraph proposed by D);
 * - keeps a paragraph whose status is agreed or agreed ad ref exactly as it is, D's own
 *   brackets included: agreed text is closed to proposals until the facilitator reopens
 *   the paragraph (issuing the clean text agrees every bracket left inside an agreed
 *   paragraph, so a proposal slipped into one would become agreed text unseen);
 * - keeps everything else exactly: text outside D's proposals, marks, every paragraph's
 *   `status` and `alternativeOf`, other delegations' brackets and their attribution, the
 *   header. So changing a status, agreeing or dropping a bracket (removing it or its text),
 *   re-attributing a bracket, or editing agreed text all change the projection and are refused.
 * Revisions are not part of the document (they live in the host's store), so no update can
 * issue one. Adjacent text runs left next to each other by a dropped bracket are merged, so
 * `ab[X]c` projects like `abc`.
 *
 * What the projection drops (D's own brackets and paragraphs) is then held to three rules
 * of ownership (role-ownership.ts), so that D's own part cannot carry anyone else's:
 * - every bracket the update creates or changes, at any depth (nested in D's bracket, in
 *   D's paragraph, or a whole-paragraph bracket) may gain or lose only D in its proposers,
 *   supporters and opponents, compared with the bracket of the same id before: D cannot
 *   nest a bracket proposed by USA in its own, nor name USA a supporter or RUS an opponent
 *   of its own bracket; D may still name itself supporter or opponent of others' brackets;
 * - every id the update brings (paragraph, footnote, bracket, group) is unique in the
 *   document after it: D's new paragraph cannot reuse OP 1's id;
 * - each of D's own proposals it touched is at most `maxProposalChars` characters of JSON
 *   (text and markup); the refusal names the cap.
 * The host adds what a document comparison cannot see (host-limits.ts): a delegation's update
 * writes only into the document's XmlFragment (no other root type, no map entries on it),
 * each attribute value is at most `maxAttributeBytes`, each update at most `maxUpdateBytes`
 * and a delegation's updates together at most `maxDelegationBytes` per document.
 */
import type { Node } from 'prosemirror-model';
import { messageText, msg, type Message } from '../../shared/i18n/message.js';
import { checkOwnership, type OwnershipLimits } from './role-ownership.js';

/** A ProseMirror node as JSON. */
type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string; marks?: unknown[] };

/**
 * The verdict on an update: allowed, or refused with a reason for people: `text`, a catalogue
 * message (`checks:role.*`) the participant shows in its interface language, and `reason`,
 * its English sentence (what the wire and logs carry).
 */
export type RoleVerdict = { ok: true } | { ok: false; reason: string; text: Message };

/** A refusal verdict saying `text` (its English sentence as `reason`). */
export function refusedVerdict(text: Message): RoleVerdict {
  return { ok: false, reason: messageText(text), text };
}

/** The default cap on one proposal of a delegation, in characters of its JSON (64,000). */
export const defaultMaxProposalChars = 64_000;

/**
 * Whether delegation `delegation` may turn `before` into `after` (see the module comment):
 * the projection first, then the ownership rules with `limits` (default
 * `maxProposalChars` 64,000). Pure: neither document is touched. Cheap when the two
 * documents share their unchanged nodes (as the backend's validated copies do): a top-level
 * node that is the same object in both is skipped, and the projection of each paragraph is
 * computed once per node object and delegation, so an update costs about the paragraphs it changed;
 * typing in one's own proposal, the common edit, skips the projections (`differsInOwnInsertion`).
 */
export function checkDelegationChange(before: Node, after: Node, delegation: string, limits?: Partial<OwnershipLimits>): RoleVerdict {
  const projected = checkProjection(before, after, delegation);
  if (!projected.ok) return projected;
  return checkOwnership(before, after, delegation, { maxProposalChars: limits?.maxProposalChars ?? defaultMaxProposalChars });
}

function checkProjection(before: Node, after: Node, delegation: string): RoleVerdict {
  const n = Math.max(before.childCount, after.childCount);
  for (let i = 0; i < n; i++) {
    const [a, b] = [before.maybeChild(i), after.maybeChild(i)];
    if (a === b) continue;
    if (a && b && sameButAlike(a, b, delegation)) continue;
    if (!a || !b || topKey(a, delegation) !== topKey(b, delegation)) return refusedVerdict(refusal(a, b, delegation));
  }
  return { ok: true };
}

// Why, for people: the first paragraph of the section whose projection changed, by its first
// words, and what kind of change it was. Runs only on a refusal.
function refusal(a: Node | null, b: Node | null, d: string): Message {
  let para: Node | null = null;
  if (a && b && !a.inlineContent && a.firstChild?.isBlock) {
    for (let j = 0; j < Math.max(a.childCount, b.childCount) && !para; j++) {
      const [x, y] = [a.maybeChild(j), b.maybeChild(j)];
      if (x !== y && (!x || !y || blockKey(x, d) !== blockKey(y, d))) para = x ?? y;
    }
  }
  para ??= a ?? b;
  if (!para) return msg('checks:role.ownNameOnly', { delegation: d });
  const words = para.textContent.trim().split(/\s+/).slice(0, 6).join(' ');
  const where = words === '' ? msg('checks:role.wherePart', { part: para.type.name.replace(/_/g, ' ') }) : msg('checks:role.whereWords', { words });
  const what = msg(isClosed(para.attrs) ? 'checks:role.agreedText' : 'checks:role.outsideProposals');
  return msg('checks:role.refusedWhere', { delegation: d, where, what });
}

// The projection of a top-level node as a string. A node holding blocks (the preamble, the
// operative part, an annex) is its own type and attributes and its children's projections:
// a block projects to one node or none (a paragraph proposed whole by D), never several, and
// text runs are only merged inside inline content, so this equals the node's projection.
function topKey(node: Node, d: string): string {
  if (node.inlineContent || node.childCount === 0 || !node.firstChild?.isBlock) return JSON.stringify(project(node.toJSON() as Json, d));
  const keys: string[] = [];
  node.forEach((child) => {
    const key = blockKey(child, d);
    if (key !== '') keys.push(key);
  });
  return `${JSON.stringify({ type: node.type.name, attrs: node.attrs })}\u0001${keys.join('\u0001')}`;
}

// The common case, cheap however many delegations edit: a section of paragraphs with the same
// type, attributes and number of paragraphs, whose paragraphs that differ (as objects) each
// project alike. Then the sections project alike (paragraphs project one to one). False
// sends the caller to the full comparison, which also handles inserted or dropped paragraphs.
function sameButAlike(a: Node, b: Node, d: string): boolean {
  if (a.type !== b.type || a.childCount !== b.childCount || a.inlineContent || !a.firstChild?.isBlock) return false;
  if (JSON.stringify(a.attrs) !== JSON.stringify(b.attrs)) return false;
  for (let i = 0; i < a.childCount; i++) {
    const [x, y] = [a.child(i), b.child(i)];
    if (x !== y && !differsInOwnInsertion(x, y, d) && blockKey(x, d) !== blockKey(y, d)) return false;
  }
  return true;
}

// True when paragraphs `x` and `y` are equal, or differ only inside the content of one
// insertion bracket of D alone whose attributes stayed, with no agreed status on the way to it
// (the paragraph's included): the projection drops that bracket with everything inside, so
// the two project alike without projecting either. The common edit, D typing in its own
// proposal, then costs a walk down one path instead of two projections of the paragraph.
// Anything else (a second difference, changed attributes, D's deletion bracket) says false
// and the projections decide.
function differsInOwnInsertion(x: Node, y: Node, d: string): boolean {
  let [a, b] = [x, y];
  for (;;) {
    if (!a.sameMarkup(b) || isClosed(a.attrs)) return false;
    if (a.type.name === 'bracket' && isOwn(a.attrs, d) && a.attrs.deletion !== true) return true;
    if (a.childCount !== b.childCount) return false;
    let differs = -1;
    for (let i = 0; i < a.childCount; i++) {
      const [p, q] = [a.child(i), b.child(i)];
      if (p === q || p.eq(q)) continue;
      if (differs >= 0) return false;
      differs = i;
    }
    // Every child equal: the paragraphs themselves are equal (same markup), or, below them,
    // the two text nodes the walk came down to differ in their text.
    if (differs < 0) return !a.isText;
    [a, b] = [a.child(differs), b.child(differs)];
  }
}

// Projections of paragraphs by node object and delegation: unchanged paragraphs are the same
// objects from one update to the next, so each is projected once.
const projections = new WeakMap<Node, Map<string, string>>();

function blockKey(node: Node, d: string): string {
  let byDelegation = projections.get(node);
  if (!byDelegation) projections.set(node, (byDelegation = new Map()));
  let key = byDelegation.get(d);
  if (key === undefined) {
    const projected = project(node.toJSON() as Json, d);
    key = projected.length === 0 ? '' : JSON.stringify(projected);
    byDelegation.set(d, key);
  }
  return key;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const isOwn = (attrs: Record<string, unknown> | undefined, d: string): boolean => {
  const by = strings(attrs?.proposedBy);
  return by.length === 1 && by[0] === d;
};
const without = (v: unknown, d: string): string[] => strings(v).filter((x) => x !== d);
const neutral = (n: Json): boolean =>
  n.type === 'bracket' &&
  n.attrs?.deletion !== true &&
  strings(n.attrs?.proposedBy).length === 0 &&
  strings(n.attrs?.supportedBy).length === 0 &&
  strings(n.attrs?.opposedBy).length === 0;

function projectChildren(node: Json, d: string): Json[] {
  const out: Json[] = [];
  for (const child of node.content ?? []) {
    for (const p of project(child, d)) {
      const last = out[out.length - 1];
      if (p.type === 'text' && last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(p.marks ?? [])) {
        out[out.length - 1] = { ...last, text: (last.text ?? '') + (p.text ?? '') };
      } else {
        out.push(p);
      }
    }
  }
  return out;
}

const closedStates: ReadonlySet<unknown> = new Set(['agreed', 'agreed_ad_ref']);
// Whether a node with these attributes has an agreed or agreed-ad-ref status (closed to proposals).
const isClosed = (attrs: Record<string, unknown>): boolean => closedStates.has((attrs.status as { state?: unknown } | null | undefined)?.state);

function project(node: Json, d: string): Json[] {
  if (node.type === 'text') return [node];
  const attrs = node.attrs ?? {};
  if (isClosed(attrs)) return [node];
  if (node.type === 'bracket') {
    if (isOwn(attrs, d)) return attrs.deletion === true ? projectChildren(node, d) : [];
    return [{ ...node, attrs: { ...attrs, supportedBy: without(attrs.supportedBy, d), opposedBy: without(attrs.opposedBy, d) }, content: projectChildren(node, d) }];
  }
  if (node.type === 'bracket_alternatives') {
    const members = node.content ?? [];
    const content = projectChildren(node, d);
    if (content.length === 0) return [];
    const only = content[0] as Json;
    const isReplacement = content.length === 1 && neutral(only) && members.some((m) => m.type === 'bracket' && isOwn(m.attrs, d) && m.attrs?.deletion !== true);
    if (isReplacement) return only.content ?? [];
    return [{ ...node, content }];
  }
  const whole = attrs.bracket as Record<string, unknown> | null | undefined;
  if (whole && typeof whole === 'object') {
    if (isOwn(whole, d) && (attrs.status === null || attrs.status === undefined)) return [];
    const bracket = { ...whole, supportedBy: without(whole.supportedBy, d), opposedBy: without(whole.opposedBy, d) };
    return [{ ...node, attrs: { ...attrs, bracket }, ...(node.content ? { content: projectChildren(node, d) } : {}) }];
  }
  return [node.content ? { ...node, content: projectChildren(node, d) } : node];
}
