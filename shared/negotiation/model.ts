/**
 * The negotiation model read from a document: brackets (inline `bracket` nodes and
 * whole-paragraph brackets), alternative groups, paragraph alternatives and statuses.
 * Why brackets are nodes and not marks is explained in schemas/negotiation-nodes.ts.
 */
import type { Node } from 'prosemirror-model';

/** Who proposed, supports and opposes a bracket, and the revision it appeared in. */
export type Attribution = {
  proposedBy: string[];
  supportedBy: string[];
  opposedBy: string[];
  revision: string;
};

/** A whole-paragraph bracket, stored as the paragraph's `bracket` attribute. */
export type ParagraphBracket = Attribution & { id: string };

/** The states a paragraph goes through in the room (DOMAIN.md, "Paragraph status"). */
export const statusStates = [
  'pending',
  'under_discussion',
  'agreed_ad_ref',
  'agreed',
  'deleted',
  'reservation',
  'agreed_pending',
  'parked',
] as const;

/** One paragraph status state. */
export type StatusState = (typeof statusStates)[number];

/**
 * One status as set by someone: `by` (user or delegation) and `at` (ISO time) say who and
 * when; `delegations` are those holding a reservation; `linked` the ids of the paragraphs an
 * "agreed pending" paragraph waits for; `reason` why an agreed paragraph was reopened.
 */
export type StatusEntry = {
  state: StatusState;
  by: string;
  at: string;
  delegations: string[];
  linked: string[];
  reason: string;
};

/** A paragraph's `status` attribute: the current entry and the earlier ones, oldest first. */
export type ParagraphStatus = StatusEntry & { history: StatusEntry[] };

/** The node types that may carry a whole-paragraph bracket. */
export const bracketableParagraphs: ReadonlySet<string> = new Set([
  'preambular_paragraph',
  'operative_paragraph',
  'decision_paragraph',
  'subparagraph',
  'sub_subparagraph',
]);

const paragraphLike: ReadonlySet<string> = new Set([...bracketableParagraphs, 'list_item', 'title', 'body_line', 'annex_paragraph']);

/** The top-level paragraph types, which carry a status and may be alternatives of one another. */
export const topParagraphs: ReadonlySet<string> = new Set(['preambular_paragraph', 'operative_paragraph', 'decision_paragraph']);

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The attribution of a `bracket` node or of a paragraph's `bracket` attribute object. */
export function readAttribution(attrs: Record<string, unknown>): Attribution {
  return {
    proposedBy: strings(attrs.proposedBy),
    supportedBy: strings(attrs.supportedBy),
    opposedBy: strings(attrs.opposedBy),
    revision: typeof attrs.revision === 'string' ? attrs.revision : '',
  };
}

/** The whole-paragraph bracket of `node`, or null when it has none. */
export function paragraphBracket(node: Node): ParagraphBracket | null {
  const value: unknown = node.attrs.bracket;
  if (value === null || value === undefined || typeof value !== 'object') return null;
  const attrs = value as Record<string, unknown>;
  return { id: typeof attrs.id === 'string' ? attrs.id : '', ...readAttribution(attrs) };
}

/** The status of a top-level paragraph; a paragraph never given one is pending. */
export function paragraphStatus(node: Node): ParagraphStatus {
  const value: unknown = node.attrs.status;
  if (value === null || value === undefined || typeof value !== 'object') {
    return { state: 'pending', by: '', at: '', delegations: [], linked: [], reason: '', history: [] };
  }
  const attrs = value as Record<string, unknown>;
  const history = Array.isArray(attrs.history) ? attrs.history.map((h) => readEntry(h as Record<string, unknown>)) : [];
  return { ...readEntry(attrs), history };
}

function readEntry(attrs: Record<string, unknown>): StatusEntry {
  const state = (statusStates as readonly unknown[]).includes(attrs.state) ? (attrs.state as StatusState) : 'pending';
  return {
    state,
    by: typeof attrs.by === 'string' ? attrs.by : '',
    at: typeof attrs.at === 'string' ? attrs.at : '',
    delegations: strings(attrs.delegations),
    linked: strings(attrs.linked),
    reason: typeof attrs.reason === 'string' ? attrs.reason : '',
  };
}

