import type { Node } from 'prosemirror-model';
import { matchUnits } from './match.js';
import { findMoves } from './moves.js';
import type { ChangeCounts, Comparison, ParagraphChange, Unit, UnitKind } from './types.js';
import { isCountedKind, listUnits } from './units.js';
import { applyWordDiff, wordDiff } from './word-diff.js';

/**
 * Compares two versions of a document unit by unit (see `Unit`): units are matched by
 * stable id, then by equal or similar text (see `matchUnits`); a matched pair is
 * 'moved' (see `findMoves`; `changed` tells whether its text differs too), else 'changed'
 * or 'unchanged'; unmatched units are 'inserted' or 'deleted'. Every unit of both versions
 * appears once in `paragraphs`, in new-document order, each deleted unit placed after the
 * unit that preceded it in the old version (right after it when that unit was its parent,
 * else after that unit's children). `counts` counts the counted units only: preambular,
 * operative and decision paragraphs, subparagraphs at both levels, list items and annex
 * paragraphs; not the title, the body line or annex titles. Pure; does not modify the documents.
 */
export function compareDocuments(oldDoc: Node, newDoc: Node): Comparison {
  const oldUnits = listUnits(oldDoc);
  const newUnits = listUnits(newDoc);
  const matching = matchUnits(oldUnits, newUnits);
  const moved = findMoves(oldUnits, newUnits, matching);
  const newChanges = newUnits.map((unit) => {
    const old = oldUnits[matching.newToOld[unit.index] ?? -1];
    if (!old) return inserted(unit);
    const changed = old.text !== unit.text;
    const status = moved[unit.index] ? 'moved' : changed ? 'changed' : 'unchanged';
    return {
      ...describe(old, unit),
      status,
      changed,
      matchedBy: matching.by[unit.index] ?? null,
      words: wordDiff(old.text, unit.text),
    } satisfies ParagraphChange;
  });
  const paragraphs = placeDeleted(oldUnits, newUnits, matching.oldToNew, newChanges);
  return { paragraphs, counts: countChanges(paragraphs) };
}

function describe(old: Unit | null, unit: Unit | null): Omit<ParagraphChange, 'status' | 'changed' | 'matchedBy' | 'words'> {
  const kind = (unit ?? old)?.kind ?? 'op';
  return {
    kind,
    counted: isCountedKind(kind),
    oldId: old?.id ?? null,
    newId: unit?.id ?? null,
    oldPath: old?.path ?? null,
    newPath: unit?.path ?? null,
    oldPos: old?.pos ?? null,
    newPos: unit?.pos ?? null,
    oldText: old?.text ?? null,
    newText: unit?.text ?? null,
  };
}

function inserted(unit: Unit): ParagraphChange {
  return { ...describe(null, unit), status: 'inserted', changed: true, matchedBy: null, words: wordDiff('', unit.text) };
}

function deleted(unit: Unit): ParagraphChange {
  return { ...describe(unit, null), status: 'deleted', changed: true, matchedBy: null, words: wordDiff(unit.text, '') };
}

function placeDeleted(
  oldUnits: readonly Unit[],
  newUnits: readonly Unit[],
  oldToNew: readonly number[],
  newChanges: readonly ParagraphChange[],
): ParagraphChange[] {
  const atStart: ParagraphChange[] = [];
  const afterEntry = new Map<number, ParagraphChange[]>();
  const afterSubtree = new Map<number, ParagraphChange[]>();
  const push = (map: Map<number, ParagraphChange[]>, key: number, change: ParagraphChange): void => {
    const list = map.get(key);
    if (list) list.push(change);
    else map.set(key, [change]);
  };
  let anchor = -1;
  for (const unit of oldUnits) {
    const n = oldToNew[unit.index] ?? -1;
    if (n !== -1) {
      anchor = unit.index;
      continue;
    }
    const anchorNew = oldToNew[anchor] ?? -1;
    if (anchorNew === -1) atStart.push(deleted(unit));
    else if (isAncestor(oldUnits, anchor, unit.index)) push(afterEntry, anchorNew, deleted(unit));
    else push(afterSubtree, anchorNew, deleted(unit));
  }
  const subtreeEnd = newUnits.map((u) => u.index);
  for (let i = newUnits.length - 1; i >= 0; i--) {
    const parent = newUnits[i]?.parent ?? -1;
    if (parent !== -1) subtreeEnd[parent] = Math.max(subtreeEnd[parent] ?? parent, subtreeEnd[i] ?? i);
  }
  const out = [...atStart];
  newChanges.forEach((change, i) => {
    out.push(change, ...(afterEntry.get(i) ?? []));
    // Close every subtree ending here, innermost first.
    for (let a = i; a !== -1 && subtreeEnd[a] === i; a = newUnits[a]?.parent ?? -1) out.push(...(afterSubtree.get(a) ?? []));
  });
  return out;
}

function isAncestor(units: readonly Unit[], ancestor: number, index: number): boolean {
  for (let p = units[index]?.parent ?? -1; p !== -1; p = units[p]?.parent ?? -1) if (p === ancestor) return true;
  return false;
}

/** The counts of the counted paragraphs among `paragraphs` (see `ChangeCounts`). */
export function countChanges(paragraphs: readonly ParagraphChange[]): ChangeCounts {
  const counts: ChangeCounts = { inserted: 0, deleted: 0, moved: 0, changed: 0, unchanged: 0 };
  for (const change of paragraphs) if (change.counted) counts[change.status]++;
  return counts;
}

/**
 * The summary line of a comparison for people: "3 inserted, 1 deleted, 2 moved, 7 changed",
 * leaving out the statuses with a zero count (unchanged paragraphs are never listed), or
 * "no changes" when nothing was inserted, deleted, moved or changed.
 */
export function summaryLine(counts: ChangeCounts): string {
  const parts = (['inserted', 'deleted', 'moved', 'changed'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  return parts.length === 0 ? 'no changes' : parts.join(', ');
}

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
      // internal: a check of the comparison against itself: no input can make it fail, only a bug in compare
      if (!old) throw new Error(`no unit of the old document at position ${change.oldPos}`);
      // internal: a check of the comparison against itself: no input can make it fail, only a bug in compare
      if (used.has(old.pos)) throw new Error(`the old unit at ${old.path} is used twice`);
      used.add(old.pos);
      oldText = old.text;
    }
    const text = applyWordDiff(oldText, change.words);
    if (change.status === 'deleted') {
      // internal: a check of the comparison against itself: no input can make it fail, only a bug in compare
      if (text !== '') throw new Error(`deleted unit ${change.oldPath ?? '?'} keeps text`);
      continue;
    }
    out.push({ kind: change.kind, text });
  }
  // internal: a check of the comparison against itself: no input can make it fail, only a bug in compare
  if (used.size !== oldUnits.size) throw new Error(`${oldUnits.size - used.size} units of the old document are missing from the comparison`);
  return out;
}
