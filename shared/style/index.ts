/**
 * UN style checking: pure rules over the resolution schema (openers, punctuation,
 * also/further, citations, document symbols, empty paragraphs and footnotes), a full and an
 * incremental checker, and the text helpers an editor needs to place and apply fixes.
 */
/** The problem, fix and rule types. */
export * from './types.js';
/** The full and the incremental checker. */
export { checkDocument, createStyleChecker, type StyleChecker } from './check.js';
/** The text the rules read, mapping its offsets to document positions, and applying a fix. */
export { applyFix, atomChar, paragraphText, textOffsetToPos, type ParagraphText, type TextAtom } from './text.js';
/** The canonical form of a document symbol ("a/res/77/231" -> "A/RES/77/231"). */
export { canonicalSymbol } from './rules/symbol.js';
/** The catalogue sentences of problems and fixes in an interface language. */
export { hintText, hintKeys, type HintKey, type HintValue } from './hint-text.js';
