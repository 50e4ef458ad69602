import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command } from 'prosemirror-state';
import { buildDocument, type DocumentSpec } from '../../../../shared/document/build.js';
import { computeNumbering } from '../../../../shared/document/numbering.js';
import { resolutionSchema } from '../../../../schemas/resolution-schema.js';
import { findTemplate } from '../../../../seeds/index.js';
import { withFreshIds, type JsonNode } from '../../../../shared/ids.js';
import { uniqueIdsPlugin } from '../../../../renderer/editor/commands/unique-ids.js';
import { findIdProblems } from '../../../../renderer/editor/commands/unique-ids.js';

/**
 * Test helpers for the structure commands: real states over the real schema with the
 * unique-ids plugin, a readable outline of a document, and the cursor placed by paragraph.
 */

/** A state over `doc` with the unique-ids plugin and the cursor at the start of the first paragraph text. */
export function stateOf(doc: Node): EditorState {
  return EditorState.create({ doc, plugins: [uniqueIdsPlugin()] });
}

/** A state over a built document. */
export function stateFrom(spec: DocumentSpec): EditorState {
  return stateOf(buildDocument(spec));
}

/** A state over the Blank resolution template (fresh ids), cursor in the title. */
export function blankState(): EditorState {
  const template = findTemplate('blank-resolution');
  if (!template) throw new Error('blank-resolution template missing');
  const state = stateOf(resolutionSchema.nodeFromJSON(withFreshIds(template.doc as unknown as JsonNode)));
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, 2)));
}

/** The position of the numbered paragraph whose path is `path` ("PP 2", "OP 1 (b)"), throwing when absent. */
export function posOf(state: EditorState, path: string): number {
  const entry = computeNumbering(state.doc).entries.find((e) => e.path === path);
  if (!entry) throw new Error(`no paragraph ${path} in ${outline(state.doc).join(' | ')}`);
  return entry.pos;
}

/** `state` with the cursor at `offset` in the text of the paragraph at `path` (offset -1: the end). */
export function at(state: EditorState, path: string, offset = 0): EditorState {
  const pos = posOf(state, path);
  const size = state.doc.nodeAt(pos)?.firstChild?.content.size ?? 0;
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos + 2 + (offset < 0 ? size : offset))));
}

/** Runs `command` like a view would (appended transactions included); null when it does not apply. */
export function run(state: EditorState, command: Command): EditorState | null {
  let next: EditorState | null = null;
  const applied = command(state, (tr) => (next = state.applyTransaction(tr).state));
  if (applied && !next) return state;
  return next;
}

/** Runs `command`, throwing when it does not apply. */
export function must(state: EditorState, command: Command): EditorState {
  const next = run(state, command);
  if (!next) throw new Error('command did not apply');
  return next;
}

/** The document as "path: text" lines in document order ("PP 1: Recalling", "OP 2 (a): ..."). */
export function outline(doc: Node): string[] {
  return computeNumbering(doc)
    .entries.filter((e) => e.kind !== 'footnote')
    .map((e) => `${e.path}: ${doc.nodeAt(e.pos)?.firstChild?.textContent ?? ''}`);
}

/** Where the cursor is: "path@offset" of the innermost numbered paragraph holding it. */
export function cursorAt(state: EditorState): string {
  const { $from } = state.selection;
  const pos = $from.before($from.depth - 1);
  const entry = computeNumbering(state.doc).entries.find((e) => e.pos === pos);
  return `${entry?.path ?? $from.parent.type.name}@${$from.parentOffset}`;
}

/** Throws unless `doc` is schema-valid with unique, non-empty ids. */
export function expectSound(doc: Node): void {
  doc.check();
  const problems = findIdProblems(doc);
  if (problems.length) throw new Error(`id problems at ${problems.join(', ')}`);
}
