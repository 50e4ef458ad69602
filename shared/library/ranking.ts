/**
 * How the library orders its hits: match quality first, then what makes language more
 * "agreed": adopted over draft, recent over old, the body the drafter writes for, and a
 * passage many texts share. The bonuses together weigh at most 0.2 against a quality of
 * up to 0.8, so they reorder near-equal matches and never lift a poor match above a good one.
 */

/** What ranks one hit. `quality` 0..1 (FTS5 relevance relative to the best, or similarity); `day` YYYY-MM-DD or ''. */
export type RankFacts = { quality: number; adopted: boolean; day: string; body: string; sharedBy: number };

/** What the whole answer shares: the body to prefer ('' for none) and the newest day among the candidates. */
export type RankContext = { body: string; newestDay: string };

/** The weight of each part of a score (they add up to 1). */
export const rankWeights = { quality: 0.8, adopted: 0.08, recency: 0.06, sameBody: 0.03, shared: 0.03 } as const;

/**
 * The score of one hit, 0..1, higher is better. Recency is 1 for the newest day of the
 * answer, falling linearly to 0 at 20 years older (and 0 without a day); the same body is
 * compared case- and punctuation-blind ('The General Assembly,' = 'the general assembly');
 * sharing counts fully from 16 documents up (log scale).
 */
export function rankScore(facts: RankFacts, context: RankContext): number {
  const w = rankWeights;
  const quality = Math.max(0, Math.min(1, facts.quality));
  const recency = facts.day === '' || context.newestDay === '' ? 0 : Math.max(0, 1 - yearsBetween(facts.day, context.newestDay) / 20);
  const sameBody = context.body !== '' && bodyKey(facts.body) === bodyKey(context.body) ? 1 : 0;
  const shared = Math.min(1, Math.log2(Math.max(1, facts.sharedBy)) / 4);
  return w.quality * quality + w.adopted * (facts.adopted ? 1 : 0) + w.recency * recency + w.sameBody * sameBody + w.shared * shared;
}

/** The newest of `days` (YYYY-MM-DD strings, '' ignored), '' when none. */
export function newestDay(days: Iterable<string>): string {
  let newest = '';
  for (const d of days) if (d > newest) newest = d;
  return newest;
}

/**
 * The quality of an FTS5 match from its bm25 value (negative, more negative is better)
 * relative to the best of the answer: 1 for the best, proportionally less for the others.
 */
export function bm25Quality(value: number, best: number): number {
  if (!(best < 0) || !(value < 0)) return 1;
  return Math.min(1, value / best);
}

function yearsBetween(a: string, b: string): number {
  return Math.abs(Date.parse(b) - Date.parse(a)) / (365.25 * 24 * 3600 * 1000) || 0;
}

function bodyKey(body: string): string {
  return body.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
