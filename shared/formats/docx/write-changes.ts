/**
 * Which paragraph of an old rendering goes with which of the new one, for tracked changes:
 * paragraphs are matched as the compare engine matches the two documents' units (stable
 * id, then equal or similar text: shared/compare `compareDocuments`), masthead lines by what
 * they are; matched pairs that keep their order (a longest increasing subsequence over the
 * whole rendering) are compared word by word, every other paragraph is deleted where it
 * stood and inserted where it stands, so a moved paragraph is a deletion and an insertion
 * and both orders are exact: accepting every change gives the new rendering, rejecting
 * every change the old one.
 */
import type { Node } from 'prosemirror-model';
import { compareDocuments, longestIncreasingSubsequence } from '../../compare/index.js';
import type { Block } from './write-blocks.js';

/** One paragraph to write: an old one and its new version, a new one only, or an old one only. */
export type AlignedBlock = { older: Block | null; newer: Block | null };

function keyOf(block: Block, unit: number | null): string {
  return block.unit === null ? `h:${block.role}` : `u:${unit ?? -1}:${block.role}`;
}

/**
 * The paragraphs of both renderings in one sequence (see the module comment): every old
 * block once, every new block once; reading the pairs' and new-only blocks gives `newer`
 * in order, reading the pairs' and old-only blocks gives `older` in order. Within a gap
 * between two pairs the deleted paragraphs come first.
 */
export function alignBlocks(older: readonly Block[], newer: readonly Block[], oldDoc: Node, newDoc: Node): AlignedBlock[] {
  const unitOf = new Map<number, number>();
  for (const change of compareDocuments(oldDoc, newDoc).paragraphs) {
    if (change.oldPos !== null && change.newPos !== null) unitOf.set(change.oldPos, change.newPos);
  }
  const newIndex = new Map<string, number>();
  newer.forEach((block, j) => {
    const key = keyOf(block, block.unit);
    if (!newIndex.has(key)) newIndex.set(key, j);
  });
  const candidates: [number, number][] = [];
  const used = new Set<number>();
  older.forEach((block, i) => {
    const unit = block.unit === null ? null : unitOf.get(block.unit);
    if (block.unit !== null && unit === undefined) return;
    const j = newIndex.get(keyOf(block, unit ?? null));
    if (j === undefined || used.has(j)) return;
    used.add(j);
    candidates.push([i, j]);
  });
  const kept = longestIncreasingSubsequence(candidates.map(([, j]) => j));
  const out: AlignedBlock[] = [];
  let i = 0;
  let j = 0;
  const until = (oi: number, nj: number): void => {
    for (; i < oi; i++) out.push({ older: older[i] ?? null, newer: null });
    for (; j < nj; j++) out.push({ older: null, newer: newer[j] ?? null });
  };
  candidates.forEach(([oi, nj], k) => {
    if (!kept[k]) return;
    until(oi, nj);
    out.push({ older: older[oi] ?? null, newer: newer[nj] ?? null });
    i = oi + 1;
    j = nj + 1;
  });
  until(older.length, newer.length);
  return out;
}
