/**
 * Types of the UN style checker: the problems it reports, the quick fixes it offers and the
 * small document context each paragraph rule sees. Pure types, no behaviour.
 */
import type { Language } from '../document/labels.js';

/** The rules, one id each; an editor may let people silence a rule by its id. */
export type RuleId =
  | 'opener-unknown'
  | 'opener-kind'
  | 'opener-case'
  | 'opener-particle'
  | 'adverb-order'
  | 'repeated-opener'
  | 'punctuation'
  | 'citation'
  | 'symbol'
  | 'empty-paragraph'
  | 'empty-footnote'
  | 'broken-reference'
  | 'import-note';

/**
 * One replacement in a text: characters `from`..`to` (offsets in the text the problem names,
 * see `StyleProblem`) are replaced by `insert`. `from === to` inserts.
 */
export type TextEdit = { from: number; to: number; insert: string };

/** A quick fix: a label for people ("Replace ',' with ';'") and non-overlapping edits. */
export type StyleFix = { label: string; edits: TextEdit[] };

/**
 * One style problem. `paragraphId` is the id of the node whose text holds the range: a
 * paragraph-level node (offsets in its paragraph text, see `paragraphText` in text.ts, where
 * each inline atom counts as one character) or a footnote (offsets in the footnote's own
 * text). `message` names the place for people ("OP 3: ...", "Footnote 2: ..."). `fix` is
 * present only when the correction is certain. Problems are warnings or hints; they never
 * block typing.
 */
export type StyleProblem = {
  rule: RuleId;
  paragraphId: string;
  from: number;
  to: number;
  severity: 'warning' | 'info';
  message: string;
  fix?: StyleFix;
  /** For hints whose sentence comes from the interface catalogues: its key and values (see hint-text.ts). */
  hint?: { key: string; values: Record<string, string> };
};

/**
 * What a paragraph is for the rules: 'pp' preambular, 'op' operative, 'decision' a decision's
 * lettered paragraph, 'sub' (a)-level, 'subsub' (i)-level, 'item' a numbered-list item,
 * 'annex' an annex paragraph.
 */
export type UnitKind = 'pp' | 'op' | 'decision' | 'sub' | 'subsub' | 'item' | 'annex';

/** Which opener grammar a paragraph follows: preambular (participle) or operative (verb). */
export type OpenerPart = 'pp' | 'op';

/** The document language, as the header stores it. */
export type StyleLanguage = Language;

/**
 * A problem as a paragraph rule reports it, before the checker names the place: `describe`
 * receives the current path of a node id ("OP 3", "Footnote 2") and returns the message.
 * Paths are resolved when results are returned, so cached problems stay right when
 * paragraphs are renumbered.
 */
export type LocalProblem = Omit<StyleProblem, 'message'> & { describe: (pathOf: (id: string) => string) => string };
