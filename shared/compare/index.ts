/**
 * Compare any two versions of a document: paragraph-level units matched by stable id,
 * then by text similarity; moves found by a longest increasing subsequence; a word diff
 * inside each paragraph. Pure (no I/O). Import from here.
 */
/** The unit, word-diff, change and comparison types. */
export * from './types.js';
/** Comparing two documents, counting and summarizing changes, and rebuilding the new text from the old. */
export { applyComparison, compareDocuments, countChanges, summaryLine, type RebuiltUnit } from './compare.js';
/** The paragraph-level units of a document and the comparable text of each. */
export { listUnits, unitText, inlineText, isCountedKind } from './units.js';
/** Matching units of two versions by id, equal text and word-bigram similarity. */
export { matchUnits, diceSimilarity, wordFeatures, similarityThreshold, type Matching } from './match.js';
/** Finding moved units with a longest increasing subsequence. */
export { findMoves, longestIncreasingSubsequence } from './moves.js';
/** The word diff inside a paragraph: computing, applying and printing it. */
export { wordDiff, applyWordDiff, formatWordDiff } from './word-diff.js';
