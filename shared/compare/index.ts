/**
 * Compare any two versions of a document: paragraph-level units matched by stable id,
 * then by text similarity; moves found by a longest increasing subsequence; a word diff
 * inside each paragraph. Pure (no I/O). Import from here.
 */
export * from './types.js';
export { applyComparison, compareDocuments, countChanges, summaryLine, type RebuiltUnit } from './compare.js';
export { listUnits, unitText, inlineText, isCountedKind } from './units.js';
export { matchUnits, diceSimilarity, wordFeatures, similarityThreshold, type Matching } from './match.js';
export { findMoves, longestIncreasingSubsequence } from './moves.js';
export { wordDiff, applyWordDiff, formatWordDiff } from './word-diff.js';
