import type { NodeSpec } from 'prosemirror-model';
import {
  headerNegotiationAttrs,
  negotiationIdNodeNames,
  negotiationInlineNodes,
  paragraphBracketAttrs,
  topParagraphNegotiationAttrs,
} from './negotiation-nodes.js';

/**
 * Node names are permanent: y-prosemirror stores them in every Y.Doc, so renaming one is a
 * data migration. Paragraph-level nodes carry `id`, a stable unique id (see `newId` users in
 * shared/); numbers and labels are never stored, they are computed from position.
 */
const idAttr = { id: { default: '' } };
/** Attributes of PP, OP and decision paragraphs: id plus negotiation state (see negotiation-nodes.ts). */
const topAttrs = { ...idAttr, ...topParagraphNegotiationAttrs };
/** Attributes of (a)- and (i)-level paragraphs: id plus a whole-paragraph bracket. */
const subAttrs = { ...idAttr, ...paragraphBracketAttrs };

/** Renders a paragraph-level node with its id as a data attribute (labels come from shared/). */
const block = (tag: string, cls: string) => (node: { attrs: Record<string, unknown> }) =>
  [tag, { class: cls, 'data-id': String(node.attrs.id ?? '') }, 0] as const;

/** The node specs of a UN resolution or decision, as plain data. */
export const resolutionNodes = {
  /** A whole document: a resolution (preamble + operative part) or a decision (lettered paragraphs). */
  doc: { content: 'header title body_line (preamble operative | decision_body) annex*' },

  /**
   * Header metadata, an atom edited through forms, never typed. `sponsors` holds delegation
   * codes or names in the order given; `language` (en, fr, es, ar, zh, ru) drives labels and
   * text direction; `heading` keeps a report heading such as "Draft resolution II";
   * `negotiation` is the negotiation base (see negotiation-nodes.ts), set by the backend;
   * `importNotes` lists what an import did that the reader must check, each tied to a node
   * by id (`{ id, place, text }`, see shared/style/rules/import-note.ts); the style checker
   * lists them as problems. Defaults to none, so documents written before it stay valid.
   */
  header: {
    atom: true,
    selectable: false,
    attrs: {
      symbol: { default: '' },
      date: { default: '' },
      language: { default: 'en' },
      session: { default: '' },
      agendaItem: { default: '' },
      sponsors: { default: [] },
      heading: { default: '' },
      importNotes: { default: [] },
      ...headerNegotiationAttrs,
    },
    toDOM: () => ['header', { class: 'ph-header' }],
  },

  /** The resolution's title, e.g. "Equal access to justice for all". */
  title: { content: 'text*', marks: 'emphasis', attrs: idAttr, toDOM: block('h1', 'ph-title') },

  /** The authoring body line: "The General Assembly," (resolution) or "... Council:" (decision). */
  body_line: { content: 'text*', marks: '', attrs: idAttr, toDOM: block('p', 'ph-body-line') },

  /** The preamble: unnumbered preambular paragraphs. */
  preamble: { content: 'preambular_paragraph*', toDOM: () => ['section', { class: 'ph-preamble' }, 0] },

  /** A preambular paragraph (PP): opener phrase, ends with a comma; rarely has subparagraphs. */
  preambular_paragraph: {
    content: 'paragraph_text subparagraph*',
    attrs: topAttrs,
    defining: true,
    toDOM: block('div', 'ph-pp'),
  },

  /** The operative part: numbered operative paragraphs. */
  operative: { content: 'operative_paragraph+', toDOM: () => ['section', { class: 'ph-operative' }, 0] },

  /** An operative paragraph (OP), numbered 1., 2., ...; may hold subparagraphs and lists. */
  operative_paragraph: {
    content: 'paragraph_text (subparagraph | numbered_list)*',
    attrs: topAttrs,
    defining: true,
    toDOM: block('div', 'ph-op'),
  },

  /** A decision's body: lettered paragraphs (a), (b), ... with no preamble. */
  decision_body: { content: 'decision_paragraph+', toDOM: () => ['section', { class: 'ph-decision' }, 0] },

  /** A lettered paragraph of a decision; its own subdivisions are (i), (ii) ... */
  decision_paragraph: {
    content: 'paragraph_text (sub_subparagraph | numbered_list)*',
    attrs: topAttrs,
    defining: true,
    toDOM: block('div', 'ph-dp'),
  },

  /** First-level subparagraph: (a), (b) ... in English; a), b) in French and Spanish. */
  subparagraph: {
    content: 'paragraph_text (sub_subparagraph | numbered_list)*',
    attrs: subAttrs,
    defining: true,
    toDOM: block('div', 'ph-sub'),
  },

  /** Second-level subparagraph: (i), (ii) ... in English; i), ii) in French and Spanish. */
  sub_subparagraph: {
    content: 'paragraph_text',
    attrs: subAttrs,
    defining: true,
    toDOM: block('div', 'ph-subsub'),
  },

  /** A nested numbered list inside operative text (e.g. a provisional agenda): 1., 2., ... */
  numbered_list: { content: 'list_item+', toDOM: () => ['div', { class: 'ph-list', role: 'list' }, 0] },

  /** One item of a numbered list; may have lettered sub-items. */
  list_item: {
    content: 'paragraph_text (subparagraph | numbered_list)*',
    attrs: idAttr,
    defining: true,
    toDOM: block('div', 'ph-li'),
  },

  /** The text of a paragraph-level node (always its first child). */
  paragraph_text: { content: 'inline*', toDOM: () => ['p', { class: 'ph-text' }, 0] },

  /** An annex: "Annex" / "Annex I" is computed; it has a title and free paragraphs or lists. */
  annex: {
    content: 'annex_title (annex_paragraph | numbered_list)*',
    attrs: idAttr,
    toDOM: block('section', 'ph-annex'),
  },

  /** The title of an annex, e.g. "Provisional agenda for the thirty-third session". */
  annex_title: { content: 'text*', marks: 'emphasis', toDOM: () => ['h2', { class: 'ph-annex-title' }, 0] },

  /** An unnumbered paragraph of an annex. */
  annex_paragraph: { content: 'inline*', attrs: idAttr, toDOM: block('p', 'ph-annex-p') },

  /** Inline text. */
  text: { group: 'inline' },

  /**
   * A footnote, inline at the point of its marker; its number is computed from document
   * order (numbered through the whole document), its text is the node's content.
   */
  footnote: {
    group: 'inline',
    inline: true,
    atom: true,
    content: 'text*',
    marks: 'emphasis',
    attrs: idAttr,
    toDOM: (node: { attrs: Record<string, unknown> }) =>
      ['span', { class: 'ph-footnote', 'data-id': String(node.attrs.id ?? '') }, 0] as const,
  },

  /** A reference to another paragraph by id ("paragraph 5 above"); its number is rendered, never stored. */
  cross_reference: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { target: { default: '' } },
    toDOM: (node: { attrs: Record<string, unknown> }) =>
      ['span', { class: 'ph-xref', 'data-target': String(node.attrs.target ?? '') }] as const,
  },
  ...negotiationInlineNodes,
} satisfies Record<string, NodeSpec>;

/** Names of the node types that carry a stable `id` attribute. */
export const idNodeNames = [
  'title',
  'body_line',
  'preambular_paragraph',
  'operative_paragraph',
  'decision_paragraph',
  'subparagraph',
  'sub_subparagraph',
  'list_item',
  'annex',
  'annex_paragraph',
  'footnote',
  ...negotiationIdNodeNames,
] as const;
