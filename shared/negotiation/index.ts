/**
 * Negotiation on the resolution schema: the bracket model, facilitator actions,
 * suggestion-mode proposals, views (compilation, clean, a delegation's proposals) and
 * checks. Import from here.
 */
export * from './model.js';
export * from './bracket-ops.js';
export * from './merge-ops.js';
export * from './paragraph-ops.js';
export * from './proposals.js';
export * from './validate.js';
export * from './views.js';
export * from './stable-numbering.js';
