import type { EditorState, Transaction } from 'prosemirror-state';
import { delegations } from '../../seeds/index.js';
import { delegationName } from '../i18n/names.js';
import type { Delegation } from '../../seeds/types.js';
import { readHeader } from '../../shared/document/header.js';
import type { HeaderAttrs } from '../../shared/document/header.js';

/**
 * The document's metadata edited as ordinary transactions: header attributes through
 * `setNodeMarkup` on the header atom, title and body line by replacing their text. Being
 * transactions, they sync through the Y.Doc and undo like any edit.
 */

/** The header fields the metadata panel edits (everything but the report heading). */
export type MetadataPatch = Partial<Omit<HeaderAttrs, 'heading'>>;

/**
 * One transaction applying `patch` to the header atom's attributes (other attributes kept),
 * or null when the document has no header or nothing would change.
 */
export function setHeaderTr(state: EditorState, patch: MetadataPatch): Transaction | null {
  const header = state.doc.firstChild;
  if (!header || header.type.name !== 'header') return null;
  const current = readHeader(state.doc);
  const changed = (Object.keys(patch) as (keyof MetadataPatch)[]).some(
    (key) => JSON.stringify(patch[key]) !== JSON.stringify(current[key]),
  );
  if (!changed) return null;
  return state.tr.setNodeMarkup(0, undefined, { ...header.attrs, ...patch });
}

/** The top-level text blocks the metadata panel edits. */
export type TextField = 'title' | 'body_line';

/**
 * One transaction replacing the whole text of the document's `title` or `body_line` with
 * `text` (plain, marks dropped), or null when it is unchanged or the block is missing.
 */
export function setBlockTextTr(state: EditorState, field: TextField, text: string): Transaction | null {
  let found: { pos: number; size: number; current: string } | null = null;
  state.doc.forEach((child, offset) => {
    if (!found && child.type.name === field) found = { pos: offset, size: child.content.size, current: child.textContent };
  });
  const block = found as { pos: number; size: number; current: string } | null;
  if (!block || block.current === text) return null;
  const from = block.pos + 1;
  const tr = state.tr;
  if (text === '') return tr.delete(from, from + block.size);
  return tr.replaceWith(from, from + block.size, state.schema.text(text));
}

/** `sponsors` with `sponsor` appended (order kept); unchanged when already present. */
export function addSponsor(sponsors: readonly string[], sponsor: string): string[] {
  return sponsors.includes(sponsor) ? [...sponsors] : [...sponsors, sponsor];
}

/** `sponsors` without `sponsor`. */
export function removeSponsor(sponsors: readonly string[], sponsor: string): string[] {
  return sponsors.filter((s) => s !== sponsor);
}

/**
 * Delegations whose code, name or name in the interface language contains `query` (case- and accent-insensitive), codes
 * matching exactly first, leaving out those named in `exclude` (by code or name, as the
 * header's sponsors may hold either); at most `limit`.
 */
export function filterDelegations(query: string, exclude: readonly string[] = [], limit = 50): Delegation[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(query.trim());
  const matches = delegations.filter(
    (d) => !exclude.includes(d.code) && !exclude.includes(d.name) && (q === '' || fold(d.code).includes(q) || fold(d.name).includes(q) || fold(delegationName(d)).includes(q)),
  );
  const exact = matches.filter((d) => fold(d.code) === q);
  return [...exact, ...matches.filter((d) => fold(d.code) !== q)].slice(0, limit);
}
