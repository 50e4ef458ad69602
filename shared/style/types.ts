/**
 * Types of the UN style checker: the problems it reports, the quick fixes it offers and the
 * small document context each paragraph rule sees. Pure types, no behaviour.
 */
import type { Language } from '../document/labels.js';
import type { HintKey } from './hint-text.js';

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

/**
 * A quick fix: a label for people and non-overlapping edits. `hint` is the label's catalogue
 * sentence (an interface shows `hintText(hint, language)`); `label` is its English text
 * ("Replace \",\" with \";\""), for the CLI and logs. Build one with `styleFix` (fix.ts).
 */
export type StyleFix = { label: string; hint: HintKey; edits: TextEdit[] };

/**
 * One style problem. `paragraphId` is the id of the node whose text holds the range: a
 * paragraph-level node (offsets in its paragraph text, see `paragraphText` in text.ts, where
 * each inline atom counts as one character) or a footnote (offsets in the footnote's own
 * text). `place` names where it is, in the document's language ("OP 3", "Footnote 2");
 * `hint` is what is wrong as a catalogue sentence (an interface shows `place` and
 * `hintText(hint, language)`); `message` is both in English ("OP 3: ..."). `fix` is
 * present only when the correction is certain. Problems are warnings or hints; they never
 * block typing.
 */
export type StyleProblem = {
  rule: RuleId;
  paragraphId: string;
  from: number;
  to: number;
  severity: 'warning' | 'info';
  place: string;
  message: string;
  hint: HintKey;
  fix?: StyleFix;
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
 * A problem as a paragraph rule reports it, before the checker names the place: `hint` is
 * its catalogue sentence, or a function of the current path of a node id ("OP 3",
 * "Footnote 2") when the sentence names another place; `place`, when given, names the place
 * from those paths (by default the path of `paragraphId`). Paths are resolved when results
 * are returned, so cached problems stay right when paragraphs are renumbered.
 */
export type LocalProblem = Omit<StyleProblem, 'message' | 'place' | 'hint'> & {
  hint: HintKey | ((pathOf: (id: string) => string) => HintKey);
  place?: (pathOf: (id: string) => string) => string;
};
