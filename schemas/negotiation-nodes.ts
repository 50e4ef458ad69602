import type { AttributeSpec, NodeSpec } from 'prosemirror-model';

/**
 * The negotiation part of the schema: brackets, alternative groups and the per-paragraph
 * negotiation attributes (whole-paragraph bracket, status, paragraph alternatives).
 *
 * Brackets are inline NODES with content, not marks, because:
 * - brackets nest (`[[all] Member States]`) and the nesting is ordered: two marks of one
 *   type on the same text are an unordered set, so `[[a] b]` and `[a [b]]` around equal
 *   extents could not be told apart, and a mark cannot be empty while an alternative can
 *   be emptied and still hold its place;
 * - y-prosemirror stores marks as Y.Text formatting keyed by the mark name: two brackets
 *   of one type on the same character collapse unless every mark carries a hash, and
 *   adjacent marks with identical attributes merge into one; as an element each bracket is
 *   one Y.XmlElement whose identity survives concurrent edits, and text typed inside it
 *   stays inside (no inclusive/exclusive boundary guesswork);
 * - an alternative group is a parent of its brackets (`[shall][should]`), so "choose one"
 *   and "the group has two members" are structural facts the schema checks, not an
 *   attribute convention that concurrent edits could break;
 * - a deletion proposal must keep its text visible: it is a bracket with `deletion: true`
 *   around the text, which the compilation view shows as proposed for deletion;
 * - `textContent` of a paragraph still includes bracketed text, so search, diff and style
 *   checks keep seeing it. The footnote is the precedent: an inline node with content.
 * Paragraph-level facts (a bracket around a whole paragraph with its subparagraphs, the
 * paragraph's status, "this is an alternative of OP 7") are attributes of the paragraph
 * node, with defaults, so every document written before them stays valid.
 */

/** Delegation lists and revision of a bracket: who proposed, supports, opposes it, and since when. */
const attributionAttrs = {
  proposedBy: { default: [] },
  supportedBy: { default: [] },
  opposedBy: { default: [] },
  revision: { default: '' },
} satisfies Record<string, AttributeSpec>;

const list = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : '');

/** The inline node specs of negotiation (added after `text`, so `text` stays the default inline type). */
export const negotiationInlineNodes = {
  /**
   * A bracketed (not agreed) span. `id` is stable; `proposedBy`/`supportedBy`/`opposedBy`
   * hold delegation codes; `revision` names the revision it appeared in ('' = not yet in a
   * named revision); `deletion` marks a proposal to delete the text it holds (the text is
   * kept, shown as proposed for deletion). Brackets nest through their `inline*` content.
   */
  bracket: {
    group: 'inline',
    inline: true,
    content: 'inline*',
    attrs: { id: { default: '' }, ...attributionAttrs, deletion: { default: false } },
    parseDOM: [
      {
        tag: 'span.ph-bracket',
        getAttrs: (dom: HTMLElement) => ({
          id: dom.getAttribute('data-id') ?? '',
          proposedBy: (dom.getAttribute('data-proposed-by') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''),
          deletion: dom.classList.contains('ph-bracket-deletion'),
        }),
      },
    ],
    toDOM: (node: { attrs: Record<string, unknown> }) =>
      [
        'span',
        {
          class: node.attrs.deletion === true ? 'ph-bracket ph-bracket-deletion' : 'ph-bracket',
          'data-id': String(node.attrs.id ?? ''),
          'data-proposed-by': list(node.attrs.proposedBy),
        },
        0,
      ] as const,
  },
  /**
   * A group of alternative brackets at one place (`[shall][should]`): its children are the
   * alternatives, in order. A group of one is tolerated (a concurrent edit may leave it);
   * the negotiation operations unwrap it.
   */
  bracket_alternatives: {
    group: 'inline',
    inline: true,
    content: 'bracket+',
    attrs: { id: { default: '' } },
    parseDOM: [{ tag: 'span.ph-alternatives', getAttrs: (dom: HTMLElement) => ({ id: dom.getAttribute('data-id') ?? '' }) }],
    toDOM: (node: { attrs: Record<string, unknown> }) =>
      ['span', { class: 'ph-alternatives', 'data-id': String(node.attrs.id ?? '') }, 0] as const,
  },
} satisfies Record<string, NodeSpec>;

/**
 * Attribute of every paragraph-level node that can be bracketed whole: `bracket` is null
 * (not bracketed) or `{ id, proposedBy, supportedBy, opposedBy, revision }` (see
 * shared/negotiation/model.ts, `ParagraphBracket`).
 */
export const paragraphBracketAttrs = { bracket: { default: null } } satisfies Record<string, AttributeSpec>;

/**
 * Attributes of top-level paragraphs (PP, OP, decision paragraph): a whole-paragraph
 * `bracket`; `status`, null (never set: pending) or a `ParagraphStatus` object with who
 * and when; `alternativeOf`, '' or the id of the paragraph this one is an alternative
 * version of (`OP 7 alt`). Its label is computed from position, never stored.
 */
export const topParagraphNegotiationAttrs = {
  ...paragraphBracketAttrs,
  status: { default: null },
  alternativeOf: { default: '' },
} satisfies Record<string, AttributeSpec>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Attribute of the `header` node: the negotiation base the document is numbered against, so
 * every replica, revision and export numbers alike ("OP 5 bis"). `negotiation` is null (not in
 * negotiation) or `{ revisionId, label, numbers }`: the base revision's id and name as shown
 * ("Rev.1") and the base number of each of its PP, OP and decision paragraphs by paragraph id
 * (see shared/negotiation/negotiation-base.ts). The validator refuses any other shape, so a
 * malformed base never enters a document.
 */
export const headerNegotiationAttrs = {
  negotiation: {
    default: null,
    validate: (value: unknown) => {
      if (value === null) return;
      const ok =
        isRecord(value) &&
        typeof value.revisionId === 'string' &&
        typeof value.label === 'string' &&
        isRecord(value.numbers) &&
        Object.values(value.numbers).every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0);
      if (!ok) throw new RangeError('header.negotiation must be null or { revisionId, label, numbers: { [paragraphId]: integer } }');
    },
  },
} satisfies Record<string, AttributeSpec>;

/** Names of the negotiation node types that carry a stable `id`. */
export const negotiationIdNodeNames = ['bracket', 'bracket_alternatives'] as const;
