/**
 * Negotiation tracking over indexed revisions: open brackets per paragraph and per
 * delegation, and the life of one bracket (when it appeared and by whom, how its text and
 * attribution changed, how it was resolved). Pure functions over the rows the store's
 * negotiation index returns, so the backend and tests share one definition.
 */

/** A bracket as the index holds it at one revision (the fields tracking reads). */
export type TrackedBracket = {
  bracketId: string;
  paragraphId: string;
  paragraphLabel: string;
  text: string;
  proposedBy: string[];
  supportedBy: string[];
  opposedBy: string[];
  deletion: boolean;
  groupId: string;
};

/** Open brackets of one paragraph. */
export type ParagraphBrackets = { paragraphId: string; paragraphLabel: string; open: number; deletions: number; groups: number };

/** Open brackets a delegation proposed, supports or opposes. */
export type DelegationBrackets = { delegation: string; proposed: number; supported: number; opposed: number };

/** Open brackets per paragraph, in document order of each paragraph's first bracket. */
export function bracketsByParagraph(brackets: readonly TrackedBracket[]): ParagraphBrackets[] {
  const rows = new Map<string, ParagraphBrackets & { groupIds: Set<string> }>();
  for (const b of brackets) {
    const row = rows.get(b.paragraphId) ?? { paragraphId: b.paragraphId, paragraphLabel: b.paragraphLabel, open: 0, deletions: 0, groups: 0, groupIds: new Set<string>() };
    row.open++;
    if (b.deletion) row.deletions++;
    if (b.groupId) row.groupIds.add(b.groupId);
    rows.set(b.paragraphId, row);
  }
  return [...rows.values()].map(({ groupIds, ...row }) => ({ ...row, groups: groupIds.size }));
}

/** Open brackets per delegation named in an attribution, most proposals first, then by name. */
export function bracketsByDelegation(brackets: readonly TrackedBracket[]): DelegationBrackets[] {
  const rows = new Map<string, DelegationBrackets>();
  const row = (d: string) => rows.get(d) ?? rows.set(d, { delegation: d, proposed: 0, supported: 0, opposed: 0 }).get(d)!;
  for (const b of brackets) {
    for (const d of new Set(b.proposedBy)) row(d).proposed++;
    for (const d of new Set(b.supportedBy)) row(d).supported++;
    for (const d of new Set(b.opposedBy)) row(d).opposed++;
  }
  return [...rows.values()].sort((a, b) => b.proposed - a.proposed || a.delegation.localeCompare(b.delegation));
}

/** A revision as the life of a bracket reads it: id, label, time, and the document's plain text then. */
export type TrackedRevision = { id: string; label: string; createdAt: string; text: string; brackets: readonly TrackedBracket[] };

/** One step of a bracket's life. */
export type BracketEvent =
  | { kind: 'proposed'; revisionId: string; at: string; by: string[]; text: string }
  | { kind: 'text-changed'; revisionId: string; at: string; from: string; to: string }
  | { kind: 'attribution-changed'; revisionId: string; at: string; proposedBy: string[]; supportedBy: string[]; opposedBy: string[] }
  | { kind: 'agreed' | 'dropped' | 'chosen' | 'not-chosen'; revisionId: string; at: string; text: string };

/** The life of a bracket: its events, oldest first, and whether it is still open at the last revision. */
export type BracketLife = { bracketId: string; open: boolean; events: BracketEvent[] };

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The life of `bracketId` across `revisions` (oldest first). Resolution is read at the
 * first revision after its last appearance: 'chosen' when it belonged to an alternative
 * group and its text stays while the group is gone, 'not-chosen' when a sibling's text won,
 * 'agreed' when its text stays without brackets, 'dropped' when the text is gone.
 */
export function bracketLife(bracketId: string, revisions: readonly TrackedRevision[]): BracketLife {
  const events: BracketEvent[] = [];
  let last: TrackedBracket | undefined;
  let lastIndex = -1;
  revisions.forEach((rev, i) => {
    const b = rev.brackets.find((x) => x.bracketId === bracketId);
    if (!b) return;
    if (!last) events.push({ kind: 'proposed', revisionId: rev.id, at: rev.createdAt, by: b.proposedBy, text: b.text });
    else {
      if (last.text !== b.text) events.push({ kind: 'text-changed', revisionId: rev.id, at: rev.createdAt, from: last.text, to: b.text });
      if (!same(last.proposedBy, b.proposedBy) || !same(last.supportedBy, b.supportedBy) || !same(last.opposedBy, b.opposedBy)) {
        events.push({ kind: 'attribution-changed', revisionId: rev.id, at: rev.createdAt, proposedBy: b.proposedBy, supportedBy: b.supportedBy, opposedBy: b.opposedBy });
      }
    }
    last = b;
    lastIndex = i;
  });
  if (!last || lastIndex === revisions.length - 1) return { bracketId, open: last !== undefined, events };
  const found: TrackedBracket = last;
  const after = revisions[lastIndex + 1]!;
  const kept = found.text !== '' && after.text.includes(found.text);
  let kind: 'agreed' | 'dropped' | 'chosen' | 'not-chosen' = kept ? 'agreed' : 'dropped';
  if (found.groupId) {
    const siblings = revisions[lastIndex]!.brackets.filter((x) => x.groupId === found.groupId && x.bracketId !== bracketId);
    const siblingKept = siblings.some((s) => s.text !== '' && after.text.includes(s.text) && !after.brackets.some((x) => x.bracketId === s.bracketId));
    kind = kept && !siblingKept ? 'chosen' : siblingKept && !kept ? 'not-chosen' : kind;
  }
  events.push({ kind, revisionId: after.id, at: after.createdAt, text: found.text });
  return { bracketId, open: false, events };
}

/** A paragraph's status as the dashboard shows it. */
export type TrackedStatus = { paragraphId: string; paragraphLabel: string; state: string; by: string; at: string; reservations: string[]; linked: string[] };

/** The negotiation state at one revision. */
export type NegotiationOverview = {
  revisionId: string;
  revisionLabel: string;
  createdAt: string;
  brackets: TrackedBracket[];
  byParagraph: ParagraphBrackets[];
  byDelegation: DelegationBrackets[];
  statuses: TrackedStatus[];
  agreedParagraphs: number;
};

/** One point of the chart: a revision, its open brackets and its agreed paragraphs (agreed or agreed ad ref). */
export type NegotiationPoint = {
  revisionId: string;
  label: string;
  kind: string;
  createdAt: string;
  openBrackets: number;
  agreedParagraphs: number;
  paragraphs: number;
};
