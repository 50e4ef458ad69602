import type { MarkSpec } from 'prosemirror-model';

/** The mark specs of a UN resolution, as plain data. */
export const resolutionMarks = {
  /**
   * The italic opening phrase of a paragraph ("Recalling also", "Requests", "Welcomes with
   * appreciation"). It is a mark on the paragraph's own text rather than a computed
   * decoration or a separate node because:
   * - its extent cannot be derived from a phrase list: adopted texts use openers no list
   *   holds ("Strongly encourages"), and in French and Spanish the participle agrees with the
   *   body, so the author's (or importer's) decision must be stored;
   * - it stays ordinary text: searchable, diffable, exported, and merged character by
   *   character by Yjs when two delegations edit the same opener at once (a node would make
   *   the opener an atomic unit and a concurrent edit a conflict);
   * - it is non-inclusive, so typing after the phrase does not italicize the rest.
   * The editor re-applies it when a paragraph's start matches the phrase lists.
   */
  opener: {
    inclusive: false,
    parseDOM: [{ tag: 'em.ph-opener' }],
    toDOM: () => ['em', { class: 'ph-opener' }, 0] as const,
  },

  /** Italic emphasis inside text (titles of instruments cited in italics, foreign words). */
  emphasis: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }],
    toDOM: () => ['i', 0] as const,
  },
} satisfies Record<string, MarkSpec>;
