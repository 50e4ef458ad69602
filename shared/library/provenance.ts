import type { LibraryHit, ProvenanceParagraph, ProvenanceStatus } from '../api/library-contract.js';

/** The similarity from which a paragraph counts as near (reworded) agreed language. */
export const nearThreshold = 0.6;

/**
 * The status of one paragraph from its hits (each with `similarity`): 'verbatim' when a hit
 * has similarity 1 (the same words), 'near' when the best is at least `nearThreshold`,
 * 'new' otherwise; with the hit that decided it (the most similar; on a tie the first,
 * i.e. the best ranked), null when new.
 */
export function classifyParagraph(hits: readonly LibraryHit[]): { status: ProvenanceStatus; hit: LibraryHit | null } {
  let best: LibraryHit | null = null;
  for (const hit of hits) if ((hit.similarity ?? 0) > (best?.similarity ?? 0)) best = hit;
  if (!best) return { status: 'new', hit: null };
  const sim = best.similarity ?? 0;
  if (sim >= 1) return { status: 'verbatim', hit: best };
  if (sim >= nearThreshold) return { status: 'near', hit: best };
  return { status: 'new', hit: null };
}

/** The share of agreed language of a report: the fraction of paragraphs that are verbatim or near (0 when there are none). */
export function agreedShare(paragraphs: readonly Pick<ProvenanceParagraph, 'status'>[]): number {
  if (paragraphs.length === 0) return 0;
  return paragraphs.filter((p) => p.status !== 'new').length / paragraphs.length;
}