/**
 * One bracket of a document. `kind` is 'inline' (a `bracket` node) or 'paragraph' (a
 * paragraph's `bracket` attribute); `pos` is the position before the node (of the
 * bracket node, or of the paragraph); `depth` is 1 for an outermost bracket and counts
 * the brackets around it (whole-paragraph brackets of ancestors included); `group` is
 * the id of its alternative group or ''; `paragraphId` the nearest paragraph's id;
 * `text` the bracketed text as `readableText` writes it (a paragraph's whole text for a
 * paragraph bracket).
 */
export type BracketInfo = Attribution & {
  id: string;
  kind: 'inline' | 'paragraph';
  deletion: boolean;
  pos: number;
  depth: number;
  group: string;
  paragraphId: string;
  text: string;
};

/**
 * The words of `node` as a person reads them in a list (the dashboard, a delegation's
 * proposals): brackets inside it in square brackets, the alternatives of a group as
 * "[shall] / [should]" (their words would otherwise run together, "shallshould"), text
 * blocks separated by a space, footnote texts left out.
 */
export function readableText(node: Node): string {
  let out = '';
  node.forEach((child) => {
    const name = child.type.name;
    if (child.isText) out += child.text ?? '';
    else if (name === 'bracket') out += `[${readableText(child)}]`;
    else if (name === 'bracket_alternatives') {
      const members: string[] = [];
      child.forEach((member) => members.push(`[${readableText(member)}]`));
      out += members.join(' / ');
    } else if (child.isBlock && !child.isLeaf) {
      const inner = readableText(child);
      out += out === '' || inner === '' ? inner : ` ${inner}`;
    }
  });
  return out;
}

/** Every bracket of `doc` in document order (an outer bracket before those inside it). */
export function collectBrackets(doc: Node): BracketInfo[] {
  const out: BracketInfo[] = [];
  const walk = (node: Node, pos: number, depth: number, paragraphId: string, group: string): void => {
    node.forEach((child, offset) => {
      const at = pos + offset;
      const name = child.type.name;
      if (child.isText) return;
      let inner = depth;
      let para = paragraphId;
      let childGroup = '';
      if (paragraphLike.has(name)) para = String(child.attrs.id ?? '');
      const whole = bracketableParagraphs.has(name) ? paragraphBracket(child) : null;
      if (whole) {
        inner++;
        out.push({ ...whole, kind: 'paragraph', deletion: false, pos: at, depth: inner, group: '', paragraphId: para, text: readableText(child) });
      }
      if (name === 'bracket') {
        inner++;
        const attrs = child.attrs as Record<string, unknown>;
        out.push({
          id: String(attrs.id ?? ''),
          ...readAttribution(attrs),
          kind: 'inline',
          deletion: attrs.deletion === true,
          pos: at,
          depth: inner,
          group,
          paragraphId: para,
          text: readableText(child),
        });
      }
      if (name === 'bracket_alternatives') childGroup = String(child.attrs.id ?? '');
      if (name !== 'footnote' && name !== 'cross_reference') walk(child, at + 1, inner, para, childGroup);
    });
  };
  walk(doc, 0, 0, '', '');
  return out;
}

/** Bracket counts of a document, as `penholder import --summary` prints them. */
export type BracketCounts = { brackets: number; alternativeGroups: number; maxBracketDepth: number };

/**
 * `brackets`: every bracket, inline or whole-paragraph (the number of `[` the compilation
 * text prints); `alternativeGroups`: groups of adjacent alternative brackets with two or
 * more members; `maxBracketDepth`: the deepest nesting (0 without brackets).
 */
export function countBrackets(doc: Node): BracketCounts {
  const brackets = collectBrackets(doc);
  let alternativeGroups = 0;
  doc.descendants((node) => {
    if (node.type.name === 'bracket_alternatives' && node.childCount >= 2) alternativeGroups++;
    return !node.isText;
  });
  return { brackets: brackets.length, alternativeGroups, maxBracketDepth: brackets.reduce((max, b) => Math.max(max, b.depth), 0) };
}
