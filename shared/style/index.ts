/**
 * UN style checking: pure rules over the resolution schema (openers, punctuation,
 * also/further, citations, document symbols, empty paragraphs and footnotes), a full and an
 * incremental checker, and the text helpers an editor needs to place and apply fixes.
 */
export * from './types.js';
export { checkDocument, createStyleChecker, type StyleChecker } from './check.js';
export { applyFix, atomChar, paragraphText, textOffsetToPos, type ParagraphText, type TextAtom } from './text.js';
export { canonicalSymbol } from './rules/symbol.js';
