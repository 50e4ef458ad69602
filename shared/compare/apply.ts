import type { Node } from 'prosemirror-model';
import type { Comparison, UnitKind } from './types.js';
import { listUnits } from './units.js';
import { applyWordDiff } from './word-diff.js';

/** One unit of a rebuilt version: its kind and its text (as `unitText` writes it). */
export type RebuiltUnit = { kind: UnitKind; text: string };

/**
 * Rebuilds the new version's units from the old document and a comparison: walks
 * `comparison.paragraphs` in order, takes each matched or deleted unit's text from
 * `oldDoc` (at `oldPos`), applies its word diff, and drops deleted units. With a correct
 * comparison of `oldDoc` and some new document, the result equals that document's units
 * (kind and text, in order). Throws an Error when the comparison does not fit `oldDoc`: an
 * old position that is no unit, an old unit used twice or never, a word diff that does not
 * fit the old text, or a deleted unit whose diff keeps text.
 */
export function applyComparison(oldDoc: Node, comparison: Comparison): RebuiltUnit[] {
  const oldUnits = new Map(listUnits(oldDoc).map((unit) => [unit.pos, unit]));
  const used = new Set<number>();
  const out: RebuiltUnit[] = [];
  for (const change of comparison.paragraphs) {
    let oldText = '';
    if (change.oldPos !== null) {
      const old = oldUnits.get(change.oldPos);
      if (!old) throw new Error(`no unit of the old document at position ${change.oldPos}`);
      if (used.has(old.pos)) throw new Error(`the old unit at ${old.path} is used twice`);
      used.add(old.pos);
      oldText = old.text;
    }
    const text = applyWordDiff(oldText, change.words);
    if (change.status === 'deleted') {
      if (text !== '') throw new Error(`deleted unit ${change.oldPath ?? '?'} keeps text`);
      continue;
    }
    out.push({ kind: change.kind, text });
  }
  if (used.size !== oldUnits.size) throw new Error(`${oldUnits.size - used.size} units of the old document are missing from the comparison`);
  return out;
}
