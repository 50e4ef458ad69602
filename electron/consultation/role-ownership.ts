/**
 * The second half of a delegation's role check (role-check.ts states the rules): what a
 * delegation's update creates or changes inside the parts the projection lets it own (its
 * own brackets and paragraphs) must be its own too, keep ids unique and stay within the
 * size of a proposal. Only the paragraphs the update changed are walked (the validated
 * documents share their unchanged nodes), plus the cached id lists of the others when the
 * update brings an id it did not have before.
 */
import type { Node } from 'prosemirror-model';
import { msg, type Message } from '../../shared/i18n/message.js';
import { refusedVerdict, type RoleVerdict } from './role-check.js';

/** Limits of the ownership rules; `maxProposalChars` is the per-proposal cap (see role-check.ts). */
export type OwnershipLimits = { maxProposalChars: number };

type Attribution = { proposedBy: string[]; supportedBy: string[]; opposedBy: string[] };
type Facts = { ids: Map<string, number>; brackets: Map<string, Attribution>; fresh: Attribution[]; proposals: { size: number; node: Node }[] };

const roles = ['proposedBy', 'supportedBy', 'opposedBy'] as const;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const attribution = (attrs: Record<string, unknown>): Attribution => ({
  proposedBy: strings(attrs.proposedBy),
  supportedBy: strings(attrs.supportedBy),
  opposedBy: strings(attrs.opposedBy),
});
const isOwn = (a: Attribution, d: string) => a.proposedBy.length === 1 && a.proposedBy[0] === d;
const bracketKinds = new Set(['bracket', 'bracket_alternatives']);
const firstWords = (n: Node) => n.textContent.trim().split(/\s+/).slice(0, 6).join(' ');

/**
 * Whether the nodes `delegation`'s update changed keep the ownership rules: every bracket
 * attribution it adds or removes names `delegation`, every id it brings is unique in
 * `after`, and every proposal of its own it touched is at most `limits.maxProposalChars`
 * characters of JSON. The projection check (checkDelegationChange) runs first.
 */
export function checkOwnership(before: Node, after: Node, d: string, limits: OwnershipLimits): RoleVerdict {
  const { gone, fresh } = changedBlocks(before, after);
  const was = collect(gone, d, false);
  const now = collect(fresh, d, true);
  for (const [key, attr] of now.brackets) {
    const old = was.brackets.get(key) ?? { proposedBy: [], supportedBy: [], opposedBy: [] };
    for (const role of roles) {
      const changed = [...attr[role].filter((x) => !old[role].includes(x)), ...old[role].filter((x) => !attr[role].includes(x))];
      const other = changed.find((x) => x !== d);
      if (other !== undefined) return refuse(d, msg('checks:role.bracketPlace', { other, place: msg(`checks:role.place.${role}`), delegation: d }));
    }
  }
  for (const attr of now.fresh) {
    const other = roles.flatMap((r) => attr[r]).find((x) => x !== d);
    if (other !== undefined) return refuse(d, msg('checks:role.newBracket', { delegation: d, other }));
  }
  const grown = [...now.ids].filter(([key, n]) => n > (was.ids.get(key) ?? 0)).map(([key]) => key);
  if (grown.length > 0) {
    const total = idCounts(after);
    const dup = grown.find((key) => (total.get(key) ?? 0) > 1);
    if (dup) return refuse(d, msg('checks:role.duplicateId', { id: dup.slice(2) }));
  }
  const big = now.proposals.find((p) => p.size > limits.maxProposalChars);
  if (big) {
    return refusedVerdict(msg('checks:role.proposalTooBig', { words: firstWords(big.node), size: big.size, max: limits.maxProposalChars }));
  }
  return { ok: true };
}

function refuse(d: string, why: Message): RoleVerdict {
  return refusedVerdict(msg('checks:role.refusedChange', { delegation: d, why }));
}

