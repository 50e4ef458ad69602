/**
 * Document operations on the resolution schema: labels, numbering computed from position,
 * the plain-text UN layout exporter, counts, builders and validation. Import from here.
 */
export * from './labels.js';
export * from './header.js';
export * from './numbering.js';
export * from './export-text.js';
export * from './summary.js';
export * from './build.js';
export * from './validate.js';
