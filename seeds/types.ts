/**
 * Types of the seed data (templates, phrase lists, delegations). Pure types: the data itself
 * is JSON beside this file, loaded by `seeds/index.ts`.
 */

/** A mark in ProseMirror JSON (`opener`, `emphasis`). */
export type SeedMark = { type: string; attrs?: Record<string, unknown> };

/**
 * A node in ProseMirror JSON as the templates store it; structurally a `JsonNode` of
 * shared/ids.ts, so `withFreshIds(template.doc)` accepts it.
 */
export type SeedNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: SeedNode[];
  text?: string;
  marks?: SeedMark[];
};

/** Whether a template starts a resolution (preamble + operative part) or a decision. */
export type TemplateKind = 'resolution' | 'decision';

/**
 * A template a new document is created from. `doc` is schema-valid ProseMirror JSON for
 * `resolutionSchema` with fixed readable ids ("tpl-ga-pp1"); callers must pass it through
 * `withFreshIds` before storing a document made from it. `body` repeats the doc's body line;
 * `description` says what differs from the other templates.
 */
export type Template = {
  id: string;
  name: string;
  kind: TemplateKind;
  body: string;
  /** What sets this template apart, in a sentence or two: body line, symbol pattern, where such a text goes next. */
  description: string;
  doc: SeedNode;
};

/** The languages that have a phrase list: the six official languages. */
export type PhraseLanguage = 'en' | 'fr' | 'es' | 'ar' | 'zh' | 'ru';

/** The grammatical gender of the authoring body ("L'Assemblée générale" is feminine). */
export type Gender = 'masculine' | 'feminine';

/** The two forms of an opener that agrees with the body ("Conscient" / "Consciente"). */
export type GenderedPair = Record<Gender, string>;

/** Which part of a resolution an opener belongs to. */
export type PhrasePart = 'preambular' | 'operative';

/**
 * The openers of one language (see seeds/phrases/README.md). Each phrase is the italic
 * extent of the opener, without a trailing preposition ("Takes note", not "Takes note of").
 * `gendered` pairs forms that agree with the body; both forms are also in their part's list,
 * and a phrase in no pair is invariable. `adverbs` are the words for the second ("also") and
 * third ("further") use of the same opener.
 */
export type PhraseList = {
  language: PhraseLanguage;
  adverbs: { also: string; further: string };
  preambular: string[];
  operative: string[];
  gendered: GenderedPair[];
};

/** What a delegation is: a Member State, an observer State, a negotiating group or an organization. */
export type DelegationType = 'member' | 'observer-state' | 'group' | 'organization';

/**
 * A delegation: its short code (ISO 3166-1 alpha-3 for States, a usual abbreviation for groups
 * and organizations; always /^[A-Z0-9]{2,8}$/) and its short English name as the UN writes it.
 */
export type Delegation = { code: string; name: string; type: DelegationType };