// The paragraph-level nodes present in only one of the two documents (as objects), section by section.
function changedBlocks(before: Node, after: Node): { gone: Node[]; fresh: Node[] } {
  const gone: Node[] = [];
  const fresh: Node[] = [];
  for (let i = 0; i < Math.max(before.childCount, after.childCount); i++) {
    const [a, b] = [before.maybeChild(i), after.maybeChild(i)];
    if (a === b) continue;
    const sections = a && b && a.firstChild?.isBlock && b.firstChild?.isBlock && !a.inlineContent && !b.inlineContent;
    if (!sections) {
      if (a) gone.push(a);
      if (b) fresh.push(b);
      continue;
    }
    if (a.childCount === b.childCount) {
      // The common case, paragraphs edited in place: those that differ at the same index. A
      // paragraph moved within the section counts as changed at both places, which only
      // checks more.
      for (let j = 0; j < a.childCount; j++) {
        const [x, y] = [a.child(j), b.child(j)];
        if (x === y) continue;
        gone.push(x);
        fresh.push(y);
      }
      continue;
    }
    const inA = new Set<Node>();
    const inB = new Set<Node>();
    a.forEach((c) => inA.add(c));
    b.forEach((c) => inB.add(c));
    a.forEach((c) => void (inB.has(c) ? 0 : gone.push(c)));
    b.forEach((c) => void (inA.has(c) ? 0 : fresh.push(c)));
  }
  return { gone, fresh };
}

// What `nodes` hold; the sizes of D's proposals only when `sizes` (those after the update).
function collect(nodes: Node[], d: string, sizes: boolean): Facts {
  const facts: Facts = { ids: new Map(), brackets: new Map(), fresh: [], proposals: [] };
  const bracket = (id: unknown, attr: Attribution) => {
    if (typeof id === 'string' && id !== '') facts.brackets.set(`b:${id}`, attr);
    else facts.fresh.push(attr);
  };
  const visit = (node: Node, inOwn: boolean) => {
    for (const key of idsOf(node)) facts.ids.set(key, (facts.ids.get(key) ?? 0) + 1);
    let own = inOwn;
    if (node.type.name === 'bracket') {
      const attr = attribution(node.attrs);
      bracket(node.attrs.id, attr);
      if (!inOwn && isOwn(attr, d) && node.attrs.deletion !== true) own = true;
    }
    const whole = node.attrs.bracket as Record<string, unknown> | null | undefined;
    if (whole && typeof whole === 'object') {
      const attr = attribution(whole);
      bracket(whole.id, attr);
      if (!inOwn && isOwn(attr, d)) own = true;
    }
    if (sizes && own && !inOwn) facts.proposals.push({ size: JSON.stringify(node.toJSON()).length, node });
    node.forEach((c) => visit(c, own));
  };
  for (const n of nodes) visit(n, false);
  return facts;
}

// The ids a node itself carries: 'b:' for brackets (inline, groups, whole-paragraph), 'n:' for the rest.
function idsOf(node: Node): string[] {
  const out: string[] = [];
  const id = node.attrs.id;
  if (typeof id === 'string' && id !== '') out.push(`${bracketKinds.has(node.type.name) ? 'b' : 'n'}:${id}`);
  const whole = node.attrs.bracket as { id?: unknown } | null | undefined;
  if (whole && typeof whole === 'object' && typeof whole.id === 'string' && whole.id !== '') out.push(`b:${whole.id}`);
  return out;
}

// Id lists per node object: unchanged paragraphs are the same objects from one update to the next.
const subtreeIds = new WeakMap<Node, string[]>();

function idCounts(doc: Node): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (keys: string[]) => keys.forEach((k) => counts.set(k, (counts.get(k) ?? 0) + 1));
  const of = (node: Node): string[] => {
    let ids = subtreeIds.get(node);
    if (!ids) {
      ids = [...idsOf(node)];
      node.forEach((c) => ids!.push(...of(c)));
      subtreeIds.set(node, ids);
    }
    return ids;
  };
  add(of(doc));
  return counts;
}
