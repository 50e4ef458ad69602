import type { Node } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { expect } from 'vitest';
import { validateDocument } from '../../../shared/document/validate.js';
import { bracketRange } from '../../../shared/negotiation/bracket-ops.js';
import { negotiationProblems } from '../../../shared/negotiation/validate.js';

/** An editor state over `doc` (no plugins: the operations are pure). */
export function stateOf(doc: Node): EditorState {
  return EditorState.create({ doc });
}

/** The document range of the first occurrence of `text` inside one text node. */
export function rangeOf(doc: Node, text: string, nth = 0): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  let seen = 0;
  doc.descendants((node, pos) => {
    if (found || !node.isText) return !found;
    const at = (node.text ?? '').indexOf(text);
    if (at >= 0 && seen++ === nth) found = { from: pos + at, to: pos + at + text.length };
    return false;
  });
  if (!found) throw new Error(`"${text}" not found`);
  return found;
}

/** Position of the first node of type `name` (optionally with attribute id `id`). */
export function posOf(doc: Node, name: string, id?: string): number {
  let result = -1;
  doc.descendants((node, pos) => {
    if (result >= 0) return false;
    if (node.type.name === name && (id === undefined || node.attrs.id === id)) result = pos;
    return true;
  });
  if (result < 0) throw new Error(`no ${name}${id ? ` ${id}` : ''}`);
  return result;
}

/** Applies a transaction that must exist and checks the result is schema-valid and consistent. */
export function apply(state: EditorState, tr: Transaction | null): EditorState {
  expect(tr).not.toBeNull();
  const next = state.apply(tr as Transaction);
  validateDocument(next.doc.toJSON());
  expect(negotiationProblems(next.doc)).toEqual([]);
  return next;
}

/** `doc` with the whole text of each paragraph-level node whose text starts with one of `starts` in an inline bracket of USA. */
export function bracketWholeTexts(doc: Node, starts: string[]): Node {
  let state = stateOf(doc);
  for (const start of starts) {
    let range: { from: number; to: number } | undefined;
    state.doc.descendants((node, pos) => {
      if (range || node.type.name !== 'paragraph_text' || !node.textContent.startsWith(start)) return !range;
      range = { from: pos + 1, to: pos + 1 + node.content.size };
      return false;
    });
    if (!range) throw new Error(`no paragraph starting "${start}"`);
    const tr = bracketRange(state, { ...range, proposedBy: ['USA'] });
    if (!tr) throw new Error(`cannot bracket "${start}"`);
    state = state.apply(tr);
  }
  return state.doc;
}
